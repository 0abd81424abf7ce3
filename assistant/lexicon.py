"""Loading of the data files (lexicons, patterns) that live beside the code."""

from __future__ import annotations

import json
import tomllib
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
    return any(abs(len(word) - len(v)) <= 1 and _one_edit(word, v) for v in vocabulary)


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
