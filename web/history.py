"""What the history pages show: the trend chart's bars, the owner-by-cycle table, the
alignment of a report, and whether this browser may see stored data.

Every number comes from the `history` package; this module only arranges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from api.guards import KEY_COOKIE, key_matches
from assistant.result import COMPONENTS, ComponentName, TeamReport
from history import HistoryStore, StoredGoal, goals_from_report
from history.align import Alignment, align
from history.compare import compare_cycles
from history.trend import Trend, team_trend


def history_unlocked(request: Request) -> bool:
    """Stored data is open when no API key is configured, else only with the key's cookie."""
    expected = request.app.state.settings.api_key
    return expected is None or key_matches(request.cookies.get(KEY_COOKIE), expected)


@dataclass(frozen=True)
class ScoreBar:
    """One bar of the trend chart: a cycle's mean score out of 100."""

    cycle: str
    mean_score: float | None
    analysed: int


@dataclass(frozen=True)
class OwnerRow:
    """One owner's mean score in each cycle (None where they had no scored goal)."""

    owner: str | None
    scores: list[float | None]


def owner_rows(trend: Trend) -> list[OwnerRow]:
    owners = sorted({o.owner for p in trend.points for o in p.owners},
                    key=lambda owner: (owner is None, owner or ""))
    by_cycle = [{o.owner: o.mean_score for o in point.owners} for point in trend.points]
    return [OwnerRow(owner, [scores.get(owner) for scores in by_cycle]) for owner in owners]


def team_view(store: HistoryStore, team: str, before: str | None, after: str | None
              ) -> dict[str, Any]:
    """A team's trend (chart bars, per-cycle figures, owner table) and the comparison of two
    cycles: the ones asked for, else the last two."""
    trend = team_trend(store, team)
    names = [point.cycle for point in trend.points]
    before = before or (names[-2] if len(names) > 1 else None)
    after = after or (names[-1] if names else None)
    comparison = (compare_cycles(store, team, before, after)
                  if before and after and before != after else None)
    return {
        "trend": trend,
        "bars": [ScoreBar(p.cycle, p.mean_score, p.analysed) for p in trend.points],
        "owner_rows": owner_rows(trend),
        "compare_form": {"before": before, "after": after},
        "comparison": comparison,
    }


def missing_parts(goal: StoredGoal) -> list[ComponentName]:
    """The parts a saved goal lacks, in the usual order (none for a goal not analysed)."""
    return [name for name in COMPONENTS if goal.components[name] is False]


def report_alignment(report: TeamReport, parents: list[str]) -> Alignment:
    """The uploaded report's goals against the uploaded parent goals (duplicates always)."""
    return align(goals_from_report(report), parents)
