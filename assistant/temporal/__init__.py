"""Time expressions in goals: detection, roles (deadline, baseline, cadence, label,
vague) and resolution of the deadline to a calendar date.

    times = find_times(doc)                 # every time expression, Part[TimeExpr]
    deadline = choose_deadline(doc, times)  # the bound of the goal, or None
    value = resolve_deadline(deadline.value, options)  # DeadlineValue for the options

The grammar's words live in `data/lexicon.toml` and `data/cues.toml`, its patterns in
`patterns.py` with examples in `data/examples.toml`; `TimeExpr` (expr.py) is free of the
reference date, which only `resolve_deadline` reads.
"""

from .choose import choose_deadline, rivals
from .expr import TimeExpr
from .find import find_times
from .resolve import resolve_deadline

__all__ = ["TimeExpr", "choose_deadline", "find_times", "resolve_deadline", "rivals"]
