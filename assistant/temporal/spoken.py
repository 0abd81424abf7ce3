"""Numbers said in words inside time expressions, read as digits before the grammar runs.

Voice transcripts and chat say "december twenty twenty seven", "by september two thousand
twenty seven", "sprint nine", "q one" and "the thirty first of may"; the grammar reads
"december 2027", "sprint 9", "q1" and "the 31st of may" in their place (see normalize.py,
which keeps the map back to the words as written).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..lexicon import alternation
from ..quantities.lexicon import number_words
from ..quantities.numbers import parse_index_words
from .lexicon import lexicon
from .triggers import gate, holds_trigger

# A reading: the normalised span [start, end) and the digits it stands for.
Reading = tuple[int, int, str]
# A rule: its pattern, the reading of a match, and the gate that finds the words without
# which the pattern cannot match (triggers.py), to skip the many goals written in digits.
Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str | None], re.Pattern[str] | None]

END = r"(?![\w-])"
SUFFIXES = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def spoken_numbers(text: str) -> list[Reading]:
    """The numbers said in words in the normalised `text` that belong to a time expression,
    in text order; where two readings overlap, the earlier rule wins (a year before the
    number a name takes: "fy twenty twenty seven" is 2027)."""
    taken: list[Reading] = []
    for pattern, read, found in _rules():
        if not holds_trigger(found, text):
            continue
        for match in pattern.finditer(text):
            digits = read(match)
            start, end = match.span("n")
            if digits is not None and not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, digits))
    return sorted(taken)


@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    spoken = lexicon().spoken
    words = number_words()
    ones = alternation(w for w, v in words.units.items() if 1 <= v <= 9)
    two_digits = (rf"(?:(?:{alternation(words.tens)})(?:[\s-]+(?:{ones}))?"
                  rf"|{alternation(w for w, v in words.units.items() if v >= 1)})")
    count = rf"(?:(?:{ones})\s+hundred(?:\s+(?:and\s+)?{two_digits})?|{two_digits})"
    months = alternation(lexicon().months)
    day = _day_pattern()
    followers = alternation(lexicon().cue("label", "day_followers"))
    rules = (
        (re.compile(rf"(?<![\w-])(?P<n>(?P<c>{alternation(spoken['centuries'])})[\s-]+"
                    rf"(?P<rest>(?:{alternation(words.tens)})(?:[\s-]+(?:{ones}))?)){END}"),
         _century_year),
        (re.compile(rf"(?<![\w-])(?:{alternation((*spoken['year_before'], *lexicon().months))})"
                    rf"\.?\s+(?P<n>two\s+thousand(?:\s+and)?\s+{two_digits}){END}"), _number),
        (re.compile(rf"(?<![\w-])(?!(?:{alternation(spoken['verb_months'])})\s)(?:{months})\.?"
                    rf"\s+(?:the\s+)?(?P<n>{day}){END}"), _day),
        (re.compile(rf"(?<![\w-])(?:the\s+)?(?P<n>{day})\s+of\s+(?:{months}){END}"), _day),
        # "by the thirtieth": a day alone after a preposition, where a day may end ("by the
        # first quarter" keeps its ordinal)
        (re.compile(rf"(?<![\w-])(?:{alternation(spoken['year_before'])})\s+the\s+(?P<n>{day})"
                    rf"(?=\s*(?:$|[^\w\s-])|\s+(?:{followers}){END})"), _day),
        (re.compile(rf"(?<![\w-])(?P<n>(?P<lead>{alternation(spoken['glued'])})\s+"
                    rf"(?P<num>{ones})){END}"), _glued),
        (re.compile(rf"(?<![\w-])(?:(?P<prev>[a-z]+)\s+)?(?P<name>{alternation(spoken['named'])})"
                    rf"[\s#-]*(?P<n>{count}){END}"), _named),
    )
    return tuple((pattern, read, gate(pattern)) for pattern, read in rules)


def _day_pattern() -> str:
    """A day of the month as an ordinal word: "fifteenth", "thirty first", "twenty-second"."""
    days = lexicon().spoken["days"]
    units = alternation(w for w, v in days.items() if v < 10)
    return rf"(?:(?:twenty|thirty)[\s-]+(?:{units})|{alternation(days)})"


def _century_year(match: re.Match[str]) -> str:
    """"twenty twenty seven" -> "2027"."""
    century = lexicon().spoken["centuries"][match["c"]]
    return str(century * 100 + int(parse_index_words(match["rest"]) or 0))


def _number(match: re.Match[str]) -> str | None:
    value = parse_index_words(match["n"])
    return None if value is None else str(int(value))


def _day(match: re.Match[str]) -> str | None:
    """"thirty first" -> "31st"; no reading past a month's 31 days ("thirty ninth")."""
    days, tens = lexicon().spoken["days"], number_words().tens
    value = sum(days.get(w, 0) + tens.get(w, 0) for w in re.split(r"[\s-]+", match["n"]))
    return f"{value}{SUFFIXES.get(value, 'th')}" if value <= 31 else None


def _glued(match: re.Match[str]) -> str | None:
    """"q one" -> "q1"; none past the letter's largest ("h three")."""
    value = parse_index_words(match["num"]) or 0
    return f"{match['lead']}{int(value)}" if value <= lexicon().spoken["glued"][match["lead"]] \
        else None


def _named(match: re.Match[str]) -> str | None:
    """"sprint nine" -> "9"; not after a cadence word ("three calls a day two weeks running")
    nor in an idiom ("from day one")."""
    spoken = lexicon().spoken
    if match["prev"] in spoken["not_named_after"] or \
            f"{match['name']} {' '.join(match['n'].split())}" in spoken["idioms"]:
        return None
    return _number(match)

