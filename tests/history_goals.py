"""Saved goals built by hand for the history tests (no language pipeline needed): each
carries the analysis columns every report uses, as `assistant.report.flatten_analysis`
writes them."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.report import ANALYSIS_COLUMNS, SummaryBuilder
from assistant.result import COMPONENTS, TeamSummary
from history import SavedGoal

PART_LETTERS = {"m": "metric", "t": "target", "d": "deadline", "r": "relevance"}


def goal(owner: str | None, text: str, score: int, parts: str = "", *, vague: bool = False,
         row: int = 2) -> SavedGoal:
    """A saved goal whose `parts` are given by letter ("mtd": metric, target, deadline)."""
    present = {PART_LETTERS[letter] for letter in parts}
    analysis: dict[str, object] = {
        **dict.fromkeys(ANALYSIS_COLUMNS),
        "score": score,
        **{name: name in present for name in COMPONENTS},
        "top_findings": [],
        "finding_ids": ["vague.hedge"] if vague else ["target.missing"],
    }
    return SavedGoal(row=row, owner=owner, text=text, analysis=analysis)


def failed(owner: str | None, text: str, message: str = "this goal is empty") -> SavedGoal:
    """A row that could not be analysed."""
    analysis = {**dict.fromkeys(ANALYSIS_COLUMNS), "finding_ids": [], "error": message}
    return SavedGoal(row=2, owner=owner, text=text, analysis=analysis)


def summary_of(goals: Sequence[SavedGoal]) -> TeamSummary:
    builder = SummaryBuilder()
    for item in goals:
        builder.add(item.owner, item.analysis)
    return builder.summary()


def many(count: int, owner: str = "Aiko") -> list[SavedGoal]:
    return [goal(owner, f"Close {n} renewals by Q{n % 4 + 1} 2027", 50 + n % 50, "mtd", row=n + 2)
            for n in range(count)]
