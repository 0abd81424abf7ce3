"""Trends and comparisons computed from cycles saved in a real database (SQLite, PostgreSQL)."""

from __future__ import annotations

import csv
import io

import pytest
from history_goals import failed, goal, summary_of

from history import HistoryStore
from history.compare import compare_cycles
from history.store import open_store
from history.trend import team_trend, trend_csv

TEAM = "Support"
Q1 = [
    goal("Aiko", "Answer every ticket within 2 hours by Q2", 80, "mtd"),
    goal("Aiko", "Be more responsive", 20, "", vague=True),
    goal("Bram", "Publish 40 help articles by June", 60, "mt"),
    failed("Bram", ""),
]
Q2 = [
    goal("Aiko", "Answer every ticket within 2 hours by Q3 so CSAT rises", 90, "mtdr"),
    goal("Bram", "Publish 40 help articles", 40, "m"),
    goal("Chen", "Cut the backlog to 150 tickets by May", 70, "mtd"),
]


@pytest.fixture
def store(database_url: str) -> HistoryStore:
    store = open_store(database_url)
    store.save_cycle(TEAM, "2027-Q1", Q1, summary_of(Q1))
    store.save_cycle(TEAM, "2027-Q2", Q2, summary_of(Q2))
    store.save_cycle("Other team", "2027-Q1", Q2, summary_of(Q2))
    return store


TREND_CASES = [
    pytest.param(0, "mean_score", 53.3, id="q1-mean-over-analysed"),
    pytest.param(0, "analysed", 3, id="q1-failed-row-not-analysed"),
    pytest.param(0, "vague", 0.333, id="q1-vague-share"),
    pytest.param(0, "components", {"metric": 0.667, "target": 0.667, "deadline": 0.333,
                                   "relevance": 0.0}, id="q1-component-shares"),
    pytest.param(1, "mean_score", 66.7, id="q2-mean"),
    pytest.param(1, "vague", 0.0, id="q2-no-vague"),
]


@pytest.mark.parametrize(("index", "field", "expected"), TREND_CASES)
def test_trend_point_figures(store: HistoryStore, index: int, field: str,
                             expected: object) -> None:
    point = team_trend(store, TEAM).points[index]
    assert getattr(point, field) == expected


def test_trend_has_one_point_per_cycle_with_owner_means(store: HistoryStore) -> None:
    trend = team_trend(store, TEAM)
    assert [point.cycle for point in trend.points] == ["2027-Q1", "2027-Q2"]
    assert [(o.owner, o.mean_score) for o in trend.points[0].owners] == [
        ("Aiko", 50.0), ("Bram", 60.0)]
    assert [(o.owner, o.mean_score) for o in trend.points[1].owners] == [
        ("Aiko", 90.0), ("Bram", 40.0), ("Chen", 70.0)]


def test_trend_csv_neutralises_formulas_in_names(database_url: str) -> None:
    store = open_store(database_url)
    risky = [goal("=HYPERLINK(\"http://x\")", "Close 3 deals by May", 70, "mtd")]
    store.save_cycle("+team", "2027-Q1", risky, summary_of(risky))
    rows = list(csv.reader(io.StringIO(trend_csv(team_trend(store, "+team")).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'+team" in cells
    assert "'=HYPERLINK(\"http://x\")" in cells


COMPARE_CASES = [
    pytest.param("Aiko", "score_change", 40.0, id="aiko-improves"),
    pytest.param("Aiko", "appeared", ["relevance"], id="aiko-gains-relevance"),
    pytest.param("Bram", "score_change", -20.0, id="bram-drops"),
    pytest.param("Bram", "disappeared", ["target"], id="bram-loses-target"),
    pytest.param("Chen", "score_change", None, id="chen-is-new"),
    pytest.param("Chen", "goals_before", 0, id="chen-had-no-goals"),
]


@pytest.mark.parametrize(("owner", "field", "expected"), COMPARE_CASES)
def test_compare_per_owner(store: HistoryStore, owner: str, field: str, expected: object) -> None:
    comparison = compare_cycles(store, TEAM, "2027-Q1", "2027-Q2")
    owners = {change.owner: change for change in comparison.owners}
    assert getattr(owners[owner], field) == expected


def test_compare_matches_goals_by_owner_and_text(store: HistoryStore) -> None:
    comparison = compare_cycles(store, TEAM, "2027-Q1", "2027-Q2")
    aiko = next(change for change in comparison.owners if change.owner == "Aiko")
    pairs = [(goal.before, goal.after) for goal in aiko.goals]
    assert pairs == [
        ("Answer every ticket within 2 hours by Q2",
         "Answer every ticket within 2 hours by Q3 so CSAT rises"),
        ("Be more responsive", None),
    ]
