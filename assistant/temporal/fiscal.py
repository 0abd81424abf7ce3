"""The fiscal calendar a goal states about itself: "our fiscal year ends January 31",
"FY runs Jul–Jun", "Q2 (Aug–Oct)", "FY28 (Feb 2027–Jan 2028)", "(FY = calendar year)".

Such a statement gives the fiscal-year start month that the goal's fiscal periods resolve
with; the dates inside it are labels, never the deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from .expr import TimeExpr
from .lexicon import lexicon, window_start

# A fiscal year's end right before a bracket ("FY-end (Mar)", "fiscal year end (31 March)").
FISCAL_END_BEFORE = re.compile(r"(?:fy|fiscal\s+year|financial\s+year)[\s-]*end\s*$")
# Months in a quarter and a half.
PART_MONTHS = {"quarter": 3, "half": 6}


@dataclass(frozen=True)
class Statement:
    """A stated fiscal calendar at normalised offsets [start, end): a month range, an end
    month or the calendar year; `aside` when it is a parenthesis that qualifies the
    expression just before it; `named` when it names the fiscal year ("FY ends ...")."""

    start: int
    end: int
    aside: bool
    named: bool = False
    first: int | None = None
    last: int | None = None
    end_month: int | None = None
    bare: bool = False


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
    cue = fiscal_cue().search(text, window_start(start), start)
    if cue is None or expr.month is None:
        return None
    return expr.month % 12 + 1 if cue["end"] else expr.month


@lru_cache(maxsize=1)
def statement_pattern() -> re.Pattern[str]:
    """"(Aug–Oct)", "(our FY runs Feb–Jan)", "(we run Apr–Mar)", "(ends 31 March)",
    "(ending 31 Mar)", "(FY = calendar year)"; a bare "(Mar)" or "(31 March)" after a fiscal
    year's end."""
    lex = lexicon()
    mon = alternation(lex.months)
    year = r"(?:\s*'?\d{2}(?:\d{2})?(?!\d))?"
    joins = alternation(lex.cue("fiscal", "range_joins"))
    names = alternation(lex.cue("fiscal", "names"))
    verbs = alternation(lex.cue("fiscal", "verbs"))
    return re.compile(
        rf"(?P<open>\(\s*)?(?P<cue>(?:(?:our|the)\s+)?(?:{names})\s*(?:{verbs})?\s*)?"
        rf"(?:(?P<first>{mon})\.?{year}\s*(?:{joins})\s*(?P<last>{mon})(?![a-z])\.?{year}"
        rf"|(?P<cal>calendar\s+year|the\s+calendar\s+year|cy)(?![a-z])"
        rf"|end(?:s|ing)\s+(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<endm>{mon})(?![a-z])"
        rf"|(?:starts|begins)\s+(?:in\s+|on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
        rf"(?P<startm>{mon})(?![a-z])"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<endp>{mon})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
        r"(?=\s*\)))"
    )


def statements(text: str) -> list[Statement]:
    """Every fiscal-calendar statement in the normalised `text`: one with its cue words
    ("FY runs Feb–Jan") anywhere, a bare one only in parentheses ("(Aug–Oct)")."""
    lex = lexicon()
    found = []
    for match in statement_pattern().finditer(text):
        if not (match["cue"] or match["open"]) or (match["cal"] and not match["cue"]) or (
                match["endp"] and FISCAL_END_BEFORE.search(text, 0, match.start()) is None):
            continue
        months = lex.months
        end = match["endm"] or match["endp"]
        found.append(Statement(
            match.start(), match.end(), aside=match["open"] is not None,
            named=match["cue"] is not None,
            first=months[match["first"]] if match["first"] else 1 if match["cal"] else None,
            last=months[match["last"]] if match["last"] else 12 if match["cal"] else None,
            end_month=months[end] if end else
            (months[match["startm"]] - 2) % 12 + 1 if match["startm"] else None,
            bare=match["endp"] is not None,
        ))
    return found


def start_month(statement: Statement, owner: TimeExpr | None) -> int | None:
    """The fiscal-year start month a statement gives, reading a three- or six-month range
    as the months of the quarter or half it qualifies ("Q2 (Aug–Oct)" -> May), and a bare
    end after a quarter or half as that period's end ("Q3 (ending June 30)" -> October)."""
    number = None if owner is None else owner.quarter or owner.half
    if statement.bare and (owner is None or owner.unit != "fiscal_year" or owner.edge != "end"):
        return None  # a bare month in brackets states only a fiscal year's end ("FY-end (Mar)")
    if statement.end_month is not None:
        if owner is not None and number and not statement.named and \
                owner.kind in PART_MONTHS:  # "Q3 (ending June 30)": the quarter's end
            return (statement.end_month - PART_MONTHS[owner.kind] * number) % 12 + 1
        return statement.end_month % 12 + 1
    if statement.first is None or statement.last is None:
        return None
    months = (statement.last - statement.first) % 12 + 1
    if months == 12:
        return statement.first
    number = None if owner is None else owner.quarter if months == 3 else owner.half
    kind = "quarter" if months == 3 else "half"
    if owner is None or owner.kind != kind or number is None or \
            PART_MONTHS.get(kind) != months:
        return None
    return (statement.first - 1 - months * (number - 1)) % 12 + 1
