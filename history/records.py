"""What a saved cycle holds: its goals as saved (owner, text, analysis) and as read back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant import entry_result
from assistant.result import COMPONENTS, ComponentName, TeamReport, TeamSummary

# Rule ids of the vague-wording checks share this prefix (see `goalsmith rules`).
VAGUE_PREFIX = "vague."


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SavedGoal(_Model):
    """One goal to save: its spreadsheet row, owner, text and analysis columns (the same
    flattening every report uses: score, parts present, deadline, target, findings)."""

    row: int
    owner: str | None
    text: str
    analysis: dict[str, Any]

    @property
    def error(self) -> str | None:
        error = self.analysis.get("error")
        return str(error) if error is not None else None

    @property
    def score(self) -> int | None:
        score = self.analysis.get("score")
        return int(score) if isinstance(score, int | float) else None

    def components(self) -> dict[str, bool | None]:
        """Each part present or not; unknown (None) for a goal that was not analysed."""
        if self.error is not None:
            return dict.fromkeys(COMPONENTS)
        return {name: bool(self.analysis.get(name)) for name in COMPONENTS}

    def vague(self) -> bool | None:
        """Whether any vague-wording finding was raised (None when not analysed)."""
        if self.error is not None:
            return None
        ids = self.analysis.get("finding_ids") or []
        return any(str(rule).startswith(VAGUE_PREFIX) for rule in ids)


class StoredGoal(_Model):
    """A saved goal as read back, with the columns trends and comparisons use."""

    row: int
    owner: str | None
    text: str
    score: int | None
    components: dict[ComponentName, bool | None]
    vague: bool | None
    error: str | None
    analysis: dict[str, Any]


class CycleInfo(_Model):
    """One saved cycle of a team, as listed."""

    team: str
    cycle: str
    uploaded_at: dt.datetime
    source: str | None
    goals: int
    analysed: int
    mean_score: float | None


class CycleDetail(CycleInfo):
    """A saved cycle with its summary, every goal and the parent goals saved with it."""

    summary: TeamSummary
    entries: list[StoredGoal]
    parents: list[str]


def goals_from_report(report: TeamReport) -> list[SavedGoal]:
    """The goals of a team report, ready to save."""
    return [
        SavedGoal(row=entry.row, owner=entry.owner, text=entry.text,
                  analysis=entry_result(entry))
        for entry in report.goals
    ]
