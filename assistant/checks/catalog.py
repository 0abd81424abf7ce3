"""Which function carries out each rule of the registry, and turning hits into findings."""

from __future__ import annotations

from functools import lru_cache

from ..result import Finding
from . import achievable, components
from .context import Check, Context, Hit
from .registry import Rule, rules
from .wording import multiple_goals, vague_check

VAGUE_PREFIX = "vague."
# Rules about the text as a whole, the only ones run on a text that is no goal.
TEXT_COMPONENT = "text"

_NAMED: dict[str, Check] = {
    "metric.missing": components.metric_missing,
    "target.missing": components.target_missing,
    "target.without_metric": components.target_without_metric,
    "deadline.missing": components.deadline_missing,
    "deadline.past": components.deadline_past,
    "deadline.unresolved": components.deadline_unresolved,
    "deadline.ambiguous": components.deadline_ambiguous,
    "deadline.vague": components.deadline_vague,
    "deadline.unclear": components.deadline_unclear,
    "relevance.missing": components.relevance_missing,
    "relevance.restates_goal": components.relevance_restates_goal,
    "specific.multiple_goals": multiple_goals,
    "achievable.steep": achievable.steep,
    "achievable.unknown": achievable.unknown,
    "text.not_a_goal": components.text_not_a_goal,
}


@lru_cache(maxsize=1)
def checks() -> dict[str, Check]:
    """Every rule id with its check; `vague.<category>` rules share one per category."""
    vague = {rule_id: vague_check(rule_id.removeprefix(VAGUE_PREFIX))
             for rule_id in rules() if rule_id.startswith(VAGUE_PREFIX)}
    return {**_NAMED, **vague}


def message(rule: Rule, hit: Hit) -> str:
    """The rule's message filled with the hit's values, then the fix hint."""
    said = rule.message.format_map(dict(hit.fields))
    return f"{said} {hit.hint or rule.fix}"


def run_checks(ctx: Context) -> list[Finding]:
    """The findings of every enabled rule, in registry order, at their effective severity.
    A text that is no goal at all gets only the findings about the text itself."""
    found: list[Finding] = []
    implementations, registry, severity = checks(), rules(), ctx.config.severity
    not_goal = ctx.reading.not_goal
    for rule_id in ctx.config.in_force:
        rule = registry[rule_id]
        if not_goal and rule.component != TEXT_COMPONENT:
            continue
        for hit in implementations[rule_id](ctx):
            found.append(Finding(
                id=rule_id, component=rule.component, severity=severity[rule_id],
                message=message(rule, hit), start=hit.start, end=hit.end,
                suggestions=list(hit.suggestions),
            ))
    return found
