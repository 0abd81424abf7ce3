"""Plain-text rendering of a GoalAnalysis for the terminal."""

from __future__ import annotations

from .result import COMPONENTS, GoalAnalysis


def marked_text(analysis: GoalAnalysis) -> str:
    """The goal with each component wrapped as [component: text]."""
    spans = []
    for name in COMPONENTS:
        part = getattr(analysis.components, name)
        if part.present and part.start is not None and part.end is not None:
            spans.append((part.start, part.end, name))
    out, cursor = [], 0
    for start, end, name in sorted(spans):
        if start < cursor:
            continue
        out.append(analysis.text[cursor:start])
        out.append(f"[{name}: {analysis.text[start:end]}]")
        cursor = end
    out.append(analysis.text[cursor:])
    return "".join(out)


def _component_line(analysis: GoalAnalysis, name: str) -> str:
    part = getattr(analysis.components, name)
    if not part.present:
        return f"  {name:<10} missing"
    detail = ""
    value = part.value
    if name == "deadline" and value is not None:
        detail = f" -> {value.date or 'unresolved'}"
    elif name == "target" and value is not None:
        detail = f" -> {value.amount:g} {value.unit}"
    return f"  {name:<10} {part.text!r} ({part.start}-{part.end}){detail}"


def render_text(analysis: GoalAnalysis) -> str:
    lines = [marked_text(analysis), ""]
    lines += [_component_line(analysis, name) for name in COMPONENTS]
    vague = ", ".join(f"{v.text!r} ({v.category})" for v in analysis.vague) or "none"
    lines.append(f"  {'vague':<10} {vague}")
    if analysis.score is not None:
        lines.append(f"  {'score':<10} {analysis.score}/100")
    for finding in analysis.findings:
        lines.append(f"  [{finding.severity}] {finding.id}: {finding.message}")
    for rewrite in analysis.rewrites:
        lines.append(f"  rewrite ({rewrite.template}): {rewrite.text}")
    return "\n".join(lines)
