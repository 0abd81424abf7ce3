"""Decide what each time expression does in the goal: bound it (deadline), compare with
the past (baseline), repeat (cadence), name something (label) or stay vague."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from .expr import Role, TimeExpr
from .lexicon import alternation, lexicon

KIND_ROLES: dict[str, Role] = {"cadence": "cadence", "vague": "vague", "comparison": "baseline"}
# The start of a line or sentence, where a heading begins.
LINE_START = re.compile(r"(?:^|[\n.!?;•*-])\s*$")
# "from $4M in 2026 to $5M": the time of the starting level is a baseline.
PAST_LEVEL = re.compile(r"\bfrom\s+[$€£]?\d[\w.,%]*(?:\s+(?:%|percent|pct|[a-z]+))?\s*$",
                        re.IGNORECASE)


@lru_cache(maxsize=1)
def fiscal_cue() -> re.Pattern[str]:
    """The words that state the goal's own fiscal calendar, just before a date."""
    lex = lexicon()
    ends = alternation(lex.cue("fiscal", "end_cues"))
    starts = alternation(lex.cue("fiscal", "start_cues"))
    return re.compile(rf"(?:(?P<end>{ends})|(?P<start>{starts}))\s+(?:(?:on|in|at)\s+)?$")


def stated_fiscal_start(text: str, start: int, expr: TimeExpr) -> int | None:
    """The fiscal-year start month that the words before `expr` state, if any
    ("our fiscal year ends January 31" -> February)."""
    cue = fiscal_cue().search(text, 0, start)
    if cue is None or expr.month is None:
        return None
    return expr.month % 12 + 1 if cue["end"] else expr.month


def role_of(doc: Doc, text: str, start: int, end: int, expr: TimeExpr) -> Role:
    """The role of the expression at original offsets [start, end) of `doc`, whose text
    is `text`."""
    lex = lexicon()
    if expr.kind in KIND_ROLES:
        return KIND_ROLES[expr.kind]
    if expr.role != "deadline":
        return expr.role
    past = expr.kind == "relative_period" and (expr.offset or 0) < 0
    if past or expr.prep in lex.cue("prepositions", "baseline") or \
            PAST_LEVEL.search(text, max(0, start - 40), start):
        return "baseline"
    if expr.prep not in lex.cue("label", "keeps_bound") and modifies_noun(doc, text, start, end) \
            and not is_heading(doc, text, start, end):
        return "label"
    return "deadline"


def is_heading(doc: Doc, text: str, start: int, end: int) -> bool:
    """True for a time that opens a heading ("EOY goal:", "Q1 priorities:"): it bounds
    the goal only when nothing firmer follows."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not LINE_START.search(text, max(0, start - 20), start):
        return False
    head = next((t.head for t in span if t.head.i >= span.end), None)
    return head is not None and head.i + 1 < len(doc) and doc[head.i + 1].text == ":"


def modifies_noun(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when the expression is a modifier of the noun right after it ("the Q3
    carryover deals", "our 2026 win rate", "next quarter's number")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    if text[end:following.idx].strip(" -"):
        return False
    if following.lower_ in ("'s", "’s"):
        return True
    deps = lexicon().cue("label", "modifier_deps")
    return following.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and any(
        token.dep_ in deps and token.head.i >= span.end for token in span
    )
