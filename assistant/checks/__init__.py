"""Findings, SMART summary, score and rewrites for an analysed goal."""

from __future__ import annotations

from spacy.tokens import Doc

from ..options import Options
from ..result import GoalAnalysis, Smart


def review(draft: GoalAnalysis, doc: Doc, options: Options) -> GoalAnalysis:
    """Fill the SMART summary from the components found."""
    parts = draft.components
    smart = Smart(
        specific=parts.metric.present,
        measurable=parts.metric.present and parts.target.present,
        achievable="unknown",
        relevant=parts.relevance.present,
        time_bound=parts.deadline.present,
    )
    return draft.model_copy(update={"smart": smart})
