"""Concrete deadline options computed from the reference date, offered where a goal has no
usable deadline ("by March 31, 2027 (end of next quarter)")."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache, lru_cache

from ..options import Options
from ..temporal.dates import part_holding, period, shift_part

QUARTER_MONTHS = 3

# A quarter end closer than this is too near to offer as a goal's deadline.
MIN_DAYS_LEFT = 30
WINDOW_DAYS = 90


@cache  # the calendar module formats a date at every lookup of a name
def month_name(month: int) -> str:
    """'March': the full name of the month numbered `month` (1..12)."""
    return calendar.month_name[month]


def spell_date(day: dt.date) -> str:
    """'March 31, 2027': the date as a writer would spell it."""
    return f"{month_name(day.month)} {day.day}, {day.year}"


def quarter_end(day: dt.date, fiscal_year_start: int, offset: int = 0) -> dt.date:
    """The last day of the (fiscal) quarter holding `day`, `offset` quarters later."""
    year, number = shift_part(*part_holding(day, QUARTER_MONTHS, fiscal_year_start), offset,
                              QUARTER_MONTHS)
    return period(year, number, QUARTER_MONTHS, fiscal_year_start)[1]


def deadline_options(options: Options) -> list[str]:
    """Ready-to-insert deadlines: the end of this quarter (when far enough away), the end
    of next quarter, and a 90-day window."""
    return list(_offered(options.reference_date, options.fiscal_year_start))


@lru_cache(maxsize=32)
def _offered(today: dt.date, fiscal_year_start: int) -> tuple[str, ...]:
    this_quarter = quarter_end(today, fiscal_year_start)
    offered = []
    if (this_quarter - today).days >= MIN_DAYS_LEFT:
        offered.append(f"by {spell_date(this_quarter)} (end of this quarter)")
    next_quarter = quarter_end(today, fiscal_year_start, 1)
    offered.append(f"by {spell_date(next_quarter)} (end of next quarter)")
    window_end = today + dt.timedelta(days=WINDOW_DAYS)
    offered.append(f"within {WINDOW_DAYS} days (by {spell_date(window_end)})")
    return tuple(offered)
