"""Resolution against the options (date order, fiscal calendar, reference date) and the
calendar helpers, without the spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.lexicon import one_edit_apart
from assistant.options import Options
from assistant.temporal import TimeExpr, resolve_deadline
from assistant.temporal.dates import add_business_days, add_months, part_holding, period
from assistant.temporal.normalize import normalize
from assistant.temporal.spans import find_hits

FRIDAY = dt.date(2026, 11, 27)


def options(**changes: object) -> Options:
    return Options(reference_date=changes.pop("reference_date", FRIDAY), **changes)  # type: ignore[arg-type]


# (id, expression, options, date, alternative)
RESOLUTIONS = [
    ("mdy-ambiguous", TimeExpr("date", year=2027, numeric=(4, 5)), options(), "2027-04-05",
     "2027-05-04"),
    ("dmy-ambiguous", TimeExpr("date", year=2027, numeric=(4, 5)), options(date_order="DMY"),
     "2027-05-04", "2027-04-05"),
    ("impossible-mdy", TimeExpr("date", year=2027, numeric=(31, 3)), options(), "2027-03-31",
     None),
    ("impossible-dmy", TimeExpr("date", year=2027, numeric=(12, 18)), options(date_order="DMY"),
     "2027-12-18", None),
    ("same-both-ways", TimeExpr("date", year=2027, numeric=(6, 6)), options(), "2027-06-06",
     None),
    ("fiscal-q1-fy", TimeExpr("quarter", quarter=1, year=2027, fiscal=True),
     options(fiscal_year_start=2), "2026-04-30", None),
    ("fiscal-q1-next", TimeExpr("quarter", quarter=1), options(fiscal_year_start=2),
     "2027-04-30", None),
    ("fiscal-this-quarter", TimeExpr("relative_period", unit="quarter", offset=0),
     options(fiscal_year_start=2), "2027-01-31", None),
    ("fiscal-year-july", TimeExpr("fiscal_year", year=2027, fiscal=True),
     options(fiscal_year_start=7), "2027-06-30", None),
    ("fiscal-h2-october", TimeExpr("half", half=2), options(fiscal_year_start=10),
     "2027-09-30", None),
    ("stated-fiscal-start", TimeExpr("fiscal_year", year=2027, fiscal=True, fiscal_start=2),
     options(), "2027-01-31", None),
    ("q4-from-january", TimeExpr("quarter", quarter=4),
     options(reference_date=dt.date(2027, 1, 10)), "2027-12-31", None),
    ("weekday-from-wednesday", TimeExpr("weekday", weekday=4),
     options(reference_date=dt.date(2026, 12, 2)), "2026-12-04", None),
    ("month-end-clamp", TimeExpr("duration", amount=1, unit="month"),
     options(reference_date=dt.date(2027, 1, 31)), "2027-02-28", None),
    ("iso-week-53", TimeExpr("weekday", weekday=4, unit="iso_week", nth=53), options(),
     "2027-01-01", None),
    ("no-iso-week-53", TimeExpr("weekday", weekday=4, unit="iso_week", nth=53, year=2027),
     options(), None, None),
    ("leap-day", TimeExpr("date", month=2, day=29), options(reference_date=dt.date(2027, 3, 1)),
     "2028-02-29", None),
    ("leap-day-in-plain-year", TimeExpr("date", year=2027, month=2, day=29), options(), None,
     None),
]


@pytest.mark.parametrize(("expr", "opts", "date", "alternative"), [c[1:] for c in RESOLUTIONS],
                         ids=[c[0] for c in RESOLUTIONS])
def test_resolution_follows_options(expr: TimeExpr, opts: Options, date: str | None,
                                    alternative: str | None) -> None:
    value = resolve_deadline(expr, opts)
    assert (value.date, value.alternative) == (date, alternative)
    assert value.reason is None if date else value.reason


@pytest.mark.parametrize(
    ("expr", "in_past", "granularity"),
    [(TimeExpr("date", year=2026, month=10, day=1), True, "day"),
     (TimeExpr("quarter", quarter=2, year=2027), False, "quarter"),
     (TimeExpr("relative_period", unit="month", offset=0), False, "month"),
     (TimeExpr("year", year=2026, before=True), True, "year"),
     (TimeExpr("half", half=1, year=2027), False, "half")],
    ids=["past-date", "quarter", "this-month", "before-2026", "half"],
)
def test_past_and_granularity(expr: TimeExpr, in_past: bool, granularity: str) -> None:
    value = resolve_deadline(expr, options())
    assert (value.in_past, value.granularity) == (in_past, granularity)


@pytest.mark.parametrize("kind", ["cadence", "vague", "comparison", "unresolvable"])
def test_non_bounds_have_no_date(kind: str) -> None:
    value = resolve_deadline(TimeExpr(kind), options())  # type: ignore[arg-type]
    assert value.date is None and value.reason


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2026, 11, 27), 3, dt.date(2027, 2, 27)), (dt.date(2027, 1, 31), 1,
     dt.date(2027, 2, 28)), (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
     (dt.date(2026, 12, 15), -12, dt.date(2025, 12, 15))],
    ids=["plain", "clamp", "leap", "back"],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_business_days_skip_weekends() -> None:
    assert add_business_days(FRIDAY, 1) == dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("start_month", "expected"),
    [(1, (2026, 4)), (2, (2027, 4)), (7, (2027, 2)), (10, (2027, 1))],
    ids=["calendar", "february", "july", "october"],
)
def test_quarter_holding_reference(start_month: int, expected: tuple[int, int]) -> None:
    assert part_holding(FRIDAY, 3, start_month) == expected


def test_fiscal_period_bounds() -> None:
    assert period(2027, 1, 3, 7) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


@pytest.mark.parametrize(
    ("word", "name", "close"),
    [("januray", "january", True), ("febuary", "february", True), ("decmber", "december", True),
     ("septembre", "september", True), ("wendesday", "wednesday", True),
     ("junior", "june", False), ("jane", "june", True), ("monday", "monday", False)],
    ids=["swap", "deletion", "deletion-2", "swap-end", "swap-weekday", "far", "short", "same"],
)
def test_one_edit_apart(word: str, name: str, close: bool) -> None:
    assert one_edit_apart(word, name) is close


def test_normalize_keeps_offsets_of_repaired_words() -> None:
    text = "Grow pipline by end of Januray, OK?"
    norm = normalize(text)
    start = norm.text.index("january")
    assert norm.text.endswith("january, ok?")
    assert text[slice(*norm.span(start, start + len("january")))] == "Januray"


@pytest.mark.parametrize(
    "text",
    ["We may hire 3 reps.", "Jan will run 4 demos.", "Reach a quarter of the pipeline.",
     "Hit 4/5 on CSAT.", "Grow revenue by 20%."],
    ids=["may", "jan", "fraction", "score", "percent"],
)
def test_no_time_in_plain_text(text: str) -> None:
    assert find_hits(normalize(text).text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("Offer 24/7 support.", "24/7"), ("Practise seven days a week.", "seven days a week"),
     ("Sleep 8 hours a night.", "a night"), ("Swim 2 km three mornings a week.", "a week")],
    ids=["always", "every-day", "night", "counted"],
)
def test_every_day_words_are_cadences(text: str, phrase: str) -> None:
    """'24/7' is no date and 'seven days a week' no duration: each repeats, bounding nothing."""
    norm = normalize(text).text
    hits = find_hits(norm)
    assert [(norm[h.start : h.end], h.expr.kind) for h in hits] == [(phrase, "cadence")]
