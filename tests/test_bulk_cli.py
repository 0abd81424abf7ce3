"""`goalsmith bulk`: messy exports in, full reports out, exit 2 for files it cannot read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from spacy.language import Language

from assistant.cli import main
from assistant.report import PARTITION_ROWS
from assistant.tables.write import FORMULA_TRIGGERS

HEADER = ["Owner", "Goal text", "Notes"]
ROWS = [
    ["Aiko", "Raise demo-to-close conversion from 12% to 18% by end of Q2", "-"],
    ["Aiko", "=1+2", "@mention"],
    ["", "", ""],
    ["Bram", "Get better at\nfollow-ups, etc.", "+ owner moved"],
    ["Chen", "Sign 8 reseller agreements in H1 2027 to open the Nordics", ""],
]


def _csv_bytes(delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *ROWS])
    return buffer.getvalue().encode(encoding)


def _xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *ROWS]:
        sheet.append([cell or None for cell in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.data_type = "s"  # "=1+2" typed as text in Excel, not a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


INPUTS = [
    pytest.param("team.csv", lambda: _csv_bytes(",", "utf-8-sig"), id="bom-comma-csv"),
    pytest.param("team.csv", lambda: _csv_bytes(";", "cp1252"), id="cp1252-semicolon-csv"),
    pytest.param("team.txt", lambda: _csv_bytes("\t", "utf-16"), id="utf16-tab"),
    pytest.param("team.xlsx", _xlsx_bytes, id="xlsx"),
]


def _read_report(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path)["Goals"]
        values = [["" if cell.value is None else str(cell.value) for cell in row]
                  for row in sheet.iter_rows()]
        return [dict(zip(values[0], row, strict=True)) for row in values[1:]]
    if path.suffix == ".json":
        rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
        return [{key: "" if value is None else str(value) for key, value in row.items()}
                for row in rows]
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.mark.parametrize(("name", "make"), INPUTS)
def test_every_row_comes_back_scored_without_live_formulas(
    nlp: Language, tmp_path: Path, name: str, make, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    source.write_bytes(make())
    out = tmp_path / "report.csv"
    assert main(["bulk", str(source), "-o", str(out), "--reference-date", "2026-11-27"]) == 0
    report = _read_report(out)
    assert [row["Owner"] for row in report] == [row[0] for row in ROWS]
    assert report[2]["error"] == "goal text is empty"
    assert all(row["score"] for index, row in enumerate(report) if index != 2)
    cells = [cell for row in report for cell in [*row.values(), *row.keys()]]
    assert not [cell for cell in cells if cell.lstrip(" \n").startswith(FORMULA_TRIGGERS)]
    assert "5 goals: 4 checked, 1 could not be" in capsys.readouterr().out


def test_report_goes_to_a_pipe_without_bom_and_summary_to_stderr(
    nlp: Language, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(_csv_bytes(",", "utf-8-sig"))
    assert main(["bulk", str(source)]) == 0
    captured = capsys.readouterr()
    report = list(csv.DictReader(io.StringIO(captured.out, newline="")))
    assert [row["Owner"] for row in report] == [row[0] for row in ROWS]
    assert "Mean score" in captured.err and "Mean score" not in captured.out
    assert not list(tmp_path.glob("*.report.*"))


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_output_format_follows_the_flag(nlp: Language, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(_csv_bytes(",", "utf-8"))
    out = tmp_path / "out.data"
    assert main(["bulk", str(source), "-o", str(out), "--format", fmt]) == 0
    report = _read_report(out.rename(out.with_suffix(f".{fmt}")))
    assert len(report) == len(ROWS)
    assert report[1]["Goal text"] == "'=1+2"


def test_two_processes_write_the_same_report_as_one(nlp: Language, tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    # Several partitions, so that the pool really splits the work.
    header, body = _csv_bytes(",", "utf-8").split(b"\r\n", 1)
    source.write_bytes(header + b"\r\n" + body * (2 * PARTITION_ROWS // len(ROWS) + 1))
    outputs = []
    for processes in ("1", "2"):
        out = tmp_path / f"report-{processes}.csv"
        assert main(["bulk", str(source), "-o", str(out), "--processes", processes,
                     "--reference-date", "2026-11-27"]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_named_columns_are_used(nlp: Language, tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(b"Person,Idea,Plan\nDee,x,Launch 2 webinars per month through Q3\n")
    out = tmp_path / "r.csv"
    assert main(["bulk", str(source), "-o", str(out), "--column", "plan",
                 "--owner-column", "Person"]) == 0
    assert _read_report(out)[0]["error"] == ""


BAD = [
    pytest.param(b"", "is empty", id="empty"),
    pytest.param(bytes(range(256)) * 20, "binary", id="binary"),
    pytest.param(b"PK\x03\x04\x14\x00broken", "not a readable XLSX", id="broken-xlsx"),
    pytest.param(b"Name,Region\nOla,North\n", "'Name', 'Region'", id="no-goal-column"),
]


@pytest.mark.parametrize(("data", "words"), BAD)
def test_bad_files_exit_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    source = tmp_path / "team.xlsx" if data.startswith(b"PK") else tmp_path / "team.csv"
    source.write_bytes(data)
    assert main(["bulk", str(source)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.report.*"))


def test_no_goal_column_message_names_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(b"Name,Region\nOla,North\n")
    assert main(["bulk", str(source)]) == 2
    assert "--column" in capsys.readouterr().err
