"""The compiled patterns for what surrounds a time expression: preposition, edge and
modifier before it, edge after it, headings, and the words that join two expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from .lexicon import lexicon

# "within 30 days of finishing onboarding", "30 days before expiry": a duration counted
# from an event.
EVENT_TAIL = re.compile(r"\s+(?P<word>of|after|following|from|before|prior\s+to|ahead\s+of)\s+"
                        r"(?!now\b|today\b)\w", re.IGNORECASE)

# A time of day written before the day it falls on ("by 9 a.m. Tuesday", "by noon Friday").
CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|midnight)"

# One word of an occasion's name ("the 40th birthday", "half-term"), a version or number in
# it ("the v3.2 rollout", "term 2", "24/7 coverage").
OCCASION_WORD = (r"(?:[a-z][a-z0-9'-]*(?:\.\d+)*|\d{1,3}(?:\.\d+)*(?:st|nd|rd|th)?"
                 r"|\d{1,2}/\d{1,2})")


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
    relative_to: re.Pattern[str]
    range_join: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    plan_after: re.Pattern[str]
    plan_before: re.Pattern[str]
    occasion_before: re.Pattern[str]
    window_of: re.Pattern[str]
    article_before: re.Pattern[str]
    hyphen_joined: re.Pattern[str]
    cadence_after: re.Pattern[str]
    start_edges: frozenset[str]
    workday_edges: frozenset[str]
    month_in: re.Pattern[str]
    clock_before: re.Pattern[str]
    ends_before: re.Pattern[str]
    stated_end: re.Pattern[str]


# Names of today itself, which no date follows ("today 4/5 calls" is a score).
TODAY = frozenset({"today", "tonight"})
# A possessive right before an edge word ("on my end", "at our end") makes it no edge.
POSSESSIVE_NOT = "".join(rf"(?<!\b{word}\s)" for word in ("my", "our", "your", "their"))


@lru_cache(maxsize=1)
def context() -> Context:
    lex = lexicon()
    edges = (*lex.cue("edges", "end"), *lex.cue("edges", "start"))
    preps = [p for name in ("strong", "weak", "baseline", "range_start")
             for p in lex.cue("prepositions", name)]
    joins = alternation(lex.cue("prepositions", "range_join"))
    months = alternation(lex.months)
    after = alternation(lex.cue("edges", "end_after"))
    start_after = alternation(lex.cue("edges", "start_after"))
    heading = alternation(lex.cue("prepositions", "heading"))
    relative_to = (*lex.cue("prepositions", "exclusive"), "after", "following")
    late, early = alternation(lex.cue("edges", "late")), alternation(lex.cue("edges", "early"))
    every = alternation(lex.cue("edges", "every"))
    stated_end = alternation(lex.cue("prepositions", "stated_end"))
    day_ends = alternation(k for k, v in lex.near_days.items() if v == 0 and k not in TODAY)
    weeks = alternation(lex.cues["edges"]["week_of"])
    plans = alternation(lex.cue("label", "plan_nouns"))
    units = [w for w, unit in lex.units.items() if unit in ("day", "week", "month", "year")]
    clause = lex.cues["event_clause"]
    exclusive = lex.cue("prepositions", "exclusive")
    named = (*lex.cue("prepositions", "event"), *clause["dated_occasion_preps"])
    # the few words naming an occasion ("the board offsite", "webinar 3"), none of them a
    # bound word ("through the new certification before SKO": the occasion is SKO)
    word = rf"(?!(?:and|or|then|but|{alternation((*exclusive, *named))})\s){OCCASION_WORD}"
    occasion = rf"(?:{word}\s+){{0,4}}{word}"
    # "(15 Jan)", "(planned 15 Jan)", "(target: Feb 1)": a day in brackets after an occasion
    paren = rf"\(\s*(?:(?:{alternation(clause['day_leads'])}):?\s+)?"
    return Context(
        edge=re.compile(
            # not "on my end this week": a possessive makes 'end' a side, not an edge
            # "the end of our quarter", "the end of their fiscal year": the writer's or
            # another's own period
            rf"(?<![a-z]){POSSESSIVE_NOT}(?P<edge>{_hyphenable(alternation(edges))})[-\s]+"
            r"(?:(?:the|our|my|their|your)\s+)?$"
        ),
        # "Q1 end", "the March close" - but not "in Q2 close 5 deals"
        edge_after=re.compile(
            rf"(?:[-\s]+|'s\s+)(?:(?P<end>{after})|(?P<start>{start_after}))(?![a-z])"
            r"(?!\s+(?:\d|(?:the|a|an|all|out|more)(?![a-z])))"
        ),
        modifier=re.compile(
            rf"(?<![a-z])(?:(?P<every>{every})|(?P<late>{late})|(?P<early>{early})"
            rf"|(?P<week>{weeks}))[-\s]+$"
        ),
        point_join=re.compile(r"\s*,?\s*(?:at\s+|on\s+)?"),
        # "Fri 12/4", "COB 12/18": a day's name or its close right before a numeric date
        weekday_before=re.compile(rf"(?<![a-z])(?:{alternation(lex.weekdays)}|{day_ends})"
                                  r"\.?,?\s+$"),
        heading=re.compile(rf"(?:^|\n|(?<![a-z]))(?:{heading})\s*$"),
        relative_to=re.compile(rf"\s+(?:{alternation(relative_to)})\s+(?!now\b|today\b)\w"),
        level=re.compile(rf"(?<![a-z])(?:{alternation(lex.cue('prepositions', 'level'))})\s+$"),
        # not the particle ending a hyphenated word ("opt-in next week", "add-on by Q2")
        prep=re.compile(rf"(?<![a-z'])(?<!\w-)(?P<prep>{alternation(preps)})\s+"
                        r"(?:(?:the|my|our|their|your|his|her|its)\s+)?$"),
        range_join=re.compile(rf"\s*(?:{joins})?\s*"),
        month_after=re.compile(rf"\s*(?:{joins})\s*(?:{months})(?![a-z])"),
        month_before=re.compile(rf"(?<![a-z])(?:{months})\.?(?:\s+\d{{4}})?\s*(?:{joins})\s*$"),
        # "Dec goals:", "SDR goals – Dec", "My targets (Jan)": a month naming a plan
        plan_after=re.compile(rf"\.?\s+(?:{plans})(?![a-z])"),
        plan_before=re.compile(rf"(?<![a-z])(?:{plans})\s*(?:[-–—:(]|for)\s*$"),
        # an ambiguous weekday word after an article, or an ambiguous month or weekday
        # word joined to a word by a hyphen, reads as an ordinary word ("in the sun",
        # "sat-nav")
        article_before=re.compile(r"(?<![a-z])(?:the|a|an)\s+$"),
        hyphen_joined=re.compile(rf"-(?!(?:{months}|{alternation(lex.weekdays)})(?![a-z]))[a-z]"),
        cadence_after=re.compile(rf"\s+(?:{alternation(lex.cue('cadence', 'lead'))})\s+"
                                 rf"(?:{alternation(units)})(?![a-z])"),
        # "before the audit " + "on 1 February": a few words naming an occasion, an ordinal
        # or version among them ("by my 40th birthday", "through the v3.2 rollout"), or "by
        # the board meeting " + "(15.01.2027)", "by go-live " + "(planned 15 Jan)", "by the
        # test date, " + "20 Feb 2027"; after a preposition that does not end before the
        # day, the occasion is named with a determiner ("by the ..."), as a clause ("by the
        # time we launch ...") or its day follows right after it, in brackets or after a
        # comma ("by half-term (12 Feb 2027)", "by renewal in May"; not a gerund: "by
        # running webinars on Jan 14")
        occasion_before=re.compile(
            rf"(?<![a-z])(?:(?P<prep>{alternation(exclusive)})\s+"
            rf"|(?P<named_prep>{alternation(named)})\s+"
            rf"(?=(?:{alternation(lex.cue('label', 'one_occasion_words'))})\s"
            rf"|(?:{alternation(clause['clause_subjects'])})\s"
            r"|(?![a-z]+ing\s)[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}\s*(?:[(,]|$)))"
            rf"{occasion}(?:\s+|\s*(?P<paren>{paren})|\s*(?P<comma>,\s*))$"),
        # "within 30 days of " + "Jan 5", "within 2 weeks of the show (" + "Dec 4)": what
        # joins a window to the day it counts from
        window_of=re.compile(rf"\s+of\s+(?:the\s+)?(?:{occasion}\s*(?P<paren>{paren}))?"),
        start_edges=frozenset(" ".join(e.split()) for e in lex.cue("edges", "start")),
        workday_edges=frozenset(" ".join(e.split()) for e in lex.cue("edges", "workday")),
        # a month named anywhere in an occasion ("during the June open day")
        month_in=re.compile(rf"(?<![a-z])(?:{months})(?![a-z])"),
        clock_before=re.compile(rf"(?<![\w.:]){CLOCK}\s+$"),
        # "sprint ends " + "12/18": the words stating the day a period ends
        ends_before=re.compile(rf"(?<![a-z])(?:{stated_end})\s+$"),
        # "sprint 24" + " (ends " + "dec 11)", "this sprint" + " (sprint ends " + ...
        stated_end=re.compile(rf"\s*\(\s*(?:(?:the\s+)?[a-z]+\s+)?(?:{stated_end})\s+"),
    )


def _hyphenable(pattern: str) -> str:
    """Let the words of an alternation be joined by hyphens too ("end-of-year")."""
    return pattern.replace(r"\s+", r"[-\s]+")
