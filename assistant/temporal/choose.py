"""`choose_deadline`: the one time expression that bounds the goal."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import alternation, word_set
from ..parts import Part
from ..segments import is_numeric, stated_goal
from ..spans import doc_text
from .context import context
from .expr import TimeExpr
from .lexicon import lexicon, window_start
from .roles import aside, in_reason, is_heading

# Bare expressions that bound a goal as firmly as one with a preposition ("this quarter",
# "EOY", "the next 30 days").
SELF_BOUNDING = frozenset({"relative_period", "duration", "unresolvable"})
# How many heads up from a time its clause's verb may stand ("was 61% in Nov").
HEAD_STEPS = 4
# Bounds further apart than this (characters) belong to different parts of the text.
RIVAL_WINDOW = 80


def strength(doc: Doc, text: str, part: Part[TimeExpr]) -> int:
    """2 for a firm bound ("by Q3", "this quarter"), 1 for a weak one ("for FY27", a bare
    "Q1", a heading "EOY goal:")."""
    expr = part.value
    assert expr is not None
    if expr.prep is None and is_heading(doc, text, part.start, part.end):
        return 1
    if expr.prep in lexicon().cue("prepositions", "strong"):
        return 2
    if expr.prep is None and context().heading.search(
            text[window_start(part.start) : part.start].lower()) is not None:
        return 2  # 'Due date: Dec 18': the field that holds the deadline, over a heading's Q4
    # "w/c 28 Dec" names its week as "this week" does
    if expr.prep is None and (expr.kind in SELF_BOUNDING or expr.edge is not None or
                              expr.unit == "week"):
        return 2
    return 1


def choose_deadline(doc: Doc, times: list[Part[TimeExpr]]) -> Part[TimeExpr] | None:
    """The deadline per GUIDELINE.md: the first of the firmest bounds of the main clause
    (one in a parenthesis, a purpose or a relative clause only when the main clause has
    none, and then one that closes a period, "by Dec 31", before one that dates a thing,
    "which expire in January"), one that names a day before one tied to an undated
    event."""
    text = doc_text(doc)
    deadlines = [p for p in times if p.value is not None and p.value.role == "deadline"
                 and not in_reason(doc, p.start)]
    if len(deadlines) < 2:  # a single bound needs no ranking
        return deadlines[0] if deadlines else None
    deadlines = [p for p in deadlines if not _objective_frame(text, p, times, deadlines)] or \
        deadlines
    deadlines = _stated(doc, deadlines)
    closing = lexicon().cue("prepositions", "event")

    def rank(p: Part[TimeExpr]) -> tuple[bool, bool, bool, bool, int, bool, bool, int]:
        assert p.value is not None
        main = not aside(doc, text, p.start, p.end)
        return main, not _reported(doc, p), not _contrasted(doc, p, times), not _fronted(
            doc, p, deadlines), strength(doc, text, p), \
            not main and p.value.prep in closing, _dated(p), -p.start

    return max(deadlines, key=rank)


def _stated(doc: Doc, deadlines: list[Part[TimeExpr]]) -> list[Part[TimeExpr]]:
    """The bounds in the sentence that states the goal (`segments.stated_goal`), when it holds
    any: in a paragraph the others date what happened ('in October') or logistics ('Next
    huddle is 7 Dec', 'please share your plans by Wednesday')."""
    bounds = stated_goal(doc)
    if bounds is None:
        return deadlines
    start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
    return [p for p in deadlines if start <= p.start and p.end <= end] or deadlines


def _objective_frame(text: str, part: Part[TimeExpr], times: list[Part[TimeExpr]],
                     deadlines: list[Part[TimeExpr]]) -> bool:
    """A time in an OKR's objective line that holds no level of its own ('Obj: Tighten deal
    hygiene before the FY28 board plan⏎KR1 - next-step completion at 100% by 08.01.'): it
    frames the objective, and a bound on a later line, a key result's, is the deadline."""
    start = text.rfind("\n", 0, part.start) + 1
    end = text.find("\n", part.end)
    label = objective_label().match(text, start, end) if end >= 0 else None
    if label is None or not any(p.start > end for p in deadlines):
        return False
    untimed = [i for i in range(label.end(), end)
               if not any(p.start <= i < p.end for p in times)]
    return not any(text[i].isdigit() for i in untimed)


@lru_cache(maxsize=1)
def objective_label() -> re.Pattern[str]:
    """The label of an OKR's objective opening a line, past bullets, emoji and emphasis
    ('Obj:', '- **Objective**:', 'O1 -'), with the labels the relevance detector reads
    (assistant/data/relevance.json)."""
    labels = alternation(word_set("assistant", "relevance.json", "objective_labels"))
    return re.compile(rf"[\W_]*(?:{labels})[*_]*\s*[:\-–—][*_]*\s", re.IGNORECASE)


def _fronted(doc: Doc, part: Part[TimeExpr], deadlines: list[Part[TimeExpr]]) -> bool:
    """A time phrase that opens the goal and is set off by a comma, with a bound of its own
    after it ('Going into December, get 40 renewals signed by 12/31', 'Heading into Q1, i
    need 25 calls booked by Jan 15'): it sets the scene, the later bound is the deadline."""
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text != ",":
        return False
    opening = not any(t.is_alpha or t.like_num for t in doc[span.sent.start : span.start])
    return opening and any(p.start >= doc[span.end].idx for p in deadlines)


def _reported(doc: Doc, part: Part[TimeExpr]) -> bool:
    """A time in a clause that reports the past ("show rate was 61% in Nov", "CSAT slipped
    to 4.1 this quarter"): it dates where things stood, so a bound elsewhere comes first."""
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(HEAD_STEPS):
        if token is None or token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token is not None and token.tag_ == "VBD" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _contrasted(doc: Doc, part: Part[TimeExpr], times: list[Part[TimeExpr]]) -> bool:
    """A time in a numberless clause that a contrast word turns from, the number coming
    after it ("nothing new this wk, but i still need 10 referrals by wed"): it dates where
    things stand, so a bound after the contrast comes first."""
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None:
        return False
    start = next((t.i + 1 for t in reversed(doc[: span.start]) if "\n" in t.text), 0)
    end = next((t.i for t in doc[span.end :] if "\n" in t.text), len(doc))  # the line
    turn = next((t.i for t in doc[span.end : end]
                 if t.lower_ in lexicon().cue("baseline", "contrasts")), None)
    if turn is None:
        return False

    def level(token: Token) -> bool:  # '10', '$50k', not a date's 'Dec 20' or '2027'
        return is_numeric(token) and not any(p.start <= token.idx < p.end for p in times)
    return not any(level(t) for t in doc[start:turn]) and any(level(t) for t in doc[turn:end])


def rivals(doc: Doc, times: list[Part[TimeExpr]], chosen: Part[TimeExpr]) -> list[Part[TimeExpr]]:
    """The other bounds of the goal's main clause that also name a day and compete with the
    chosen deadline: offered in its place ("by Dec 18 / Jan 8", "in Q1, maybe Q2"), or as
    firm as it with no other amount between them ("by March 15 or by the end of Q1";
    "$1.1M by 31/12 and $400k more by 31/01" gives each amount its own bound). Whether
    they name a different day is for the resolution to say."""
    text = doc_text(doc)
    if not _dated(chosen) or aside(doc, text, chosen.start, chosen.end):
        return []
    firmness = strength(doc, text, chosen)
    found = []
    for part in times:
        if part is chosen or part.value is None or part.value.role != "deadline" or \
                not _dated(part) or chosen.overlaps(part.start, part.end) or \
                aside(doc, text, part.start, part.end):
            continue
        first, second = sorted((chosen, part), key=lambda p: p.start)
        if second.start - first.end > RIVAL_WINDOW:
            continue
        offered = alternatives().fullmatch(text, first.end, second.start) is not None
        between = text[first.end:second.start]
        if offered or (strength(doc, text, part) == firmness and
                       not any(ch.isdigit() for ch in between)):
            found.append(part)
    return found


@lru_cache(maxsize=1)
def alternatives() -> re.Pattern[str]:
    """What joins a bound to another offered in its place."""
    words = alternation(lexicon().cue("prepositions", "alternative"))
    return re.compile(rf"\s*(?:,\s*(?:(?:{words})[\s,]+)?|(?:{words})[\s,]+)", re.IGNORECASE)


def _dated(part: Part[TimeExpr]) -> bool:
    return part.value is not None and part.value.kind != "unresolvable"
