"""Find the time expressions in normalised goal text: match the grammar, add the edge
("the end of") and preposition ("by") in front, keep the longest non-overlapping
expressions and join neighbours (see joins.py)."""

from __future__ import annotations

import re

from ..parts import disjoint
from .context import context
from .expr import TimeExpr
from .grammar import BUILDERS
from .hit import EDGE_KINDS, POINT_KINDS, Hit
from .joins import join_ranges
from .lexicon import lexicon, window_start
from .patterns import Pattern, patterns
from .triggers import holds_trigger

# "for the 31/12,": the article before a numeric date, and the end of its clause after it.
ARTICLE_BEFORE = re.compile(r"(?<![a-z])the\s+$")
CLAUSE_END = re.compile(r"\s*(?:[,;:.!)]|$)")


def find_hits(text: str) -> list[Hit]:
    """Every time expression in the normalised `text`, longest first where they overlap,
    in text order."""
    found = [hit for order, pattern in enumerate(patterns()) if holds_trigger(pattern.gate, text)
             for hit in _matches(text, pattern, order)]
    kept = disjoint(sorted(found, key=lambda h: (-h.size, h.start, h.order)))
    return join_ranges(text, kept)


def _matches(text: str, pattern: Pattern, order: int) -> list[Hit]:
    hits = []
    for match in pattern.regex.finditer(text):
        expr = BUILDERS[pattern.name](match)
        if expr is None:
            continue
        end = match.end()
        # a full stop after "Jan." ends the sentence too; "15.3." keeps its own closing dot
        while text[end - 1] == "." and pattern.name != "dotted_short":
            end -= 1
        hit = extend(text, match.start(), end, expr, order)
        if _needs_met(text, match, pattern, hit):
            hits.append(hit)
    return hits


def extend(text: str, start: int, end: int, expr: TimeExpr, order: int) -> Hit:
    """Add what is written around the core: an edge after it ("Q1 end"), a modifier
    ("late 2027"), an edge ("the end of") and a preposition ("by") before it."""
    ctx = context()
    edge = None
    if expr.kind in EDGE_KINDS:
        # "Q1 end", but not "month-end close": a period end is no period to end again
        after = ctx.edge_after.match(text, end) if expr.edge is None else None
        if after:  # "Q1 end", "before Q3 starts"
            end, expr = after.end(), expr.with_(edge="end" if after["end"] else "start")
        start, expr = _modified(text, start, expr)
        found = ctx.edge.search(text, window_start(start), start)
        if found:
            edge, start = " ".join(found["edge"].split()), found.start()
    prep = ctx.prep.search(text, window_start(start), start)
    if prep:
        start = prep.start()
    if expr.kind in POINT_KINDS:
        prep, start = _clock_on(text, start, prep)
    word = " ".join(prep["prep"].split()) if prep else None
    side = expr.edge if edge is None else "start" if edge in ctx.start_edges else "end"
    before = word in lexicon().cue("prepositions", "exclusive") and side != "end"
    workday = expr.workday or edge in ctx.workday_edges
    return Hit(start, end, expr.with_(prep=word, edge=side, before=before, workday=workday),
               order)


def _clock_on(text: str, start: int, prep: re.Match[str] | None) -> tuple[
        re.Match[str] | None, int]:
    """"by 9 a.m. Tuesday", "by 11 a.m. on Jan 12": a time of day between a bound word and
    the day belongs to the bound, whose word is then the one before the time."""
    ctx = context()
    clock = ctx.clock_before.search(text, window_start(start), start)
    bound = ctx.prep.search(text, window_start(clock.start()), clock.start()) if clock else None
    return (bound, bound.start()) if bound else (prep, start)


def _modified(text: str, start: int, expr: TimeExpr) -> tuple[int, TimeExpr]:
    """"late 2027" bounds like 2027, "the first week of March" ends on March 7, "for every
    month of Q1" like Q1; "early 2027" or "mid-Q2" name no single day."""
    ctx = context()
    found = ctx.modifier.search(text, window_start(start), start)
    if found is None:
        return start, expr
    if found["every"]:  # "for every month of Q1": only after a bound word
        bound = ctx.prep.search(text, window_start(found.start()), found.start())
        return (start if bound is None else found.start()), expr
    if found["late"]:
        return found.start(), expr.with_(edge="end")
    if found["week"] and expr.kind == "month":
        day = lexicon().cues["edges"]["week_of"][" ".join(found["week"].split())]
        return found.start(), expr.with_(kind="date", day=day)
    return found.start(), expr.with_(kind="unresolvable",
                                     reason=f"'{found.group().strip()}' names no single day")


def _needs_met(text: str, match: re.Match[str], pattern: Pattern, hit: Hit) -> bool:
    lex, ctx = lexicon(), context()
    prep, has_edge = hit.expr.prep, hit.expr.edge is not None
    # "Timeline: 6 months"
    headed = ctx.heading.search(text, window_start(hit.start), hit.start) is not None
    if pattern.name in ("month", "weekday") and match.group().rstrip(".") in lex.ambiguous:
        if _ordinary_word(text, match, pattern.name):
            return False  # "in the sun", "sat-nav", "wed-tech"
        return hit.start < match.start() or _month_follows(text, match.end()) or \
            ctx.month_before.search(text, window_start(match.start()), match.start()) is not None \
            or (pattern.name == "month" and _names_plan(text, match))
    if (pattern.name == "relative" and match["rel"] == "the") or pattern.needs == "prep":
        # "this summer" bounds like "this quarter"
        return prep is not None or has_edge or match.groupdict().get("srel") is not None
    if pattern.needs == "prep_only":  # "thru FY", not "our fiscal year ends in June"
        return prep is not None and not has_edge
    if pattern.needs == "edge":  # "the end of year", not "fiscal year ends"
        return has_edge and hit.start < match.start()
    if pattern.needs == "event_prep":
        return prep in lex.cue("prepositions", "event") and not (
            prep in lex.cue("prepositions", "event_undated") and ctx.month_in.search(
                match.group()) is not None)
    # "by 12/18", "Fri 12/4", "(ends 12/18)", "by the cutoff (12/18)"
    if pattern.needs == "date_prep":
        before = window_start(match.start()), match.start()
        occasion = ctx.occasion_before.search(text, *before)
        return headed or prep in lex.cue("prepositions", "numeric_date") or \
            _dated_with_article(text, match, prep) or \
            ctx.weekday_before.search(text, *before) is not None or \
            ctx.ends_before.search(text, *before) is not None or \
            (occasion is not None and occasion["paren"] is not None)
    if pattern.needs == "duration_prep":  # "within 90 days", not "to within 2 days"
        bound = bool(match["next"] or match["tail"]) or prep in lex.cue("prepositions",
                                                                         "duration")
        # "30 days after the pricing update", "2 weeks before Christmas"
        bound = bound or ctx.relative_to.match(text, hit.end) is not None
        level = ctx.level.search(text, window_start(hit.start), hit.start)
        # "seven days a week" is a cadence, not a bound
        return headed or (bound and level is None and not ctx.cadence_after.match(text, hit.end))
    return True


def _dated_with_article(text: str, match: re.Match[str], prep: str | None) -> bool:
    """"for the 31/12": a weak preposition and "the" before a numeric date that ends the
    clause."""
    return prep in lexicon().cue("prepositions", "numeric_date_article") and \
        ARTICLE_BEFORE.search(text, window_start(match.start()), match.start()) is not None and \
        CLAUSE_END.match(text, match.end()) is not None


def _ordinary_word(text: str, match: re.Match[str], name: str) -> bool:
    """An ambiguous month or weekday word joined to another by a hyphen ("sat-nav"), or an
    ambiguous weekday word after an article ("in the sun"): an ordinary word."""
    ctx = context()
    if ctx.hyphen_joined.match(text, match.end()):
        return True
    return name == "weekday" and \
        ctx.article_before.search(text, window_start(match.start()), match.start()) is not None


def _names_plan(text: str, match: re.Match[str]) -> bool:
    """"Dec goals:", "SDR goals – Dec", "My targets (Jan)": a month word beside a plan noun
    names the plan's month."""
    ctx = context()
    return ctx.plan_after.match(text, match.end()) is not None or ctx.plan_before.search(
        text, window_start(match.start()), match.start()) is not None


def _month_follows(text: str, end: int) -> bool:
    return context().month_after.match(text, end) is not None
