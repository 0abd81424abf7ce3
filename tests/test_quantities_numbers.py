"""Number words and digit strings (pure functions, no spaCy)."""

from __future__ import annotations

import pytest

from assistant.quantities.numbers import parse_digits, parse_number_words

WORDS = {
    "twelve": ("twelve", 12),
    "capitalised": ("Fifteen", 15),
    "a-dozen": ("a dozen", 12),
    "two-dozen": ("two dozen", 24),
    "hyphenated": ("thirty-five", 35),
    "hundred-and": ("two hundred and fifty", 250),
    "two-million": ("two million", 2_000_000),
    "a-million": ("a million", 1_000_000),
    "thousands": ("forty thousand", 40_000),
    "mixed-scales": ("one million two hundred thousand", 1_200_000),
    "zero": ("zero", 0),
    "half-a-dozen": ("half a dozen", 6),
    "half-a-million": ("half a million", 500_000),
    # spoken fractions and decimals (voice transcripts)
    "and-a-half": ("six and a half", 6.5),
    "one-and-a-half": ("one and a half", 1.5),
    "point-digit": ("two point five", 2.5),
    "point-digits": ("one point two five", 1.25),
}


@pytest.mark.parametrize(("text", "value"), WORDS.values(), ids=WORDS.keys())
def test_number_words_read(text: str, value: float) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["one", "a", "an", "dozens of", "several", "", "two point",
                                  "two point twelve"],
                         ids=["one", "a", "an", "not-a-number", "vague", "empty",
                              "point-without-digits", "point-before-a-non-digit"])
def test_not_a_number(text: str) -> None:
    assert parse_number_words(text) is None


@pytest.mark.parametrize(("text", "value"), [("1,500", 1500), ("2.5", 2.5), ("12,000,000", 12e6),
                                             (".5", 0.5), ("250 000", 250_000),
                                             ("1 250,50", 1250.5), ("95\u202f000", 95_000)],
                         ids=["thousands-comma", "decimal", "millions", "leading-dot",
                              "thousands-space", "space-and-decimal-comma", "narrow-space"])
def test_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value
