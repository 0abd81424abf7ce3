"""Applying a trained model: score every candidate, keep the most probable one if the model
believes it, and report that probability as the component's confidence."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..features import Candidate, features
from .deciders import Decider

# A candidate is the component only when the model gives it at least even odds.
THRESHOLD = 0.5


def probabilities(estimator: Any, decider: Decider, candidates: list[Candidate]) -> list[float]:
    """P(candidate is the component) for each candidate, in order."""
    if not candidates:
        return []
    rows = [features(c, decider.table) for c in candidates]
    return [float(p) for p in estimator.predict_proba(rows)[:, 1]]


def choose(estimator: Any, decider: Decider, doc: Doc) -> tuple[Candidate | None, float]:
    """The chosen candidate (None: the component is absent) and the confidence in that
    answer: the winner's probability, or one minus it when no candidate is believed."""
    candidates = decider.generate(doc)
    probs = probabilities(estimator, decider, candidates)
    if not probs:
        return None, 1.0
    best = max(range(len(probs)), key=lambda k: (probs[k], -k))
    if probs[best] >= THRESHOLD:
        return candidates[best], probs[best]
    return None, 1.0 - probs[best]
