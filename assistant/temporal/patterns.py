"""The regular expressions of the time grammar, built from the lexicon.

They run over the normalised (lower-cased, typo-repaired) goal text. Each names its
pieces with groups that `grammar.py` turns into a `TimeExpr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..lexicon import alternation
from .lexicon import Lexicon, lexicon
from .triggers import gate

# What a match needs around it before it counts as a time expression.
Needs = Literal["nothing", "prep", "prep_only", "edge", "event_prep", "duration_prep",
                "date_prep"]

Y4 = r"(?:19|20)\d{2}(?!\d)"
# "the month after next": a period two on from this one.
AFTER_NEXT = r"(?P<after>\s+after\s+next(?![a-z]))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# After "Q3"/"2H": no letter, and digits only as a two-digit year ("2H27", "1Q28").
COMPACT_END = r"(?![a-z])(?!\d(?!\d)|\d{3})"
# "15-Mar-27", "28 Feb 27": a two-digit year after day and month, a plausible one only
# ("by 1 March 30 deals" keeps its count).
DMY_YY = r"(?:-|\s+)(?P<yy2>2[4-9]|3\d)(?![\d%.,:/]|\s*(?:%|percent|k\b|m\b))"
NEXT_YEAR = r"(?P<ny>\s+(?:of\s+)?next\s+year)"
DUR_UNITS = ("day", "business_day", "week", "fortnight", "month", "quarter", "year", "sprint")
PERIOD_UNITS = ("week", "weekend", "fortnight", "month", "quarter", "half", "year",
                "fiscal_year", "sprint", "term", "season")


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    needs: Needs = "nothing"
    # finds the strings one of which every match holds (triggers.py); None: always run
    gate: re.Pattern[str] | None = None


def _units(lex: Lexicon, kinds: tuple[str, ...], plural: bool) -> str:
    words = [w for w, unit in lex.units.items() if unit in kinds]
    if not plural:
        words = [w for w in words if not (w.endswith("s") and w[:-1] in lex.units)]
    return alternation(words)


def year_suffix(lex: Lexicon) -> str:
    """An optional year after a quarter or half: "2027", "'27", "-27", "FY27", "of next
    year"."""
    rel = alternation(k for k, v in lex.relative.items() if k != "the" and v >= 0)
    return (
        r"(?:\s*[-,/]?\s*(?:of\s+)?(?:the\s+)?(?:"
        r"(?:fy|fiscal(?:\s+year)?|financial\s+year)\s*[-']?\s*(?P<fyy>\d{4}|\d{2})(?!\d)"
        rf"|(?:cy\s*)?(?P<y>{Y4})"
        r"|'(?P<yy>\d{2})(?!\d)"
        r"|(?<=[1-4][hq])(?P<yc>\d{2})(?!\d)"
        r"|(?<=[1-4][-/])(?P<yd>\d{2})(?![\d%])"  # "q1-27", "h1/27"
        rf"|(?P<rel>{rel})\s+(?P<relu>fiscal\s+year|financial\s+year|fy|year|yr)"
        r"|(?P<cur>year)(?![-\s]*end)"
        r"))?"
    )


def _week_start_day(lex: Lexicon) -> str:
    """The day a week is named by ("dec 14", "7 dec", "jan 25th", "12/7", "18/01/2027"),
    each part in a group of its own for `grammar.week_of`."""
    months = rf"(?:{alternation(lex.months)})(?![a-z])\.?"
    return (
        rf"(?:(?:(?P<mon>{months})[\s-]*(?P<d>{DAY})|(?P<d2>{DAY})(?:\s+of)?[\s-]*"
        rf"(?P<mon2>{months}))(?:[\s,]+(?P<y>{Y4}))?"
        r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<ny>\d{4}|\d{2}))?(?!\d|[/.]\d))"
    )


def _pattern_sources(lex: Lexicon) -> list[tuple[str, str, Needs]]:
    mon = rf"(?<![a-z])(?P<mon>{alternation(lex.months)})(?![a-z])\.?"
    ordinal = alternation(lex.ordinals)
    weekday = alternation(lex.weekdays)
    full_weekday = alternation(w for w in lex.weekdays if len(w) > 4)
    parts_of_day = alternation(lex.cue("cadence", "parts_of_day"))
    numbers = alternation(lex.numbers)
    relative = alternation(lex.relative)
    clause = lex.cues["event_clause"]
    name_word = rf"(?!(?:{alternation(lex.name_breaks())})(?![\w'’-]))[a-z][\w'’-]*"
    finishers = alternation(clause["finishers"])
    not_occasion = alternation((*clause["not_occasions"], *lex.units, *lex.months, *lex.seasons,
                                *lex.weekdays))
    ysuf = year_suffix(lex)
    y_or_yy = rf"(?:[\s,-]*(?:of\s+)?(?P<y>{Y4})|[\s,]*'(?P<yy>\d{{2}})(?!\d)|{NEXT_YEAR})"
    period_unit = _units(lex, PERIOD_UNITS, plural=False)
    dur_unit = _units(lex, DUR_UNITS, plural=True)
    cadence_unit = rf"(?:{_units(lex, DUR_UNITS, plural=False)}|{parts_of_day}|{full_weekday}|d)"
    lead = alternation(w for w in lex.cue("cadence", "lead") if w != "/")
    not_compound = rf"(?!\s+(?:{alternation(lex.cue('label', 'unit_compounds'))})(?![a-z]))"
    day_followers = alternation(lex.cue("label", "day_followers"))
    week_leads = alternation(lex.cue("edges", "week_named_by"))
    owner = alternation(lex.cue("event_clause", "occasion_determiners"))
    # Earlier patterns win ties between expressions of the same length.
    return [
        ("mid", rf"(?<![a-z])(?:mid[-\s]?|(?:the\s+)?middle\s+of\s+)(?:(?P<y>{Y4})"
                rf"|{mon}(?:\s*,?\s*(?P<my>{Y4}))?|(?P<yr>year)|(?P<mm>month))",
         "nothing"),
        ("iso", rf"(?<![\d/.-])(?P<y>{Y4})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d])", "nothing"),
        ("numeric_year", r"(?<![\d/.$€£-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
                         r"(?P<y>\d{4}|\d{2})(?!\d|[-/.]\d)", "nothing"),
        # "3/4 of my book" is a share, not a date
        ("numeric", r"(?<![\d/.$€£-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/%]|\.\d|\s+of(?![a-z]))",
         "date_prep"),
        # "by 15.03": day-first like every dotted date; two digits each, so "by 1.5" is a number
        ("dotted", r"(?<![\d/.$€£-])(?P<a>\d{2})\.(?P<b>\d{2})"
                   r"(?![\d/%]|\.\d|\s*(?:%|percent|pct|points|pts|k\b|m\b))", "date_prep"),
        # German "bis 15.3.": day and month closed by a dot each, with no year; one of them
        # has one digit and the other two ("by 1.5." is a decimal at the end of a sentence,
        # "by 15.03." a dotted date and a full stop)
        ("dotted_short", r"(?<![\d/.$€£-])(?=\d{2}\.\d\.|\d\.\d{2}\.)"
                         r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\."
                         r"(?![\d%])",
         "date_prep"),
        ("iso_month", rf"(?<![\d/.-])(?P<y>{Y4})-(?P<m>0[1-9]|1[0-2])(?![\d-])", "nothing"),
        ("numeric_month_year", rf"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>{Y4})(?![\d/])",
         "nothing"),
        ("month_day", rf"{mon}[\s-]*(?:the\s+)?(?P<d>{DAY}){y_or_yy}?", "nothing"),
        ("day_month", rf"(?<![\w$€£.,])(?:the\s+)?(?P<d>{DAY})(?:\s+of)?[\s-]*{mon}"
                      rf"(?:[\s,-]*(?P<y>{Y4})|\s*'(?P<yy>\d{{2}})(?!\d)|{DMY_YY})?", "nothing"),
        ("month_year", rf"{mon}\s*[,.]?\s*(?:of\s+)?(?:(?P<y>{Y4})|'(?P<yy>\d{{2}})(?!\d))",
         "nothing"),
        ("month", rf"(?:(?:next|this\s+coming|coming)\s+)?{mon}(?:{NEXT_YEAR})?", "nothing"),
        ("week_of", rf"(?<![a-z])(?:the\s+)?(?:{week_leads})\s+(?:(?:{weekday})\.?,?\s+)?"
                    + _week_start_day(lex), "nothing"),
        ("season", rf"(?<![a-z])(?:(?P<srel>this|next)\s+|the\s+)?"
                   # "the summer season": a trade's season, with no calendar of its own
                   rf"(?P<season>{alternation(lex.seasons)})(?P<trade>\s+season)?(?![a-z])"
                   rf"(?:\s*,?\s*(?P<y>{Y4})|\s*'(?P<yy>\d{{2}})(?!\d))?", "prep"),
        # not a birthday ('by my 30th', 'for her 40th')
        ("nth_day", r"(?<![a-z])(?<!my\s)(?<!our\s)(?<!his\s)(?<!her\s)(?<!their\s)"
                    r"(?<!your\s)(?:the\s+)?(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?![a-z])"
                    rf"(?!\s+(?!(?:{day_followers})(?![a-z]))[a-z])"
                    r"(?:\s+of\s+(?P<rel>this|next|the\s+next|the\s+following)\s+month)?",
         "date_prep"),
        ("quarter", r"(?<![a-z0-9])(?:(?:fiscal|fy)\s*|calendar\s+|f)?"
                    r"(?:q(?P<q>[1-4])|(?P<qo>" + ordinal
                    + r")\s+(?:fiscal\s+|calendar\s+)?(?:quarter|qtr)"
                    r"|(?P<qn>[1-4])q(?=\s*[-']?\s*\d)"
                    r"|(?P<ql>last)\s+(?:fiscal\s+)?quarter(?=\s+of\s))" + COMPACT_END + ysuf,
         "nothing"),
        ("year_quarter", r"(?<![a-z0-9])(?:(?:fy|fiscal(?:\s+year)?)\s*[-']?\s*(?P<fyy>\d{4}|\d{2})"
                         rf"|(?P<y>{Y4}))\s*[-/]?\s*q(?P<q>[1-4])(?![a-z0-9])", "nothing"),
        # "the first semester": Portuguese and Spanish 'semestre', a half year
        ("half", r"(?<![a-z0-9])(?:h(?P<h>[12])|(?P<ho>" + ordinal + r")\s+(?:half|semester)"
                 rf"(?!\s+of\s+(?:the\s+month|{alternation(lex.months)})(?![a-z]))"
                 # not a time after a comparison ('≤ 1h30', 'sub-1h45')
                 r"|(?<![<≤>≥~-])(?<![<≤>≥~]\s)(?P<hn>[12])h"
                 r"(?=\s*[-,]?\s*(?:fy|'|\d{2}(?:\d{2})?(?![\d%]))))" + COMPACT_END
                 + ysuf, "nothing"),
        # "by end of 1H", "the end of 3Q": a bare number-first half or quarter only after
        # an edge ("in 1h" is an hour)
        ("half_edge", r"(?<![a-z0-9])(?P<hn>[12])h(?![a-z0-9])", "edge"),
        ("quarter_edge", r"(?<![a-z0-9])(?P<qn>[1-4])q(?![a-z0-9])", "edge"),
        ("year_half", r"(?<![a-z0-9])(?:(?:fy|fiscal(?:\s+year)?)\s*[-']?\s*(?P<fyy>\d{4}|\d{2})"
                      rf"|(?P<y>{Y4}))\s*[-/]?\s*h(?P<h>[12])(?![a-z0-9])", "nothing"),
        ("fiscal_year", r"(?<![a-z0-9])(?:fy|fiscal(?:\s+year)?|financial\s+year)\s*[-']?\s*"
                        r"(?:\d{2}(?:\d{2})?\s*[/-]\s*)?(?P<fyy>\d{4}|\d{2})(?!\d)"
                        # "the 2027 fiscal year": the year before its name
                        rf"|(?<![\w$€£.,/#-])(?P<fyy4>{Y4})\s+(?:fiscal|financial)\s+year(?![a-z])",
         "nothing"),
        ("year", rf"(?<![\w$€£.,/#-])(?:(?:cy|calendar(?:\s+year)?|the\s+year)\s*)?(?P<y>{Y4})"
                 r"(?![\w%+]|[.,/-]\d|\s*(?:%|percent|pct|k\b|m\b|bn\b|mm\b))", "nothing"),
        ("calendar_year_short", r"(?<![a-z0-9])cy\s*'?(?P<yy>\d{2})(?!\d)", "nothing"),
        ("period_end", r"(?<![a-z])(?:(?P<fisc>fiscal\s+|fy\s*)?(?P<unit>year|yr|quarter|qtr"
                       r"|month|half|week|wk)(?:[-\s]end|(?<!week)end|'s\s+end)"
                       r"|(?P<ye>f?ye|fy[-\s]end|(?:fiscal\s+)?y/e))"
                       r"(?![a-z])"
                       rf"(?:\s*(?P<y>{Y4})|(?<=ye)'?(?P<yy>\d{{2}})(?!\d))?", "nothing"),
        # "EO Q2", "EO H1 2027": a numbered quarter or half may stand apart
        ("eo", r"(?<![a-z])e\.?o\.?(?:\s+(?=q[1-4]|h[12]))?(?P<eo>fy|[wmqhy])"
               r"(?:(?<=q)(?P<eoq>[1-4])|(?<=h)(?P<eoh>[12]))?"
               r"\.?(?![a-z])"
               rf"(?:\s*[-']?\s*(?P<y>{Y4})|(?:\s*'|'?)(?P<yy>\d{{2}})(?!\d)|(?<=m)\s+{mon})?",
         "nothing"),
        # "this quarter and next": the two periods end with the later one
        # "the month after next": the period two ahead
        ("relative", rf"(?<![a-z])(?P<rel>{relative})\s+(?P<unit>{period_unit})(?![a-z-])"
                     rf"(?:{AFTER_NEXT}|\s*(?:and|&|\+)\s*(?P<andnext>next)"
                     r"(?![a-z\s]*\s(?:" + period_unit + r")(?![a-z])))?" + not_compound,
         "nothing"),
        ("unit", rf"(?<![a-z])(?P<unit>{period_unit})(?![a-z-]){AFTER_NEXT}?" + not_compound,
         "edge"),
        # "thru FY", "in fiscal year": the current fiscal year, after a preposition only
        ("fiscal_unit", r"(?<![a-z0-9])(?P<unit>fy|fiscal\s+year|financial\s+year)"
                        r"(?![a-z0-9'’-])" + not_compound, "prep_only"),
        ("duration", rf"(?<![a-z])(?:the\s+)?(?:(?P<next>next|coming|following|first|last|past)"
                     rf"\s+)?(?P<num>\d+(?:\.\d+)?|{numbers})(?:\s+|(?<=\d))"
                     r"(?:more\s+|full\s+|additional\s+)?"
                     rf"(?P<unit>{dur_unit})(?![a-z])(?:\s*(?P<tail>from\s+(?:now|today)|out"
                     r"|(?:'s|’s|'|’)?\s*time|ago|back|earlier)(?![a-z]))?", "duration_prep"),
        ("duration_label", r"(?<![\w.])(?P<num>\d+)-(?P<unit>day|week|month|year|quarter)"
                           r"(?![a-z])", "nothing"),
        # "by Sprint 14", a heading "Sprint 14 goal:": a named sprint, bare or with a preposition;
        # "by the end of term 2": a numbered school term ("long-term 3" is no term)
        ("numbered_period", r"(?<![a-z])(?:(?P<unit>sprint)\s*#?\s*(?P<n>\d{1,3})"
                            r"|(?<!-)(?P<term>term|semester|trimester)\s+(?P<tn>[1-4]))(?![\d%])",
         "nothing"),
        # "the Year 11 mock exams", "Year 9 essays": a school year group, a name and no date
        ("numbered_year", r"(?<![a-z])(?:the\s+)?year\s+(?P<n>\d{1,2})(?![\d%:/]|[.,]\d)",
         "nothing"),
        # "by day 90": a day counted from each one's own start (a hire's, a client's), after
        # a preposition only; "by wk 50", "before KW 2" (German Kalenderwoche): a calendar
        # week (weeks.py); "by week 3 of January", "by wk 6 of Q1", "by week 4 of ramp": one
        # counted within a longer period, which stays in the span
        ("counted_period", r"(?<![a-z])(?:(?P<unit>day|week|wk|month)|(?P<cw>kw|cw))\s*"
                           r"(?<=\s|w)(?P<n>\d{1,3})(?![\d%:/]|[.,]\d)"
                           rf"(?P<of>\s+of\s+(?:(?P<wy>{Y4})|{mon}(?:[\s,]+(?P<y>{Y4}))?"
                           rf"|(?:(?:{owner})\s+)?"
                           rf"{name_word}(?:\s+{name_word})?))?", "prep"),
        # "the first Friday of March", "the last Monday in January 2027": a day fixed by a
        # calendar rule, like a holiday's
        ("nth_weekday", rf"(?<![a-z])(?:the\s+)?(?P<nth>{ordinal}|last)\s+(?P<wd>{weekday})"
                        rf"\s+(?:of|in)\s+{mon}(?:\s*,?\s*(?P<y>{Y4}))?", "nothing"),
        # not a greeting's day ("Happy Friday!")
        ("weekday", rf"(?<![a-z])(?<!happy )(?:(?P<wrel>this\s+coming|this|next|nxt|coming)\s+)?"
                    rf"(?P<wd>{weekday})(?P<plural>s)?(?![a-z])\.?", "nothing"),
        ("near_day", rf"(?<![a-z])(?P<near>{alternation(lex.near_days)})(?![a-z])", "nothing"),
        ("holiday", rf"(?<![a-z])(?P<hol>{alternation(lex.holidays)})(?![a-z])"
                    rf"(?:\s*,?\s*(?P<y>{Y4}))?", "nothing"),
        ("event", r"(?<![a-z])(?:(?:the|our|my|their|this|next|upcoming|coming|first|annual"
                  # "my 40th birthday": an ordinal numbers the occasion
                  rf"|quarterly|q[1-4]|h[12]|fy\s*\d{{2,4}}|{Y4}|\d{{1,3}}(?:st|nd|rd|th)"
                  rf"|{alternation(lex.months)})\s+){{0,4}}"
                  rf"(?:{name_word}\s+){{0,2}}(?P<ev>{alternation(lex.events)})(?![a-z])"
                  # "by Diwali 2027": the year of a feast that moves still names no day
                  rf"(?:\s+{Y4}(?![\w%]))?", "event_prep"),
        # "by the next partner summit", "by the next CAB": the next of an occasion
        ("event_next", rf"(?<![a-z])(?:(?:the|our|my|their)\s+)?(?:next|upcoming)\s+"
                  rf"(?!\d|(?:{not_occasion})(?![a-z]))(?P<ev>(?:{name_word}\s+){{0,2}}{name_word})"
                  r"(?![\w'’-])", "event_prep"),
        # "until the Salesforce cleanup is done", "before the pricing change goes live"
        ("event_clause", rf"(?<![a-z])(?:the|our|my|their|this|next|all)\s+"
                  rf"(?P<ev>(?:{name_word}\s+){{0,4}}?(?:{finishers}))(?![a-z])", "event_prep"),
        ("cadence_word", rf"(?<![a-z])(?:{alternation(lex.cue('cadence', 'words'))})(?![a-z])",
         "nothing"),
        ("cadence", rf"(?<![a-z])(?:{lead})\s+(?:other\s+|single\s+)?(?P<unit>{cadence_unit})"
                    r"(?![a-z])(?!\s+of\b)", "nothing"),
        ("cadence_slash", rf"/\s*(?P<unit>{cadence_unit})(?![a-z])", "nothing"),
        ("comparison", rf"(?<![a-z])(?:{alternation(lex.cue('baseline', 'phrases'))})(?![a-z])",
         "nothing"),
        ("vague", rf"(?<![a-z])(?:{alternation(lex.cue('vague', 'phrases'))})(?![a-z])",
         "nothing"),
    ]


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    compiled = ((name, re.compile(source), needs)
                for name, source, needs in _pattern_sources(lexicon()))
    return tuple(Pattern(name, regex, needs, gate(regex)) for name, regex, needs in compiled)
