"""The decisions the learned layer makes: for each component, where its candidates come
from, which features describe them and which Doc extension holds the rules' answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from ..features import (
    METRIC_FEATURES,
    RELEVANCE_FEATURES,
    Candidate,
    metric_candidates,
    relevance_candidates,
)


@dataclass(frozen=True)
class Decider:
    """One component decided by a model: its candidates, their features, the rule's slot."""

    name: str
    extension: str
    generate: Callable[[Doc], list[Candidate]]
    table: dict[str, Callable[[Candidate], float]]

    @property
    def feature_names(self) -> list[str]:
        return list(self.table)


DECIDERS: dict[str, Decider] = {
    "metric": Decider("metric", "gs_metric", metric_candidates, METRIC_FEATURES),
    "relevance": Decider("relevance", "gs_relevance", relevance_candidates, RELEVANCE_FEATURES),
}
