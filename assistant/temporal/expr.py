"""`TimeExpr`: one time expression as written, without reference to today's date."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

Kind = Literal[
    "date",  # a calendar day; `numeric` keeps an undecided day/month pair
    "month",  # a month, with or without its year
    "quarter",  # Q1-Q4 (fiscal when `fiscal`), year or year `offset`
    "half",  # H1/H2
    "year",  # a calendar year
    "fiscal_year",  # FY27: the fiscal year ending in 2027
    "relative_period",  # this/next/last `unit` (offset 0/1/-1)
    "duration",  # `amount` `unit`s counted from the reference date
    "weekday",  # the next Monday..Sunday, or that day of a given week
    "near_day",  # today/tomorrow: `offset` days from the reference date
    "holiday",  # a fixed day (`month`/`day`) or the `nth` `weekday` of `month`
    "cadence",  # every week, per month, daily
    "comparison",  # YoY, year to date: a past period to compare with
    "vague",  # soon, ASAP, going forward
    "unresolvable",  # tied to an event ("by the next QBR"): see `reason`
]
Role = Literal["deadline", "baseline", "cadence", "label", "vague"]
Edge = Literal["end", "start"]


@dataclass(frozen=True)
class TimeExpr:
    """What a time expression says, kept free of the reference date so that one parsed
    Doc can be resolved against any day and calendar.

    `offset` is relative to the current period: for `relative_period` in `unit`s, for
    quarters/halves/months/dates in years ("Q3 of next year" -> 1), for `near_day` and
    holidays in days, for a weekday with `unit` "week" in weeks ("Friday next week");
    a weekday with offset 0 may be today ("this Friday"); a date with `unit` "month" and
    no month is a day of the month `offset` months on ("the 10th of next month"); a date
    with `unit` "week" names the working week starting that day ("the week of Dec 14").
    `edge` names the start or end of the period ("the start of Q2"), None for the whole;
    `before` means the bound ends the day before the expression ("before Christmas");
    `shift_days` moves the bound ("2 weeks before Christmas" -> -14); `workday` moves the
    edge to the nearest weekday inside the period ("the last business day of January").
    `fiscal_start` is a fiscal-year start month stated in the goal itself ("our fiscal
    year ends January 31").
    """

    kind: Kind
    role: Role = "deadline"
    prep: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    weekday: int | None = None
    nth: int | None = None
    offset: int | None = None
    unit: str | None = None
    amount: float | None = None
    fiscal: bool = False
    fiscal_start: int | None = None
    numeric: tuple[int, int] | None = None
    edge: Edge | None = None
    before: bool = False
    shift_days: int | None = None
    reason: str | None = None
    workday: bool = False

    def with_(self, **changes: object) -> TimeExpr:
        """A copy with `changes`, as `dataclasses.replace` makes it (an unknown field is a
        TypeError) without running the frozen `__init__` field by field: the grammar and
        its context make several copies of every match."""
        if not changes.keys() <= _FIELDS:
            raise TypeError(f"TimeExpr has no field {sorted(changes.keys() - _FIELDS)}")
        copied = object.__new__(TimeExpr)
        copied.__dict__.update(self.__dict__, **changes)
        return copied


_FIELDS = frozenset(f.name for f in fields(TimeExpr))
