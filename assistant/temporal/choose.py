"""`choose_deadline`: the one time expression that bounds the goal."""

from __future__ import annotations

from spacy.tokens import Doc

from ..parts import Part
from .expr import TimeExpr
from .lexicon import lexicon
from .roles import aside, is_heading

# Bare expressions that bound a goal as firmly as one with a preposition ("this quarter",
# "EOY", "the next 30 days").
SELF_BOUNDING = frozenset({"relative_period", "duration", "unresolvable"})


def strength(doc: Doc, text: str, part: Part[TimeExpr]) -> int:
    """2 for a firm bound ("by Q3", "this quarter"), 1 for a weak one ("for FY27", a bare
    "Q1", a heading "EOY goal:")."""
    expr = part.value
    assert expr is not None
    if expr.prep is None and is_heading(doc, text, part.start, part.end):
        return 1
    if expr.prep in lexicon().cue("prepositions", "strong"):
        return 2
    if expr.prep is None and (expr.kind in SELF_BOUNDING or expr.edge is not None):
        return 2
    return 1


def choose_deadline(doc: Doc, times: list[Part[TimeExpr]]) -> Part[TimeExpr] | None:
    """The deadline per GUIDELINE.md: the first of the firmest bounds of the main clause
    (one in a parenthesis or a purpose clause only when the main clause has none), one
    that names a day before one tied to an undated event."""
    deadlines = [p for p in times if p.value is not None and p.value.role == "deadline"]
    if not deadlines:
        return None
    text = doc.text
    return max(deadlines, key=lambda p: (not aside(doc, text, p.start, p.end),
                                         strength(doc, text, p), _dated(p), -p.start))


def _dated(part: Part[TimeExpr]) -> bool:
    return part.value is not None and part.value.kind != "unresolvable"
