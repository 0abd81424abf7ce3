"""A lower-cased copy of the goal with misspelt month and weekday names repaired
("januray" -> "january"), and the map from its characters back to the original."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon

WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Normalized:
    text: str
    starts: tuple[int, ...]  # original offset of each normalised character
    ends: tuple[int, ...]  # original end offset (exclusive) of each normalised character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original character offsets of the normalised span [start, end)."""
        return self.starts[start], self.ends[end - 1]


def one_edit_apart(word: str, name: str) -> bool:
    """True when `word` becomes `name` by one insertion, deletion, substitution or swap
    of two neighbouring letters."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and word[i] == name[i + 1] and \
            word[i + 1] == name[i]
    short, long_ = sorted((word, name), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=4096)
def repaired(word: str) -> str:
    """The month or weekday name a misspelt word stands for, else the word itself."""
    lex = lexicon()
    if len(word) < lex.fuzzy_min_word_length or any(
        w in lex.months or w in lex.weekdays for w in (word, word.removesuffix("s"))
    ):
        return word
    names = [n for n in (*lex.months, *lex.weekdays) if len(n) >= lex.fuzzy_min_length]
    matches = [n for n in names if one_edit_apart(word, n)]
    return matches[0] if len(matches) == 1 else word


def normalize(text: str) -> Normalized:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in WORD.finditer(text):
        _copy(text[position:match.start()], position, pieces, starts, ends)
        word = match.group().lower()
        fixed = repaired(word)
        if fixed == word:
            _copy(word, match.start(), pieces, starts, ends)
        else:
            pieces.append(fixed)
            starts.extend([match.start()] * len(fixed))
            ends.extend([match.end()] * len(fixed))
        position = match.end()
    _copy(text[position:], position, pieces, starts, ends)
    return Normalized("".join(pieces), tuple(starts), tuple(ends))


def _copy(piece: str, offset: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    # str.lower() keeps the length of every character the grammar cares about; a rare
    # character that grows (e.g. "İ") maps all its pieces to the one original character.
    for i, char in enumerate(piece):
        low = char.lower()
        pieces.append(low)
        starts.extend([offset + i] * len(low))
        ends.extend([offset + i + 1] * len(low))
