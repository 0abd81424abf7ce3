"""Checks on the four components: absent, a number without a metric, deadlines that are
past, unresolved, ambiguous or vague, and a purpose that only restates the goal."""

from __future__ import annotations

import datetime as dt

from ..nongoal import reason
from ..result import DeadlineComponent
from .context import Context, Hit
from .deadlines import deadline_options, spell_date

RELEVANCE_OPENINGS = ("to support [relevance]", "so that [relevance]")
TARGET_OPENINGS = ("to [target]", "by [target]")
# Roles of time expressions that are no deadline at all ("soon", "ASAP").
VAGUE_TIME_ROLE = "vague"


def _missing(present: bool, suggestions: tuple[str, ...] = ()) -> list[Hit]:
    return [] if present else [Hit(suggestions=suggestions)]


def metric_missing(ctx: Context) -> list[Hit]:
    return _missing(ctx.draft.components.metric.present)


def target_missing(ctx: Context) -> list[Hit]:
    return _missing(ctx.draft.components.target.present, TARGET_OPENINGS)


def deadline_missing(ctx: Context) -> list[Hit]:
    present = ctx.draft.components.deadline.present
    return _missing(present, () if present else tuple(deadline_options(ctx.options)))


def relevance_missing(ctx: Context) -> list[Hit]:
    return _missing(ctx.draft.components.relevance.present, RELEVANCE_OPENINGS)


def target_without_metric(ctx: Context) -> list[Hit]:
    parts = ctx.draft.components
    target = parts.target
    if parts.metric.present or not target.present or target.text is None:
        return []
    return [Hit(target.start, target.end, {"text": target.text},
                (f"{target.text} in [metric]",))]


def _located(deadline: DeadlineComponent, fields: dict[str, str],
             suggestions: tuple[str, ...] = ()) -> list[Hit]:
    return [Hit(deadline.start, deadline.end, {"text": deadline.text or "", **fields},
                suggestions)]


def deadline_past(ctx: Context) -> list[Hit]:
    deadline = ctx.draft.components.deadline
    if deadline.value is None or not deadline.value.in_past or deadline.value.date is None:
        return []
    fields = {"date": spell_date(dt.date.fromisoformat(deadline.value.date)),
              "reference_date": spell_date(ctx.options.reference_date)}
    return _located(deadline, fields, tuple(deadline_options(ctx.options)))


def deadline_unresolved(ctx: Context) -> list[Hit]:
    deadline = ctx.draft.components.deadline
    if not deadline.present or (deadline.value is not None and deadline.value.date):
        return []
    reason = deadline.value.reason if deadline.value and deadline.value.reason else None
    return _located(deadline, {"reason": reason or "no calendar date found"})


def _lead_in(text: str) -> str:
    """The words before the date itself: 'by ' in 'by 04/05/2027'."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    return text[: digits[0]] if digits else ""


def deadline_ambiguous(ctx: Context) -> list[Hit]:
    deadline = ctx.draft.components.deadline
    value = deadline.value
    if value is None or value.date is None or value.alternative is None:
        return []
    reading = spell_date(dt.date.fromisoformat(value.date))
    other = spell_date(dt.date.fromisoformat(value.alternative))
    order = "month first" if ctx.options.date_order == "MDY" else "day first"
    lead = _lead_in(deadline.text or "")
    return _located(deadline, {"reading": reading, "other": other, "order": order},
                    (f"{lead}{reading}", f"{lead}{other}"))


def deadline_unclear(ctx: Context) -> list[Hit]:
    rival = ctx.reading.rival
    deadline = ctx.draft.components.deadline
    if rival is None or deadline.text is None:
        return []
    return _located(deadline, {"other": rival.text}, (deadline.text, rival.text))


def deadline_vague(ctx: Context) -> list[Hit]:
    vague = [part for part in ctx.reading.times
             if part.value is not None and part.value.role == VAGUE_TIME_ROLE]
    if not vague:  # most goals: no options to offer
        return []
    offered = tuple(deadline_options(ctx.options))
    return [Hit(part.start, part.end, {"text": part.text}, offered) for part in vague]


def text_not_a_goal(ctx: Context) -> list[Hit]:
    shape = ctx.reading.not_goal
    return [] if shape is None else [Hit(fields={"reading": reason(shape)})]


def relevance_restates_goal(ctx: Context) -> list[Hit]:
    span = ctx.reading.restating
    if span is None:
        return []
    return [Hit(span.start_char, span.end_char, {"text": span.text}, RELEVANCE_OPENINGS)]
