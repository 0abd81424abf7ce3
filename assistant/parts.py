"""What a detector hands on: a located piece of the goal with a confidence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

V = TypeVar("V")


class Located(Protocol):
    """Anything found at [start, end) in a text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


L = TypeVar("L", bound=Located)


@dataclass(frozen=True)
class Part(Generic[V]):
    """A component found in the text: character offsets (end exclusive), the exact
    substring, how sure the detector is (0..1) and a reference-date-free value."""

    start: int
    end: int
    text: str
    confidence: float
    value: V | None = None

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def disjoint(ranked: Iterable[L]) -> list[L]:
    """The items that overlap no item ranked before them, in text order; time O(n log n)
    (a text of thousands of numbers or dates must not cost their square)."""
    kept: list[L] = []  # in text order; disjoint, so their ends rise with their starts
    for item in ranked:
        at = bisect_left(kept, item.end, key=lambda k: k.start)
        if at == 0 or kept[at - 1].end <= item.start:
            kept.insert(at, item)
    return kept
