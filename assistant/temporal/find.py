"""`find_times`: every time expression in a parsed goal, located and given its role."""

from __future__ import annotations

from spacy.tokens import Doc

from ..parts import Part
from .context import EVENT_TAIL
from .expr import TimeExpr
from .hit import Hit
from .normalize import Normalized, normalize
from .roles import role_of, stated_fiscal_start
from .spans import find_hits

# How sure a role is, by the strength of the evidence for it.
CONFIDENCE = {"deadline": 0.9, "baseline": 0.85, "cadence": 0.9, "label": 0.8, "vague": 0.85}


def find_times(doc: Doc) -> list[Part[TimeExpr]]:
    """Every time expression in `doc` with its role, in text order (char offsets)."""
    text = doc.text
    norm = normalize(text)
    located = _outermost([_locate(doc, text, norm, hit) for hit in find_hits(norm.text)])
    fiscal_start = next(
        (month for start, _, expr in located
         if (month := stated_fiscal_start(norm.text, norm.position(start), expr))),
        None,
    )
    parts = []
    for start, end, expr in located:
        role = role_of(doc, text, start, end, expr)
        if fiscal_start and stated_fiscal_start(norm.text, norm.position(start), expr):
            role = "label"
        if fiscal_start and (expr.fiscal or expr.kind in ("quarter", "half")):
            expr = expr.with_(fiscal_start=fiscal_start)
        parts.append(Part(start, end, text[start:end], CONFIDENCE[role], expr.with_(role=role)))
    return parts


def _outermost(located: list[tuple[int, int, TimeExpr]]) -> list[tuple[int, int, TimeExpr]]:
    """Drop expressions inside another one's event phrase ("within 2 weeks of the kickoff
    in March": "in March" dates the kickoff, not the goal)."""
    outer: set[int] = set()
    reach = -1
    for at in sorted(range(len(located)), key=lambda k: (located[k][0], -located[k][1])):
        if located[at][1] > reach:  # no earlier-starting expression reaches this one's end
            outer.add(at)
            reach = located[at][1]
    return [item for at, item in enumerate(located) if at in outer]


def _locate(doc: Doc, text: str, norm: Normalized, hit: Hit) -> tuple[int, int, TimeExpr]:
    start, end = norm.span(hit.start, hit.end)
    expr = hit.expr
    if expr.kind == "duration" and expr.role == "deadline":
        tail = EVENT_TAIL.match(text, end)
        if tail:
            end = _phrase_end(doc, text, tail.start("word"), end)
            expr = expr.with_(kind="unresolvable",
                              reason="counted from an event the goal does not date")
    return start, end, expr


def _phrase_end(doc: Doc, text: str, word_start: int, fallback: int) -> int:
    """End of the prepositional phrase that starts at `word_start` ("of finishing
    onboarding"), from the parse."""
    span = doc.char_span(word_start, len(text), alignment_mode="expand")
    if span is None:
        return fallback
    head = span[0]
    last = max(head.subtree, key=lambda t: t.i)
    return last.idx + len(last.text)
