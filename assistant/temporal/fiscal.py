"""The fiscal calendar a goal states about itself: "our fiscal year ends January 31",
"FY runs Jul–Jun", "Q2 (Aug–Oct)", "FY28 (Feb 2027–Jan 2028)", "(FY = calendar year)".

Such a statement gives the fiscal-year start month that the goal's fiscal periods resolve
with; the dates inside it are labels, never the deadline. A statement whose months carry
years also says which fiscal year a label names ("FY27 (Apr 2027–Mar 2028)" is the year
that ends in 2028, whatever the default naming).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from .dates import month_end
from .expr import TimeExpr
from .lexicon import lexicon, window_start
from .triggers import gate, holds_trigger

# A fiscal year's end right before a bracket ("FY-end (Mar)", "fiscal year end (31 March)",
# "FYE (Jan 31)", "end of fiscal (Sept 30)", "the closing of the fiscal year (30 June)").
FISCAL_END_BEFORE = re.compile(
    r"(?:(?:fy|fiscal\s+year|financial\s+year|tax\s+year)[\s-]*end|fye|eofy"
    r"|(?:end|close|closing)\s+of\s+(?:the\s+)?(?:fy|fiscal|financial|tax)(?:\s+year)?)"
    r"(?:\s*'?\d{2}(?:\d{2})?)?"
    r"\s*$")
# A year whose February has 28 days, for the length of a stated end month.
NON_LEAP_YEAR = 2027
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
    label_year: int | None = None
    end_year: int | None = None
    end_day: int | None = None


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

    def year(name: str, day_name: str | None = None) -> str:  # after the month and its day,
        # if any ("June 30, 2027")
        digits = rf"(?P<{day_name}>\d{{1,2}})" if day_name else r"\d{1,2}"
        return (rf"(?:\s+{digits}(?:st|nd|rd|th)?(?!\d))?,?"
                rf"(?:\s*'?(?P<{name}>\d{{2}}(?:\d{{2}})?)(?!\d))?")

    label = r"(?:\s*'?(?:\d{2}(?:\d{2})?[/-]'?)?(?P<label>\d{2}(?:\d{2})?)(?!\d))?"

    def end_day(name: str) -> str:  # the day before the month of a stated end ("31 March")
        return rf"(?:(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?\s+)?"
    day = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    joins = alternation(lex.cue("fiscal", "range_joins"))
    names = alternation(lex.cue("fiscal", "names"))
    verbs = alternation(lex.cue("fiscal", "verbs"))
    relative = rf",?\s*(?:{alternation(lex.cue('fiscal', 'relatives'))})\s+"
    after = alternation(lex.cue("fiscal", "names_after"))
    return re.compile(
        rf"(?P<open>\(\s*)?(?P<cue>(?:(?:our|the)\s+)?(?:{names}){label}\s*(?:{relative})?"
        rf"(?:{verbs})?\s*)?"
        rf"(?:{day}(?P<first>{mon})\.?{year('first_year')}\s*(?:{joins})\s*"
        rf"{day}(?P<last>{mon})(?![a-z])\.?{year('last_year')}(?P<post>\s+(?:{after}))?"
        rf"|(?P<cal>calendar\s+year|the\s+calendar\s+year|cy)(?![a-z])"
        rf"|(?:end|close)(?:s|ing)\s+(?:on\s+)?{end_day('endd')}(?P<endm>{mon})(?![a-z])\.?"
        rf"{year('end_year', 'endd2')}"
        rf"|(?:starts|begins|started|began)\s+(?:in\s+|on\s+)?{day}"
        rf"(?P<startm>{mon})(?![a-z])\.?{year('start_year')}"
        rf"|{end_day('endpd')}(?P<endp>{mon})\.?(?:\s+(?P<endpd2>\d{{1,2}})(?:st|nd|rd|th)?)?"
        r"(?:,?\s*\d{4})?(?=\s*\)))"
    )


@lru_cache(maxsize=1)
def _statement_gate() -> re.Pattern[str] | None:
    return gate(statement_pattern())


def statements(text: str) -> list[Statement]:
    """Every fiscal-calendar statement in the normalised `text`: one with its cue words
    ("FY runs Feb–Jan") anywhere, a bare one only in parentheses ("(Aug–Oct)")."""
    lex = lexicon()
    found: list[Statement] = []
    if not holds_trigger(_statement_gate(), text):
        return found
    for match in statement_pattern().finditer(text):
        if not (match["cue"] or match["open"] or match["post"]) or (
                match["cal"] and not match["cue"]) or (
                match["endp"] and FISCAL_END_BEFORE.search(text, 0, match.start()) is None):
            continue
        months = lex.months
        end = match["endm"] or match["endp"]
        found.append(Statement(
            match.start(), match.end(), aside=match["open"] is not None,
            named=match["cue"] is not None or match["post"] is not None,
            first=months[match["first"]] if match["first"] else 1 if match["cal"] else None,
            last=months[match["last"]] if match["last"] else 12 if match["cal"] else None,
            end_month=months[end] if end else
            (months[match["startm"]] - 2) % 12 + 1 if match["startm"] else None,
            bare=match["endp"] is not None,
            label_year=_year(match["label"]), end_year=_end_year(match),
            end_day=_end_day(match),
        ))
    return found


def _end_day(match: re.Match[str]) -> int | None:
    """The day of the month a stated end falls on ("ends 5 April", "(April 5)"), if given."""
    digits = match["endd"] or match["endd2"] or match["endpd"] or match["endpd2"]
    return int(digits) if digits else None


def _year(digits: str | None) -> int | None:
    return None if digits is None else int(digits) if len(digits) == 4 else 2000 + int(digits)


def _end_year(match: re.Match[str]) -> int | None:
    """The calendar year a stated twelve-month fiscal year ends in, when its months carry
    years ("Apr 2027–Mar 2028", "starts Feb 2028", "ends 31 Mar 2028")."""
    months = lexicon().months
    if match["first"]:
        first, last = months[match["first"]], months[match["last"]]
        if (last - first) % 12 != 11:
            return None
        start = _year(match["first_year"])
        return _year(match["last_year"]) or (None if start is None else start + (last < first))
    if match["endm"]:
        return _year(match["end_year"])
    start = _year(match["start_year"]) if match["startm"] else None
    return None if start is None else start + (months[match["startm"]] > 1)


def renamed_year(statement: Statement, owner: TimeExpr | None) -> tuple[int, int] | None:
    """(the fiscal year a label names, the calendar year that fiscal year ends in) when the
    statement's months carry years: "FY27 (Apr 2027–Mar 2028)" -> (2027, 2028)."""
    named = statement.label_year or (owner.year if owner is not None and owner.fiscal else None)
    if named is None or statement.end_year is None or named == statement.end_year:
        return None
    return named, statement.end_year


def early_end(statement: Statement) -> int:
    """Days from the last of the stated end month back to the stated end day ("ends 5
    April" -> -25), 0 when the end is the month's last day or has no day."""
    if statement.end_day is None or statement.end_month is None:
        return 0
    last = month_end(NON_LEAP_YEAR, statement.end_month).day
    return statement.end_day - last if statement.end_day < last else 0


def start_month(statement: Statement, owner: TimeExpr | None) -> int | None:
    """The fiscal-year start month a statement gives, reading a three- or six-month range
    as the months of the quarter or half it qualifies ("Q2 (Aug–Oct)" -> May), and a bare
    end after a quarter or half as that period's end ("Q3 (ending June 30)" -> October)."""
    number = None if owner is None else owner.quarter or owner.half
    if statement.bare and (owner is None or "fiscal_year" not in (owner.unit, owner.kind)
                           or owner.edge != "end"):
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
