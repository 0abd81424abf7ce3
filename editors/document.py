"""A document as an editor holds it: the goal on each line, and the findings on each goal
placed on the document's characters.

Positions here are Python string indices (code points) into the whole document; each
protocol converts them to its own unit (both LanguageTool and LSP count UTF-16 code units).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant import GoalsmithError, Options, Outcome, check_batch
from assistant.result import COMPONENTS, Finding, GoalAnalysis, Severity

# Line breaks as LSP counts them.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What an editor puts before a goal on its line: indentation, list bullets and numbers,
# task boxes, quote marks. Each needs a blank after it ("-5% churn" keeps its minus).
LINE_PREFIX = re.compile(r"\s*(?:(?:[-*+•>]|\d{1,3}[.)]|\[[ xX]\])(?=\s|$)\s*)*")
# A Markdown heading names a section; it is not a goal.
HEADING = re.compile(r"\s*#{1,6}(?:\s|$)")


@dataclass(frozen=True)
class GoalLine:
    """The text of one line that may hold a goal (without list marker or outer blanks): the
    document index it starts at, its line's 0-based number and the column it starts at."""

    start: int
    text: str
    number: int = 0
    column: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Issue:
    """One finding placed on the document: `start`/`end` index the whole text; a finding
    without a span of its own (a missing part) covers its whole goal. `replacements` are
    ready-to-insert texts for that range."""

    rule_id: str
    component: str
    severity: Severity
    message: str
    start: int
    end: int
    replacements: tuple[str, ...]
    goal: GoalLine


def lines(document: str) -> Iterator[tuple[int, str]]:
    """Each line of `document` (without its line break) and the index it starts at."""
    start = 0
    for line_break in LINE_BREAK.finditer(document):
        yield start, document[start:line_break.start()]
        start = line_break.end()
    yield start, document[start:]


def goal_lines(document: str) -> list[GoalLine]:
    """Every non-blank line that is not a heading, stripped of its list marker and blanks."""
    found = []
    for number, (start, text) in enumerate(lines(document)):
        if HEADING.match(text):
            continue
        prefix = LINE_PREFIX.match(text)
        column = prefix.end() if prefix else 0
        goal = text[column:].rstrip()
        if goal:
            found.append(GoalLine(start=start + column, text=goal, number=number, column=column))
    return found


def is_goal(analysis: GoalAnalysis) -> bool:
    """A line reads as a goal when Goalsmith finds any part of one in it (a metric, target,
    deadline or relevance link) or a vague word; other lines (notes, prose) get no findings."""
    parts = analysis.components
    return bool(analysis.vague) or any(getattr(parts, name).present for name in COMPONENTS)


def goal_issues(line: GoalLine, analysis: GoalAnalysis) -> list[Issue]:
    """The findings on one line's goal, placed on the document; none when it is no goal."""
    if not is_goal(analysis):
        return []
    rewrites = tuple(rewrite.text for rewrite in analysis.rewrites)
    return [_placed(line, finding, rewrites) for finding in analysis.findings]


def _placed(line: GoalLine, finding: Finding, rewrites: tuple[str, ...]) -> Issue:
    if finding.start is not None and finding.end is not None:
        start, end = line.start + finding.start, line.start + finding.end
        replacements = tuple(finding.suggestions)
    else:  # about the goal as a whole: a missing part is fixed by rewriting the goal
        start, end = line.start, line.end
        replacements = rewrites if finding.id.endswith(".missing") else ()
    return Issue(
        rule_id=finding.id, component=finding.component, severity=finding.severity,
        message=finding.message, start=start, end=end, replacements=replacements, goal=line,
    )


def check_lines(goals: Sequence[GoalLine], options: Options) -> list[Outcome]:
    """Each line's analysis read with `options`, in order, through the core's batch path; a
    line that cannot be analysed (too long, control characters) gets its error in its place."""
    return list(check_batch((line.text, options) for line in goals))


def document_issues(goals: Sequence[GoalLine], options: Options) -> list[Issue]:
    """The issues on every goal line, in order. A line that cannot be analysed fails the
    whole check with its error, naming the line."""
    issues: list[Issue] = []
    for line, outcome in zip(goals, check_lines(goals, options), strict=True):
        if isinstance(outcome, GoalsmithError):
            raise type(outcome)(
                f"line {line.number + 1}: {outcome.message}", details={"line": line.number + 1}
            )
        issues.extend(goal_issues(line, outcome))
    return issues


def edit_span(document: str, issue: Issue, value: str) -> tuple[int, int]:
    """Where a replacement of an issue goes: the issue's span; a deletion also takes the blanks
    after it (or, at the goal's end, before it), so that it leaves no double space."""
    start, end = issue.start, issue.end
    if not value:
        after = document[end:issue.goal.end]
        before = document[issue.goal.start:start]
        if after.strip() or not before.strip():
            end += len(after) - len(after.lstrip())
        else:
            start -= len(before) - len(before.rstrip())
    return start, end


def shared_edit(document: str, issue: Issue) -> tuple[int, int, tuple[str, ...]]:
    """One range for all of an issue's replacements (a LanguageTool match has one): the
    deletion's range when one of them deletes, the others keeping the blanks it takes."""
    if "" not in issue.replacements:
        return issue.start, issue.end, issue.replacements
    start, end = edit_span(document, issue, "")
    kept = document[start:issue.start], document[issue.end:end]
    return start, end, tuple(value and kept[0] + value + kept[1] for value in issue.replacements)
