"""A baseline stated apart from the target: "20 demos a month, up from 12", "win rate is 20%
today; get it to 28%", "(currently 4.1)"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import alternation
from ..parts import Part
from .lexicon import phrases
from .quantity import Quantity

# How far before or after another number its baseline words may sit.
WINDOW = 30


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = phrases()
    before = re.compile(rf"(?<![\w])(?i:{alternation(lex.baseline_before)})[\s:]*\Z")
    after = re.compile(rf"\s*(?i:{alternation(lex.baseline_after)})(?![\w])")
    return before, after


def _comparable(target: Quantity, other: Quantity) -> bool:
    return other.unit == target.unit and other.currency == target.currency


def stated_baseline(
    text: str, target: Part[Quantity], others: list[Part[Quantity]]
) -> float | None:
    """The amount of another quantity in the same unit that the text marks as where things
    stand now, or None."""
    quantity = target.value
    if quantity is None or quantity.baseline is not None:
        return None
    before, after = _cues()
    for other in others:
        if other is target or other.value is None or not _comparable(quantity, other.value):
            continue
        # The cue may end before the lead words or before the number ("we are at 70%").
        starts = {other.start, other.value.number_start if other.value.kind == "single" else 0}
        if any(before.search(text, max(0, s - WINDOW), s) for s in starts if s):
            return other.value.amount
        if after.match(text, other.end):
            return other.value.amount
    return None
