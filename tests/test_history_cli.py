"""`goalsmith bulk --save` and `goalsmith history` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from spacy.language import Language

from assistant.cli import main

TEAM = "Revenue EMEA"
Q1 = [
    ["Owner", "Goal"],
    ["Aiko", "Renew 95% of my customer accounts by June 30, 2027 to protect retention"],
    ["Aiko", "Try to be more visible in key accounts"],
    ["Bram", "Hire 12 backend engineers by June 2027"],
]
Q2 = [
    ["Owner", "Goal"],
    ["Aiko", "Renew 97% of my customer accounts by Dec 31, 2027 to protect retention"],
    ["Aiko", "Run 20 QBRs with key accounts by September 30, 2027 to drive expansion"],
    ["Bram", "Hire backend engineers"],
]
PARENTS = [["Team goal"], ["Grow net revenue retention to 115% by renewing customer accounts"],
           ["Hire and onboard 60 engineers"]]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def goalsmith(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def saved(
    nlp: Language, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """Two cycles of one team saved from the command line."""
    monkeypatch.setenv("GOALSMITH_DATABASE_URL", database_url)
    parents = write_csv(tmp_path / "parents.csv", PARENTS)
    for name, rows in (("2027-Q1", Q1), ("2027-Q2", Q2)):
        source = write_csv(tmp_path / f"{name}.csv", rows)
        code, out, _ = goalsmith(
            capsys, "bulk", str(source), "-o", str(tmp_path / f"{name}.report.csv"),
            "--reference-date", "2026-11-27", "--save", "--team", TEAM, "--cycle", name,
            "--parents", str(parents),
        )
        assert code == 0
        assert f'Saved as cycle "{name}" of team "{TEAM}" (3 goals).' in out
    return tmp_path


def test_history_lists_both_cycles_with_mean_scores(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = goalsmith(capsys, "history", "--team", TEAM, "--json")
    cycles = json.loads(out)["cycles"]
    assert code == 0
    assert [(c["team"], c["cycle"], c["goals"]) for c in cycles] == [
        (TEAM, "2027-Q1", 3), (TEAM, "2027-Q2", 3)]
    assert all(isinstance(c["mean_score"], float) for c in cycles)


def test_trend_has_one_point_per_cycle(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, listing, _ = goalsmith(capsys, "history", "--team", TEAM, "--json")
    code, out, _ = goalsmith(capsys, "history", "trend", TEAM, "--json")
    points = json.loads(out)["points"]
    assert code == 0
    assert [p["cycle"] for p in points] == ["2027-Q1", "2027-Q2"]
    assert [p["mean_score"] for p in points] == [
        c["mean_score"] for c in json.loads(listing)["cycles"]]
    assert [o["owner"] for o in points[0]["owners"]] == ["Aiko", "Bram"]


def test_trend_csv_has_a_team_row_and_owner_rows_per_cycle(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = goalsmith(capsys, "history", "trend", TEAM, "--csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert code == 0
    assert [(r["cycle"], r["owner"]) for r in rows] == [
        ("2027-Q1", ""), ("2027-Q1", "Aiko"), ("2027-Q1", "Bram"),
        ("2027-Q2", ""), ("2027-Q2", "Aiko"), ("2027-Q2", "Bram")]


def test_deleting_one_cycle_leaves_the_other(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert goalsmith(capsys, "history", "delete", TEAM, "2027-Q1")[0] == 0
    _, out, _ = goalsmith(capsys, "history", "--team", TEAM, "--json")
    assert [c["cycle"] for c in json.loads(out)["cycles"]] == ["2027-Q2"]
    code, out, _ = goalsmith(capsys, "history", "show", TEAM, "2027-Q2", "--json")
    assert code == 0
    assert len(json.loads(out)["cycle"]["entries"]) == 3
    code, _, err = goalsmith(capsys, "history", "show", TEAM, "2027-Q1")
    assert (code, "no saved cycle" in err) == (2, True)


def test_show_includes_the_saved_parents_alignment(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = goalsmith(capsys, "history", "show", TEAM, "2027-Q1", "--json")
    alignment = json.loads(out)["alignment"]
    assert code == 0
    assert alignment["parents"] == [row[0] for row in PARENTS[1:]]
    assert [goal["parent_index"] for goal in alignment["goals"]] == [0, 0, 1]


def test_compare_reports_score_change_and_parts_per_owner(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = goalsmith(capsys, "history", "compare", TEAM, "2027-Q1", "2027-Q2", "--json")
    owners = {owner["owner"]: owner for owner in json.loads(out)["owners"]}
    assert code == 0
    assert owners["Bram"]["score_change"] < 0
    assert owners["Bram"]["disappeared"] == ["metric", "target", "deadline"]
    assert owners["Aiko"]["score_change"] > 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param([], "already has a cycle", id="taken-name"),
        pytest.param(["--team", "EMEA/DACH"], "team name cannot contain", id="slash-in-team"),
        pytest.param(["--team", ""], "--save needs --team", id="empty-team"),
    ],
)
def test_a_save_that_cannot_happen_stops_before_analysing(
    saved: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["bulk", str(saved / "2027-Q1.csv"), "-o", str(saved / "again.csv"), "--save",
            "--team", TEAM, "--cycle", "2027-Q1", *extra]
    code, _, err = goalsmith(capsys, *argv)
    assert (code, message in err) == (2, True)
    assert not (saved / "again.csv").exists()


def test_replace_overwrites_a_saved_cycle(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = goalsmith(capsys, "bulk", str(saved / "2027-Q2.csv"), "-o",
                           str(saved / "again.csv"), "--save", "--team", TEAM,
                           "--cycle", "2027-Q1", "--replace")
    _, out, _ = goalsmith(capsys, "history", "show", TEAM, "2027-Q1", "--json")
    assert code == 0
    assert json.loads(out)["cycle"]["entries"][2]["text"] == "Hire backend engineers"
    assert json.loads(out)["cycle"]["parents"] == []


def test_parent_goals_can_be_a_column_of_the_goals_file(
    nlp: Language, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GOALSMITH_DATABASE_URL", database_url)
    rows = [[*row, parent[0] if parent else ""]
            for row, parent in zip(Q1, [["Team goals"], *PARENTS[1:], []], strict=True)]
    source = write_csv(tmp_path / "q1.csv", rows)
    code, out, _ = goalsmith(capsys, "bulk", str(source), "-o", str(tmp_path / "out.csv"),
                             "--column", "Goal", "--save", "--team", TEAM, "--cycle", "2027-Q1",
                             "--parents-column", "Team goals")
    _, shown, _ = goalsmith(capsys, "history", "show", TEAM, "2027-Q1", "--json")
    assert code == 0
    assert "Alignment with 2 parent goals" in out
    assert json.loads(shown)["cycle"]["parents"] == [row[0] for row in PARENTS[1:]]
