"""Working out, once per goal, what several checks and the rewrite read from the Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from ..relevance import restating_clause
from ..result import GoalAnalysis
from .context import Reading
from .wording import goal_heads


def read(draft: GoalAnalysis, doc: Doc) -> Reading:
    restating = None if draft.components.relevance.present else restating_clause(doc)
    return Reading(goals=tuple(goal_heads(draft, doc)), restating=restating,
                   not_goal=doc._.gs_not_goal)
