"""What a detector hands on: a located piece of the goal with a confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


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
