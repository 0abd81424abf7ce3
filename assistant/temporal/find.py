"""`find_times`: every time expression in a parsed goal, located and given its role."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..lexicon import alternation
from ..parts import Part
from ..segments import is_boundary
from ..spans import doc_text
from .context import EVENT_TAIL
from .expr import TimeExpr
from .fiscal import (
    Statement,
    early_end,
    renamed_year,
    start_month,
    stated_fiscal_start,
    statements,
)
from .hit import Hit
from .lexicon import lexicon, window_start
from .normalize import Normalized, normalize
from .roles import role_of
from .spans import find_hits
from .sprints import dated_sprints, sprint_days
from .weeks import counted_weeks

# What may stand between two expressions that read together: commas, a time of day.
NEIGHBOUR_GAP = re.compile(r"[\s,]*(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?[\s,]*)?"
                           r"(?:(?:and|&)\s+)?", re.IGNORECASE)
# What may stand between a rate and the duration it holds for ("a week, for 8 weeks").
RATE_GAP = re.compile(r"[\s,]*")
# How sure a role is, by the strength of the evidence for it.
CONFIDENCE = {"deadline": 0.9, "baseline": 0.85, "cadence": 0.9, "label": 0.8, "vague": 0.85}


def find_times(doc: Doc) -> list[Part[TimeExpr]]:
    """Every time expression in `doc` with its role, in text order (char offsets)."""
    text = doc_text(doc)
    norm = normalize(text)
    located = _outermost([_locate(doc, text, norm, hit) for hit in find_hits(norm.text)])
    fiscal_start, renamed, stated, shifts = _stated_calendar(norm, located)
    days = sprint_days(norm.text)
    parts = []
    for start, end, found in located:
        expr = counted_weeks(dated_sprints(found, days), norm.text)
        role = role_of(doc, text, start, end, expr)
        if any(s <= start and end <= e for s, e in stated):
            role = "label"
        if fiscal_start and (expr.fiscal or expr.kind in ("quarter", "half")):
            expr = expr.with_(fiscal_start=fiscal_start)
        if expr.fiscal and expr.year in renamed:
            expr = expr.with_(year=renamed[expr.year])
        if end in shifts:  # "by the end of the financial year (5 April)"
            expr = expr.with_(shift_days=shifts[end])
        parts.append(Part(start, end, text[start:end], CONFIDENCE[role], expr.with_(role=role)))
    return _over_a_rate(text, _by_neighbour(text, parts))


def _over_a_rate(text: str, parts: list[Part[TimeExpr]]) -> list[Part[TimeExpr]]:
    """"5 opps per month for 3 months", "grow MRR 8% MoM for 6 months": a duration with
    "for" right after a rate's cadence or comparison is the span the rate must hold
    over, the goal's bound (not a condition like "no activity for 30 days")."""
    changed = list(parts)
    for i in range(1, len(parts)):
        part, rate = parts[i], parts[i - 1].value
        expr = part.value
        if expr is None or rate is None or expr.kind != "duration" or expr.prep != "for" or \
                expr.role != "label" or rate.role not in ("cadence", "baseline") or \
                rate.prep is not None or RATE_GAP.fullmatch(text, parts[i - 1].end,
                                                            part.start) is None:
            continue
        changed[i] = Part(part.start, part.end, part.text, CONFIDENCE["deadline"],
                          expr.with_(role="deadline"))
    return changed


def _by_neighbour(text: str, parts: list[Part[TimeExpr]]) -> list[Part[TimeExpr]]:
    """Roles that the next expression decides: a duration right before another bound or a
    start is a service level ("approved within 1 business day by EOQ", "within 5 days,
    starting January"), a day right before a cadence a recurring cut-off ("by Monday 9am,
    every week", "on Tuesday and Thursday each week"). Read from the end, so that a cut-off
    passes its role back along a list."""
    changed = list(parts)
    for i in range(len(parts) - 2, -1, -1):
        part, following = changed[i], changed[i + 1]
        expr, after = part.value, following.value
        if expr is None or after is None or expr.role != "deadline" or \
                NEIGHBOUR_GAP.fullmatch(text, part.end, following.start) is None:
            continue
        role = None
        level_before = after.prep in lexicon().cue("label", "service_starts") or (
            after.role == "deadline" and after.prep is not None)
        # a duration, also one counted from an event ("within 2 days of month end"); an
        # undated occasion before a start recurs for each item ("before kickoff, starting
        # this sprint")
        starts = after.prep in lexicon().cue("label", "service_starts")
        if (expr.amount is not None and expr.unit is not None and level_before) or (
                expr.kind == "unresolvable" and expr.amount is None and starts):
            role = "label"
        elif expr.kind in ("weekday", "near_day") and after.role == "cadence":
            role = "cadence"
        if role is not None:
            changed[i] = Part(part.start, part.end, part.text, CONFIDENCE[role],
                              expr.with_(role=role))
    return changed


Located = tuple[int, int, TimeExpr]


def _stated_calendar(norm: Normalized, located: list[Located]) -> tuple[
        int | None, dict[int, int], list[tuple[int, int]], dict[int, int]]:
    """The fiscal-year start month the goal states (see fiscal.py), the fiscal-year labels
    it renames to the calendar year they end in, the original spans of the words that
    state them, whose dates are labels, and the days by which a stated end before its
    month's last day moves the period it qualifies ("the financial year (5 April)"), by the
    original end of that period's expression."""
    found: list[tuple[int, int]] = []
    renamed: dict[int, int] = {}
    shifts: dict[int, int] = {}
    month = None
    for start, end, expr in located:
        position = norm.position(start)
        stated = stated_fiscal_start(norm.text, position, expr)
        if stated:
            month = month or stated
            found.append((start, end))
    ends = {end: expr for _, end, expr in located}
    for statement in statements(norm.text):
        first, last = norm.span(statement.start, statement.end)
        owner = _owner(norm.text, statement, ends, norm)
        stated = start_month(statement, owner)
        if stated:
            month = month or stated
            found.append((first, last))
            named = renamed_year(statement, owner)
            if named:
                renamed[named[0]] = named[1]
            shift = early_end(statement)
            if shift and owner is not None:
                shifts[_owner_end(norm.text, statement, norm)] = shift
    return month, renamed, found, shifts


def _owner(text: str, statement: Statement, ends: dict[int, TimeExpr],
           norm: Normalized) -> TimeExpr | None:
    """The expression a parenthesised statement qualifies: the one ending right before it
    ("Q2 (Aug–Oct)")."""
    return ends.get(_owner_end(text, statement, norm)) if statement.aside else None


def _owner_end(text: str, statement: Statement, norm: Normalized) -> int:
    """The original offset where the words right before a statement end (-1 at the start)."""
    at = statement.start
    while at > window_start(statement.start) and text[at - 1].isspace():
        at -= 1
    return norm.span(at - 1, at)[1] if at else -1


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
    if expr.kind == "duration" and expr.role == "deadline" and not _a_level(expr):
        tail = EVENT_TAIL.match(text, end)
        if tail and ((expr.prep is None and _per_item(doc, tail)) or _each_arrival(doc, tail)):
            return start, end, expr.with_(role="label")
        if tail:
            end = _phrase_end(doc, text, tail.start("word"), end)
        if _turnaround(expr):
            return start, end, expr.with_(role="label")
        if tail:
            expr = expr.with_(kind="unresolvable",
                              reason="counted from an event the goal does not date")
    return start, _occasion_end(doc, text, start, end, expr), expr


@lru_cache(maxsize=1)
def _occasion_words() -> re.Pattern[str]:
    breaks = alternation(lexicon().name_breaks())
    return re.compile(rf"(?:[ \t]+(?!(?:{breaks})(?![\w'’-]))[A-Za-z][\w'’-]*){{1,3}}",
                      re.IGNORECASE)


def _occasion_end(doc: Doc, text: str, start: int, end: int, expr: TimeExpr) -> int:
    """Where a dated occasion ends: "ahead of the March 1 launch", "through the Jan–Feb
    peak", "by its 3/31/2027 expiry date", "at the March 2027 renewal", "within 60 days of
    the Jan 4 go-live" name an occasion on that date or in that month (after "the" or a
    possessive, the date modifies the nouns after it), which stay in the span; the date
    stays the bound."""
    if not _dated_occasion_head(text[start:end], expr):
        return end
    found = _occasion_words().match(text, end)
    span = doc.char_span(end, found.end(), alignment_mode="expand") if found else None
    nouns = [t for t in span or () if t.pos_ in ("NOUN", "PROPN")]
    # "Till the end of the year our team should ...": a determiner opens the next phrase
    if not nouns or span is None or found is None or span[0].pos_ in (
            "VERB", "AUX", "ADP", "DET", "PRON"):
        return end
    # "on the March madness campaign": a month in a name, unless dated or an occasion
    if _in_month(expr) and expr.year is None and not _names_occasion(span):
        return end
    # to the end of the written word holding the last noun ("go-live")
    words = re.finditer(r"[A-Za-z][\w'’-]*", text[: found.end()])
    return next(w.end() for w in words if w.start() <= nouns[-1].idx < w.end())


def _dated_occasion_head(phrase: str, expr: TimeExpr) -> bool:
    """The words before the date let an occasion's nouns follow it: a bound word and "the"
    or a possessive right before the date ("by its 3/31/2027", "for the Feb 3"), or a window
    counted from such a date ("within 60 days of the Jan 4")."""
    prep, lex = expr.prep, lexicon()
    if prep is None:
        return False
    if expr.shift_days is not None and prep in lex.cue("prepositions", "window"):
        return _occasion_head(prep, window=True).match(phrase) is not None
    clause = lex.cues["event_clause"]
    dated = prep in clause["dated_occasion_preps"] or (
        expr.kind == "date" and prep in clause["dated_day_preps"])
    return (dated or _in_month(expr)) and (
        _occasion_head(prep, window=False).match(phrase) is not None)


@lru_cache(maxsize=64)
def _occasion_head(prep: str, window: bool) -> re.Pattern[str]:
    """A bound word and a determiner of an occasion right after it ("by its"), or, for a
    window, after its "of" ("within 60 days of the"); compiled once per word (asked for every
    time expression)."""
    determiner = alternation(lexicon().cues["event_clause"]["occasion_determiners"])
    gap = r"\s.*?\sof\s+" if window else r"\s+"
    return re.compile(rf"{re.escape(prep)}{gap}(?:{determiner})\s+\S", re.IGNORECASE)


def _in_month(expr: TimeExpr) -> bool:
    """"at the March 2027 renewal": a month after a preposition that dates an occasion in it."""
    return expr.kind == "month" and expr.prep in lexicon().cues["event_clause"][
        "month_occasion_preps"]


def _names_occasion(span: Span) -> bool:
    """The words name an occasion of the lexicon ('trade show', 'exam', 'renewal') or a
    period ('the spring semester')."""
    lex = lexicon()
    words = " " + " ".join(t.lower_ for t in span) + " "
    return any(f" {event} " in words for event in lex.events) or any(
        t.lower_ in lex.units for t in span)


def _each_arrival(doc: Doc, tail: re.Match[str]) -> bool:
    """A service level ("within 1 business day of submission", "within 4 hours of a pricing
    request"): the duration is counted from something that happens to every item again
    (an indefinite occasion, or an arrival like a request or a signature), so it bounds
    each item, not the goal ("within 60 days of go-live" is one occasion; so is "of the
    new assignment rules going live", whose head is not an arrival)."""
    if " ".join(tail["word"].lower().split()) != "of":
        return False
    after = doc.char_span(tail.end() - 1, len(doc_text(doc)), alignment_mode="expand")
    if after is None:
        return False
    label = lexicon().cues["label"]
    words = [t for t in after[:4] if t.is_alpha]
    if words and words[0].lower_ in label["indefinite_occasion_words"]:
        return True
    head = next((t for t in words if t.pos_ not in ("DET", "ADJ")), None)
    # "of the new assignment rules going live": an arrival noun modifying another is no
    # arrival
    return head is not None and head.lemma_.lower() in label["arrival_nouns"] and (
        head.dep_ != "compound")


def _per_item(doc: Doc, tail: re.Match[str]) -> bool:
    """A lead time ("90 days before their anniversaries", "45 days before term end"): the
    occasion after the word is one that each item has (plural, "each", or a bare common
    noun), not a single named one ("the contract end", "Acme's renewal")."""
    lex = lexicon()
    if " ".join(tail["word"].lower().split()) not in lex.cue("label", "lead_time_words"):
        return False
    first = doc.char_span(tail.end() - 1, tail.end(), alignment_mode="expand")
    if first is None:
        return False
    word = first[0]
    if word.lower_ in lex.cue("label", "per_item_words"):
        return True
    return word.lower_ not in lex.cue("label", "one_occasion_words") and \
        word.pos_ not in ("PROPN", "PRON", "DET", "NUM")


def _turnaround(expr: TimeExpr) -> bool:
    """"within one business day", "within 2 days": a turnaround of a few days at most is the
    level each item must meet (as hours and minutes are), never the goal's bound."""
    return expr.unit in ("day", "business_day") and expr.amount is not None and \
        expr.amount <= lexicon().cues["label"]["turnaround_max_days"]


def _a_level(expr: TimeExpr) -> bool:
    """"older than 90 days", "to 30 days": a duration that is a level or a comparison,
    whatever words follow it."""
    lex = lexicon()
    return expr.prep in lex.cue("prepositions", "baseline") or \
        expr.prep in lex.cue("prepositions", "level")


def _phrase_end(doc: Doc, text: str, word_start: int, fallback: int) -> int:
    """End of the prepositional phrase that starts at `word_start` ("of finishing
    onboarding"), from the parse."""
    span = doc.char_span(word_start, len(text), alignment_mode="expand")
    if span is None:
        return fallback
    head = span[0]
    # "after the summit, which justifies ...": a comma ends the phrase, whatever hangs on it
    stop = next((t.i for t in span[1:] if t.text == "," or is_boundary(t)), span.end)
    last = max((t for t in head.subtree if t.i < stop), key=lambda t: t.i)
    return last.idx + len(last.text)
