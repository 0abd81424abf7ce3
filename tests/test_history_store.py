"""The history store on real databases (a SQLite file and a PostgreSQL server): saves are
single transactions, names are unique per team, deletes remove everything, concurrent saves
all land, and a save killed half-way leaves nothing behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from history_goals import failed, goal, many, summary_of
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from history import (
    CycleExistsError,
    CycleNotFoundError,
    HistoryError,
    HistoryStore,
    InvalidNameError,
)
from history.store import connect, open_store
from history.tables import cycles, goals, metadata, parent_goals

ROOT = Path(__file__).resolve().parents[1]
TEAM = "Revenue EMEA"
EMPTY = "this goal is empty"
GOALS = [
    goal("Aiko", "Renew 95% of my book by Q2 2027", 80, "mtd", row=2),
    goal("Aiko", "Try to be more visible", 20, "", vague=True, row=3),
    failed("Bram", "", EMPTY),
    goal(None, "Sign 8 reseller agreements in H1 2027", 70, "mtdr", row=5),
]


@pytest.fixture
def store(database_url: str) -> HistoryStore:
    return open_store(database_url)


def counts(store: HistoryStore) -> tuple[int, int, int]:
    with store.engine.connect() as connection:
        return tuple(connection.execute(select(func.count()).select_from(table)).scalar_one()
                     for table in (cycles, goals, parent_goals))  # type: ignore[return-value]


def test_a_saved_cycle_reads_back_as_saved(store: HistoryStore) -> None:
    info = store.save_cycle(TEAM, "2027-Q1", GOALS, summary_of(GOALS),
                            parents=["Grow NRR to 115%"], source="team.csv")
    detail = store.cycle(TEAM, "2027-Q1")
    assert (info.goals, info.analysed, info.mean_score) == (4, 3, 56.7)
    assert [(g.owner, g.text, g.score) for g in detail.entries] == [
        (g.owner, g.text, g.score) for g in GOALS]
    assert [g.analysis for g in detail.entries] == [g.analysis for g in GOALS]
    assert detail.entries[1].vague is True
    assert detail.entries[2].error == EMPTY
    assert detail.entries[2].components == dict.fromkeys(("metric", "target", "deadline",
                                                          "relevance"))
    assert detail.summary == summary_of(GOALS)
    assert (detail.parents, detail.source) == (["Grow NRR to 115%"], "team.csv")
    assert detail.uploaded_at.tzinfo is not None


def test_saving_a_taken_name_needs_replace(store: HistoryStore) -> None:
    store.save_cycle(TEAM, "2027-Q1", GOALS, summary_of(GOALS))
    with pytest.raises(CycleExistsError):
        store.save_cycle(TEAM, "2027-Q1", GOALS[:1], summary_of(GOALS[:1]))
    assert store.cycle_info(TEAM, "2027-Q1").goals == 4
    store.save_cycle(TEAM, "2027-Q1", GOALS[:1], summary_of(GOALS[:1]), replace=True)
    assert store.cycle_info(TEAM, "2027-Q1").goals == 1
    assert counts(store) == (1, 1, 0)


def test_the_same_cycle_name_is_free_for_another_team(store: HistoryStore) -> None:
    store.save_cycle(TEAM, "2027-Q1", GOALS, summary_of(GOALS))
    store.save_cycle("Support", "2027-Q1", GOALS, summary_of(GOALS))
    assert [info.team for info in store.cycles()] == ["Revenue EMEA", "Support"]
    assert [info.cycle for info in store.cycles("Support")] == ["2027-Q1"]


def test_deleting_a_cycle_removes_all_it_stored_and_leaves_the_other(
    store: HistoryStore,
) -> None:
    store.save_cycle(TEAM, "2027-Q1", GOALS, summary_of(GOALS), parents=["P1", "P2"])
    store.save_cycle(TEAM, "2027-Q2", GOALS[:2], summary_of(GOALS[:2]), parents=["P1"])
    store.delete_cycle(TEAM, "2027-Q1")
    assert [info.cycle for info in store.cycles(TEAM)] == ["2027-Q2"]
    assert counts(store) == (1, 2, 1)
    with pytest.raises(CycleNotFoundError):
        store.cycle(TEAM, "2027-Q1")
    with pytest.raises(CycleNotFoundError):
        store.delete_cycle(TEAM, "2027-Q1")


@pytest.mark.parametrize(
    ("team", "cycle"),
    [
        pytest.param("", "2027-Q1", id="empty-team"),
        pytest.param(TEAM, "   ", id="blank-cycle"),
        pytest.param(TEAM, "2027/Q1", id="slash"),
        pytest.param("Ops\n", "x\x00", id="control-character"),
        pytest.param("T" * 101, "2027-Q1", id="too-long"),
    ],
)
def test_names_that_cannot_be_stored_are_refused(
    store: HistoryStore, team: str, cycle: str
) -> None:
    with pytest.raises(InvalidNameError):
        store.save_cycle(team, cycle, GOALS, summary_of(GOALS))
    assert counts(store) == (0, 0, 0)


def test_a_bad_row_rolls_back_the_whole_save(store: HistoryStore) -> None:
    bad = goal("Chen", "Ship it", 50, "m")
    bad.analysis["unstorable"] = object()  # fails when its row is written, after the cycle's
    with pytest.raises((StatementError, TypeError), match="not JSON serializable"):
        store.save_cycle(TEAM, "2027-Q1", [*GOALS, bad, *GOALS], summary_of(GOALS))
    assert counts(store) == (0, 0, 0)
    store.save_cycle(TEAM, "2027-Q1", GOALS, summary_of(GOALS))
    assert counts(store) == (1, 4, 0)


KILLED_SAVE = """
import sys, time
from sqlalchemy import event
from history_goals import many, summary_of
from history.store import connect

store = connect(sys.argv[1], upgrade=False)

@event.listens_for(store.engine, "before_cursor_execute")
def pause_in_goals(connection, cursor, statement, *args):
    if statement.lstrip().upper().startswith("INSERT INTO GOALS"):
        print("writing goals", flush=True)
        time.sleep(120)

goals = many(500)
store.save_cycle("Revenue EMEA", "2027-Q1", goals, summary_of(goals), parents=["P"])
"""


def test_a_save_killed_midway_leaves_no_partial_cycle(
    store: HistoryStore, database_url: str
) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    process = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, database_url], cwd=ROOT,
                               env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing goals"  # the cycle row is written
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    assert store.cycles() == []
    assert counts(store) == (0, 0, 0)
    saved = many(3)
    store.save_cycle(TEAM, "2027-Q1", saved, summary_of(saved))  # no lock was left behind
    assert counts(store) == (1, 3, 0)


def save_in_new_process(url: str, cycle: str) -> str:
    saved = many(200, owner=cycle)
    return connect(url, upgrade=False).save_cycle(TEAM, cycle, saved, summary_of(saved)).cycle


def test_ten_concurrent_saves_of_different_cycles_all_land(
    store: HistoryStore, database_url: str
) -> None:
    names = [f"2027-W{week:02d}" for week in range(1, 11)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=10, mp_context=context) as pool:
        saved = list(pool.map(save_in_new_process, [database_url] * 10, names))
    assert sorted(saved) == names
    assert sorted(info.cycle for info in store.cycles(TEAM)) == names
    assert {info.goals for info in store.cycles(TEAM)} == {200}
    assert counts(store) == (10, 2000, 0)


def save_same_name(url: str, owner: str) -> str:
    saved = many(200, owner=owner)
    try:
        connect(url, upgrade=False).save_cycle(TEAM, "2027-Q1", saved, summary_of(saved))
    except CycleExistsError:
        return "exists"
    return owner


def test_concurrent_saves_of_one_name_leave_exactly_one_whole_cycle(
    store: HistoryStore, database_url: str
) -> None:
    owners = [f"Owner {n}" for n in range(5)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=5, mp_context=context) as pool:
        outcomes = list(pool.map(save_same_name, [database_url] * 5, owners))
    winners = [outcome for outcome in outcomes if outcome != "exists"]
    assert len(winners) == 1
    assert {goal.owner for goal in store.cycle(TEAM, "2027-Q1").entries} == set(winners)
    assert counts(store) == (1, 200, 0)


def test_the_migrated_schema_matches_the_tables_module(store: HistoryStore) -> None:
    with store.engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection), metadata)
    assert drift == []


@pytest.mark.parametrize(
    "url",
    [pytest.param("postgresql+psycopg://user:secret@/nowhere?host=/nonexistent", id="no-server"),
     pytest.param("sqlite:////proc/no/such/folder/history.db", id="unwritable-folder")],
)
def test_an_unreachable_database_is_a_clear_error_without_the_password(url: str) -> None:
    with pytest.raises(HistoryError, match="cannot open the history database") as caught:
        connect(url)
    assert "secret" not in caught.value.message
