"""Model artifacts: `models/<name>/model.skops` plus `meta.json`.

Artifacts are written with skops (never pickle or joblib) and read back with an explicit,
reviewed list of the types they may contain; anything else in the file is refused.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from skops.io import dump, get_untrusted_types, load

from ..errors import ModelError
from .paths import META_FILE, MODEL_FILE, MODELS_DIR, warn_on_version_mismatch

META_KEYS = ("name", "version", "sklearn_version", "spacy_version", "features", "labels",
             "metrics", "trained_on", "seed")
# Reviewed: every type a DictVectorizer + LogisticRegression pipeline stores (see
# `stored_types`, which lists the types inside an artifact).
# A new estimator means reviewing and extending this list; never `trusted=True`.
TRUSTED_TYPES = [
    "numpy.float64",
    "numpy.ndarray",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
]


@dataclass(frozen=True)
class Artifact:
    """A loaded model and its metadata."""

    estimator: Any
    meta: dict[str, Any]


def save(name: str, estimator: Any, meta: dict[str, Any], models_dir: Path = MODELS_DIR) -> Path:
    """Write the estimator and its meta.json under `models_dir/name`; return the folder."""
    missing = [key for key in META_KEYS if key not in meta]
    if missing:
        raise ModelError(f"meta.json for {name!r} lacks {missing}")
    folder = models_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    dump(estimator, folder / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n",
                                    encoding="utf-8")
    return folder


def load_artifact(name: str, models_dir: Path = MODELS_DIR) -> Artifact:
    """Read `models_dir/name`, refusing types outside TRUSTED_TYPES and warning when the
    artifact was trained with other library versions than the ones running now."""
    folder = models_dir / name
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        found = stored_types(folder / MODEL_FILE)
        untrusted = (found | set(get_untrusted_types(file=folder / MODEL_FILE))) - set(
            TRUSTED_TYPES)
        if untrusted:
            raise ModelError(f"model {name!r} holds unreviewed types: {sorted(untrusted)}")
        estimator = load(folder / MODEL_FILE, trusted=TRUSTED_TYPES)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"cannot load model {name!r} from {folder}: {exc}") from exc
    warn_on_version_mismatch(name, meta)
    return Artifact(estimator=estimator, meta=meta)


def stored_types(path: Path) -> set[str]:
    """Every type named in a skops file's schema, built-in containers aside: skops itself
    trusts all of scikit-learn, this project trusts only what it reviewed."""
    found: set[str] = set()
    pending: list[object] = []
    with zipfile.ZipFile(path) as archive:
        pending.append(json.loads(archive.read("schema.json")))
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if "__module__" in node and "__class__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return {name for name in found if not name.startswith("builtins.")}


@cache
def cached_artifact(name: str, models_dir: Path = MODELS_DIR) -> Artifact:
    """The artifact, loaded once per process."""
    return load_artifact(name, models_dir)
