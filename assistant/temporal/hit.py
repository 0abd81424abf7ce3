"""`Hit`: a time expression found in the normalised goal text, before its role."""

from __future__ import annotations

from dataclasses import dataclass

from .expr import TimeExpr

# Kinds that an edge ("the end of") can attach to, that name a day, and that bound.
EDGE_KINDS = frozenset({"month", "quarter", "half", "year", "fiscal_year", "relative_period",
                        "duration", "unresolvable"})
POINT_KINDS = frozenset({"date", "weekday", "near_day", "holiday"})
BOUND_KINDS = (EDGE_KINDS | POINT_KINDS) - {"unresolvable"}


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
