"""The grammar of number expressions in goal text, as regular expressions built from the lexicons.

An *atom* is one number with its currency, magnitude and unit ("$1.2M", "15 percent", "a dozen",
"30 minutes"). A *phrase* is an atom with its lead and tail words ("to under 30 minutes",
"at 90% or higher") or a pair of atoms ("from 18% to 25%", "between 6 and 8").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import number_words, phrases, units
from .numbers import parse_digits, parse_number_words

# "1,500.50" and "2.5"; continental "1.000" / "2,5" (see numbers.parse_digits); ".5".
DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])"
    r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?|\.\d+"
)
# An atom never starts right after a letter, digit or joiner ("Q3", "X5", "stage-2", "31.12",
# "#1") and never ends before one ("90-day", "31st", "12/18", "10:30", "2027-03-31").
ATOM_BEFORE = r"(?<![\w.,/:#\-])"
ATOM_AFTER = r"(?![A-Za-z0-9])(?![-.,:/]\d)(?!-[A-Za-z])"
# Inside a hyphenated range ("3-4x", "6–8") the joiner between the two numbers is allowed.
RANGE_FIRST_AFTER = r"(?![A-Za-z0-9])(?!-[A-Za-z])"
RANGE_JOINERS = r"(?:\s+(?i:to)\s+|\s*[-–]\s*)"
# A decimal score out of 5 or 10 ("4.8/5") keeps its scale in the span.
OUT_OF = r"(?P<outof>(?<=\.\d)/(?:5|10)(?![\d/]))?"


def _alternation(words: Iterable[str], *, spaced: bool = True) -> str:
    """A regex alternation of `words`, longest first; inner spaces match any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    escaped = (re.escape(w) for w in ordered)
    return "|".join(e.replace(r"\ ", r"\s+") if spaced else e for e in escaped)


@dataclass(frozen=True)
class Atom:
    """One number with its marks, as found in the text (offsets into the text)."""

    start: int
    end: int
    amount: float
    unit: str
    currency: str | None
    unit_text: str | None
    spelled: bool
    plus: bool
    sign: str | None
    bare: bool


@dataclass(frozen=True)
class Phrase:
    """A number phrase: its span, lead and tail words, and its atoms in text order."""

    start: int
    end: int
    kind: str  # "single", "from_to", "between", "by_to", "range", "fraction"
    lead: str | None
    tail: str | None
    atoms: tuple[Atom, ...]


def _number_words_pattern() -> str:
    lexicon = number_words()
    word = _alternation(lexicon.all_words)
    scale = _alternation((*lexicon.groups, *lexicon.scales))
    return (
        rf"(?i:(?:an?\s+(?={scale}))?(?:{word})(?:[\s-]+(?:and[\s-]+)?(?:{word}))*)(?![\w-])"
    )


@lru_cache(maxsize=4)
def atom_pattern(before: str = ATOM_BEFORE, after: str = ATOM_AFTER) -> str:
    """The atom regex with named groups (cur, digits, words, mag, plus, unit), between the
    given boundary checks."""
    lex = units()
    symbols = _alternation(lex.currency_symbols, spaced=False)
    codes = _alternation(lex.currency_codes, spaced=False)
    attached = _alternation(lex.magnitudes_attached, spaced=False)
    spaced_mag = _alternation(lex.magnitudes_spaced, spaced=False)
    mag_words = _alternation(lex.magnitude_words)
    unit_words = _alternation(
        w for family, ws in lex.unit_words.items() if family not in ("multiplier", "figures")
        for w in ws
    )
    multiplier = _alternation(lex.unit_words["multiplier"], spaced=False)
    figures = _alternation(lex.unit_words["figures"])
    cur_words = _alternation(lex.currency_words)
    qualifiers = _alternation(lex.time_unit_qualifiers)
    time_units = _alternation(lex.time_units)
    return (
        rf"{before}(?P<sign>[+−~])?(?P<cur>(?:{symbols})\s?|(?:{codes})\s?)?"
        rf"(?:(?P<digits>{DIGITS}){OUT_OF}|(?P<words>{_number_words_pattern()}))"
        rf"(?P<mag>(?:{attached})(?![A-Za-z])|\s(?:{spaced_mag})(?![A-Za-z])"
        rf"|\s(?i:{mag_words})(?![A-Za-z]))?"
        rf"(?P<plus>\+)?"
        rf"(?P<unit>\s?%|\s?(?i:{unit_words})(?![A-Za-z])|(?:{multiplier})(?![A-Za-z])|[\s-]?(?i:fold)(?![A-Za-z])"
        rf"|\s(?i:{figures})(?![A-Za-z])|\s?(?:{codes})(?![A-Za-z])"
        rf"|\s(?i:{cur_words})(?![A-Za-z])"
        rf"|\s(?:(?i:{qualifiers})\s)?(?i:{time_units})(?![A-Za-z]))?"
        rf"{after}"
    )


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@lru_cache(maxsize=1)
def phrase_patterns() -> dict[str, re.Pattern[str]]:
    """One compiled regex per phrase kind; each has named groups lead, tail (where they apply)."""
    lex = phrases()
    atom = _unnamed(atom_pattern())
    leads = _alternation(lex.span_leads)
    tails = _alternation(lex.tails)
    start = r"(?<![\w])"
    return {
        "from_to": re.compile(
            rf"{start}(?P<lead>(?i:{_alternation(lex.range_from)}))\s+{atom}\s*"
            rf"(?i:{_alternation(lex.range_to)})\s*{atom}"
        ),
        "between": re.compile(
            rf"{start}(?P<lead>(?i:{_alternation(lex.range_between)}))\s+{atom}\s+"
            rf"(?i:{_alternation(lex.range_and)})\s+{atom}"
        ),
        "by_to": re.compile(rf"{start}(?P<lead>(?i:by))\s+{atom}\s+(?i:to)\s+{atom}"),
        "range": re.compile(
            rf"(?:{start}(?P<lead>(?i:{leads}))\s*)?"
            rf"{_unnamed(atom_pattern(after=RANGE_FIRST_AFTER))}{RANGE_JOINERS}"
            rf"{_unnamed(atom_pattern(before=''))}"
        ),
        "fraction": re.compile(rf"{start}(?P<lead>(?i:{_alternation(lex.fraction)}))(?![\w])"),
        "single": re.compile(
            rf"(?:{start}(?P<lead>(?i:{leads}))\s*)?{atom}(?P<tail>\s+(?i:{tails})(?![\w]))?"
        ),
    }


@lru_cache(maxsize=2)
def _atom_re(relaxed: bool) -> re.Pattern[str]:
    if relaxed:
        return re.compile(atom_pattern(before="", after=RANGE_FIRST_AFTER))
    return re.compile(atom_pattern())


def _unit_and_currency(match: re.Match[str]) -> tuple[str, str | None, str | None]:
    """(unit family, currency, unit text) of an atom match."""
    lex = units()
    cur, unit = match["cur"], (match["unit"] or "").strip()
    if cur:
        return "currency", lex.currency_symbols.get(cur.strip(), cur.strip()), unit or None
    if not unit:
        return "count", None, None
    if unit in lex.currency_codes:
        return "currency", unit, unit
    if unit.lower() in lex.currency_words:
        return "currency", lex.currency_words[unit.lower()], unit
    return (lex.unit_of(unit) or "other"), None, unit


def _magnitude(text: str | None) -> float:
    if not text:
        return 1.0
    lex = units()
    word = text.strip()
    if word.lower() in lex.magnitude_words:
        return lex.magnitude_words[word.lower()]
    if text[0].isspace():
        return lex.magnitudes_spaced[word]
    return lex.magnitudes_attached[word]


def parse_atom(match: re.Match[str], offset: int = 0) -> Atom | None:
    """The Atom of an atom-regex match, or None when its words are not a number."""
    if match["digits"]:
        value: float | None = parse_digits(match["digits"])
    else:
        value = parse_number_words(match["words"])
    if value is None:
        return None
    unit, currency, unit_text = _unit_and_currency(match)
    amount = value * _magnitude(match["mag"])
    if unit == "figures":
        # "7 figures" is a sum with seven digits: its smallest value, 10**6.
        unit, amount = "currency", 10.0 ** (value - 1)
    bare = unit == "count" and not match["mag"] and not match["plus"] and not match["sign"]
    return Atom(
        start=match.start() + offset,
        end=match.end() + offset,
        amount=amount,
        unit=unit,
        currency=currency,
        unit_text=unit_text,
        spelled=match["words"] is not None,
        plus=match["plus"] is not None,
        sign=match["sign"],
        bare=bare,
    )


def atoms_in(text: str, start: int, end: int, *, relaxed: bool = False) -> tuple[Atom, ...]:
    """Every atom inside text[start:end], in order; `relaxed` lets numbers touch a hyphen
    (inside a hyphenated range)."""
    found = (parse_atom(m, start) for m in _atom_re(relaxed).finditer(text[start:end]))
    return tuple(a for a in found if a is not None)


def scan(text: str) -> Iterator[Phrase]:
    """Every phrase any pattern matches, overlapping ones included (see `find_quantities`)."""
    for kind, pattern in phrase_patterns().items():
        for match in pattern.finditer(text):
            groups = match.groupdict()
            lead = groups.get("lead")
            tail = groups.get("tail")
            yield Phrase(
                start=match.start(),
                end=match.end(),
                kind=kind,
                lead=" ".join(lead.lower().split()) if lead else None,
                tail=" ".join(tail.lower().split()) if tail else None,
                atoms=atoms_in(text, match.start(), match.end(), relaxed=kind == "range"),
            )
