"""Learned confidence: for each component, the probability that the rules' answer (the span
they found, or "absent") is right, from the features of that answer."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..errors import ModelError
from ..features import ANSWER_FEATURES
from ..result import COMPONENTS
from .paths import META_FILE, MODELS_DIR, WEIGHTS_FILE, warn_on_version_mismatch

MODEL_PREFIX = "confidence-"


def model_name(component: str) -> str:
    return f"{MODEL_PREFIX}{component}"


@dataclass(frozen=True)
class LinearScorer:
    """The fitted DictVectorizer + LogisticRegression as one weight per feature name: the
    same probability as `predict_proba`, without scikit-learn's per-call overhead (which
    would double the time of a single analysis)."""

    weights: dict[str, float]
    intercept: float

    @classmethod
    def of(cls, estimator: Any) -> LinearScorer:
        vectorizer = estimator.named_steps["features"]
        model = estimator.named_steps["model"]
        if list(model.classes_) != [0, 1]:
            raise ModelError(f"a confidence model needs labels 0 and 1, not {model.classes_}")
        return cls(weights={name: float(model.coef_[0][index])
                            for name, index in vectorizer.vocabulary_.items()},
                   intercept=float(model.intercept_[0]))

    def to_json(self) -> str:
        return json.dumps({"intercept": self.intercept, "weights": self.weights},
                          indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearScorer:
        data = json.loads(text)
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                   intercept=float(data["intercept"]))

    def probability(self, row: dict[str, float]) -> float:
        """P(the answer described by `row` is right); unknown features weigh nothing."""
        # zero values are skipped: adding their zero products changes no bit of the sum,
        # and most of a row is zeros (one-hot kinds, absent picks)
        weights = self.weights
        z = self.intercept + sum([weights.get(name, 0.0) * v for name, v in row.items() if v])
        return 1.0 / (1.0 + math.exp(-z))


@cache
def scorer(component: str, models_dir: Path = MODELS_DIR) -> LinearScorer:
    """The component's model as plain weights (`weights.json`, written with the skops file)."""
    folder = models_dir / model_name(component)
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        weights = LinearScorer.from_json((folder / WEIGHTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        message = f"cannot read the model in {folder}: {exc} (run `goalsmith train`)"
        raise ModelError(message) from exc
    warn_on_version_mismatch(model_name(component), meta)
    return weights


def learned_confidence(doc: Doc, models_dir: Path = MODELS_DIR) -> dict[str, float]:
    """The learned confidence of every component of a processed goal, rounded."""
    return {
        component: round(scorer(component, models_dir).probability(
            ANSWER_FEATURES[component](doc)), 3)
        for component in COMPONENTS
    }
