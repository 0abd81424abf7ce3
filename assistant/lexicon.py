"""Loading of the data files (lexicons, patterns) that live beside the code."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@cache
def load_data(package: str, name: str) -> Any:
    """Parse the JSON or TOML file `data/<name>` shipped inside `package` (read once per
    process); callers must not mutate what it returns."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text) if name.endswith(".toml") else json.loads(text)


@cache
def word_set(package: str, name: str, key: str) -> frozenset[str]:
    """A lower-cased set of words stored under `key` in a JSON data file."""
    return frozenset(word.lower() for word in load_data(package, name)[key])


@lru_cache(maxsize=65536)
def near(word: str, vocabulary: frozenset[str]) -> bool:
    """`word` is in `vocabulary` or one edit away from a member (for words of 5+ letters),
    so that typos such as 'incrase' or 'pipline' still match."""
    if word in vocabulary:
        return True
    if len(word) < 5:
        return False
    by_length = _by_length(vocabulary)
    return any(one_edit_apart(word, v) for n in (len(word) - 1, len(word), len(word) + 1)
               for v in by_length.get(n, ()))


@lru_cache(maxsize=256)
def _by_length(vocabulary: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """The vocabulary's words by length: one edit changes a length by one at most, so `near`
    compares a word with three lengths' words only."""
    groups: dict[int, list[str]] = {}
    for member in vocabulary:
        groups.setdefault(len(member), []).append(member)
    return {n: tuple(sorted(group)) for n, group in groups.items()}


def one_edit_apart(word: str, other: str) -> bool:
    """True when `word` becomes `other` by one insertion, deletion, substitution or swap of
    two neighbouring letters."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diffs = [i for i, (x, y) in enumerate(zip(word, other, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == other[diffs[1]]
            and word[diffs[1]] == other[diffs[0]]
        )
    short, long_ = sorted((word, other), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def alternation(phrases: Iterable[str], *, spaced: bool = True) -> str:
    """A regex alternation of literal phrases, longest first; with `spaced`, any run of
    whitespace matches the space between two words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not spaced:
        return "|".join(map(re.escape, ordered))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)
