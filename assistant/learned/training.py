"""Training and measuring the confidence models.

For every goal in a labelled corpus (GUIDELINE.md format) and every component, one row
describes the rules' answer (`features.ANSWER_FEATURES`) and its label says whether that
answer is right: the same span as the gold one, or absent where the gold is null. A
logistic regression learns P(right); cross-validation with a fixed seed measures it
against the rules' own confidence (Brier score, ranking, reliability), and `shipping_failures`
says whether those measures clear the bar for shipping the model."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from spacy.tokens import Doc

from .. import __version__
from ..analysis import ABSENT_CONFIDENCE
from ..errors import ModelError
from ..evaluation import gold_files
from ..features import ANSWER_FEATURES, EXTENSIONS
from ..parts import Part
from ..result import COMPONENTS
from .artifact import MODELS_DIR, save
from .confidence import LinearScorer, learned_confidence, model_name
from .paths import WEIGHTS_FILE, runtime_versions

SEED = 20261127
FOLDS = 5
# Inverse regularisation strength: a few hundred goals, a few dozen features.
C = 0.5
# Upper edges of the reliability bins.
BINS = (0.5, 0.7, 0.8, 0.9, 0.95, 1.0)
# Share of goals, the least confident first, in which error concentration is measured.
LOW_SHARE = 0.2
# Fewest wrong (and right) answers for which a ranking is judged: from 25, a ranking as good
# as the shipped models reach on held-out sets (AUROC about 0.65) clears the chance band
# below with 80% power; with fewer, the band is too wide for any useful model.
MIN_RANKED = 25
# One-sided 5% level: a ranking of pure chance exceeds the band this far above 0.5 once in 20.
CHANCE_Z = 1.645
# How far the mean confidence may stray from the share of right answers (calibration in the
# large): out of fold, a logistic regression's mean lands within a few thousandths of it.
MEAN_GAP = 0.02
# How far an out-of-fold Brier score may exceed the constant share of right answers: a few
# dozen weights fitted on four fifths of the corpus cost about 1%, and meta.json rounds.
BASE_RATE_SLACK = 0.02


@dataclass(frozen=True)
class Rows:
    """One component's training rows: features, labels and the rules' own confidence."""

    features: list[dict[str, float]]
    labels: list[int]
    rule_confidence: list[float]
    ids: list[str]


def sha256_of(path: Path) -> str:
    """Fingerprint of the corpus: the bytes of its gold files, in reading order (for a
    single file, that file's own SHA-256)."""
    digest = hashlib.sha256()
    for file in gold_files(path):
        digest.update(file.read_bytes())
    return digest.hexdigest()


def answer_is_right(doc: Doc, record: dict, component: str) -> bool:
    part = getattr(doc._, EXTENSIONS[component])
    return (part.text if isinstance(part, Part) else None) == record.get(component)


def rule_confidence(doc: Doc, component: str) -> float:
    part = getattr(doc._, EXTENSIONS[component])
    return part.confidence if isinstance(part, Part) else ABSENT_CONFIDENCE


def rows_for(component: str, records: Sequence[dict], docs: Sequence[Doc]) -> Rows:
    return Rows(
        features=[ANSWER_FEATURES[component](doc) for doc in docs],
        labels=[int(answer_is_right(doc, r, component)) for r, doc in zip(records, docs,
                                                                           strict=True)],
        rule_confidence=[rule_confidence(doc, component) for doc in docs],
        ids=[str(r.get("id")) for r in records],
    )


def estimator(seed: int = SEED) -> Pipeline:
    return Pipeline([
        ("features", DictVectorizer(sparse=False)),
        ("model", LogisticRegression(C=C, max_iter=2000, random_state=seed)),
    ])


def cross_validated(rows: Rows, seed: int = SEED) -> list[float]:
    """Out-of-fold P(right) for every row (stratified folds, shuffled with `seed`)."""
    folds = StratifiedKFold(n_splits=max(2, min(FOLDS, *map(rows.labels.count, (0, 1)))),
                            shuffle=True, random_state=seed)
    probs = cross_val_predict(estimator(seed), rows.features, rows.labels, cv=folds,
                              method="predict_proba")
    return [float(p) for p in probs[:, 1]]


def calibration(labels: Sequence[int], confidence: Sequence[float]) -> dict[str, Any]:
    """Brier score, ranking (AUROC) and how errors gather among the least confident."""
    labels = list(labels)
    # Ties keep corpus order: sorting on the label too would flatter a constant confidence.
    ranked = sorted(zip(confidence, labels, strict=True), key=lambda pair: pair[0])
    low = ranked[: max(1, round(len(ranked) * LOW_SHARE))]
    errors = labels.count(0)
    both = 0 < errors < len(labels)
    return {
        "accuracy": round(sum(labels) / len(labels), 4),
        "mean_confidence": round(sum(confidence) / len(confidence), 4),
        "brier": round(float(brier_score_loss(labels, confidence)), 4),
        "auroc": round(float(roc_auc_score(labels, confidence)), 4) if both else None,
        "errors_in_lowest_20pct": round(sum(1 - y for _, y in low) / errors, 4)
        if errors else None,
        "reliability": reliability(labels, confidence),
    }


def reliability(labels: Iterable[int], confidence: Iterable[float]) -> list[dict[str, Any]]:
    """Per confidence bin: how many answers, their mean confidence, how many were right."""
    table: list[dict[str, Any]] = []
    pairs = list(zip(confidence, labels, strict=True))
    lower = 0.0
    for upper in BINS:
        inside = [(c, y) for c, y in pairs if lower <= c < upper or (upper == 1.0 and c == 1.0)]
        if inside:
            table.append({"bin": f"{lower:.2f}-{upper:.2f}", "n": len(inside),
                          "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                          "accuracy": round(sum(y for _, y in inside) / len(inside), 3)})
        lower = upper
    return table


def chance_auroc(wrong: int, right: int) -> float:
    """The AUROC that a ranking of pure chance exceeds only at the one-sided 5% level
    (Mann-Whitney: under the null the AUROC has mean 0.5, variance (n + 1) / (12 n0 n1))."""
    return 0.5 + CHANCE_Z * math.sqrt((wrong + right + 1) / (12 * wrong * right))


def shipping_failures(metrics: dict[str, Any]) -> list[str]:
    """The parts of the bar for shipping that a model's out-of-fold measures (`compare`)
    miss; none means it ships. Calibration always: a mean confidence close to the share of
    right answers, and a Brier score below the rules' (the confidence the model replaces) and
    no worse than that constant share's (an inverted or overconfident model is worse).
    Ranking only where enough answers are wrong to measure it: an AUROC above the rules' and
    above the band of chance."""
    rules, model, n = metrics["rules"], metrics["model"], metrics["n"]
    accuracy = rules["accuracy"]
    wrong = round(n * (1 - accuracy))
    failures = []
    if abs(model["mean_confidence"] - accuracy) > MEAN_GAP:
        failures.append("mean-vs-accuracy")
    if not model["brier"] < rules["brier"]:
        failures.append("brier-vs-rules")
    if model["brier"] > accuracy * (1 - accuracy) * (1 + BASE_RATE_SLACK):
        failures.append("brier-vs-base-rate")
    if min(wrong, n - wrong) >= MIN_RANKED and not model["auroc"] > max(
            rules["auroc"], chance_auroc(wrong, n - wrong)):
        failures.append("ranking")
    return failures


def compare(rows: Rows, model_confidence: Sequence[float]) -> dict[str, Any]:
    """The rules' confidence against the model's on the same answers."""
    return {"n": len(rows.labels), "rules": calibration(rows.labels, rows.rule_confidence),
            "model": calibration(rows.labels, model_confidence)}


def train_component(component: str, records: Sequence[dict], docs: Sequence[Doc],
                    corpus: Path, seed: int = SEED, models_dir: Path = MODELS_DIR
                    ) -> dict[str, Any]:
    """Cross-validate, fit on the whole corpus and save one component's model."""
    rows = rows_for(component, records, docs)
    if len(set(rows.labels)) < 2:
        raise ModelError(f"{component}: the corpus needs goals the rules get right and wrong")
    metrics = compare(rows, cross_validated(rows, seed))
    fitted = estimator(seed).fit(rows.features, rows.labels)
    meta = {
        "name": model_name(component),
        "version": __version__,
        **runtime_versions(),
        "component": component,
        "features": sorted(fitted.named_steps["features"].feature_names_),
        "labels": {"0": "the rules' answer is wrong", "1": "the rules' answer is right"},
        "metrics": {"cross_validation": metrics, "folds": FOLDS},
        "trained_on": {"file": corpus.name, "files": [f.name for f in gold_files(corpus)],
                       "sha256": sha256_of(corpus), "goals": len(records)},
        "seed": seed,
    }
    folder = save(model_name(component), fitted, meta, models_dir)
    (folder / WEIGHTS_FILE).write_text(LinearScorer.of(fitted).to_json(), encoding="utf-8")
    return metrics


def train_all(records: Sequence[dict], docs: Sequence[Doc], corpus: Path,
              seed: int = SEED, models_dir: Path = MODELS_DIR) -> dict[str, dict[str, Any]]:
    return {component: train_component(component, records, docs, corpus, seed, models_dir)
            for component in COMPONENTS}


def measure(records: Sequence[dict], docs: Sequence[Doc], models_dir: Path = MODELS_DIR
            ) -> dict[str, dict[str, Any]]:
    """The saved models against the rules' confidence on other gold goals (never trained
    on): the calibration table for the README."""
    learned = [learned_confidence(doc, models_dir) for doc in docs]
    return {component: compare(rows_for(component, records, docs),
                               [row[component] for row in learned])
            for component in COMPONENTS}
