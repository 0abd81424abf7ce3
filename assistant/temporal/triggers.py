"""The substrings a time pattern cannot match without, read off the pattern's own parse:
every match of the month pattern holds a month name, every match of the numeric date a
"/". Most goals hold the triggers of few patterns, and searching for a pattern's
triggers is far cheaper than running the pattern over the text (see `spans.find_hits`)."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import alternation

# The parser behind `re.compile`; read through importlib because it has no type stubs.
_PARSER: Any = importlib.import_module("re._parser")
# The most strings a piece of a pattern is spelt out as before it counts as open-ended.
LIMIT = 64
# Pieces that match without consuming a character: lookarounds, anchors ("^", "\b").
ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})

Strings = frozenset[str]


@dataclass(frozen=True)
class _Piece:
    exact: Strings | None  # every string the piece matches, when there are few
    needed: Strings | None  # one of these is inside every match; None when none is known
    first: Strings | None  # one of these starts every match; None when none is known


OPEN = _Piece(None, None, None)
EMPTY = _Piece(frozenset({""}), None, frozenset({""}))


def gate(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds one of the triggers of `regex` (see `triggers`), or None when
    none is known."""
    found = triggers(regex)
    return None if found is None else re.compile(alternation(found, spaced=False))


def holds_trigger(found: re.Pattern[str] | None, text: str) -> bool:
    """Whether `text` holds a trigger the `gate` pattern `found` finds (always, with no
    gate): without one, the gated pattern cannot match."""
    return found is None or found.search(text) is not None


def triggers(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is inside every match of `regex`, or None when no such strings
    are known (a pattern of digits and spaces only)."""
    parsed = _PARSER.parse(regex.pattern, regex.flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    needed = _sequence(list(parsed)).needed
    if needed is None:
        return None
    # a string that holds another needed string adds nothing to the search
    return tuple(sorted(s for s in needed if not any(t != s and t in s for t in needed)))


def _sequence(items: list[tuple[Any, Any]]) -> _Piece:
    """A run of pieces: spelt-out neighbours join into longer strings (and into the start of
    the piece after them), and the most telling needed strings of any piece are those of
    the whole."""
    candidates: list[Strings] = []
    run: Strings | None = frozenset({""})
    first: Strings | None = None
    broken = False
    for op, arg in items:
        piece = _item(str(op), arg)
        if piece.needed is not None:
            candidates.append(piece.needed)
        if run is not None and piece.exact is not None and \
                len(run) * len(piece.exact) <= LIMIT:
            run = _joined(run, piece.exact)
            continue
        joined = _joined(run, piece.first)
        if not broken:  # every match starts with the spelt-out run before the first break
            first, broken = run if joined is None else joined, True
        candidates += [s for s in (run, joined) if s is not None and "" not in s]
        run = piece.exact
    if run is not None and "" not in run:
        candidates.append(run)
    needed = max(candidates, key=lambda s: (min(map(len, s)), -len(s))) if candidates else None
    return _Piece(None if broken else run, needed, first if broken else run)


def _joined(left: Strings | None, right: Strings | None) -> Strings | None:
    """Each string of `left` followed by each of `right`, when both are known and few."""
    if left is None or right is None or len(left) * len(right) > LIMIT:
        return None
    return frozenset(a + b for a in left for b in right)


def _item(op: str, arg: Any) -> _Piece:
    """What one parsed piece of a pattern matches."""
    if op == "LITERAL":
        return _Piece(frozenset({chr(arg)}), frozenset({chr(arg)}), frozenset({chr(arg)}))
    if op in ZERO_WIDTH:
        return EMPTY
    if op == "IN":
        return _chars(arg)
    if op == "BRANCH":
        return _branch([_sequence(list(items)) for items in arg[1]])
    if op == "SUBPATTERN":  # (group, added flags, removed flags, items)
        return OPEN if arg[1] & re.IGNORECASE else _sequence(list(arg[3]))
    if op == "ATOMIC_GROUP":
        return _sequence(list(arg))
    if op in REPEATS:
        return _repeat(arg[0], arg[1], _sequence(list(arg[2])))
    return OPEN  # any character, a back-reference, a conditional group


def _chars(members: list[tuple[Any, Any]]) -> _Piece:
    """A character class of plain characters and ranges ("[-/.]", "[1-4]"); a negated one
    or one with a category ("\\d", "\\s") is open."""
    chars: set[str] = set()
    for op, arg in members:
        if str(op) == "LITERAL":
            chars.add(chr(arg))
        elif str(op) == "RANGE" and arg[1] - arg[0] < LIMIT:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return OPEN
    if not chars or len(chars) > LIMIT:
        return OPEN
    return _Piece(frozenset(chars), frozenset(chars), frozenset(chars))


def _branch(pieces: list[_Piece]) -> _Piece:
    """Alternatives: a match holds (and starts with) a string of whichever alternative it
    took."""
    exact = _union([p.exact for p in pieces])
    return _Piece(exact if exact is not None and len(exact) <= LIMIT else None,
                  _union([p.needed for p in pieces]), _union([p.first for p in pieces]))


def _union(sets: list[Strings | None]) -> Strings | None:
    """All the strings of `sets`, when each is known."""
    known = [s for s in sets if s is not None]
    return frozenset().union(*known) if len(known) == len(sets) else None


def _repeat(low: int, high: int, piece: _Piece) -> _Piece:
    """A piece repeated `low` to `high` times; only an optional or single one is spelt out."""
    if high == 1 and piece.exact is not None:
        exact = piece.exact | ({""} if low == 0 else set())
        return _Piece(exact, piece.needed if low >= 1 else None, exact)
    return _Piece(None, piece.needed, piece.first) if low >= 1 else OPEN
