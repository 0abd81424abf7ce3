"""A team's trend across its saved cycles: mean score, the share of goals with each part,
the share with vague wording, and each owner's mean score, one point per cycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from pydantic import BaseModel, ConfigDict

from assistant import write_table
from assistant.result import COMPONENTS, ComponentName

from .records import CycleDetail, StoredGoal
from .store import HistoryStore

TREND_CSV_NAME = "goalsmith-trend.csv"
TEAM_ROW = ""  # the owner cell of a CSV row that covers the whole team


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OwnerPoint(_Model):
    owner: str | None
    goals: int
    analysed: int
    mean_score: float | None


class TrendPoint(_Model):
    """One cycle of the team. Shares are fractions (0..1) of the goals that were analysed."""

    cycle: str
    uploaded_at: dt.datetime
    goals: int
    analysed: int
    mean_score: float | None
    components: dict[ComponentName, float]
    vague: float
    owners: list[OwnerPoint]


class Trend(_Model):
    team: str
    points: list[TrendPoint]


def _analysed(goals: Sequence[StoredGoal]) -> list[StoredGoal]:
    return [goal for goal in goals if goal.error is None]


def _mean_score(goals: Sequence[StoredGoal]) -> float | None:
    scores = [goal.score for goal in goals if goal.score is not None]
    return round(sum(scores) / len(scores), 1) if scores else None


def _share(flags: Sequence[bool | None], total: int) -> float:
    return round(sum(bool(flag) for flag in flags) / total, 3) if total else 0.0


def _owner_points(goals: Sequence[StoredGoal]) -> list[OwnerPoint]:
    owners = sorted({goal.owner for goal in goals}, key=lambda owner: (owner is None, owner or ""))
    points = []
    for owner in owners:
        own = [goal for goal in goals if goal.owner == owner]
        points.append(OwnerPoint(owner=owner, goals=len(own), analysed=len(_analysed(own)),
                                 mean_score=_mean_score(_analysed(own))))
    return points


def trend_point(cycle: CycleDetail) -> TrendPoint:
    """The trend figures of one saved cycle, from its stored goals."""
    analysed = _analysed(cycle.entries)
    return TrendPoint(
        cycle=cycle.cycle,
        uploaded_at=cycle.uploaded_at,
        goals=len(cycle.entries),
        analysed=len(analysed),
        mean_score=_mean_score(analysed),
        components={name: _share([goal.components[name] for goal in analysed], len(analysed))
                    for name in COMPONENTS},
        vague=_share([goal.vague for goal in analysed], len(analysed)),
        owners=_owner_points(cycle.entries),
    )


def team_trend(store: HistoryStore, team: str) -> Trend:
    """One point per saved cycle of the team, oldest upload first."""
    return Trend(team=team.strip(),
                 points=[trend_point(cycle) for cycle in store.team_cycles(team)])


CSV_COLUMNS = ("team", "cycle", "uploaded_at", "owner", "goals", "analysed", "mean_score",
               *(f"share_{name}" for name in COMPONENTS), "share_vague")


def _csv_rows(trend: Trend) -> Iterator[dict[str, object]]:
    for point in trend.points:
        base = {"team": trend.team, "cycle": point.cycle,
                "uploaded_at": point.uploaded_at.isoformat()}
        yield {**base, "owner": TEAM_ROW, "goals": point.goals, "analysed": point.analysed,
               "mean_score": point.mean_score,
               **{f"share_{name}": point.components[name] for name in COMPONENTS},
               "share_vague": point.vague}
        for owner in point.owners:
            yield {**base, "owner": owner.owner or "(no owner)", "goals": owner.goals,
                   "analysed": owner.analysed, "mean_score": owner.mean_score}


def trend_csv(trend: Trend) -> bytes:
    """The trend as CSV: per cycle a whole-team row (owner empty) with every share, then a
    row per owner with its mean score. Written by the report's formula-safe writer, so a
    team or owner name such as "=HYPERLINK(...)" never runs in a spreadsheet."""
    return write_table(_csv_rows(trend), CSV_COLUMNS, "csv")
