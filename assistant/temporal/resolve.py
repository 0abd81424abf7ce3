"""Resolve a `TimeExpr` to the last day of the bound it sets, against a reference date,
a numeric date order and a fiscal calendar (see GUIDELINE.md for the conventions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..options import Options
from ..result import DeadlineValue, Granularity
from .dates import (
    DAY,
    add_business_days,
    add_months,
    easter_sunday,
    fiscal_year_of,
    month_end,
    nth_weekday,
    part_holding,
    period,
    shift_part,
    weekday_from,
)
from .expr import TimeExpr
from .joins import SHIFT_DAYS
from .weeks import CALENDAR_WEEK

# Periods named without their year ("Q4", "H2", "November").
YEARLESS_PERIODS = ("quarter", "half", "month")
FRIDAY = 4  # the working week's last day (date.weekday())
PART_MONTHS = {"quarter": 3, "half": 6, "year": 12, "fiscal_year": 12}
DURATION_GRANULARITY: dict[str, Granularity] = {
    "day": "day", "business_day": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year",
}
NOT_A_BOUND = {
    "cadence": "a repetition (every week, per month) sets no end date",
    "vague": "a vague time word sets no date",
    "comparison": "a comparison with the past sets no end date",
}


@dataclass(frozen=True)
class Interval:
    first: dt.date
    last: dt.date
    granularity: Granularity


@dataclass(frozen=True)
class Calendar:
    """What resolution depends on besides the expression."""

    today: dt.date
    date_order: str
    fiscal_start: int


class Unresolvable(ValueError):
    """The expression names no calendar day; the message says why."""


def resolve_deadline(expr: TimeExpr | None, options: Options) -> DeadlineValue:
    """The last day `expr` allows, with its granularity, whether it is already past, and
    for an ambiguous numeric date the other reading."""
    if expr is None:
        return DeadlineValue(date=None, reason="no time expression")
    if expr.kind in NOT_A_BOUND:
        return DeadlineValue(date=None, reason=NOT_A_BOUND[expr.kind])
    cal = Calendar(options.reference_date, options.date_order,
                   expr.fiscal_start or options.fiscal_year_start)
    try:
        interval = _not_started(expr, interval_of(expr, cal), cal)
        day, granularity = bound_day(expr, interval)
        if expr.shift_days:
            day, granularity = day + dt.timedelta(days=expr.shift_days), "day"
    except Unresolvable as exc:
        return DeadlineValue(date=None, reason=str(exc))
    except (ValueError, OverflowError):
        # "by FY9999", "within 10000000 days": beyond the calendar (year 9999).
        return DeadlineValue(date=None, reason="the date lies beyond the calendar's range")
    return DeadlineValue(
        date=day.isoformat(), granularity=granularity, in_past=day < cal.today,
        alternative=_alternative(expr, cal),
    )


def _not_started(expr: TimeExpr, interval: Interval, cal: Calendar) -> Interval:
    """"before Q4", "going into H2" while that period runs: a yearless period the goal
    must beat is its next occurrence, which has not started yet."""
    if expr.before and expr.kind in YEARLESS_PERIODS and expr.year is None and \
            expr.offset is None and interval.first <= cal.today:
        return interval_of(expr.with_(offset=1), cal)
    return interval


def bound_day(expr: TimeExpr, interval: Interval) -> tuple[dt.date, Granularity]:
    if expr.before:
        return interval.first - DAY, interval.granularity
    if expr.edge == "start":
        return weekday_from(interval.first, DAY) if expr.workday else interval.first, "day"
    if expr.workday:
        return weekday_from(interval.last, -DAY), "day"
    return interval.last, interval.granularity



def interval_of(expr: TimeExpr, cal: Calendar) -> Interval:
    resolver = RESOLVERS.get(expr.kind)
    if resolver is None:
        raise Unresolvable(expr.reason or f"{expr.kind} cannot be pinned to a day")
    return resolver(expr, cal)


def _point(day: dt.date) -> Interval:
    return Interval(day, day, "day")


def _next_day(month: int, day: int, cal: Calendar, year: int | None = None,
              years_ahead: int | None = None) -> dt.date:
    """The day given by month and day in `year`, `years_ahead` of today's year, or its next
    occurrence from today."""
    if year is not None or years_ahead is not None:
        return _safe_date(year or cal.today.year + (years_ahead or 0), month, day)
    for candidate in range(cal.today.year, cal.today.year + 5):  # Feb 29 waits for a leap year
        try:
            found = dt.date(candidate, month, day)
        except ValueError:
            continue
        if found >= cal.today:
            return found
    raise Unresolvable(f"{month:02d}-{day:02d} is not a calendar day")


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise Unresolvable(f"{year:04d}-{month:02d}-{day:02d} is not a calendar day") from exc


def _readings(expr: TimeExpr, cal: Calendar) -> list[tuple[int, int]]:
    """(month, day) readings of a numeric date, the `date_order` reading first; a
    reading that is no calendar day is dropped (31/03 is day-first whatever the order)."""
    assert expr.numeric is not None
    first, second = expr.numeric
    ordered = [(first, second), (second, first)]
    if cal.date_order == "DMY":
        ordered.reverse()
    possible = [(m, d) for m, d in ordered if 1 <= m <= 12 and 1 <= d <= month_end(2000, m).day]
    return list(dict.fromkeys(possible))


def _date(expr: TimeExpr, cal: Calendar) -> Interval:
    day = _calendar_day(expr, cal)
    return Interval(day, _week_end(expr, day), "week") if expr.unit == "week" else _point(day)


def _week_end(expr: TimeExpr, day: dt.date) -> dt.date:
    """The last day of a date's bound: the day itself, or for a week named by its first day
    ("the week of Sunday 6 December") the working week's end, the first Friday from it."""
    return day + dt.timedelta(days=(FRIDAY - day.weekday()) % 7) if expr.unit == "week" else day


def _calendar_day(expr: TimeExpr, cal: Calendar) -> dt.date:
    if expr.numeric is not None:
        readings = _readings(expr, cal)
        if not readings:
            raise Unresolvable("neither day/month reading is a calendar day")
        month, day = readings[0]
        return _next_day(month, day, cal, expr.year)
    if expr.month is None:  # "by the 15th": the next such day of a month
        assert expr.day is not None
        this_month = cal.today.replace(day=1)
        if expr.unit == "month":  # "the 10th of next month"
            return _day_in_month(add_months(this_month, expr.offset or 0), expr.day)
        return _next_nth(this_month, expr.day, cal.today)
    assert expr.day is not None
    return _next_day(expr.month, expr.day, cal, expr.year, expr.offset)


def _next_nth(month_start: dt.date, day: int, today: dt.date) -> dt.date:
    """The next day numbered `day` from `today`, in the first month that has it ("by the
    31st" on November 27 is December 31)."""
    for step in range(12):
        first = add_months(month_start, step)
        if day <= month_end(first.year, first.month).day and first.replace(day=day) >= today:
            return first.replace(day=day)
    raise Unresolvable(f"no month has a day {day}")


def _day_in_month(month_start: dt.date, day: int) -> dt.date:
    return month_start.replace(day=min(day, month_end(month_start.year, month_start.month).day))


def _alternative(expr: TimeExpr, cal: Calendar) -> str | None:
    if expr.kind != "date" or expr.numeric is None:
        return None
    readings = _readings(expr, cal)
    if len(readings) < 2:
        return None
    month, day = readings[1]
    return _week_end(expr, _next_day(month, day, cal, expr.year)).isoformat()


def _month(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.month is not None
    year = expr.year
    if year is None and expr.offset is not None:
        year = cal.today.year + expr.offset
    if year is None:
        year = cal.today.year + (expr.month < cal.today.month)
    return Interval(dt.date(year, expr.month, 1), month_end(year, expr.month), "month")


def _part(expr: TimeExpr, cal: Calendar, number: int, granularity: Granularity) -> Interval:
    months = PART_MONTHS[granularity]
    if expr.year is not None:
        fiscal_year = expr.year
    else:
        fiscal_year = fiscal_year_of(cal.today, cal.fiscal_start) + (expr.offset or 0)
        if expr.offset is None and period(fiscal_year, number, months, cal.fiscal_start)[1] \
                < cal.today:
            fiscal_year += 1
    first, last = period(fiscal_year, number, months, cal.fiscal_start)
    return Interval(first, last, granularity)


def _quarter(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.quarter is not None
    return _part(expr, cal, expr.quarter, "quarter")


def _half(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.half is not None
    return _part(expr, cal, expr.half, "half")


def _year(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.year is not None
    return Interval(dt.date(expr.year, 1, 1), dt.date(expr.year, 12, 31), "year")


def _fiscal_year(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.year is not None
    first, last = period(expr.year, 1, 12, cal.fiscal_start)
    return Interval(first, last, "year")


def _relative(expr: TimeExpr, cal: Calendar) -> Interval:
    offset, unit = expr.offset or 0, expr.unit or "year"
    today = cal.today
    if unit in ("week", "work_week", "weekend"):
        # A goal's week, and so "the end of the week", ends on its Friday; a weekend on Sunday.
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return Interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week")
        return Interval(monday, monday + dt.timedelta(days=4), "week")
    if unit == "month":
        first = add_months(today.replace(day=1), offset)
        return Interval(first, month_end(first.year, first.month), "month")
    if unit == "year":
        return Interval(dt.date(today.year + offset, 1, 1), dt.date(today.year + offset, 12, 31),
                        "year")
    months = PART_MONTHS[unit]
    fiscal_year, number = shift_part(*part_holding(today, months, cal.fiscal_start), offset,
                                     months)
    first, last = period(fiscal_year, number, months, cal.fiscal_start)
    return Interval(first, last, "year" if months == 12 else unit)  # type: ignore[arg-type]


def _duration(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.amount is not None and expr.unit is not None
    amount, unit = expr.amount, expr.unit
    if unit == "business_day":
        day = add_business_days(cal.today, round(amount))
    elif unit in SHIFT_DAYS:
        day = cal.today + dt.timedelta(days=round(amount * SHIFT_DAYS[unit]))
    else:
        months = amount * {"month": 1, "quarter": 3, "year": 12}[unit]
        whole = int(months)
        day = add_months(cal.today, whole) + dt.timedelta(days=round((months - whole) * 30))
    return Interval(day, day, DURATION_GRANULARITY[unit])


def _weekday(expr: TimeExpr, cal: Calendar) -> Interval:
    assert expr.weekday is not None
    if expr.unit == CALENDAR_WEEK:  # "by wk 50": that weekday of an ISO week
        friday = _calendar_week_day(expr, cal)
        return Interval(friday - dt.timedelta(days=FRIDAY), friday, "week")
    if expr.unit == "week":  # "Friday next week": that weekday of a given week
        monday = cal.today - dt.timedelta(days=cal.today.weekday())
        return _point(monday + dt.timedelta(weeks=expr.offset or 0, days=expr.weekday))
    ahead = (expr.weekday - cal.today.weekday()) % 7
    if ahead == 0 and expr.offset is None:  # "by Friday" on a Friday means next week's
        ahead = 7
    return _point(cal.today + dt.timedelta(days=ahead))


def _calendar_week_day(expr: TimeExpr, cal: Calendar) -> dt.date:
    """The weekday of ISO week `nth` in the expression's year, else in the first year from
    today's in which it has not passed."""
    assert expr.nth is not None and expr.weekday is not None
    for year in (expr.year,) if expr.year else (cal.today.year, cal.today.year + 1):
        try:
            day = dt.date.fromisocalendar(year, expr.nth, expr.weekday + 1)
        except ValueError:  # week 53 of a year with 52
            continue
        if expr.year or day >= cal.today:
            return day
    raise Unresolvable(f"week {expr.nth} is not a calendar week")


def _near_day(expr: TimeExpr, cal: Calendar) -> Interval:
    return _point(cal.today + dt.timedelta(days=expr.offset or 0))


def _holiday(expr: TimeExpr, cal: Calendar) -> Interval:
    years = (expr.year,) if expr.year else (cal.today.year, cal.today.year + 1)
    for year in years:
        day = _holiday_in(expr, year) + dt.timedelta(days=expr.offset or 0)
        if day >= cal.today:
            break
    return _point(day)


def _holiday_in(expr: TimeExpr, year: int) -> dt.date:
    """The holiday's day in `year`: a movable feast ("easter"), a fixed day or the nth
    weekday of its month."""
    if expr.unit == "easter":
        return easter_sunday(year)
    assert expr.month is not None
    if expr.day is not None:
        return dt.date(year, expr.month, expr.day)
    assert expr.weekday is not None and expr.nth is not None
    return nth_weekday(year, expr.month, expr.weekday, expr.nth)


RESOLVERS: dict[str, Callable[[TimeExpr, Calendar], Interval]] = {
    "date": _date, "month": _month, "quarter": _quarter, "half": _half, "year": _year,
    "fiscal_year": _fiscal_year, "relative_period": _relative, "duration": _duration,
    "weekday": _weekday, "near_day": _near_day, "holiday": _holiday,
}
