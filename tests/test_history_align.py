"""Alignment of goals with parent goals (TF-IDF cosine), measured on the labelled set in
data/alignment/labelled.json, and near-duplicate detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from history import SavedGoal
from history.align import ORPHAN_THRESHOLD, align, duplicates

LABELLED = Path(__file__).resolve().parents[1] / "data" / "alignment" / "labelled.json"
TOP1_FLOOR = 0.85


def labelled() -> tuple[list[str], list[SavedGoal], list[int | None]]:
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    goals = [SavedGoal(row=n + 2, owner=None, text=item["text"], analysis={})
             for n, item in enumerate(data["goals"])]
    return data["parents"], goals, [item["parent"] for item in data["goals"]]


def test_the_labelled_set_is_big_and_varied_enough() -> None:
    parents, goals, gold = labelled()
    assert len([label for label in gold if label is not None]) >= 100
    assert len(parents) >= 5
    assert set(gold) == {*range(len(parents)), None}
    assert len({goal.text for goal in goals}) == len(goals)


def test_top1_parent_accuracy_on_the_labelled_set() -> None:
    parents, goals, gold = labelled()
    matches = align(goals, parents).goals
    wrong = [(goal.text, parents[label], match.parent) for goal, label, match
             in zip(goals, gold, matches, strict=True)
             if label is not None and match.parent_index != label]
    accuracy = 1 - len(wrong) / sum(label is not None for label in gold)
    print(f"alignment top-1 accuracy: {accuracy:.3f}")
    assert accuracy >= TOP1_FLOOR, "\n".join(f"{t!r}: wanted {w!r}, got {g!r}"
                                             for t, w, g in wrong)


def test_most_true_orphans_are_flagged() -> None:
    parents, goals, gold = labelled()
    matches = align(goals, parents).goals
    flagged = [match.orphan for match, label in zip(matches, gold, strict=True)
               if label is None]
    print(f"orphans flagged: {sum(flagged)} of {len(flagged)} (threshold {ORPHAN_THRESHOLD})")
    assert sum(flagged) >= 0.8 * len(flagged)


def goals_of(*texts: str) -> list[SavedGoal]:
    return [SavedGoal(row=n + 2, owner="Aiko", text=text, analysis={})
            for n, text in enumerate(texts)]


DUPLICATE_CASES = [
    pytest.param(["Hire 12 backend engineers by June 2027",
                  "Hire twelve backend engineers by June 2027",
                  "Cut the AWS bill by 15%"], [(2, 3)], id="reworded-number"),
    pytest.param(["Raise CSAT on chat support from 87% to 92% by the end of the year",
                  "raise chat support CSAT from 87 to 92 percent by year end",
                  "Publish 40 help articles"], [(2, 3)], id="reworded-sentence"),
    pytest.param(["Grow organic traffic to 80k visits", "Hire 12 backend engineers",
                  "Sign 8 reseller agreements"], [], id="distinct-goals"),
    pytest.param(["Close 3 deals"], [], id="one-goal"),
]


@pytest.mark.parametrize(("texts", "rows"), DUPLICATE_CASES)
def test_near_duplicates(texts: list[str], rows: list[tuple[int, int]]) -> None:
    assert [pair.rows for pair in duplicates(goals_of(*texts))] == rows


def test_without_parents_only_duplicates_are_reported() -> None:
    alignment = align(goals_of("Hire 12 engineers", "Hire 12 engineers!"), [])
    assert (alignment.goals, alignment.orphans, len(alignment.duplicates)) == ([], 0, 1)


def test_blank_goals_are_left_out() -> None:
    alignment = align(goals_of("", "Grow NRR to 115%"), ["Grow net revenue retention"])
    assert [match.row for match in alignment.goals] == [3]
