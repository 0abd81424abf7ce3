"""Numbers said in words inside time expressions, read as digits before the grammar runs
(pure functions, no spaCy)."""

from __future__ import annotations

import pytest

from assistant.temporal.normalize import normalize

# (goal, normalised text, a piece of it, the words that piece was read from)
READINGS = {
    "century-year": ("by December twenty twenty seven", "by december 2027", "2027",
                     "twenty twenty seven"),
    "hyphenated-year": ("in twenty twenty-six", "in 2026", "2026", "twenty twenty-six"),
    "thousand-year": ("by june two thousand and twenty eight", "by june 2028", "2028",
                      "two thousand and twenty eight"),
    "ordinal-after-month": ("by march fifteenth", "by march 15th", "15th", "fifteenth"),
    "ordinal-before-month": ("the thirty first of may", "the 31st of may", "31st",
                             "thirty first"),
    "sprint": ("end of sprint twelve", "end of sprint 12", "12", "twelve"),
    "counted-day": ("by day ninety", "by day 90", "90", "ninety"),
    "glued-quarter": ("by the end of q one", "by the end of q1", "q1", "q one"),
    "fiscal-year": ("in fy twenty seven", "in fy 27", "fy 27", "fy twenty seven"),
    "day-alone": ("book 12 demos by the thirtieth", "book 12 demos by the 30th", "30th",
                  "thirtieth"),
    "repair-and-year": ("by decmber twenty twenty six", "by december 2026", "december 2026",
                        "decmber twenty twenty six"),
}


@pytest.mark.parametrize(("text", "normalised", "piece", "words"), READINGS.values(),
                         ids=READINGS.keys())
def test_spoken_number_read_as_digits(text: str, normalised: str, piece: str,
                                      words: str) -> None:
    norm = normalize(text)
    assert norm.text == normalised
    at = normalised.index(piece)
    start, end = norm.span(at, at + len(piece))
    assert text[start:end] == words


NOT_READ = {
    "count": "book twenty thirty-minute calls",
    "thousand-as-amount": "raise two thousand twenty dollars",
    "cadence-before-unit": "three calls a day two weeks running",
    "modal-may": "we may second the plan",
    "glued-too-large": "ship it in h three",
    "idiom": "own it from day one",
    "ordinal-of-period": "by the first quarter",
    "ordinal-before-count": "in the first 90 days",
}


@pytest.mark.parametrize("text", NOT_READ.values(), ids=NOT_READ.keys())
def test_spoken_number_left_alone(text: str) -> None:
    assert normalize(text).text == text
