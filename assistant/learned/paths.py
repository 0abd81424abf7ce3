"""Where the model artifacts live (no scikit-learn import: the runtime path reads only these)."""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_FILE = "model.skops"
META_FILE = "meta.json"
# The fitted linear model as plain data (intercept and one weight per feature), written by
# `goalsmith train` beside the skops file; analysis reads this, so a process never imports
# scikit-learn or skops just to score (about 3 s and 100 MB per process).
WEIGHTS_FILE = "weights.json"
