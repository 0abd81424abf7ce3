"""What the team page shows of a `TeamReport`: table rows, the missing-parts chart, the download.

Every number comes from `assistant.report` (its flattening and its summary); this module
only arranges them for the template.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from assistant import entry_result, report_to_csv
from assistant.result import COMPONENTS, ComponentName, GoalEntry, TeamReport, TeamSummary

from .highlight import Segment, segments
from .view import score_band, ui_text


@dataclass(frozen=True)
class TeamRow:
    """One goal of the table: who owns it, its highlighted text, score and gaps."""

    row: int
    owner: str | None
    text: str
    segments: list[Segment]
    score: int | None
    tone: str
    missing: list[ComponentName]
    top_finding: str | None
    error: str | None


@dataclass(frozen=True)
class Bar:
    """One bar of the chart: the share of analysed goals that lack a component."""

    component: ComponentName
    label: str
    share: float
    count: int


def team_row(entry: GoalEntry) -> TeamRow:
    result = entry_result(entry)
    findings = result["top_findings"]
    top = findings[0] if isinstance(findings, list) and findings else None
    error = entry.error.message if entry.error else None
    return TeamRow(
        row=entry.row,
        owner=entry.owner,
        text=entry.text,
        segments=segments(entry.analysis) if entry.analysis else [],
        score=entry.score,
        tone=score_band(entry.score)["tone"],
        missing=[] if error else [name for name in COMPONENTS if not result[name]],
        top_finding=str(top) if top else None,
        error=error,
    )


def missing_bars(summary: TeamSummary) -> list[Bar]:
    """Per component, how many analysed goals lack it, most often missing first."""
    labels = ui_text()["components"]
    bars = [
        Bar(
            component=name,
            label=labels[name]["label"],
            share=round(1 - summary.components[name], 3),
            count=round((1 - summary.components[name]) * summary.analysed),
        )
        for name in COMPONENTS
    ]
    return sorted(bars, key=lambda bar: -bar.share)


def download_href(report: TeamReport) -> str:
    """The report's own CSV export (formula-safe) as a data URL for `<a download>`."""
    encoded = base64.b64encode(report_to_csv(report)).decode("ascii")
    return f"data:text/csv;charset=utf-8;base64,{encoded}"


def report_view(report: TeamReport | None) -> dict[str, Any]:
    """Everything the team page renders of a report (empty before an upload)."""
    if report is None:
        return {"report": None, "rows": [], "bars": [], "download": ""}
    return {
        "report": report,
        "rows": [team_row(entry) for entry in report.goals],
        "bars": missing_bars(report.summary),
        "download": download_href(report),
    }
