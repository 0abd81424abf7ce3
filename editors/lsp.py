"""The Language Server Protocol's view of a checked document: settings from the client,
diagnostics, code actions and hover text, as pure functions over `editors.document` (the
pygls server in `editors.server` only wires them to the protocol).

Positions are line and character, counted in the unit the client and server agreed on
(UTF-16 code units unless the client offers another); `count_units` measures a string in it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types

from assistant import Options, make_options, rule_config
from assistant.result import COMPONENTS, GoalAnalysis

from .document import GoalLine, Issue, edit_span

SOURCE = "goalsmith"
SETTINGS_SECTION = "goalsmith"
DEFAULT_FILE_TYPES = ("*.goals", "*.md", "*.txt")
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SMART_LABELS = (
    ("specific", "Specific"), ("measurable", "Measurable"), ("achievable", "Achievable"),
    ("relevant", "Relevant"), ("time_bound", "Time-bound"),
)
CHECK_MARKS = {True: "✅", False: "❌", "ok": "✅", "warning": "⚠️", "unknown": "❔"}

CountUnits = Callable[[str], int]


@dataclass(frozen=True)
class EditorSettings:
    """What the client configures: analysis options and the files Goalsmith checks."""

    options: Options = field(default_factory=make_options)
    file_types: tuple[str, ...] = DEFAULT_FILE_TYPES


def read_settings(raw: object, defaults: EditorSettings) -> EditorSettings:
    """Settings from `initializationOptions` or `workspace/didChangeConfiguration`: an object
    with referenceDate, dateOrder, fiscalYearStart, rules ({id: off|error|warning|info}) and
    fileTypes, either at the top or under "goalsmith". Absent keys keep `defaults`; a bad
    value raises an InputError naming it."""
    values = _section(raw)
    base = defaults.options
    options = make_options(
        reference_date=values.get("referenceDate", base.reference_date),
        date_order=values.get("dateOrder", base.date_order),
        fiscal_year_start=values.get("fiscalYearStart", base.fiscal_year_start),
        rules=values.get("rules", dict(base.rules)),
        use_model=base.use_model,
    )
    rule_config(options)  # an unknown rule id fails now, not on every line
    file_types = values.get("fileTypes", defaults.file_types)
    return EditorSettings(options=options, file_types=tuple(str(t) for t in file_types))


def _section(raw: object) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        return {}
    nested = raw.get(SETTINGS_SECTION)
    return nested if isinstance(nested, Mapping) else raw


def is_checked(uri: str, file_types: Sequence[str]) -> bool:
    """Whether the document's file name matches one of the configured patterns."""
    name = PurePosixPath(unquote(urlparse(uri).path)).name
    return any(fnmatch.fnmatch(name, pattern) for pattern in file_types)


def issue_range(document: str, issue: Issue, count_units: CountUnits) -> types.Range:
    """Where an issue lies, as LSP positions (an issue never spans two lines)."""
    return span_range(document, issue.goal, issue.start, issue.end, count_units)


def span_range(
    document: str, goal: GoalLine, start: int, end: int, count_units: CountUnits
) -> types.Range:
    """The document span [start, end) on the goal's line, as LSP positions."""
    line_start = goal.start - goal.column
    return types.Range(
        start=types.Position(goal.number, count_units(document[line_start:start])),
        end=types.Position(goal.number, count_units(document[line_start:end])),
    )


def edit_range(document: str, issue: Issue, value: str, count_units: CountUnits) -> types.Range:
    """Where a replacement goes (a deletion takes its blanks with it: `edit_span`)."""
    start, end = edit_span(document, issue, value)
    return span_range(document, issue.goal, start, end, count_units)


def diagnostic(document: str, issue: Issue, count_units: CountUnits) -> types.Diagnostic:
    return types.Diagnostic(
        range=issue_range(document, issue, count_units),
        message=issue.message,
        severity=SEVERITY[issue.severity],
        code=issue.rule_id,
        source=SOURCE,
    )


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (touching counts: a cursor at a word's edge)."""
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line, b.start.character) <= (a.end.line, a.end.character)


def code_actions(
    uri: str, document: str, issues: Iterable[Issue], wanted: types.Range,
    count_units: CountUnits,
) -> list[types.CodeAction]:
    """A quick fix for each replacement of each issue in `wanted`: a suggested word, or the
    whole goal rewritten. The same edit offered by several issues is offered once."""
    actions: list[types.CodeAction] = []
    seen: set[tuple[int, int, str]] = set()
    for issue in issues:
        where = issue_range(document, issue, count_units)
        if not overlaps(where, wanted):
            continue
        for value in issue.replacements:
            if (issue.start, issue.end, value) in seen:
                continue
            seen.add((issue.start, issue.end, value))
            actions.append(types.CodeAction(
                title=action_title(document[issue.start:issue.end], value, issue),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(document, issue, count_units)],
                edit=types.WorkspaceEdit(changes={uri: [
                    types.TextEdit(edit_range(document, issue, value, count_units), value)
                ]}),
            ))
    return actions


def action_title(old: str, new: str, issue: Issue) -> str:
    if (issue.start, issue.end) == (issue.goal.start, issue.goal.end):
        return f"Rewrite the goal: {new}"
    return f"Delete '{old}'" if not new else f"Replace '{old}' with '{new}'"


def goal_at(goals: Sequence[tuple[GoalLine, GoalAnalysis]], line: int) -> (
    tuple[GoalLine, GoalAnalysis] | None
):
    return next((pair for pair in goals if pair[0].number == line), None)


def hover_text(analysis: GoalAnalysis) -> str:
    """The SMART checklist, score, parts found and first rewrite of one goal, as Markdown."""
    lines = [f"**Goalsmith: {analysis.score if analysis.score is not None else '–'}/100**", ""]
    for key, label in SMART_LABELS:
        value = getattr(analysis.smart, key)
        note = f" ({value})" if isinstance(value, str) and value != "ok" else ""
        lines.append(f"- {CHECK_MARKS[value]} {label}{note}")
    lines.append("")
    for name in COMPONENTS:
        part = getattr(analysis.components, name)
        found = f"`{part.text}`" if part.present else "missing"
        if name == "deadline" and part.value is not None and part.value.date:
            found += f" → {part.value.date}"
        lines.append(f"- {name}: {found}")
    if analysis.rewrites:
        lines += ["", f"Rewrite: {analysis.rewrites[0].text}"]
    return "\n".join(lines)
