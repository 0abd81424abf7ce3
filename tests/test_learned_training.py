"""Training helpers of the learned layer: folds, calibration measures, reproducibility."""

from __future__ import annotations

import json

import pytest

from assistant.cli import build_parser
from assistant.commands import train
from assistant.learned.artifact import META_FILE, MODELS_DIR
from assistant.learned.confidence import LinearScorer, model_name
from assistant.learned.training import (
    Rows,
    calibration,
    cross_validated,
    estimator,
    reliability,
)
from assistant.result import COMPONENTS


def _rows(n: int = 40) -> Rows:
    """Answers whose 'signal' feature mostly tells right from wrong."""
    labels = [int(k % 4 != 0) for k in range(n)]
    noisy = [y if k % 7 else 1 - y for k, y in enumerate(labels)]
    return Rows(features=[{"signal": float(v), "index": k / n} for k, v in enumerate(noisy)],
                labels=labels, rule_confidence=[0.8] * n, ids=[str(k) for k in range(n)])


def test_cross_validation_is_reproducible() -> None:
    assert cross_validated(_rows(), seed=3) == cross_validated(_rows(), seed=3)


def test_cross_validated_probabilities_follow_the_signal() -> None:
    rows = _rows()
    probs = cross_validated(rows)
    right = [p for p, f in zip(probs, rows.features, strict=True) if f["signal"] == 1.0]
    wrong = [p for p, f in zip(probs, rows.features, strict=True) if f["signal"] == 0.0]
    assert min(right) > max(wrong)


def test_linear_scorer_matches_predict_proba() -> None:
    rows = _rows()
    fitted = estimator().fit(rows.features, rows.labels)
    scorer = LinearScorer.of(fitted)
    expected = fitted.predict_proba(rows.features)[:, 1]
    assert [round(scorer.probability(r), 9) for r in rows.features] == [
        round(float(p), 9) for p in expected]


def test_linear_scorer_ignores_unknown_features() -> None:
    rows = _rows()
    scorer = LinearScorer.of(estimator().fit(rows.features, rows.labels))
    row = rows.features[0]
    assert scorer.probability({**row, "never_seen": 5.0}) == scorer.probability(row)


@pytest.mark.parametrize(
    ("labels", "confidence", "expected"),
    [
        ([1, 1, 0], [0.92, 0.97, 0.55],
         [{"bin": "0.50-0.70", "n": 1, "confidence": 0.55, "accuracy": 0.0},
          {"bin": "0.90-0.95", "n": 1, "confidence": 0.92, "accuracy": 1.0},
          {"bin": "0.95-1.00", "n": 1, "confidence": 0.97, "accuracy": 1.0}]),
        ([1, 0], [1.0, 0.1],
         [{"bin": "0.00-0.50", "n": 1, "confidence": 0.1, "accuracy": 0.0},
          {"bin": "0.95-1.00", "n": 1, "confidence": 1.0, "accuracy": 1.0}]),
    ],
    ids=["three-bins", "edges-zero-and-one"],
)
def test_reliability_table(labels: list[int], confidence: list[float], expected: list) -> None:
    assert reliability(labels, confidence) == expected


def test_errors_concentrate_in_the_lowest_confidence_fifth() -> None:
    labels = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
    confidence = [0.1, 0.2, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]
    result = calibration(labels, confidence)
    assert result["errors_in_lowest_20pct"] == 1.0
    assert result["auroc"] == 1.0


def test_calibration_without_errors_has_no_ranking() -> None:
    result = calibration([1, 1], [0.9, 0.8])
    assert (result["auroc"], result["errors_in_lowest_20pct"]) == (None, None)


@pytest.mark.parametrize("component", COMPONENTS)
def test_committed_model_beat_the_rules_confidence_in_cross_validation(component: str) -> None:
    """The bar for shipping: a lower Brier score and a better ranking of right and wrong
    answers than the rules' own confidence, out of fold on the training corpus."""
    meta = json.loads((MODELS_DIR / model_name(component) / META_FILE).read_text("utf-8"))
    cv = meta["metrics"]["cross_validation"]
    assert cv["model"]["brier"] < cv["rules"]["brier"]
    assert cv["model"]["auroc"] > cv["rules"]["auroc"]


def test_train_is_a_goalsmith_command() -> None:
    args = build_parser().parse_args(["train", "--seed", "7"])
    assert (args.func, args.seed) == (train.run, 7)
