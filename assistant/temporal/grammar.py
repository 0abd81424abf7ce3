"""Turn a pattern match into the `TimeExpr` it describes (no context, no role yet)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .expr import TimeExpr
from .lexicon import lexicon
from .weeks import calendar_week

Builder = Callable[[re.Match[str]], TimeExpr | None]
# Whole weeks in a month: "week 5 of March" is its last days.
WEEKS_IN_MONTH = 4
# The nth of a weekday that counts from the end of its month ("the last Monday of January").
LAST = -1
# Periods on from this one in "the month after next".
AFTER_NEXT = 2


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _year(full: str | None, short: str | None = None) -> int | None:
    if full:
        return int(full) if len(full) == 4 else 2000 + int(full)
    return 2000 + int(short) if short else None


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _month(word: str) -> int:
    return lexicon().months[word.rstrip(".")]


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _year_suffix(match: re.Match[str]) -> dict[str, object]:
    """Year fields from the optional suffix of a quarter or half."""
    if _group(match, "fyy"):
        return {"year": _year(_group(match, "fyy")), "fiscal": True}
    if _group(match, "rel"):
        fiscal = _group(match, "relu") not in (None, "year", "yr")
        return {"offset": lexicon().relative[_words(_group(match, "rel"))], "fiscal": fiscal}
    if _group(match, "cur"):
        return {"offset": 0}
    short = _group(match, "yy") or _group(match, "yc") or _group(match, "yd")
    return {"year": _year(_group(match, "y"), short)}


def iso(m: re.Match[str]) -> TimeExpr | None:
    return _checked(TimeExpr("date", year=int(m["y"]), month=int(m["m"]), day=int(m["d"])))


def numeric_year(m: re.Match[str]) -> TimeExpr | None:
    first, second, year = int(m["a"]), int(m["b"]), _year(m["y"])
    if m["sep"] == ".":  # dotted dates are day-first, unless only month-first is a day
        return _checked(TimeExpr("date", year=year, month=second, day=first)) or \
            _checked(TimeExpr("date", year=year, month=first, day=second))
    return _numeric(first, second, year)


def numeric(m: re.Match[str]) -> TimeExpr | None:
    return _numeric(int(m["a"]), int(m["b"]), None)


def dotted(m: re.Match[str]) -> TimeExpr | None:
    return _checked(TimeExpr("date", month=int(m["b"]), day=int(m["a"])))


def _numeric(first: int, second: int, year: int | None) -> TimeExpr | None:
    if not (_valid(first, second) or _valid(second, first)):
        return None
    return TimeExpr("date", year=year, numeric=(first, second))


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 + (month + month // 8) % 2)


def _checked(expr: TimeExpr) -> TimeExpr | None:
    return expr if expr.month and expr.day and _valid(expr.month, expr.day) else None


def week_of(m: re.Match[str]) -> TimeExpr | None:
    """"the week of Dec 14", "w/c 7/12": the week starting on that day (`unit` "week")."""
    if m["a"]:
        day = _numeric(int(m["a"]), int(m["b"]), _year(m["ny"]))
    else:
        day = _checked(TimeExpr("date", year=_year(m["y"]), month=_month(m["mon"] or m["mon2"]),
                                day=_day(m["d"] or m["d2"])))
    return day.with_(unit="week") if day else None


def season(m: re.Match[str]) -> TimeExpr | None:
    """"summer" bounds like its last month; "the summer season" names a trade's season,
    whose dates differ by trade and place."""
    if m["trade"]:
        return _undated("season")
    return TimeExpr("month", month=lexicon().seasons[m["season"]],
                    year=_year(_group(m, "y"), _group(m, "yy")))


def numeric_month_year(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("month", year=int(m["y"]), month=int(m["m"]))


def _next_year(m: re.Match[str]) -> int | None:
    return 1 if _group(m, "ny") else None


def month_day(m: re.Match[str]) -> TimeExpr | None:
    short = _group(m, "yy") or _group(m, "yy2")
    expr = TimeExpr("date", year=_year(_group(m, "y"), short), month=_month(m["mon"]),
                    day=_day(m["d"]), offset=_next_year(m))
    return _checked(expr)


def month_year(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("month", year=_year(_group(m, "y"), _group(m, "yy")), month=_month(m["mon"]))


def month(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("month", month=_month(m["mon"]), offset=_next_year(m))


def nth_day(m: re.Match[str]) -> TimeExpr:
    """"the 15th" (next such day), "the 10th of next month"."""
    if _group(m, "rel"):
        offset = lexicon().relative[_words(m["rel"])]
        return TimeExpr("date", day=_day(m["d"]), unit="month", offset=offset)
    return TimeExpr("date", day=_day(m["d"]))


def quarter(m: re.Match[str]) -> TimeExpr | None:
    number = _group(m, "q") or _group(m, "qn") or ("4" if _group(m, "ql") else None)
    value = int(number) if number else lexicon().ordinals[m["qo"]]
    return TimeExpr("quarter", quarter=value, **_year_suffix(m))  # type: ignore[arg-type]


def half(m: re.Match[str]) -> TimeExpr | None:
    number = _group(m, "h") or _group(m, "hn")
    value = int(number) if number else lexicon().ordinals[m["ho"]]
    if value > 2:
        return None
    return TimeExpr("half", half=value, **_year_suffix(m))  # type: ignore[arg-type]


def fiscal_year(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("fiscal_year", year=_year(_group(m, "fyy") or m["fyy4"]), fiscal=True)


def year(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("year", year=_year(_group(m, "y"), _group(m, "yy")))


def mid(m: re.Match[str]) -> TimeExpr:
    if _group(m, "mon"):
        return TimeExpr("date", month=_month(m["mon"]), day=15, year=_year(_group(m, "my")))
    if _group(m, "mm"):
        return TimeExpr("date", day=15)
    # the middle of a calendar year ends with June, whatever the fiscal calendar
    return TimeExpr("month", month=6, year=_year(_group(m, "y")))


PERIOD_END_UNITS = {"year": "year", "yr": "year", "quarter": "quarter", "qtr": "quarter",
                    "month": "month", "half": "half", "week": "week", "wk": "week"}


def period_end(m: re.Match[str]) -> TimeExpr:
    fiscal = bool(m["fisc"]) or (m["ye"] or "").startswith("f")
    unit = PERIOD_END_UNITS[m["unit"]] if m["unit"] else "year"
    given = _year(_group(m, "y"), _group(m, "yy"))
    return _period(unit, fiscal, given)


EO_UNITS = {"w": "week", "m": "month", "q": "quarter", "h": "half", "y": "year", "fy": "year"}


def eo(m: re.Match[str]) -> TimeExpr:
    if _group(m, "mon"):  # "EOM Dec"
        return TimeExpr("month", month=_month(m["mon"]), edge="end")
    year = _year(_group(m, "y"), _group(m, "yy"))
    if _group(m, "eoq"):  # "EOQ1 2027"
        return TimeExpr("quarter", quarter=int(m["eoq"]), year=year, edge="end")
    if _group(m, "eoh"):
        return TimeExpr("half", half=int(m["eoh"]), year=year, edge="end")
    return _period(EO_UNITS[m["eo"]], m["eo"] == "fy", _year(_group(m, "y"), _group(m, "yy")))


def _period(unit: str, fiscal: bool, given: int | None) -> TimeExpr:
    """The end of a period named in one word: "EOQ", "year-end 2027", "fiscal year-end"."""
    if unit == "week":
        return TimeExpr("relative_period", unit="work_week", offset=0, edge="end")
    if given is not None and unit == "year":
        return TimeExpr("fiscal_year" if fiscal else "year", year=given, fiscal=fiscal,
                        edge="end")
    if fiscal and unit == "year":
        return TimeExpr("relative_period", unit="fiscal_year", offset=0, fiscal=True,
                        edge="end")
    return TimeExpr("relative_period", unit=unit, offset=0, edge="end")




# "over the next year" counts a year from today; "next year" names the calendar year.
# Periods with no calendar edges, counted from today ("this fortnight").
COUNTED_UNITS = frozenset({"fortnight"})
AHEAD = frozenset({"next", "coming", "following"})
COUNTED_YEAR = re.compile(r"the\s+(?:next|coming)")


def _undated(unit: str, amount: float | None = None) -> TimeExpr | None:
    """A bound in units with no calendar of their own ("this sprint", "2 terms"): present,
    with the reason its date stays null (lexicon.toml [undated]); None for other units."""
    reason = lexicon().undated.get(unit)
    return None if reason is None else TimeExpr("unresolvable", amount=amount, unit=unit,
                                                reason=reason)


def relative(m: re.Match[str]) -> TimeExpr:
    unit = lexicon().units[_words(m["unit"])]
    if (undated := _undated(unit)) is not None:
        return undated
    if unit == "year" and COUNTED_YEAR.fullmatch(_words(m["rel"])):
        return TimeExpr("duration", amount=1, unit="year")
    if unit in COUNTED_UNITS:  # "the next fortnight": fourteen days from today
        offset = lexicon().relative[_words(m["rel"])]
        return TimeExpr("comparison") if offset < 0 else \
            TimeExpr("duration", amount=1, unit=unit)
    offset = lexicon().relative[_words(m["rel"])] + (1 if m["andnext"] else 0)
    return TimeExpr("relative_period", unit=unit, offset=offset + _after_next(m),
                    fiscal=unit == "fiscal_year")


def _after_next(m: re.Match[str]) -> int:
    """"the month after next": two periods on from this one."""
    return AFTER_NEXT if _group(m, "after") else 0


def unit(m: re.Match[str]) -> TimeExpr:
    value = lexicon().units[_words(m["unit"])]
    if (undated := _undated(value)) is not None:
        return undated
    if value in COUNTED_UNITS:
        return TimeExpr("duration", amount=1, unit=value)
    return TimeExpr("relative_period", unit=value, offset=_after_next(m),
                    fiscal=value == "fiscal_year")


def duration(m: re.Match[str]) -> TimeExpr:
    amount = float(m["num"]) if m["num"][0].isdigit() else lexicon().numbers[_words(m["num"])]
    value = lexicon().units[_words(m["unit"])]
    tail, lead = _words(_group(m, "tail")), _group(m, "next")
    if not amount:
        return TimeExpr("vague", unit=value)
    if tail in lexicon().cue("baseline", "after") or lead in ("last", "past"):
        return TimeExpr("comparison", amount=amount, unit=value)
    if lead == "first":
        return TimeExpr("unresolvable", amount=amount, unit=value,
                        reason="counted from a start the goal does not give")
    if (undated := _undated(value, amount)) is not None:
        return undated
    if value == "quarter" and lead in AHEAD and float(amount).is_integer():
        # "the next two quarters" are whole quarters: Q1 and Q2 from Q4
        return TimeExpr("relative_period", unit="quarter", offset=int(amount))
    return TimeExpr("duration", amount=amount, unit=value)


def duration_label(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("duration", amount=float(m["num"]), unit=m["unit"], role="label")


def numbered_year(m: re.Match[str]) -> TimeExpr:
    """"the Year 11 mock exams": a school year group names pupils; it dates nothing."""
    return TimeExpr("duration", amount=float(m["n"]), unit="year", role="label")


def numbered_period(m: re.Match[str]) -> TimeExpr:
    """"sprint 14": a numbered agile period; "term 2": a numbered school term."""
    value = lexicon().units[_words(m["unit"] or m["term"])]
    return TimeExpr("unresolvable", unit=value, reason=lexicon().undated[value])


def counted_period(m: re.Match[str]) -> TimeExpr | None:
    """"day 90": a day counted from a start the goal does not date; "wk 50", "KW 2 of
    2027": a calendar week (weeks.py); "week 3 of January" ends on the month's 21st (as
    "the third week of January" does), "day 10 of March" is that day; "wk 6 of Q1", "week 4
    of ramp" name no day."""
    unit = "week" if m["cw"] else lexicon().units[_words(m["unit"])]
    if unit == "week" and (m["wy"] or not m["of"]):
        return calendar_week(int(m["n"]), _year(_group(m, "wy")))
    if not _group(m, "mon"):
        return TimeExpr("unresolvable", unit=unit, reason=lexicon().undated["counted"])
    number, month, year = int(m["n"]), _month(m["mon"]), _year(_group(m, "y"))
    if unit == "day":
        return _checked(TimeExpr("date", month=month, day=number, year=year))
    if unit != "week" or number > WEEKS_IN_MONTH + 1:
        return None
    if number > WEEKS_IN_MONTH:  # "week 5 of March": the month's last days
        return TimeExpr("month", month=month, year=year)
    return TimeExpr("date", month=month, day=number * 7, year=year)


def weekday(m: re.Match[str]) -> TimeExpr:
    number = lexicon().weekdays[m["wd"]]
    if m["plural"]:
        return TimeExpr("cadence", weekday=number, unit="week")
    offset = 0 if (m["wrel"] or "").startswith("this") else None
    return TimeExpr("weekday", weekday=number, offset=offset)


def near_day(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("near_day", offset=lexicon().near_days[_words(m["near"])])


def holiday(m: re.Match[str]) -> TimeExpr:
    rule = lexicon().holidays[_words(m["hol"])]
    return TimeExpr("holiday", month=rule.month, day=rule.day, weekday=rule.weekday,
                    nth=rule.nth, offset=rule.shift, unit=rule.movable,
                    year=_year(_group(m, "y")))


def nth_weekday(m: re.Match[str]) -> TimeExpr | None:
    """"the first Friday of March": a day fixed by a rule on its month, as a holiday's is
    (the next such day, or that year's)."""
    lex = lexicon()
    nth = LAST if m["nth"] == "last" else lex.ordinals[m["nth"]]
    if nth > WEEKS_IN_MONTH:
        return None
    return TimeExpr("holiday", month=_month(m["mon"]), weekday=lex.weekdays[m["wd"]], nth=nth,
                    year=_year(_group(m, "y")))


def event(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("unresolvable", reason=f"tied to an event ({_words(m['ev'])}) with no date")


def cadence(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("cadence", unit=_group(m, "unit"))


def comparison(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("comparison")


def vague(m: re.Match[str]) -> TimeExpr:
    return TimeExpr("vague")


BUILDERS: dict[str, Builder] = {
    "iso": iso, "numeric_year": numeric_year, "numeric": numeric, "dotted": dotted,
    "dotted_short": dotted,
    "numeric_month_year": numeric_month_year, "iso_month": numeric_month_year,
    "season": season, "month_day": month_day, "day_month": month_day,
    "month_year": month_year, "month": month, "week_of": week_of, "nth_day": nth_day,
    "nth_weekday": nth_weekday,
    "quarter": quarter,
    "year_quarter": quarter, "half": half, "year_half": half, "half_edge": half,
    "quarter_edge": quarter, "fiscal_year": fiscal_year,
    "year": year,
    "calendar_year_short": year, "mid": mid,
    "period_end": period_end, "eo": eo, "relative": relative, "unit": unit, "fiscal_unit": unit,
    "duration": duration, "duration_label": duration_label,
    "numbered_period": numbered_period, "numbered_year": numbered_year,
    "counted_period": counted_period, "weekday": weekday,
    "near_day": near_day, "holiday": holiday, "event": event, "event_next": event,
    "event_clause": event, "cadence_word": cadence,
    "cadence": cadence, "cadence_slash": cadence, "comparison": comparison, "vague": vague,
}
