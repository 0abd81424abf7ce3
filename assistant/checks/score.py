"""The SMART summary and the 0..100 score (formula documented in docs/rules.md)."""

from __future__ import annotations

from ..result import COMPONENTS, Finding, Smart
from .achievable import STEEP, monthly_rate
from .context import Context
from .registry import score_spec

MISSING_SUFFIX = ".missing"
# Findings on these components make a goal unspecific: vague words, two goals in one.
UNSPECIFIC = frozenset({"vague", "specific"})


def smart(ctx: Context, findings: list[Finding]) -> Smart:
    parts = ctx.draft.components
    deadline = parts.deadline
    measured = monthly_rate(ctx.draft, ctx.options.reference_date)
    if measured is None:
        achievable = "unknown"
    else:
        steep = measured[2] > ctx.params(STEEP)["max_monthly_change"]
        achievable = "warning" if steep else "ok"
    return Smart(
        specific=parts.metric.present and not any(f.component in UNSPECIFIC for f in findings),
        measurable=parts.metric.present and parts.target.present,
        achievable=achievable,
        relevant=parts.relevance.present,
        time_bound=deadline.present and not (deadline.value and deadline.value.in_past),
    )


def counted_present(ctx: Context) -> list[str]:
    """Components that earn their weight: present, or not required because their
    `<component>.missing` rule is switched off."""
    parts = ctx.draft.components
    return [name for name in COMPONENTS
            if getattr(parts, name).present or not ctx.config.enabled(name + MISSING_SUFFIX)]


def score(ctx: Context, findings: list[Finding]) -> int:
    """The documented formula; 0 for a text that is no goal at all."""
    if ctx.reading.not_goal:
        return 0
    spec = score_spec()
    earned = spec.base + sum(spec.weights[name] for name in counted_present(ctx))
    penalty = sum(spec.penalties[f.severity] for f in findings
                  if not f.id.endswith(MISSING_SUFFIX))
    return max(0, min(100, earned - min(spec.penalty_cap, penalty)))

