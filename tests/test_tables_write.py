"""Writing reports: every format round-trips and no cell ever runs as a formula."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from assistant.tables.read import open_table
from assistant.tables.write import FORMULA_TRIGGERS, OUTPUT_FORMATS, safe_cell, write_table

PAYLOADS = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A3)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\n=1+1",
    "＝1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_formula_payload_gets_leading_apostrophe(payload: str) -> None:
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize(
    "value",
    ["Grow ARR by 10%", "", "'=already quoted", 42, -3.5, None, True],
    ids=repr,
)
def test_harmless_values_pass_unchanged(value: object) -> None:
    assert safe_cell(value) == value


COLUMNS = ["Owner", "Goal", "score", "finding_ids", "metric", "target_amount"]
ROWS: list[dict[str, object]] = [
    {"Owner": "=cmd()", "Goal": "@risky goal", "score": 40, "finding_ids": ["a.b", "c.d"],
     "metric": True, "target_amount": 20.0},
    {"Owner": "Mia", "Goal": "Grow pipeline\nby 15%", "score": None, "finding_ids": [],
     "metric": False, "target_amount": 2.5},
]


def _live_formula(value: object) -> bool:
    return isinstance(value, str) and value.lstrip(" \n").startswith(FORMULA_TRIGGERS)


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def _output_strings(data: bytes, fmt: str) -> list[str]:
    if fmt == "csv":
        return _strings(list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))))
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return _strings([[cell.value for cell in row] for sheet in book for row in sheet.rows])
    return _strings(json.loads(data))


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_no_live_formula_in_any_output(fmt: str) -> None:
    summary = {"owners": [{"owner": "+evil"}]}
    strings = _output_strings(write_table(ROWS, COLUMNS, fmt, summary), fmt)  # type: ignore[arg-type]
    assert "'=cmd()" in strings
    assert not [text for text in strings if _live_formula(text)]


def test_xlsx_output_has_no_formula_cells() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_table(ROWS, COLUMNS, "xlsx", {"mean": 1})))
    assert book.sheetnames == ["Goals", "Summary"]
    kinds = {cell.data_type for sheet in book for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_output_reads_back(fmt: str) -> None:
    data = write_table(ROWS, COLUMNS, fmt)  # type: ignore[arg-type]
    with open_table(data, filename=f"report.{fmt}") as table:
        rows = list(table.rows)
        assert table.headers == COLUMNS
    assert rows == [
        ["'=cmd()", "'@risky goal", "40", "a.b; c.d", "yes", "20"],
        ["Mia", "Grow pipeline\nby 15%", "", "", "no", "2.5"],
    ]


def test_json_output_keeps_types_and_summary() -> None:
    document = json.loads(write_table(ROWS, COLUMNS, "json", {"goals": 2}))
    assert document["columns"] == COLUMNS
    assert document["rows"][1] == {"Owner": "Mia", "Goal": "Grow pipeline\nby 15%",
                                   "score": None, "finding_ids": [], "metric": False,
                                   "target_amount": 2.5}
    assert document["summary"] == {"goals": 2}
