"""Achievability: how steep a change the target asks for in the time left.

It is judged only against a starting level the writer states (DESIGN.md: achievability
needs a baseline): "from 18% to 25%" is a 39% rise; with a baseline, a relative target
counts as its own change ("by 20%" is +20%, "double" +100%). The change is spread linearly
over the months to the deadline and compared with the rule's `max_monthly_change`.
"""

from __future__ import annotations

import datetime as dt

from ..result import GoalAnalysis, TargetValue
from .context import Context, Hit

DAYS_PER_MONTH = 365.25 / 12
STEEP = "achievable.steep"


def relative_change(value: TargetValue) -> float | None:
    """The size of the asked-for change as a share of the stated starting level."""
    if not value.baseline:
        return None
    if value.relative and value.unit == "percent":
        return value.amount / 100
    if value.relative and value.unit == "multiplier":
        return abs(value.amount - 1)
    return abs(value.amount - value.baseline) / abs(value.baseline)


def months_left(draft: GoalAnalysis, today: dt.date) -> float | None:
    """Months from the reference date to a resolved, future deadline."""
    value = draft.components.deadline.value
    if value is None or value.date is None or value.in_past:
        return None
    days = (dt.date.fromisoformat(value.date) - today).days
    return days / DAYS_PER_MONTH if days > 0 else None


def monthly_rate(draft: GoalAnalysis, today: dt.date) -> tuple[float, float, float] | None:
    """(change, months, change per month) when both the change and the time are known."""
    target = draft.components.target.value
    change = relative_change(target) if target is not None else None
    if change is None:  # most goals: no stated starting level, so no date to read
        return None
    months = months_left(draft, today)
    return None if months is None else (change, months, change / months)


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def steep(ctx: Context) -> list[Hit]:
    measured = monthly_rate(ctx.draft, ctx.options.reference_date)
    limit = ctx.params(STEEP)["max_monthly_change"]
    if measured is None or measured[2] <= limit:
        return []
    change, months, rate = measured
    target = ctx.draft.components.target
    fields = {"change": _percent(change), "months": f"{months:.1f}", "rate": _percent(rate),
              "limit": _percent(limit)}
    return [Hit(target.start, target.end, fields)]


def unknown(ctx: Context) -> list[Hit]:
    if not ctx.draft.components.target.present:
        return []
    measured = monthly_rate(ctx.draft, ctx.options.reference_date)
    return [] if measured is not None else [Hit()]
