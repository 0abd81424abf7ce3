"""Spreadsheets in and out: CSV (common encodings and delimiters) and XLSX, streamed row by row.

`open_table` decodes what HR and CRM systems really export, finds the goal and owner columns
by their headers and hands the data rows on lazily, so a 200,000-row file never sits in memory.
Every writer passes each cell through `safe_cell`, so no output cell runs as a formula.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Literal, Protocol
from xml.etree.ElementTree import ParseError

import charset_normalizer

from .errors import (
    EmptyFileError,
    EncodingError,
    FileFormatError,
    NoGoalColumnError,
)
from .lexicon import load_data

Source = str | os.PathLike[str] | bytes
TableFormat = Literal["csv", "xlsx"]
OutputFormat = Literal["csv", "xlsx", "json"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("csv", "xlsx", "json")

# Enough of the file to detect its encoding and delimiter without reading all of it.
SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# UTF-32 first: its little-endian BOM begins with UTF-16's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_WESTERN = "cp1252"
# Mac and DOS code pages: no spreadsheet exports them today, yet charset-normalizer often
# proposes them for short samples.
OBSOLETE_CODE_PAGES = ("mac", "cp4", "cp7", "cp8", "hp")
# Share of control characters above which decoded "text" is really binary data.
BINARY_CONTROL_SHARE = 0.01
# OWASP CSV injection: spreadsheets run a cell that starts with one of these as a formula
# (the full-width forms are folded to the ASCII ones by some spreadsheet input methods).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
XLSX_MAX_CELL_CHARS = 32_767
COLUMNS_FILE = "table_columns.json"


@dataclass
class Table:
    """A readable spreadsheet: its headers, the columns holding the goal and the owner, how it
    was decoded, and its data rows streamed in order. Every row has one cell per header; a
    blank row in the middle of the file is kept as a row of empty cells."""

    headers: list[str]
    goal_column: int
    owner_column: int | None
    format: TableFormat
    encoding: str | None
    delimiter: str | None
    first_row: int
    rows: Iterator[list[str]]

    @property
    def goal_header(self) -> str:
        return self.headers[self.goal_column]

    @property
    def owner_header(self) -> str | None:
        return None if self.owner_column is None else self.headers[self.owner_column]

    def describe(self) -> str:
        """How the file was read, for people: "CSV, cp1252, ';'-separated"."""
        if self.format == "xlsx":
            return "XLSX"
        delimiter = "tab" if self.delimiter == "\t" else repr(self.delimiter)
        return f"CSV, {self.encoding}, {delimiter}-separated"


@contextmanager
def open_table(
    source: Source,
    *,
    filename: str | None = None,
    column: str | None = None,
    owner_column: str | None = None,
) -> Iterator[Table]:
    """Open a CSV or XLSX file (a path, or the bytes of an upload named `filename`) and find
    its goal column (`column` names it explicitly) and owner column. Raises a
    `FileFormatError` subclass for anything that is not a readable table of goals."""
    name = filename or ("upload" if isinstance(source, bytes) else os.fspath(source))
    with ExitStack() as stack:
        stream = stack.enter_context(_open_binary(source, name))
        head = stream.read(SAMPLE_BYTES)
        stream.seek(0)
        if not head:
            raise EmptyFileError(f"{name} is empty")
        if head.startswith(ZIP_MAGIC):
            records = _xlsx_records(stream, name, stack)
            fmt: TableFormat = "xlsx"
            encoding = delimiter = None
        else:
            _reject_non_csv(head, name)
            encoding = detect_encoding(head, name)
            delimiter = _csv_delimiter(head, encoding, name)
            text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
            stack.callback(text.detach)
            records = _csv_records(csv.reader(text, delimiter=delimiter), name)
            fmt = "csv"
        headers, header_row = _read_headers(records, name)
        goal = _goal_column(headers, column, name)
        owner = _owner_column(headers, owner_column, goal, name)
        yield Table(
            headers=headers,
            goal_column=goal,
            owner_column=owner,
            format=fmt,
            encoding=encoding,
            delimiter=delimiter,
            first_row=header_row + 1,
            rows=_data_rows(records, len(headers)),
        )


@contextmanager
def _open_binary(source: Source, name: str) -> Iterator[BinaryIO]:
    if isinstance(source, bytes):
        yield io.BytesIO(source)
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115 - closed below, after the rows are read
    except OSError as exc:
        raise FileFormatError(f"cannot open {name}: {exc.strerror or exc}") from exc
    with stream:
        yield stream


def _csv_delimiter(head: bytes, encoding: str, name: str) -> str:
    sample = head.decode(encoding, errors="replace")
    _reject_binary(sample, name)
    return sniff_delimiter(sample)


def _reject_non_csv(head: bytes, name: str) -> None:
    if head.startswith(OLE_MAGIC):
        raise FileFormatError(
            f"{name} is a legacy Excel .xls file; save it as .xlsx or .csv and try again"
        )
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise FileFormatError(f"{name} is not a valid XLSX workbook (it is not a zip archive)")


def detect_encoding(sample: bytes, name: str = "file") -> str:
    """The Python codec that decodes `sample`: a byte-order mark wins, then strict UTF-8,
    then charset-normalizer's guess (Windows-1252 when it is among the likeliest)."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding
    if _is_utf8(sample):
        return "utf-8"
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        _reject_binary(sample.decode("latin-1"), name)
        raise EncodingError(
            f"cannot tell the text encoding of {name}; save it as UTF-8 CSV or as XLSX"
        )
    return codecs.lookup(_legacy_code_page(sample, matches)).name


def _legacy_code_page(sample: bytes, matches: list[charset_normalizer.CharsetMatch]) -> str:
    """Windows-1252, the code page of most Western spreadsheet exports, whenever
    charset-normalizer finds it plausible: on short samples it often ranks a look-alike
    (cp1250, mac_latin2) first. Otherwise its best current code page."""
    current = [m for m in matches if not m.encoding.startswith(OBSOLETE_CODE_PAGES)]
    if any(LEGACY_WESTERN in match.could_be_from_charset for match in matches):
        return LEGACY_WESTERN
    if not current and _decodes(sample, LEGACY_WESTERN):
        return LEGACY_WESTERN
    return (current or matches)[0].encoding


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(sample: bytes) -> bool:
    # NUL bytes decode as UTF-8 but mean UTF-16 without a BOM (or binary data).
    if b"\x00" in sample:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _reject_binary(sample: str, name: str) -> None:
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\r\n"
    )
    if "\x00" in sample or controls > BINARY_CONTROL_SHARE * len(sample):
        raise FileFormatError(f"{name} is not a CSV or XLSX file (it holds binary data)")


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's header into the most columns with the data
    rows agreeing on that width (comma when nothing splits it)."""
    return max(DELIMITERS, key=lambda delimiter: _delimiter_score(sample, delimiter))


def _delimiter_score(sample: str, delimiter: str) -> tuple[bool, float, int]:
    try:
        records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
    except csv.Error:
        return (False, 0.0, 0)
    if not records:
        return (False, 0.0, 0)
    # The sample may end inside the last record, so it does not vote.
    body = records[1:-1] or records[1:]
    width = len(records[0])
    agreeing = sum(1 for record in body if len(record) == width) / len(body) if body else 1.0
    return (width > 1, agreeing, width)


def _csv_records(reader: Iterator[list[str]], name: str) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        line = getattr(reader, "line_num", "?")
        raise FileFormatError(f"{name} is not a well-formed CSV file (line {line}: {exc})") from exc


# openpyxl takes a noticeable part of a second to import, so only XLSX work imports it
# (every `goalsmith` command would pay for it otherwise).
def _xlsx_records(stream: BinaryIO, name: str, stack: ExitStack) -> Iterator[list[str]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileFormatError(f"{name} is not a readable XLSX workbook ({exc})") from exc
    stack.callback(book.close)
    sheet = book.active or book.worksheets[0]
    return _xlsx_rows(sheet.iter_rows(values_only=True), name)


def _xlsx_rows(rows: Iterator[Sequence[object]], name: str) -> Iterator[list[str]]:
    try:
        for values in rows:
            yield [cell_text(value) for value in values]
    except (ParseError, KeyError, ValueError) as exc:
        raise FileFormatError(f"{name} is not a readable XLSX workbook ({exc})") from exc


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a person sees in the cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _is_blank(record: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in record)


def _read_headers(records: Iterator[list[str]], name: str) -> tuple[list[str], int]:
    for number, record in enumerate(records, start=1):
        if not _is_blank(record):
            return _unique_headers(record), number
    raise EmptyFileError(f"{name} has no header row and no goals")


def _unique_headers(record: Sequence[str]) -> list[str]:
    headers: list[str] = []
    for index, raw in enumerate(record, start=1):
        header = raw.strip().lstrip("\ufeff").strip() or f"column {index}"
        candidate, copy = header, 1
        while candidate in headers:
            copy += 1
            candidate = f"{header} ({copy})"
        headers.append(candidate)
    return headers


def _data_rows(records: Iterator[list[str]], width: int) -> Iterator[list[str]]:
    """Rows fitted to the header width; blank rows are held back until a later row shows
    they are inside the table rather than trailing after it."""
    blank = 0
    for record in records:
        if _is_blank(record):
            blank += 1
            continue
        for _ in range(blank):
            yield [""] * width
        blank = 0
        yield (record + [""] * (width - len(record)))[:width]


def normalise_header(header: str) -> str:
    """A header reduced for matching: lower case, words separated by single spaces."""
    return " ".join(re.split(r"[\W_]+", header.casefold().replace("#", " number "))).strip()


def _contains(header: str, phrase: str) -> bool:
    return f" {phrase} " in f" {header} "


def find_column(
    headers: Sequence[str], role: Literal["goal", "owner"], skip: int = -1
) -> int | None:
    """The index of the column whose header names the role (see data/table_columns.json)."""
    names = [normalise_header(header) for header in headers]
    lexicon = load_data(__package__, COLUMNS_FILE)
    wanted, excluded = lexicon[role], lexicon[f"{role}_exclude"]
    for phrase in wanted:
        for index, header in enumerate(names):
            if index != skip and header == phrase:
                return index
    for phrase in wanted:
        for index, header in enumerate(names):
            if index == skip or not _contains(header, phrase):
                continue
            if not any(_contains(header, word) for word in excluded):
                return index
    return None


def pick_column(headers: Sequence[str], wanted: str) -> int | None:
    """The column a person named: a header (case and punctuation ignored) or a 1-based number."""
    key = normalise_header(wanted)
    for index, header in enumerate(headers):
        if normalise_header(header) == key:
            return index
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    return None


def _header_list(headers: Sequence[str]) -> str:
    return ", ".join(repr(header) for header in headers)


def _goal_column(headers: list[str], column: str | None, name: str) -> int:
    index = find_column(headers, "goal") if column is None else pick_column(headers, column)
    if index is not None:
        return index
    reason = (
        f"no column named {column!r}"
        if column is not None
        else "no column header looks like goal text (goal, objective, description, ...)"
    )
    raise NoGoalColumnError(
        f"{name}: {reason}; the headers are {_header_list(headers)}. "
        "Say which column holds the goals.",
        details={"headers": headers},
    )


def _owner_column(headers: list[str], column: str | None, goal: int, name: str) -> int | None:
    if column is None:
        return find_column(headers, "owner", skip=goal)
    index = pick_column(headers, column)
    if index is None:
        raise FileFormatError(
            f"{name}: no owner column named {column!r}; the headers are {_header_list(headers)}",
            details={"headers": headers},
        )
    return index


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
