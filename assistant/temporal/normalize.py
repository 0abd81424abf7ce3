"""A lower-cased copy of the goal with misspelt month, weekday and period names repaired
("januray" -> "january", "quater" -> "quarter") and numbers said in words read as digits
("december twenty twenty seven" -> "december 2027", see spoken.py), and the map from its
characters back to the original."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import one_edit_apart
from .lexicon import lexicon
from .spoken import Reading, spoken_numbers


@dataclass(frozen=True)
class Normalized:
    text: str
    starts: list[int]  # original offset of each normalised character
    ends: list[int]  # original end offset (exclusive) of each normalised character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original character offsets of the normalised span [start, end)."""
        return self.starts[start], self.ends[end - 1]

    def position(self, original: int) -> int:
        """The normalised offset of an original offset (`starts` never decreases, so a
        binary search finds it)."""
        at = bisect.bisect_left(self.starts, original)
        if at == len(self.starts) or self.starts[at] != original:
            raise ValueError(f"{original} is not the start of a normalised character")
        return at


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    lex = lexicon()
    known = frozenset((*lex.months, *lex.weekdays, *lex.fuzzy_names))
    return known, tuple(n for n in known if len(n) >= lex.fuzzy_min_length)


@lru_cache(maxsize=1)
def _long_word() -> re.Pattern[str]:
    """A word long enough to be repaired: a run of letters shorter than that is kept as
    written, and no part of it matches."""
    return re.compile(rf"[A-Za-z]{{{lexicon().fuzzy_min_word_length},}}")


@lru_cache(maxsize=8192)
def repaired(word: str) -> str:
    """The month, weekday or period name a misspelt word stands for, else the word itself."""
    known, long_names = _names()
    if len(word) < lexicon().fuzzy_min_word_length or word in known or \
            word.removesuffix("s") in known:
        return word
    matches = sorted(n for n in long_names if one_edit_apart(word, n))
    return matches[0] if len({_meaning(n) for n in matches}) == 1 else word


def _meaning(name: str) -> tuple[str, object]:
    """What a name stands for: two spellings of one weekday ("wednesday", "wendsday") agree."""
    lex = lexicon()
    if name in lex.months:
        return "month", lex.months[name]
    if name in lex.weekdays:
        return "weekday", lex.weekdays[name]
    return "word", name


# Curly apostrophes read as straight ones ("Q1’27", "New Year’s Eve"); a line break as no
# space, so no time expression runs across lines ("SE goals FY27⏎- 90% ..." is FY27, not
# "FY27-90"; "Goals for March⏎15 new sources" is March).
READINGS = str.maketrans("\u2019\u2018`\u00b4\n", "''''\x00")


def normalize(text: str) -> Normalized:
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character that grows when lower-cased ("İ")
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    lowered = lowered.translate(READINGS)
    plain = Normalized(lowered, list(range(len(lowered))), list(range(1, len(lowered) + 1)))
    repairs = _replaced(plain, _repairs(lowered))
    return _replaced(repairs, spoken_numbers(repairs.text))


def _repairs(lowered: str) -> list[Reading]:
    """Each misspelt name of the lower-cased text with the name it stands for."""
    found = []
    for match in _long_word().finditer(lowered):
        word = match.group()
        fixed = repaired(word)
        if fixed != word:
            found.append((match.start(), match.end(), fixed))
    return found


def _replaced(base: Normalized, readings: list[Reading]) -> Normalized:
    """`base` with the characters of each reading (in text order, none overlapping) replaced
    by its text, each new character mapped to the whole of what it replaces."""
    if not readings:
        return base
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for start, end, new in readings:
        _copy(base, position, start, pieces, starts, ends)
        pieces.append(new)
        starts.extend([base.starts[start]] * len(new))
        ends.extend([base.ends[end - 1]] * len(new))
        position = end
    _copy(base, position, len(base.text), pieces, starts, ends)
    return Normalized("".join(pieces), starts, ends)


def _copy(base: Normalized, start: int, end: int, pieces: list[str], starts: list[int],
          ends: list[int]) -> None:
    pieces.append(base.text[start:end])
    starts.extend(base.starts[start:end])
    ends.extend(base.ends[start:end])
