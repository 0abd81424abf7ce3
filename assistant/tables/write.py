"""Spreadsheets out: CSV, XLSX and JSON writers, row by row.

Every writer passes each cell through `safe_cell`, so no output cell runs as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO, Protocol

from ..errors import FileFormatError
from ..result import OutputFormat

OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("csv", "xlsx", "json")
# OWASP CSV injection: spreadsheets run a cell that starts with one of these as a formula
# (the full-width forms are folded to the ASCII ones by some spreadsheet input methods).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
XLSX_MAX_CELL_CHARS = 32_767


def safe_cell(value: object) -> object:
    """`value` as a spreadsheet may show but never run it: text starting with a formula
    trigger (OWASP: = + - @ tab CR), even after spaces or line breaks, gets a leading
    apostrophe. Numbers and other values pass unchanged."""
    if isinstance(value, str) and value.lstrip(" \n").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _cell_value(value: object) -> object:
    """An output value as one spreadsheet cell: lists joined, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return value


def _json_value(value: object) -> object:
    if isinstance(value, Mapping):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return safe_cell(value)


class TableWriter(Protocol):
    """Writes rows of a fixed list of columns, one at a time, then an optional summary."""

    def write_row(self, row: Mapping[str, object]) -> None: ...

    def finish(self, summary: Mapping[str, object] | None = None) -> None: ...


class CsvWriter:
    """UTF-8 CSV; with a byte-order mark for files, so that Excel shows accents right."""

    def __init__(self, stream: BinaryIO, columns: Sequence[str], *, bom: bool = True) -> None:
        encoding = "utf-8-sig" if bom else "utf-8"
        self._text = io.TextIOWrapper(stream, encoding=encoding, newline="")
        self._writer = csv.writer(self._text)
        self._columns = list(columns)
        self._writer.writerow([safe_cell(column) for column in self._columns])

    def write_row(self, row: Mapping[str, object]) -> None:
        self._writer.writerow([safe_cell(_cell_value(row.get(c))) for c in self._columns])

    def finish(self, summary: Mapping[str, object] | None = None) -> None:
        self._text.flush()
        self._text.detach()


class XlsxWriter:
    """A write-only workbook (rows go to disk as they come): sheet "Goals", and "Summary"."""

    def __init__(self, stream: BinaryIO, columns: Sequence[str]) -> None:
        import openpyxl
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self._illegal = ILLEGAL_CHARACTERS_RE
        self._stream = stream
        self._book = openpyxl.Workbook(write_only=True)
        self._sheet = self._book.create_sheet("Goals")
        self._columns = list(columns)
        self._sheet.append([self._cell(column) for column in self._columns])

    def write_row(self, row: Mapping[str, object]) -> None:
        self._sheet.append([self._cell(_cell_value(row.get(c))) for c in self._columns])

    def finish(self, summary: Mapping[str, object] | None = None) -> None:
        if summary is not None:
            sheet = self._book.create_sheet("Summary")
            for key, value in _summary_lines(summary):
                sheet.append([self._cell(key), self._cell(_cell_value(value))])
        self._book.save(self._stream)

    def _cell(self, value: object) -> object:
        """Control characters XLSX cannot hold are dropped, long text cut to Excel's limit."""
        if isinstance(value, str):
            return safe_cell(self._illegal.sub("", value)[:XLSX_MAX_CELL_CHARS])
        return value


def _summary_lines(summary: Mapping[str, object], prefix: str = "") -> Iterator[tuple[str, object]]:
    """A nested summary as (dotted key, value) lines: {"a": {"b": 1}} -> ("a.b", 1)."""
    for key, value in summary.items():
        label = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _summary_lines(value, f"{label}.")
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            for index, item in enumerate(value, start=1):
                yield from _summary_lines(item, f"{label}.{index}.")
        else:
            yield label, value


class JsonWriter:
    """One JSON object: {"columns": [...], "rows": [...], "summary": {...}}, a row per line."""

    def __init__(self, stream: BinaryIO, columns: Sequence[str]) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
        self._columns = list(columns)
        self._first = True
        self._text.write('{"columns": ' + _dumps(_json_value(self._columns)) + ', "rows": [')

    def write_row(self, row: Mapping[str, object]) -> None:
        record = {column: _json_value(row.get(column)) for column in self._columns}
        self._text.write(("\n" if self._first else ",\n") + _dumps(record))
        self._first = False

    def finish(self, summary: Mapping[str, object] | None = None) -> None:
        tail = _dumps(_json_value(summary)) if summary is not None else "null"
        self._text.write('\n], "summary": ' + tail + "}\n")
        self._text.flush()
        self._text.detach()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_writer(
    fmt: OutputFormat, stream: BinaryIO, columns: Sequence[str], *, bom: bool = True
) -> TableWriter:
    """A writer of `fmt` onto a binary stream (a file, a BytesIO, stdout's buffer); `bom`
    is for CSV files, and is best left out of a pipe."""
    if fmt == "csv":
        return CsvWriter(stream, columns, bom=bom)
    if fmt == "xlsx":
        return XlsxWriter(stream, columns)
    if fmt == "json":
        return JsonWriter(stream, columns)
    raise FileFormatError(f"unknown output format {fmt!r}; use one of {OUTPUT_FORMATS}")


def write_table(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    fmt: OutputFormat = "csv",
    summary: Mapping[str, object] | None = None,
) -> bytes:
    """Rows (and a summary, where the format has room for one) as the bytes of a file."""
    buffer = io.BytesIO()
    writer = make_writer(fmt, buffer, columns)
    for row in rows:
        writer.write_row(row)
    writer.finish(summary)
    return buffer.getvalue()
