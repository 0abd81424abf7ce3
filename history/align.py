"""Alignment: which parent (team or company) goal each individual goal serves, which goals
serve none (orphans), and which goals of one team say nearly the same thing (duplicates).

Each goal's parent is the parent goal with the highest TF-IDF cosine similarity
(`history.similarity`). A goal whose best similarity is below `ORPHAN_THRESHOLD` is an
orphan; two goals at least `DUPLICATE_THRESHOLD` alike are near-duplicates. Both thresholds
were set on the labelled set in `data/alignment/labelled.json` (see the README).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from .similarity import similar_pairs, similarity_matrix

# Below this best similarity a goal serves no parent: on the labelled set it flags 9 of 10
# true orphans and 16 of 108 goals that do have a parent (a manager checks the flag).
ORPHAN_THRESHOLD = 0.08
# At or above this similarity two goals of a team are near-duplicates: no pair of the 118
# distinct labelled goals reaches 0.42, and a reworded copy of a goal scores 0.5 to 0.75.
DUPLICATE_THRESHOLD = 0.5


class GoalText(Protocol):
    """A goal of the team: its spreadsheet row, owner and text."""

    @property
    def row(self) -> int: ...

    @property
    def owner(self) -> str | None: ...

    @property
    def text(self) -> str: ...


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoalAlignment(_Model):
    """One goal's best-matching parent and how alike they read (0..1)."""

    row: int
    owner: str | None
    text: str
    parent: str
    parent_index: int
    similarity: float
    orphan: bool


class DuplicatePair(_Model):
    """Two goals of the team that say nearly the same thing."""

    rows: tuple[int, int]
    owners: tuple[str | None, str | None]
    texts: tuple[str, str]
    similarity: float


class Alignment(_Model):
    """The team's goals against its parent goals. `goals` is empty when no parent goals
    were given; duplicates are found either way."""

    parents: list[str]
    orphan_threshold: float
    duplicate_threshold: float
    goals: list[GoalAlignment]
    orphans: int
    duplicates: list[DuplicatePair]


def align(goals: Sequence[GoalText], parents: Sequence[str]) -> Alignment:
    """Match every goal with text to its best parent and find near-duplicate goals."""
    worded = [goal for goal in goals if goal.text.strip()]
    parents = [parent.strip() for parent in parents if parent.strip()]
    matches = _best_parents(worded, parents)
    return Alignment(
        parents=parents,
        orphan_threshold=ORPHAN_THRESHOLD,
        duplicate_threshold=DUPLICATE_THRESHOLD,
        goals=matches,
        orphans=sum(match.orphan for match in matches),
        duplicates=duplicates(worded),
    )


def _best_parents(goals: Sequence[GoalText], parents: list[str]) -> list[GoalAlignment]:
    if not goals or not parents:
        return []
    scores = similarity_matrix([goal.text for goal in goals], parents)
    matches = []
    for goal, row in zip(goals, scores, strict=True):
        best = int(row.argmax())
        similarity = round(float(row[best]), 3)
        matches.append(GoalAlignment(
            row=goal.row, owner=goal.owner, text=goal.text, parent=parents[best],
            parent_index=best, similarity=similarity, orphan=similarity < ORPHAN_THRESHOLD,
        ))
    return matches


def duplicates(goals: Sequence[GoalText]) -> list[DuplicatePair]:
    """Pairs of goals at least `DUPLICATE_THRESHOLD` alike, most alike first."""
    pairs = similar_pairs([goal.text for goal in goals], DUPLICATE_THRESHOLD)
    return [
        DuplicatePair(rows=(goals[i].row, goals[j].row), owners=(goals[i].owner, goals[j].owner),
                      texts=(goals[i].text, goals[j].text), similarity=similarity)
        for i, j, similarity in pairs
    ]
