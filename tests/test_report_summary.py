"""The team summary and output columns, from hand-made rows (no spaCy needed)."""

from __future__ import annotations

import pytest

from assistant.report import (
    ANALYSIS_COLUMNS,
    COLUMN_PREFIX,
    SummaryBuilder,
    flatten_error,
    output_columns,
    output_record,
)
from assistant.result import RowResult


def _row(score: int, present: str, findings: list[str]) -> RowResult:
    parts = {name: name in present.split() for name in ("metric", "target", "deadline",
                                                         "relevance")}
    return {**flatten_error(""), **parts, "score": score, "finding_ids": findings, "error": None}


ROWS: list[tuple[str | None, RowResult]] = [
    ("Ana", _row(90, "metric target deadline relevance", [])),
    ("Ana", _row(50, "metric target", ["deadline.missing", "relevance.missing"])),
    ("Ben", _row(40, "metric", ["deadline.missing", "target.missing", "deadline.missing"])),
    ("Ben", flatten_error("goal text is empty")),
    (None, _row(20, "", ["deadline.missing"])),
]


@pytest.fixture
def builder() -> SummaryBuilder:
    builder = SummaryBuilder()
    for owner, row in ROWS:
        builder.add(owner, row)
    return builder


def test_counts_goals_and_errors(builder: SummaryBuilder) -> None:
    summary = builder.summary()
    assert (summary.goals, summary.analysed, summary.errors) == (5, 4, 1)


def test_mean_score_leaves_out_rows_with_errors(builder: SummaryBuilder) -> None:
    assert builder.summary().mean_score == 50.0


def test_component_shares_are_of_analysed_goals(builder: SummaryBuilder) -> None:
    assert builder.summary().components == {
        "metric": 0.75, "target": 0.5, "deadline": 0.25, "relevance": 0.25,
    }


def test_per_owner_means_with_unowned_goals_last(builder: SummaryBuilder) -> None:
    owners = [(o.owner, o.goals, o.analysed, o.mean_score) for o in builder.summary().owners]
    assert owners == [("Ana", 2, 2, 70.0), ("Ben", 2, 1, 40.0), (None, 1, 1, 20.0)]


def test_findings_counted_once_per_goal(builder: SummaryBuilder) -> None:
    top = [(f.id, f.goals, f.share) for f in builder.summary().top_findings]
    assert top[0] == ("deadline.missing", 3, 0.75)
    assert sorted(top[1:]) == [("relevance.missing", 1, 0.25), ("target.missing", 1, 0.25)]


def test_empty_table_has_no_mean() -> None:
    summary = SummaryBuilder().summary()
    assert (summary.goals, summary.mean_score, summary.components["metric"]) == (0, None, 0.0)


@pytest.mark.parametrize(
    ("headers", "renamed"),
    [
        pytest.param(["Goal", "Owner"], set(), id="no-clash"),
        pytest.param(["Goal", "Score", "error"], {"score", "error"}, id="clash-any-case"),
    ],
)
def test_analysis_columns_never_overwrite_input_columns(
    headers: list[str], renamed: set[str]
) -> None:
    names = output_columns(headers)
    assert {key for key, name in names.items() if name == COLUMN_PREFIX + key} == renamed
    record = output_record(headers, ["x"] * len(headers), flatten_error("bad"), names)
    assert list(record) == [*headers, *names.values()]
    assert len(record) == len(headers) + len(ANALYSIS_COLUMNS)
