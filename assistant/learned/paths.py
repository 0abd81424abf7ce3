"""Where the model artifacts live (no scikit-learn import: the runtime path reads only these)."""

from __future__ import annotations

import warnings
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import Any


def _models_dir() -> Path:
    """The artifacts beside the code that runs: in a source tree (a checkout or a git
    worktree, imported through PYTHONPATH or an editable install), its top-level `models/`
    folder; otherwise the installed `assistant.models` package (its copy inside a wheel).
    The source tree is asked first because an editable install maps `assistant.models` to
    the folder of the tree it was installed from, which need not be the one running."""
    tree = Path(__file__).resolve().parents[2]
    if (tree / "pyproject.toml").is_file() and (tree / "models" / "__init__.py").is_file():
        return tree / "models"
    spec = find_spec("assistant.models")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("assistant.models: the model artifacts are not installed")
    return Path(spec.origin).parent


MODELS_DIR = _models_dir()
MODEL_FILE = "model.skops"
META_FILE = "meta.json"
# The fitted linear model as plain data (intercept and one weight per feature), written by
# `goalsmith train` beside the skops file; analysis reads this, so a process never imports
# scikit-learn or skops just to score (about 3 s and 100 MB per process).
WEIGHTS_FILE = "weights.json"


def runtime_versions() -> dict[str, str]:
    """The installed scikit-learn and spaCy versions (read without importing them)."""
    return {"sklearn_version": version("scikit-learn"), "spacy_version": version("spacy")}


def warn_on_version_mismatch(name: str, meta: dict[str, Any]) -> None:
    for key, running in runtime_versions().items():
        if meta.get(key) != running:
            warnings.warn(
                f"model {name!r} was trained with {key.split('_')[0]} {meta.get(key)}, "
                f"running {running}; retrain with `goalsmith train`",
                RuntimeWarning, stacklevel=3,
            )
