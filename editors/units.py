"""Text positions in UTF-16 code units: what LanguageTool (Java strings) and the Language
Server Protocol (by default) count, where Python counts code points. They differ only after
characters outside the Basic Multilingual Plane (most emoji), which take two units."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

# The last code point that is one UTF-16 unit; any later one is a surrogate pair.
BMP_LAST = "\uffff"


def utf16_length(text: str) -> int:
    """How many UTF-16 code units `text` takes."""
    return len(text) + sum(1 for char in text if char > BMP_LAST)


class Utf16Offsets:
    """Converts string indices of one text to UTF-16 offsets and back, in O(log n) each."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Units before each index; None when every character is one unit (the usual case).
        self._units: list[int] | None = None
        if any(char > BMP_LAST for char in text):
            widths = (2 if char > BMP_LAST else 1 for char in text)
            self._units = [0, *accumulate(widths)]

    def units(self, index: int) -> int:
        """The UTF-16 offset of string index `index` (0..len)."""
        return index if self._units is None else self._units[index]

    def index_at_or_after(self, units: int) -> int:
        """The first string index whose UTF-16 offset is at least `units` (never inside a
        surrogate pair); the text's length when `units` is past its end."""
        if self._units is None:
            return max(0, min(units, self.length))
        return min(bisect_left(self._units, units), self.length)

    def index_at_or_before(self, units: int) -> int:
        """The last string index whose UTF-16 offset is at most `units` (never inside a
        surrogate pair); 0 when `units` is before the start."""
        if self._units is None:
            return max(0, min(units, self.length))
        return max(bisect_right(self._units, units) - 1, 0)
