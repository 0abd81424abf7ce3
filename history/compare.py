"""Two saved cycles of a team side by side: goals matched by owner and text similarity,
each owner's score change, and which parts (metric, target, deadline, relevance) appeared
or disappeared in their matched goals."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from assistant.result import COMPONENTS, ComponentName

from .records import CycleDetail, StoredGoal
from .similarity import similarity_matrix
from .store import HistoryStore

# Two goals of one owner in different cycles are the same goal, rewritten, when at least
# this alike; an unchanged goal scores 1.0. Below it they count as dropped and new goals.
MATCH_THRESHOLD = 0.3


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoalChange(_Model):
    """One goal across the two cycles; `before` or `after` is None for a dropped or new goal."""

    owner: str | None
    before: str | None
    after: str | None
    similarity: float | None
    score_before: int | None
    score_after: int | None
    appeared: list[ComponentName]
    disappeared: list[ComponentName]


class OwnerChange(_Model):
    """An owner's mean score in each cycle and the parts their matched goals gained or lost."""

    owner: str | None
    goals_before: int
    goals_after: int
    mean_before: float | None
    mean_after: float | None
    score_change: float | None
    appeared: list[ComponentName]
    disappeared: list[ComponentName]
    goals: list[GoalChange]


class Comparison(_Model):
    team: str
    before: str
    after: str
    mean_before: float | None
    mean_after: float | None
    owners: list[OwnerChange]


def _mean(goals: Sequence[StoredGoal]) -> float | None:
    scores = [goal.score for goal in goals if goal.score is not None]
    return round(sum(scores) / len(scores), 1) if scores else None


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 1)


def _parts(goal: StoredGoal | None, present: bool) -> set[ComponentName]:
    if goal is None or goal.error is not None:
        return set()
    return {name for name in COMPONENTS if goal.components[name] is present}


def goal_change(
    owner: str | None, old: StoredGoal | None, new: StoredGoal | None, similarity: float | None
) -> GoalChange:
    matched = old is not None and new is not None
    gained = _parts(new, True) & _parts(old, False) if matched else set()
    lost = _parts(old, True) & _parts(new, False) if matched else set()
    return GoalChange(
        owner=owner, before=old.text if old else None, after=new.text if new else None,
        similarity=similarity, score_before=old.score if old else None,
        score_after=new.score if new else None,
        appeared=[name for name in COMPONENTS if name in gained],
        disappeared=[name for name in COMPONENTS if name in lost],
    )


def match_goals(
    owner: str | None, before: Sequence[StoredGoal], after: Sequence[StoredGoal]
) -> list[GoalChange]:
    """Pair one owner's goals across the cycles, most alike first (each goal used once);
    what stays unpaired was dropped or is new."""
    scores = similarity_matrix([goal.text for goal in before], [goal.text for goal in after])
    candidates = sorted(((scores[i, j], i, j) for i in range(len(before))
                         for j in range(len(after))), reverse=True)
    used_before: set[int] = set()
    used_after: set[int] = set()
    changes = []
    for score, i, j in candidates:
        if score < MATCH_THRESHOLD or i in used_before or j in used_after:
            continue
        used_before.add(i)
        used_after.add(j)
        changes.append(goal_change(owner, before[i], after[j], round(float(score), 3)))
    changes += [goal_change(owner, goal, None, None)
                for i, goal in enumerate(before) if i not in used_before]
    changes += [goal_change(owner, None, goal, None)
                for j, goal in enumerate(after) if j not in used_after]
    return changes


def owner_change(
    owner: str | None, before: Sequence[StoredGoal], after: Sequence[StoredGoal]
) -> OwnerChange:
    changes = match_goals(owner, before, after)
    appeared = {name for change in changes for name in change.appeared}
    disappeared = {name for change in changes for name in change.disappeared}
    mean_before, mean_after = _mean(before), _mean(after)
    return OwnerChange(
        owner=owner, goals_before=len(before), goals_after=len(after),
        mean_before=mean_before, mean_after=mean_after,
        score_change=_change(mean_before, mean_after),
        appeared=[name for name in COMPONENTS if name in appeared],
        disappeared=[name for name in COMPONENTS if name in disappeared],
        goals=changes,
    )


def compare(before: CycleDetail, after: CycleDetail) -> Comparison:
    """Per owner (in either cycle), what changed from `before` to `after`."""
    owners = sorted({goal.owner for goal in [*before.entries, *after.entries]},
                    key=lambda owner: (owner is None, owner or ""))
    return Comparison(
        team=after.team, before=before.cycle, after=after.cycle,
        mean_before=before.mean_score, mean_after=after.mean_score,
        owners=[owner_change(owner,
                             [goal for goal in before.entries if goal.owner == owner],
                             [goal for goal in after.entries if goal.owner == owner])
                for owner in owners],
    )


def compare_cycles(store: HistoryStore, team: str, before: str, after: str) -> Comparison:
    """Compare two saved cycles of a team by name."""
    return compare(store.cycle(team, before), store.cycle(team, after))
