"""Working out, once per goal, what several checks and the rewrite read from the Doc."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..options import Options
from ..parts import Part
from ..relevance import restating_clause
from ..result import GoalAnalysis
from ..temporal import TimeExpr, resolve_deadline, rivals
from .context import Reading
from .wording import goal_heads

# The role of a time expression that bounds the goal; only another such one can rival it.
DEADLINE = "deadline"


def read(draft: GoalAnalysis, doc: Doc, options: Options) -> Reading:
    found = doc._  # one view of the extensions for the reads below
    restating = None if draft.components.relevance.present else restating_clause(doc)
    goals = tuple(goal_heads(draft, doc))
    times = found.gs_times
    return Reading(goals=goals, restating=restating, times=times,
                   rival=rival_deadline(draft, doc, options, goals, times),
                   not_goal=found.gs_not_goal)


def rival_deadline(draft: GoalAnalysis, doc: Doc, options: Options, goals: tuple[Token, ...],
                   times: list[Part[TimeExpr]]) -> Part[TimeExpr] | None:
    """A bound as firm as the deadline of a single goal that names another day ("by
    March 15 or by the end of Q1"): which one the goal is judged at is unclear."""
    value = draft.components.deadline.value
    if value is None or value.date is None or len(goals) > 1:
        return None
    chosen = doc._.gs_deadline
    if chosen is None or not any(part is not chosen and part.value is not None
                                 and part.value.role == DEADLINE for part in times):
        return None  # most goals: no second bound to rival the deadline
    reason = draft.components.relevance
    for part in rivals(doc, times, chosen):
        if reason.start is not None and reason.end is not None and \
                reason.start <= part.start < reason.end:
            continue  # "which is a company OKR this year" dates the reason
        if resolve_deadline(part.value, options).date not in (None, value.date):
            return part
    return None
