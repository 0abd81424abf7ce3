"""Time expressions in goals: detection, roles (deadline, baseline, cadence, label,
vague) and resolution of the deadline to a calendar date."""

from .choose import choose_deadline
from .expr import TimeExpr
from .find import find_times
from .resolve import resolve_deadline

__all__ = ["TimeExpr", "choose_deadline", "find_times", "resolve_deadline"]
