"""Find the time expressions in normalised goal text: match the grammar, add the edge
("the end of") and preposition ("by") in front, keep the longest non-overlapping
expressions and join ranges ("between January and June 2027")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .expr import TimeExpr
from .grammar import BUILDERS
from .lexicon import Lexicon, alternation, lexicon
from .patterns import Pattern, patterns

EDGE_KINDS = frozenset({"month", "quarter", "half", "year", "fiscal_year", "relative_period",
                        "unresolvable"})
POINT_KINDS = frozenset({"date", "weekday", "near_day", "holiday"})
BOUND_KINDS = (EDGE_KINDS | POINT_KINDS) - {"unresolvable"}
# Point kinds from the least to the most specific name of a day.
POINT_DETAIL = ("near_day", "weekday", "date")


@dataclass(frozen=True)
class Hit:
    """A time expression in the normalised text: [start, end) with its preposition."""

    start: int
    end: int
    expr: TimeExpr
    order: int = 0

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Context:
    """The compiled context patterns: edge, modifier and preposition before an expression,
    edge after it, and the words that join two expressions."""

    edge: re.Pattern[str]
    edge_after: re.Pattern[str]
    modifier: re.Pattern[str]
    prep: re.Pattern[str]
    point_join: re.Pattern[str]
    weekday_before: re.Pattern[str]
    heading: re.Pattern[str]
    level: re.Pattern[str]
    range_join: re.Pattern[str]
    month_after: re.Pattern[str]
    start_edges: frozenset[str]


@lru_cache(maxsize=1)
def context() -> Context:
    lex = lexicon()
    edges = (*lex.cue("edges", "end"), *lex.cue("edges", "start"))
    preps = [p for name in ("strong", "weak", "baseline", "range_start")
             for p in lex.cue("prepositions", name)]
    joins = alternation(lex.cue("prepositions", "range_join"))
    months = alternation(lex.months)
    after = alternation(lex.cue("edges", "end_after"))
    heading = alternation(lex.cue("prepositions", "heading"))
    late, early = alternation(lex.cue("edges", "late")), alternation(lex.cue("edges", "early"))
    return Context(
        edge=re.compile(
            rf"(?<![a-z])(?P<edge>{_hyphenable(alternation(edges))})[-\s]+(?:the\s+)?$"
        ),
        # "Q1 end", "the March close" - but not "in Q2 close 5 deals"
        edge_after=re.compile(
            rf"[-\s]+(?:{after})(?![a-z])(?!\s+(?:\d|(?:the|a|an|all|out|more)(?![a-z])))"
        ),
        modifier=re.compile(rf"(?<![a-z])(?:(?P<late>{late})|(?P<early>{early}))[-\s]+$"),
        point_join=re.compile(r"\s*,?\s*(?:at\s+|on\s+)?"),
        weekday_before=re.compile(rf"(?<![a-z])(?:{alternation(lex.weekdays)})\.?,?\s+$"),
        heading=re.compile(rf"(?:^|\n|(?<![a-z]))(?:{heading})\s*$"),
        level=re.compile(rf"(?<![a-z])(?:{alternation(lex.cue('prepositions', 'level'))})\s+$"),
        prep=re.compile(rf"(?<![a-z'])(?P<prep>{alternation(preps)})\s+"
                        r"(?:(?:the|my|our|their|your|his|her|its)\s+)?$"),
        range_join=re.compile(rf"\s*(?:{joins})?\s*"),
        month_after=re.compile(rf"\s*(?:{joins})\s*(?:{months})(?![a-z])"),
        start_edges=frozenset(" ".join(e.split()) for e in lex.cue("edges", "start")),
    )


def _hyphenable(pattern: str) -> str:
    """Let the words of an alternation be joined by hyphens too ("end-of-year")."""
    return pattern.replace(r"\s+", r"[-\s]+")


def find_hits(text: str) -> list[Hit]:
    """Every time expression in the normalised `text`, longest first where they overlap,
    in text order."""
    found = [hit for order, pattern in enumerate(patterns())
             for hit in _matches(text, pattern, order)]
    kept: list[Hit] = []
    for hit in sorted(found, key=lambda h: (-h.size, h.start, h.order)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return join_ranges(text, sorted(kept, key=lambda h: h.start))


def _matches(text: str, pattern: Pattern, order: int) -> list[Hit]:
    hits = []
    for match in pattern.regex.finditer(text):
        expr = BUILDERS[pattern.name](match)
        if expr is None:
            continue
        end = match.end()
        while text[end - 1] == ".":  # a full stop after "Jan." ends the sentence too
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
        after = ctx.edge_after.match(text, end)
        if after:
            end, expr = after.end(), expr.with_(edge="end")
        start, expr = _modified(text, start, expr)
        found = ctx.edge.search(text, 0, start)
        if found:
            edge, start = " ".join(found["edge"].split()), found.start()
    prep = ctx.prep.search(text, 0, start)
    if prep:
        start = prep.start()
    word = " ".join(prep["prep"].split()) if prep else None
    side = expr.edge if edge is None else "start" if edge in ctx.start_edges else "end"
    before = word in lexicon().cue("prepositions", "exclusive") and side != "end"
    return Hit(start, end, expr.with_(prep=word, edge=side, before=before), order)


def _modified(text: str, start: int, expr: TimeExpr) -> tuple[int, TimeExpr]:
    """"late 2027" bounds like 2027; "early 2027" or "mid-Q2" name no single day."""
    found = context().modifier.search(text, 0, start)
    if found is None:
        return start, expr
    if found["late"]:
        return found.start(), expr.with_(edge="end")
    return found.start(), expr.with_(kind="unresolvable",
                                     reason=f"'{found['early']}' names no single day")


def _needs_met(text: str, match: re.Match[str], pattern: Pattern, hit: Hit) -> bool:
    lex, ctx = lexicon(), context()
    prep, has_edge = hit.expr.prep, hit.expr.edge is not None
    headed = ctx.heading.search(text, 0, hit.start) is not None  # "Timeline: 6 months"
    if pattern.name in ("month", "weekday") and match.group().rstrip(".") in lex.ambiguous:
        return hit.start < match.start() or _month_follows(text, match.end())
    if (pattern.name == "relative" and match["rel"] == "the") or pattern.needs == "prep":
        return prep is not None or has_edge
    if pattern.needs == "edge":
        return has_edge
    if pattern.needs == "event_prep":
        return prep in lex.cue("prepositions", "event")
    if pattern.needs == "date_prep":  # "by 12/18", "Fri 12/4"
        return headed or prep in lex.cue("prepositions", "numeric_date") or \
            ctx.weekday_before.search(text, 0, match.start()) is not None
    if pattern.needs == "duration_prep":  # "within 90 days", not "to within 2 days"
        bound = bool(match["next"] or match["tail"]) or prep in lex.cue("prepositions",
                                                                         "duration")
        return headed or (bound and ctx.level.search(text, 0, hit.start) is None)
    return True


def _month_follows(text: str, end: int) -> bool:
    return context().month_after.match(text, end) is not None


def join_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """Merge "between X and Y", "from X to Y" and "X-Y" into one bound ending at Y, and
    "Friday, Dec 4" or "Friday EOD" into one day."""
    lex = lexicon()
    starts = lex.cue("prepositions", "range_start")
    joined: list[Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        if last is not None and _is_range(text, last, hit, starts, lex):
            joined[-1] = Hit(last.start, hit.end, hit.expr.with_(prep=_range_prep(last, starts)),
                             last.order)
        elif last is not None and _same_day(text, last, hit):
            day = max((last.expr, hit.expr), key=lambda e: POINT_DETAIL.index(e.kind))
            joined[-1] = Hit(last.start, hit.end, day.with_(prep=last.expr.prep,
                                                            before=last.expr.before), last.order)
        else:
            joined.append(hit)
    return joined


def _range_prep(first: Hit, starts: tuple[str, ...]) -> str | None:
    """A range bounds through its end: "between January and June" reads "through June"."""
    return "through" if first.expr.prep in starts else first.expr.prep


def _is_range(text: str, first: Hit, second: Hit, starts: tuple[str, ...], lex: Lexicon) -> bool:
    if first.expr.kind not in BOUND_KINDS or second.expr.kind not in BOUND_KINDS:
        return False
    between = text[first.end:second.start]
    if context().range_join.fullmatch(between) is None:
        return False
    join = between.strip() or second.expr.prep
    dashed = join in ("-", "–", "—", "/")
    opened = first.expr.prep in starts
    return dashed or (opened and join in lex.cue("prepositions", "range_join"))


def _same_day(text: str, first: Hit, second: Hit) -> bool:
    """Two names of one day side by side: a weekday and a date, or a day and "EOD"."""
    kinds = {first.expr.kind, second.expr.kind}
    if not kinds <= set(POINT_DETAIL) or len(kinds) < 2 or second.expr.prep:
        return False
    if "near_day" in kinds and (first.expr.offset or second.expr.offset):
        return False  # "tomorrow" is its own day; only "EOD"/"COB" sit beside another
    return context().point_join.fullmatch(text, first.end, second.start) is not None
