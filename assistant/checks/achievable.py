"""Achievability: how steep a change the target asks for in the time left.

The change is relative to the starting level: from a baseline ("from 18% to 25%" is a
39% rise), a relative percentage ("by 20%") or a relative multiplier ("double" is +100%; "to 3x
coverage" is a level, not a change). It is
spread linearly over the months to the deadline and compared with the rule's
`max_monthly_change`.
"""

from __future__ import annotations

import datetime as dt

from ..result import GoalAnalysis, TargetValue
from .context import Context, Hit

DAYS_PER_MONTH = 365.25 / 12
STEEP = "achievable.steep"


def relative_change(value: TargetValue) -> float | None:
    """The size of the asked-for change as a share of the starting level, if known."""
    if value.relative and value.unit == "percent":
        return value.amount / 100
    if value.relative and value.unit == "multiplier":
        return abs(value.amount - 1)
    if value.baseline:
        return abs(value.amount - value.baseline) / abs(value.baseline)
    return None


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
    months = months_left(draft, today)
    if change is None or months is None:
        return None
    return change, months, change / months


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
