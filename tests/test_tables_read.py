"""Reading goal spreadsheets as HR and CRM systems export them (no spaCy needed)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from workbooks import xlsx_bytes

from assistant.errors import EmptyFileError, FileFormatError, NoGoalColumnError
from assistant.tables.read import detect_encoding, find_column, open_table, sniff_delimiter

ROWS = [
    ["Owner", "Goal"],
    ["Priya", "Book 30 discovery calls by Jan 15, 2027"],
    ["Jonas", "Lift renewal rate\nfrom 82% to 90% this fiscal year"],
]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    def quote(cell: str) -> str:
        needs = any(char in cell for char in (delimiter, '"', "\n"))
        return '"' + cell.replace('"', '""') + '"' if needs else cell

    return "".join(delimiter.join(quote(cell) for cell in row) + "\r\n" for row in rows)


CSV_CASES = [
    pytest.param(_csv(ROWS, ",").encode("utf-8-sig"), "utf-8-sig", ",", id="utf8-bom-comma"),
    pytest.param(_csv(ROWS, ",").encode("utf-8"), "utf-8", ",", id="utf8-comma"),
    pytest.param(_csv(ROWS, "\t").encode("utf-16"), "utf-16", "\t", id="utf16-bom-tab"),
    pytest.param(_csv(ROWS, "|").encode("utf-8"), "utf-8", "|", id="utf8-pipe"),
]


@pytest.mark.parametrize(("data", "encoding", "delimiter"), CSV_CASES)
def test_csv_is_decoded_and_split(data: bytes, encoding: str, delimiter: str) -> None:
    with open_table(data, filename="team.csv") as table:
        rows = list(table.rows)
        assert (table.encoding, table.delimiter) == (encoding, delimiter)
        assert table.goal_header == "Goal" and table.owner_header == "Owner"
    assert rows == ROWS[1:]


WESTERN = [
    ["Mitarbeiter", "Zielbeschreibung;Objective", "Status"],
    ["Zoë Müller", "Réduire le churn de 5 % d’ici fin T2 –\nsuivi mensuel, budget 20 000 €", "ok"],
    ["François", "Grow “net new” ARR by €250k before 30/06/2027", ""],
]


def test_cp1252_semicolon_file_with_multiline_cells() -> None:
    data = _csv(WESTERN, ";").encode("cp1252")
    with open_table(data, filename="export.csv", column="Zielbeschreibung;Objective") as table:
        rows = list(table.rows)
        assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert rows == WESTERN[1:]


def test_utf16_without_bom_is_detected() -> None:
    data = _csv(ROWS, ",").encode("utf-16-le")
    with open_table(data) as table:
        assert table.encoding == "utf-16-le"
        assert list(table.rows) == ROWS[1:]


def test_blank_rows_inside_are_kept_and_trailing_ones_dropped() -> None:
    data = b"Goal,Owner\r\nShip the pricing page by May 1\r\n\r\n,\r\nCut churn to 3%\r\n\r\n\r\n"
    with open_table(data) as table:
        rows = list(table.rows)
        assert table.first_row == 2
    assert rows == [["Ship the pricing page by May 1", ""], ["", ""], ["", ""],
                    ["Cut churn to 3%", ""]]


def test_short_and_long_rows_fit_the_header() -> None:
    data = b"Goal,Owner\nWin 4 new logos\nRaise NPS to 45,Ana,extra\n"
    with open_table(data) as table:
        assert list(table.rows) == [["Win 4 new logos", ""], ["Raise NPS to 45", "Ana"]]


def test_xlsx_from_bytes_gives_text_cells() -> None:
    import datetime as dt

    data = xlsx_bytes([["Sales rep", "Key result", "Weight"],
                  ["Kim", "Close 12 deals in Q1", 0.5],
                  [None, None, None],
                  ["Lee", "Demo to 20 accounts", dt.datetime(2027, 3, 31)],
                  [None, None, None]])
    with open_table(data, filename="okrs.xlsx") as table:
        rows = list(table.rows)
        assert (table.format, table.encoding) == ("xlsx", None)
        assert table.goal_header == "Key result" and table.owner_header == "Sales rep"
    assert rows == [["Kim", "Close 12 deals in Q1", "0.5"], ["", "", ""],
                    ["Lee", "Demo to 20 accounts", "2027-03-31"]]


def test_xlsx_from_path(tmp_path: Path) -> None:
    path = tmp_path / "goals.xlsx"
    path.write_bytes(xlsx_bytes([["Goal"], ["Publish 6 case studies by year end"]]))
    with open_table(path) as table:
        assert list(table.rows) == [["Publish 6 case studies by year end"]]


HEADER_CASES = [
    pytest.param(["Goal ID", "Goal owner", "Goal text"], 2, 1, id="goal-text-beats-goal-id"),
    pytest.param(["Employee", "Objective", "Due date"], 1, 0, id="objective"),
    pytest.param(["name", "OKR / Key result", "status"], 1, 0, id="okr-key-result"),
    pytest.param(["#", "Description", "Assignee"], 1, 2, id="description-assignee"),
    pytest.param(["Rep Name", "Q1_goal", "Goal status"], 1, 0, id="q1-goal"),
    pytest.param(["SMART goal", "Team"], 0, None, id="no-owner"),
]


@pytest.mark.parametrize(("headers", "goal", "owner"), HEADER_CASES)
def test_goal_and_owner_columns_found_by_header(
    headers: list[str], goal: int, owner: int | None
) -> None:
    assert find_column(headers, "goal") == goal
    assert find_column(headers, "owner", skip=goal) == owner


@pytest.mark.parametrize("column", ["Notes", "notes", "2"], ids=["name", "case", "number"])
def test_column_named_explicitly(column: str) -> None:
    with open_table(b"Who,Notes\nAl,Add 3 partners by Q2\n", owner_column="who",
                    column=column) as table:
        assert (table.goal_header, table.owner_header) == ("Notes", "Who")


SAMPLES = [
    pytest.param("a;b;c\n1;2;3\n", ";", id="semicolon"),
    pytest.param("a,b\n\"x;y;z\",2\n", ",", id="comma-with-semicolons-quoted"),
    pytest.param("a\tb\n1\t2\n", "\t", id="tab"),
    pytest.param("only one column\nvalue\n", ",", id="single-column"),
]


@pytest.mark.parametrize(("sample", "delimiter"), SAMPLES)
def test_delimiter_is_sniffed(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(codecs.BOM_UTF8 + b"x", "utf-8-sig", id="utf8-bom"),
        pytest.param("Naïve".encode(), "utf-8", id="utf8"),
        pytest.param("Goal,Owner\nGrow ARR by 10% – Zoë\n".encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_encoding_detection(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding


BAD_FILES = [
    pytest.param(b"", "goals.csv", EmptyFileError, "empty", id="empty"),
    pytest.param(b"\r\n\r\n", "goals.csv", EmptyFileError, "no header", id="only-blank-lines"),
    pytest.param(bytes(range(256)) * 40, "goals.csv", FileFormatError, "binary", id="binary"),
    pytest.param(b"PK\x03\x04not really a zip", "goals.xlsx", FileFormatError, "XLSX",
                 id="broken-xlsx"),
    pytest.param(b"Goal\nnot a workbook\n", "goals.xlsx", FileFormatError, "XLSX",
                 id="csv-named-xlsx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "goals.xls",
                 FileFormatError, ".xls", id="legacy-xls"),
    pytest.param(b"Name,Quarter\nAl,Q1\n", "goals.csv", NoGoalColumnError, "'Name', 'Quarter'",
                 id="no-goal-column"),
]


@pytest.mark.parametrize(("data", "filename", "error", "words"), BAD_FILES)
def test_bad_files_raise_clear_errors(
    data: bytes, filename: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words), open_table(data, filename=filename):
        pass


def test_missing_named_column_lists_the_headers() -> None:
    with pytest.raises(NoGoalColumnError) as caught, open_table(b"Name,Text\n", column="Goal"):
        pass
    assert caught.value.details == {"headers": ["Name", "Text"]}


def test_missing_path_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="cannot open"), open_table(tmp_path / "nope.csv"):
        pass
