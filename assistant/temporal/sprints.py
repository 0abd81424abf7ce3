"""The sprint length a goal states ("2-week sprints", "sprints are 10 working days"),
which turns a count of sprints ("in the next 3 sprints") into a duration. Without it a
sprint bounds the goal but names no day; a named sprint ("this sprint", "sprint 14")
names none even with it, since the goal does not say when sprints start."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import alternation
from .expr import TimeExpr
from .joins import SHIFT_DAYS
from .lexicon import lexicon

SPRINT = "sprint"


@lru_cache(maxsize=1)
def sprint_length_pattern() -> re.Pattern[str]:
    lex = lexicon()
    number = rf"(?:\d{{1,2}}|{alternation(lex.numbers)})"
    unit = alternation(w for w, u in lex.units.items() if u in SHIFT_DAYS)
    return re.compile(
        rf"(?<![a-z0-9])(?P<n>{number})[-\s]+(?P<u>{unit})[-\s]+sprints?(?![a-z])"
        rf"|(?<![a-z])sprints?\s+(?:are|is|of|=|last|run|take)\s+(?P<n2>{number})[-\s]+"
        rf"(?P<u2>{unit})(?![a-z])"
    )


def sprint_days(text: str) -> int | None:
    """Days in one sprint, as the normalised `text` states it, if it does."""
    if SPRINT not in text:  # both of the pattern's forms name a sprint; most goals do not
        return None
    found = sprint_length_pattern().search(text)
    if found is None:
        return None
    lex = lexicon()
    number, unit = found["n"] or found["n2"], found["u"] or found["u2"]
    amount = int(number) if number.isdigit() else lex.numbers[" ".join(number.split())]
    return amount * SHIFT_DAYS[lex.units[unit]] or None


def dated_sprints(expr: TimeExpr, days: int | None) -> TimeExpr:
    """A count of sprints as days once the sprint length is known."""
    if days is None or expr.unit != SPRINT or expr.amount is None:
        return expr
    return expr.with_(kind="duration", amount=expr.amount * days, unit="day", reason=None)
