"""Numbered weeks: "by wk 50", "until week 8", "before KW 2" name a calendar (ISO) week,
which ends on its Friday, as "EOW" does; but in a goal that counts from each one's own
start ("each new hire shadows 6 calls by wk 3", "clients on my 12-wk program: ... by wk
12") the week is counted from that start and names no day."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import alternation
from .expr import TimeExpr
from .lexicon import lexicon

CALENDAR_WEEK = "iso_week"
FRIDAY = 4  # the working week's last day (date.weekday())
LAST_WEEK = 53


def calendar_week(number: int, year: int | None) -> TimeExpr | None:
    """The Friday of ISO week `number` (of `year`, else its next occurrence)."""
    if not 1 <= number <= LAST_WEEK:
        return TimeExpr("unresolvable", unit="week", reason=lexicon().undated["counted"])
    return TimeExpr("weekday", weekday=FRIDAY, unit=CALENDAR_WEEK, nth=number, year=year)


@lru_cache(maxsize=1)
def own_start_pattern() -> re.Pattern[str]:
    words = alternation(lexicon().cue("counted_weeks", "own_start"))
    return re.compile(rf"(?<![a-z])(?:{words})(?![a-z])|\d+[-\s]?(?:week|wk)s?[-\s]"
                      r"(?:program|programme|plan|course|challenge|ramp)")


def counted_weeks(expr: TimeExpr, text: str) -> TimeExpr:
    """A calendar week read as one counted from each one's own start when the normalised
    `text` counts from such a start."""
    if expr.unit != CALENDAR_WEEK or expr.year is not None or \
            own_start_pattern().search(text) is None:
        return expr
    return TimeExpr("unresolvable", unit="week", reason=lexicon().undated["counted"],
                    prep=expr.prep, role=expr.role)
