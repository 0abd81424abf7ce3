"""Join neighbouring time expressions into one bound: ranges ("between January and June
2027"), two names of one day ("Friday, Dec 4"), a weekday of a week ("Friday next week")
and a duration counted from another bound ("2 weeks before Christmas")."""

from __future__ import annotations

import re

from .context import context
from .expr import TimeExpr
from .hit import BOUND_KINDS, POINT_KINDS, Hit
from .lexicon import Lexicon, lexicon, window_start

# Days in a duration unit that can move a bound ("2 weeks before Christmas").
SHIFT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
# A word after a time word that makes it part of an occasion's name ("the spring appeal").
OCCASION_NOUN = re.compile(r"(?!\s*on\b)\s*[A-Za-z][\w'-]+")
# What closes a parenthesised date ("(Feb 5)").
CLOSING = re.compile(r"\s*\)")
# What opens a bracketed day right after a bound ("by quarter end (March 28)").
OPEN_BRACKET = re.compile(r"\s*\(\s*")
# A fiscal year named in brackets ("by end of H2 (fiscal year ending Jun 30)").
FISCAL_WORD = re.compile(r"fy|fiscal|financial|tax")
# What states the end of a period right after it ("the month ending", "the year that ends on").
PERIOD_ENDING = re.compile(r"\s+(?:ending|ended|that\s+ends|which\s+ends)\s+(?:on\s+|in\s+)?")
# A fiscal year named by its end, with no number of its own ("for FY ending March 2027").
YEAR_ENDING = re.compile(
    r"(?:(?P<prep>for|in|by|through)\s+)?(?:the\s+)?(?:fy|fiscal\s+year|financial\s+year)"
    r"\s+(?:ending|that\s+ends|which\s+ends)\s+(?:on\s+|in\s+)?$")
# A window of a length, counted back from the bound written after it ("over the 6 months
# to June 2027", "in the year to 31 March", "for the 4 months through April"); not a past
# window ("the last 12 months to date").
WINDOW_WORDS = re.compile(r"(?:(?P<prep>in|over|for|during|across|throughout|within)\s+)?the\s+"
                          r"(?!(?:last|past|previous|prior)\s)(?:(?:\d+|[a-z]+)[-\s]+)?"
                          r"(?:days?|weeks?|months?|quarters?|years?)\s+(?:(?P<join>to|ending|ended)\s+)?$")
# What a window ends with: a named period or day.
WINDOW_ENDS = POINT_KINDS | {"month", "quarter", "half", "year", "fiscal_year"}
# Preposition of a bound that joins it to a window with no "to" ("the 6 months through June").
WINDOW_THROUGH = ("through", "thru", "until", "till")
# What may stand between a period's end and the day it falls on ("FYE, which is June 30").
DAY_OF_END = re.compile(r"\s*,?\s*(?:which\s+is\s+|i\.?e\.?,?\s+)?")
# Periods that a list with commas joins into one ("in Q1, Q2 and Q3").
LIST_KINDS = frozenset({"month", "quarter", "half"})
# Point kinds from the least to the most specific name of a day.
POINT_DETAIL = ("near_day", "weekday", "date")


def join_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """Merge "between X and Y", "from X to Y", "X-Y" and "Jan through March" into one bound
    ending at Y, and "Friday, Dec 4" or "Friday EOD" into one day."""
    lex = lexicon()
    starts = lex.cue("prepositions", "range_start")
    joined: list[Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        if last is not None and _is_range(text, last, hit, starts, lex):
            ranged = Hit(last.start, hit.end, hit.expr.with_(prep=_range_prep(last, starts)),
                         last.order)
            # "during the summer season (June–August 2027)": a dated occasion's months
            joined[-1] = _dated_occasion(text, ranged, joined[:-1]) or ranged
            while len(joined) > 1 and joined[-2].start >= joined[-1].start:
                joined.pop(-2)
        elif last is not None and (counted := _counted(text, last, hit)) is not None:
            joined[-1] = counted
        elif (dated := _dated_occasion(text, hit, joined)) is not None:  # "before SKO on Jan 12"
            _push(joined, dated)
        elif last is not None and _ends_period(text, last, hit):  # "the month ending Dec 31"
            joined[-1] = Hit(last.start, hit.end, hit.expr.with_(prep=last.expr.prep),
                             last.order)
        # "for FY ending March", "over the 6 months to June"
        elif (named := _named_year_ending(text, hit) or _window_to(text, hit)) is not None:
            _push(joined, named)
        elif last is not None and _weekday_of_week(text, last, hit):  # "Friday next week"
            joined[-1] = Hit(last.start, hit.end,
                             last.expr.with_(unit="week", offset=hit.expr.offset), last.order)
        elif last is not None and (_time_of_day_on(text, last, hit) or _dated_end(
                text, last, hit)):  # "COB on the last day of Q1", "by FYE on Jan 31, 2027"
            joined[-1] = Hit(last.start, hit.end, hit.expr.with_(prep=last.expr.prep,
                                                                 before=last.expr.before),
                             last.order)
        elif last is not None and _same_day(text, last, hit):
            day = _more_specific(last.expr, hit.expr)
            joined[-1] = Hit(last.start, hit.end, day.with_(prep=last.expr.prep,
                                                            before=last.expr.before), last.order)
        else:
            joined.append(hit)
    return _stated_ends(text, joined)


def _stated_ends(text: str, hits: list[Hit]) -> list[Hit]:
    """"Sprint 24 (ends Dec 11)", "this sprint (sprint ends Friday 12/11)": a bound with no
    calendar of its own ends on the day its brackets state; so does a period's end with a
    day in brackets ("by the end of the school year (June 18, 2027)", "by quarter end (March
    28)")."""
    joined: list[Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        closing = CLOSING.match(text, hit.end)
        if last is not None and hit.expr.kind == "date" and hit.expr.prep is None and (
                closing is not None) and _states_end(text, last, hit):
            joined[-1] = Hit(last.start, closing.end(), hit.expr.with_(
                prep=last.expr.prep, before=False), last.order)
        else:
            joined.append(hit)
    return joined


def _states_end(text: str, bound: Hit, day: Hit) -> bool:
    """The brackets between `bound` and `day` state the day the bound ends."""
    if bound.expr.kind == "unresolvable" and bound.expr.unit and context().stated_end.fullmatch(
            text, bound.end, day.start) is not None:
        return True
    # (a fiscal year's stated end is read by fiscal.py, and its brackets stay out of the span)
    fiscal = bound.expr.fiscal or "fiscal_year" in (bound.expr.kind, bound.expr.unit) or (
        FISCAL_WORD.match(text, day.start) is not None)
    return bound.expr.edge == "end" and bound.expr.kind not in POINT_KINDS and not fiscal and (
        OPEN_BRACKET.fullmatch(text, bound.end, day.start) is not None)


def _push(joined: list[Hit], hit: Hit) -> None:
    """Add `hit` in place of the expressions it takes in ("in the twelve months" of "in the
    twelve months to November")."""
    while joined and joined[-1].start >= hit.start:
        joined.pop()
    joined.append(hit)


def _range_prep(first: Hit, starts: tuple[str, ...]) -> str | None:
    """A range bounds through its end: "between January and June" reads "through June"."""
    return "through" if first.expr.prep in starts else first.expr.prep


def _is_range(text: str, first: Hit, second: Hit, starts: tuple[str, ...], lex: Lexicon) -> bool:
    if first.expr.kind not in BOUND_KINDS or second.expr.kind not in BOUND_KINDS:
        return False
    between = text[first.end:second.start]
    if between.strip() == ",":  # "in Q1, Q2 and Q3", "across Jan, Feb, Mar": a list of periods
        return first.expr.kind == second.expr.kind and first.expr.kind in LIST_KINDS and \
            first.expr.prep in lex.cue("prepositions", "period_span")
    if context().range_join.fullmatch(between) is None:
        return False
    join = between.strip() or second.expr.prep
    # "Jan/Feb" is one period, "Dec 18 / Jan 8" two days to choose from
    dashed = join in ("-", "–", "—") or (join == "/" and second.expr.kind not in POINT_KINDS)
    opened = first.expr.prep in starts
    # "during December and January", "across Q1+Q2", "H1 & H2 2027": one period ending with Y
    listed = first.expr.kind == second.expr.kind and (join in lex.cue(
        "prepositions", "period_add") or (join == "and" and first.expr.prep in lex.cue(
            "prepositions", "period_span")))
    # "Jan through March", "Q1 through Q3": two periods of one kind joined by a bound word
    spelled = first.expr.prep is None and first.expr.kind == second.expr.kind and \
        first.expr.kind not in POINT_KINDS and join in lex.cue("prepositions", "bare_range_join")
    return dashed or listed or spelled or (opened and join in lex.cue("prepositions",
                                                                      "range_join"))


def _counted(text: str, first: Hit, second: Hit) -> Hit | None:
    """A duration counted from another bound: "2 weeks before Christmas" (a lead time when
    every item has its own occasion: "60 days before their renewals"), "within 30 days of
    Jan 5", "within 2 weeks of the show (Dec 4)"."""
    if _counted_from(text, first, second):
        shifted = _shifted(first.expr, second.expr, 1 if second.expr.prep == "after" else -1)
        expr = shifted.with_(role="label") if _each_items_own(text, second) else shifted
        return Hit(first.start, second.end, expr, first.order)
    end = _counted_within(text, first, second)
    if end is None:
        return None
    expr = _shifted(first.expr, second.expr, 1).with_(prep=first.expr.prep)
    return Hit(first.start, end, expr, first.order)


def _counted_from(text: str, first: Hit, second: Hit) -> bool:
    """"2 weeks before Christmas", "60 days before its renewal date": a duration in days
    or weeks counted back from (or on from) another bound."""
    return first.expr.kind == "duration" and first.expr.unit in SHIFT_DAYS and \
        first.expr.prep is None and second.expr.prep in (
            *lexicon().cue("prepositions", "exclusive"), "after") and \
        (second.expr.kind in BOUND_KINDS or second.expr.kind == "unresolvable") and \
        not text[first.end:second.start].strip()


def _counted_within(text: str, first: Hit, second: Hit) -> int | None:
    """"within 30 days of Jan 5", "within 2 weeks of the Dec 7 price change", "within 10
    days of the roadshow (Jan 11)": a window counted on from a day the text gives ends that
    many days after it; the end of the words that say so, or None."""
    if first.expr.kind != "duration" or first.expr.unit not in SHIFT_DAYS or \
            first.expr.prep not in lexicon().cue("prepositions", "window") or \
            second.expr.kind != "date" or second.expr.prep is not None:
        return None
    joint = context().window_of.fullmatch(text, first.end, second.start)
    if joint is None:
        return None
    if joint["paren"] is None:
        return second.end
    closing = CLOSING.match(text, second.end)  # a day in brackets is closed right after it
    return None if closing is None else closing.end()


def _shifted(duration: TimeExpr, anchor: TimeExpr, sign: int) -> TimeExpr:
    """The anchor moved by the duration, on (`sign` 1) or back (-1)."""
    assert duration.amount is not None and duration.unit is not None
    days = round(duration.amount * SHIFT_DAYS[duration.unit])
    return anchor.with_(prep=None, before=False, shift_days=sign * days)


def _each_items_own(text: str, anchor: Hit) -> bool:
    """"before their renewals", "ahead of each QBR": an occasion every item has its own of;
    so is an undated period or occasion with no word naming which one ("45 days before term
    end", "60 days prior to anniversary")."""
    words = text[anchor.start:anchor.end].split()
    skip = len((anchor.expr.prep or "").split())
    if len(words) <= skip:
        return False
    lex = lexicon()
    if words[skip] in lex.cue("label", "per_item_words"):
        return True
    if anchor.expr.kind != "unresolvable" or words[skip] in lex.relative:
        return False
    # "ahead of Acme's renewal", "prior to our launch": a word naming which one
    named = words[skip] in lex.cue("label", "one_occasion_words") or words[skip].endswith(
        ("'s", "’s"))
    return anchor.expr.unit is not None or not named


def _dated_end(text: str, first: Hit, second: Hit) -> bool:
    """"by fiscal year-end on Jan 31, 2027", "by our FYE, which is June 30", "by end of their
    fiscal year in June": the day or month the text gives a period's end is the bound."""
    fiscal_month = second.expr.kind == "month" and second.expr.prep == "in" and "fiscal_year" in (
        first.expr.kind, first.expr.unit)  # "by end of their fiscal year in June"
    return first.expr.edge == "end" and first.expr.kind not in POINT_KINDS and (
        (second.expr.kind == "date" and second.expr.prep in (None, "on")) or fiscal_month) and \
        DAY_OF_END.fullmatch(text, first.end, second.start) is not None


def _dated_occasion(text: str, hit: Hit, joined: list[Hit]) -> Hit | None:
    """"before the audit on 1 February", "by the Partner Summit (March 9, 2027)", "by the
    test date, 20 Feb 2027": an occasion with its day, on which the bound ends ("before"
    ends the day before; the occasion alone, "before the audit", is undated; a dated bound
    in the words before stays its own). "by the wedding in June", "during the summer season
    (June–August 2027)": an occasion in a month ends with the month."""
    in_month = hit.expr.kind == "month" and hit.expr.prep == "in"
    if hit.expr.kind not in POINT_KINDS and hit.expr.kind != "month":
        return None
    found = context().occasion_before.search(text, window_start(hit.start), hit.start)
    if found is None or any(h.start >= found.start() and h.expr.kind != "unresolvable" and
                            not _inside_name(text, h, hit) for h in joined[-2:]):
        return None
    end = hit.end
    if found["paren"] is not None:  # "(March 9, 2027)": the date alone, closed right after it
        closing = CLOSING.match(text, hit.end)
        if hit.expr.prep is not None or closing is None:
            return None
        end = closing.end()
    elif found["comma"] is not None:  # "by the test date, 20 Feb 2027": a day in apposition
        if hit.expr.prep is not None or hit.expr.kind != "date":
            return None
    elif not in_month and (hit.expr.prep != "on" or hit.expr.kind == "month"):
        return None
    word = " ".join((found["prep"] or found["named_prep"]).split())
    before = word in lexicon().cue("prepositions", "exclusive") and hit.expr.kind != "month"
    return Hit(found.start(), end, hit.expr.with_(prep=word, before=before), hit.order)


def _inside_name(text: str, inner: Hit, day: Hit) -> bool:
    """"ahead of the spring appeal (March 15)", "before the Q1 kickoff on Jan 14": a time
    word before a noun is part of the occasion's name, not a bound of its own."""
    return OCCASION_NOUN.search(text, inner.end, day.start) is not None


def _ends_period(text: str, first: Hit, second: Hit) -> bool:
    """"for the month ending 2026-12-31", "the year ending June 30, 2027": a period whose end
    the text states ends there."""
    return first.expr.kind == "relative_period" and first.expr.edge is None and \
        second.expr.kind in BOUND_KINDS and second.expr.prep is None and \
        PERIOD_ENDING.fullmatch(text, first.end, second.start) is not None


def _named_year_ending(text: str, hit: Hit) -> Hit | None:
    """"for FY ending March 2027", "the financial year ending 31 March": a fiscal year named
    by its end, which is the bound."""
    if hit.expr.kind not in BOUND_KINDS or hit.expr.prep is not None:
        return None
    found = YEAR_ENDING.search(text, window_start(hit.start), hit.start)
    if found is None:
        return None
    return Hit(found.start(), hit.end, hit.expr.with_(prep=found["prep"]), hit.order)


def _window_to(text: str, hit: Hit) -> Hit | None:
    """"in the twelve months to November 2027", "over the 6 months through June": a window
    of a length ending with the named period or day, which is the bound."""
    if hit.expr.kind not in WINDOW_ENDS or hit.expr.edge == "start":
        return None
    found = WINDOW_WORDS.search(text, window_start(hit.start), hit.start)
    if found is None or (found["join"] is None) == (hit.expr.prep is None) or (
            hit.expr.prep not in (None, *WINDOW_THROUGH)):
        return None
    return Hit(found.start(), hit.end, hit.expr.with_(prep=found["prep"] or hit.expr.prep),
               hit.order)


def _weekday_of_week(text: str, first: Hit, second: Hit) -> bool:
    return first.expr.kind == "weekday" and second.expr.kind == "relative_period" and \
        second.expr.unit == "week" and second.expr.prep is None and \
        context().point_join.fullmatch(text, first.end, second.start) is not None


def _time_of_day_on(text: str, first: Hit, second: Hit) -> bool:
    """"by close of business on the last day of Q1": a time of day on a bound names that
    bound's day."""
    return first.expr.kind == "near_day" and not first.expr.offset and \
        second.expr.prep == "on" and second.expr.kind in BOUND_KINDS and \
        second.expr.kind not in POINT_DETAIL and \
        context().point_join.fullmatch(text, first.end, second.start) is not None


def _same_day(text: str, first: Hit, second: Hit) -> bool:
    """Two names of one day side by side: a weekday and a date, or a day and "EOD"/"COB"
    ("Friday, Dec 4", "COB tomorrow", "Friday EOD")."""
    exprs = (first.expr, second.expr)
    if any(e.kind not in POINT_DETAIL for e in exprs) or second.expr.prep not in (None, "on",
                                                                                  "at"):
        return False
    near = [e for e in exprs if e.kind == "near_day"]
    if len(near) == 2 and sorted(bool(e.offset) for e in near) != [False, True]:
        return False  # "today and tomorrow" are two days
    if len(near) == 1 and near[0].offset:
        return False  # "tomorrow" is its own day; only "EOD"/"COB" sit beside another
    if first.expr.kind == second.expr.kind != "near_day":
        return False
    return context().point_join.fullmatch(text, first.end, second.start) is not None


def _more_specific(first: TimeExpr, second: TimeExpr) -> TimeExpr:
    return max((first, second), key=lambda e: (POINT_DETAIL.index(e.kind), bool(e.offset)))
