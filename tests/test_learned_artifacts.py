"""The committed model artifacts: skops files with complete meta.json, loaded only with the
reviewed trusted types; no pickle anywhere in the repository."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sklearn.preprocessing import StandardScaler

from assistant.errors import ModelError
from assistant.learned.artifact import (
    META_FILE,
    META_KEYS,
    MODEL_FILE,
    MODELS_DIR,
    TRUSTED_TYPES,
    load_artifact,
    save,
    stored_types,
)
from assistant.learned.confidence import LinearScorer, model_name, scorer
from assistant.learned.paths import runtime_versions
from assistant.learned.training import estimator
from assistant.result import COMPONENTS

REPO = Path(__file__).resolve().parents[1]
NAMES = [model_name(component) for component in COMPONENTS]
PICKLE_SUFFIXES = (".pkl", ".pickle", ".joblib")


def _tiny_model() -> object:
    return estimator().fit([{"a": 0.0}, {"a": 1.0}, {"a": 0.2}, {"a": 0.9}], [0, 1, 0, 1])


def _meta(name: str, **changes: object) -> dict:
    meta = {"name": name, "version": "test", **runtime_versions(), "features": ["a"],
            "labels": {"0": "wrong", "1": "right"}, "metrics": {}, "trained_on": {},
            "seed": 1}
    return {**meta, **changes}


@pytest.mark.parametrize("name", NAMES)
def test_committed_artifact_loads(name: str) -> None:
    artifact = load_artifact(name)
    assert artifact.meta["name"] == name
    assert hasattr(artifact.estimator, "predict_proba")


@pytest.mark.parametrize("name", NAMES)
def test_meta_json_is_complete(name: str) -> None:
    meta = json.loads((MODELS_DIR / name / META_FILE).read_text(encoding="utf-8"))
    assert [key for key in META_KEYS if key not in meta] == []
    assert len(meta["trained_on"]["sha256"]) == 64
    assert meta["features"], "a model without features"


@pytest.mark.parametrize("name", NAMES)
def test_artifact_holds_only_reviewed_types(name: str) -> None:
    assert stored_types(MODELS_DIR / name / MODEL_FILE) <= set(TRUSTED_TYPES)


@pytest.mark.parametrize("name", NAMES)
def test_artifact_is_deflated(name: str) -> None:
    with zipfile.ZipFile(MODELS_DIR / name / MODEL_FILE) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_no_pickle_files_in_the_repository() -> None:
    ignored = {".venv", ".git", "node_modules"}
    found = [p for p in REPO.rglob("*") if p.suffix in PICKLE_SUFFIXES
             and not ignored & set(p.relative_to(REPO).parts)]
    assert found == []


def test_saved_artifact_round_trips(tmp_path: Path) -> None:
    save("tiny", _tiny_model(), _meta("tiny"), tmp_path)
    loaded = load_artifact("tiny", tmp_path)
    assert loaded.estimator.predict_proba([{"a": 1.0}])[0, 1] > 0.5


def test_loading_warns_on_a_version_mismatch(tmp_path: Path) -> None:
    save("old", _tiny_model(), _meta("old", sklearn_version="0.0.1"), tmp_path)
    with pytest.warns(RuntimeWarning, match="retrain"):
        load_artifact("old", tmp_path)


def test_unreviewed_types_are_refused(tmp_path: Path) -> None:
    save("scaler", StandardScaler().fit([[0.0], [1.0]]), _meta("scaler"), tmp_path)
    with pytest.raises(ModelError, match="unreviewed"):
        load_artifact("scaler", tmp_path)


def test_incomplete_meta_is_refused(tmp_path: Path) -> None:
    meta = _meta("partial")
    del meta["trained_on"]
    with pytest.raises(ModelError, match="trained_on"):
        save("partial", _tiny_model(), meta, tmp_path)


def test_missing_artifact_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot load"):
        load_artifact("absent", tmp_path)


@pytest.mark.parametrize("component", COMPONENTS)
def test_plain_weights_match_the_skops_model(component: str) -> None:
    """Analysis scores with weights.json; it must be the committed skops model, exactly."""
    from_skops = LinearScorer.of(load_artifact(model_name(component)).estimator)
    from_json = scorer(component)
    assert from_json.weights.keys() == from_skops.weights.keys()
    assert from_json.intercept == pytest.approx(from_skops.intercept)
    for name, weight in from_skops.weights.items():
        assert from_json.weights[name] == pytest.approx(weight), name
