"""Calendar arithmetic for deadlines: month ends, month and business-day steps, and
fiscal years, quarters and halves for any fiscal-year start month."""

from __future__ import annotations

import calendar
import datetime as dt

DAY = dt.timedelta(days=1)
SATURDAY = 5


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_business_days(day: dt.date, count: int) -> dt.date:
    """`count` Monday-to-Friday days after `day` (public holidays are not known)."""
    while count > 0:
        day += DAY
        if day.weekday() < SATURDAY:
            count -= 1
    return day


def weekday_from(day: dt.date, step: dt.timedelta) -> dt.date:
    """The first Monday-to-Friday day from `day` on, stepping by `step` ("the last business
    day of January 2027" -> Friday the 29th)."""
    while day.weekday() >= SATURDAY:
        day += step
    return day


def fiscal_year_of(day: dt.date, start_month: int) -> int:
    """The fiscal year holding `day`, named by the calendar year it ends in."""
    return day.year + 1 if start_month > 1 and day.month >= start_month else day.year


def fiscal_year_first_day(fiscal_year: int, start_month: int) -> dt.date:
    return dt.date(fiscal_year - (start_month > 1), start_month, 1)


def period(fiscal_year: int, number: int, months: int, start_month: int) -> tuple[dt.date, dt.date]:
    """First and last day of part `number` (1-based) of a fiscal year cut into parts of
    `months` months: quarters (3), halves (6) or the whole year (12)."""
    first = add_months(fiscal_year_first_day(fiscal_year, start_month), months * (number - 1))
    return first, add_months(first, months) - DAY


def part_holding(day: dt.date, months: int, start_month: int) -> tuple[int, int]:
    """(fiscal year, part number) of the quarter/half/year holding `day`."""
    fiscal_year = fiscal_year_of(day, start_month)
    elapsed = (day.month - start_month) % 12
    return fiscal_year, elapsed // months + 1


def shift_part(fiscal_year: int, number: int, steps: int, months: int) -> tuple[int, int]:
    """The part `steps` parts after (fiscal_year, number)."""
    per_year = 12 // months
    index = fiscal_year * per_year + number - 1 + steps
    return index // per_year, index % per_year + 1


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday of `year` (the Meeus/Jones/Butcher Gregorian algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` of a month (nth = -1: the last one)."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday]
    return days[nth - 1] if nth > 0 else days[nth]
