"""Cut text into the runs the pages mark: a goal's component spans with vague words inside,
and a rewrite's placeholders.

`static/check.js` cuts the text the same way for live feedback; keep the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.result import COMPONENTS, ComponentName, GoalAnalysis, VagueSpan


@dataclass(frozen=True)
class Piece:
    """A run of text, marked as vague when `vague` is set."""

    text: str
    vague: VagueSpan | None = None


@dataclass(frozen=True)
class Segment:
    """A run of text that belongs to one component, or to none."""

    component: ComponentName | None
    pieces: tuple[Piece, ...]


def component_spans(analysis: GoalAnalysis) -> list[tuple[int, int, ComponentName]]:
    """Located components in text order; where two overlap, the one starting first (the
    longer on a tie) keeps the shared characters, so each character has one highlight."""
    located = []
    for name in COMPONENTS:
        part = getattr(analysis.components, name)
        if part.present and part.start is not None and part.end is not None:
            located.append((part.start, part.end, name))
    spans: list[tuple[int, int, ComponentName]] = []
    cursor = 0
    for start, end, name in sorted(located, key=lambda span: (span[0], -span[1])):
        start = max(start, cursor)
        if start < end:
            spans.append((start, end, name))
            cursor = end
    return spans


def pieces(text: str, start: int, end: int, vague: list[VagueSpan]) -> tuple[Piece, ...]:
    """The characters `start..end` of `text`, with the vague spans clipped to them."""
    out: list[Piece] = []
    cursor = start
    for span in sorted(vague, key=lambda v: (v.start, v.end)):
        lo, hi = max(span.start, cursor), min(span.end, end)
        if lo >= hi:
            continue
        if cursor < lo:
            out.append(Piece(text[cursor:lo]))
        out.append(Piece(text[lo:hi], span))
        cursor = hi
    if cursor < end:
        out.append(Piece(text[cursor:end]))
    return tuple(out)


def segments(analysis: GoalAnalysis) -> list[Segment]:
    """The whole text as plain and component segments, in order."""
    text, vague = analysis.text, analysis.vague
    out: list[Segment] = []
    cursor = 0
    for start, end, name in component_spans(analysis):
        if cursor < start:
            out.append(Segment(None, pieces(text, cursor, start, vague)))
        out.append(Segment(name, pieces(text, start, end, vague)))
        cursor = end
    if cursor < len(text):
        out.append(Segment(None, pieces(text, cursor, len(text), vague)))
    return out


# A rewrite marks each slot the writer must fill as a bracketed word: `[target]`.
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")


def placeholder_pieces(text: str) -> list[tuple[str, bool]]:
    """A rewrite's text as runs, each flagged True when it is a placeholder to fill."""
    out: list[tuple[str, bool]] = []
    cursor = 0
    for match in PLACEHOLDER.finditer(text):
        if cursor < match.start():
            out.append((text[cursor : match.start()], False))
        out.append((match.group(), True))
        cursor = match.end()
    if cursor < len(text):
        out.append((text[cursor:], False))
    return out
