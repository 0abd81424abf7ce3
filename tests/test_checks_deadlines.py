"""Concrete deadline options computed from the reference date."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.checks.deadlines import deadline_options, quarter_end, spell_date
from assistant.options import make_options


@pytest.mark.parametrize(
    ("day", "fiscal_start", "offset", "expected"),
    [
        pytest.param("2026-11-27", 1, 0, "2026-12-31", id="calendar-q4"),
        pytest.param("2026-11-27", 1, 1, "2027-03-31", id="calendar-next-quarter-crosses-year"),
        pytest.param("2027-02-01", 1, 0, "2027-03-31", id="calendar-q1"),
        pytest.param("2026-11-27", 2, 0, "2027-01-31", id="fiscal-february-start"),
        pytest.param("2026-11-27", 4, 1, "2027-03-31", id="fiscal-april-start-next"),
        pytest.param("2026-03-31", 1, 0, "2026-03-31", id="last-day-of-quarter"),
        pytest.param("2026-07-15", 7, 3, "2027-06-30", id="fiscal-july-three-ahead"),
    ],
)
def test_quarter_end(day: str, fiscal_start: int, offset: int, expected: str) -> None:
    found = quarter_end(dt.date.fromisoformat(day), fiscal_start, offset)
    assert found.isoformat() == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param("2026-11-27", [
            "by December 31, 2026 (end of this quarter)",
            "by March 31, 2027 (end of next quarter)",
            "within 90 days (by February 25, 2027)",
        ], id="five-weeks-before-quarter-end"),
        pytest.param("2026-12-15", [
            "by March 31, 2027 (end of next quarter)",
            "within 90 days (by March 15, 2027)",
        ], id="quarter-end-too-near-to-offer"),
    ],
)
def test_deadline_options(reference: str, expected: list[str]) -> None:
    assert deadline_options(make_options(reference_date=reference)) == expected


def test_spell_date() -> None:
    assert spell_date(dt.date(2027, 3, 1)) == "March 1, 2027"
