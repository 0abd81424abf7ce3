"""What every check reads (the draft analysis, the Doc, the options, the rules in force)
and what it reports (a `Hit`, turned into a `Finding` by the registry's wording)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..options import Options
from ..parts import Part
from ..result import GoalAnalysis
from ..temporal import TimeExpr
from .config import RuleConfig


@dataclass(frozen=True)
class Reading:
    """What the checks and the rewrite both read from the Doc, worked out once per goal:
    the head word of each goal stated, a purpose clause that only restates the goal,
    a second bound as firm as the deadline that names another day (`rival`), which leaves
    the deadline unclear, for a text that is no goal at all, the shape it has instead
    ('question', 'header', ...), and the Doc's time expressions (`times`), fetched from
    its extension once for all who scan them."""

    goals: tuple[Token, ...]
    restating: Span | None
    rival: Part[TimeExpr] | None = None
    not_goal: str | None = None
    times: list[Part[TimeExpr]] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    draft: GoalAnalysis
    doc: Doc
    options: Options
    config: RuleConfig
    reading: Reading

    def params(self, rule_id: str) -> Mapping[str, float]:
        return self.config.params[rule_id]


@dataclass(frozen=True)
class Hit:
    """One place a rule fires: where (character offsets, or none for an absence), the
    values its message names, and ready-to-insert suggestions."""

    start: int | None = None
    end: int | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    hint: str | None = None


Check = Callable[[Context], list[Hit]]
