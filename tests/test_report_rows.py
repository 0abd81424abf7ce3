"""Per-row analysis of a team table: real analyses, bad rows in place, pools, the TeamReport."""

from __future__ import annotations

import csv
import io
import pickle

import pytest
from spacy.language import Language

from assistant import MAX_TEXT_CHARS, analyze
from assistant.errors import TooManyRowsError
from assistant.options import make_options
from assistant.report import (
    ANALYSIS_COLUMNS,
    Partition,
    analyze_partition,
    build_team_report,
    flatten_analysis,
    report_to_csv,
    run_partitions,
)
from assistant.result import COMPONENTS
from assistant.tables.write import FORMULA_TRIGGERS

OPTIONS = make_options(reference_date="2026-11-27")
COMPLETE = "Grow partner-sourced bookings by 30% by June 30, 2027 to support the APAC launch."
TEXTS = (
    COMPLETE,
    "",
    "x" * (MAX_TEXT_CHARS + 1),
    "Be more proactive with key accounts",
    "   ",
    "Cut average onboarding time to 14 days by end of Q1",
)


def test_flat_row_holds_the_resolved_parts(nlp: Language) -> None:
    analysis = analyze(COMPLETE, reference_date="2026-11-27")
    flat = flatten_analysis(analysis)
    assert list(flat) == list(ANALYSIS_COLUMNS)
    assert flat["score"] == analysis.score
    assert (flat["deadline_date"], flat["target_amount"]) == ("2027-06-30", 30.0)
    assert [flat[name] for name in COMPONENTS] == [True, True, True, True]
    assert flat["rewrite"] == (analysis.rewrites[0].text if analysis.rewrites else None)


def test_bad_rows_get_their_error_and_the_rest_is_analysed(nlp: Language) -> None:
    rows = analyze_partition(Partition(TEXTS, OPTIONS))
    errors = [row["error"] for row in rows]
    assert errors[0] is None and errors[3] is None and errors[5] is None
    assert errors[1] == errors[4] == "goal text is empty"
    assert "limit" in str(errors[2])
    assert all(isinstance(row["score"], int) for row in (rows[0], rows[3], rows[5]))


def test_partition_results_are_plain_picklable_dicts(nlp: Language) -> None:
    rows = analyze_partition(Partition(TEXTS[:1], OPTIONS))
    assert pickle.loads(pickle.dumps(rows)) == rows


def test_two_processes_give_the_same_rows_in_order(nlp: Language) -> None:
    partitions = [Partition(TEXTS[start:start + 2], OPTIONS) for start in range(0, 6, 2)]
    assert list(run_partitions(partitions, processes=2)) == list(run_partitions(partitions))


UPLOAD = (
    "Rep;Objective;Score\r\n"
    "Ivo;=HYPERLINK(\"http://x.example\");7\r\n"
    "Ivo;Book 25 demos by Jan 31, 2027;\r\n"
    ";;\r\n"
    "Léna;\"Reduce churn\nto 4% this year – Nordics\";\r\n"
).encode("cp1252")


def test_team_report_covers_every_row(nlp: Language) -> None:
    report = build_team_report(UPLOAD, filename="team.csv", options=OPTIONS)
    assert [(g.row, g.owner) for g in report.goals] == [(2, "Ivo"), (3, "Ivo"), (4, None),
                                                        (5, "Léna")]
    assert report.goals[2].error is not None and report.goals[2].error.code == "empty_text"
    assert report.goals[1].analysis is not None
    assert report.goals[1].score == report.goals[1].analysis.score
    assert (report.source.encoding, report.source.delimiter) == ("cp1252", ";")
    assert (report.summary.goals, report.summary.errors) == (4, 1)
    assert [owner.owner for owner in report.summary.owners] == ["Ivo", "Léna", None]


def test_team_report_csv_has_every_row_and_no_live_formula(nlp: Language) -> None:
    data = report_to_csv(build_team_report(UPLOAD, filename="team.csv", options=OPTIONS))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    assert "goalsmith_score" in rows[0] and "Score" in rows[0]
    assert rows[0]["Objective"].startswith("'=")
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.lstrip(" \n").startswith(FORMULA_TRIGGERS)]


def test_team_report_refuses_more_rows_than_allowed(nlp: Language) -> None:
    with pytest.raises(TooManyRowsError, match="more than 3"):
        build_team_report(UPLOAD, filename="team.csv", options=OPTIONS, max_rows=3)
