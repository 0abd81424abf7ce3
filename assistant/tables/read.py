"""Spreadsheets in: CSV (common encodings and delimiters) and XLSX, streamed row by row.

`open_table` decodes what HR and CRM systems really export, finds the goal and owner columns
by their headers and hands the data rows on lazily, so a 200,000-row file never sits in memory.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Literal
from xml.etree.ElementTree import ParseError

import charset_normalizer

from ..errors import (
    EmptyFileError,
    EncodingError,
    FileFormatError,
    NoGoalColumnError,
    TooManyRowsError,
)
from ..lexicon import load_data
from ..result import TableFormat

Source = str | os.PathLike[str] | bytes

# Enough of the file to detect its encoding and delimiter without reading all of it.
SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
ZIP_MAGIC = b"PK\x03\x04"
# Checked on every part of an XLSX archive before anything is parsed (zip bombs): parts
# expanding more than MAX_EXPANSION times (once over MIN_CHECKED_BYTES), more than
# MAX_EXPANDED_BYTES in all, or shared strings (held in memory while reading) over
# MAX_SHARED_STRINGS_BYTES. A real workbook's XML compresses 5 to 20 times; 10,000 goals of
# 500 characters make about 6 MB of shared strings.
MAX_EXPANSION = 100
MIN_CHECKED_BYTES = 1024 * 1024
MAX_EXPANDED_BYTES = 128 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024
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
    max_records: int | None = None,
) -> Iterator[Table]:
    """Open a CSV or XLSX file (a path, or the bytes of an upload named `filename`) and find
    its goal column (`column` names it explicitly) and owner column. Raises a
    `FileFormatError` subclass for anything that is not a readable table of goals, and
    `TooManyRowsError` once more than `max_records` rows (blank ones too) have been read."""
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
        if max_records is not None:
            records = _at_most(records, max_records)
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

    check_archive(stream, name)
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileFormatError(f"{name} is not a readable XLSX workbook ({exc})") from exc
    stack.callback(book.close)
    sheet = book.active or book.worksheets[0]
    return _xlsx_rows(sheet.iter_rows(values_only=True), name)


def check_archive(stream: BinaryIO, name: str) -> None:
    """Refuse an XLSX archive whose parts would expand beyond the limits above, from the
    sizes its directory declares (reading never expands a part past its declared size)."""
    try:
        with zipfile.ZipFile(stream) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileFormatError(f"{name} is not a readable XLSX workbook ({exc})") from exc
    finally:
        stream.seek(0)
    expanded = sum(part.file_size for part in parts)
    if expanded > MAX_EXPANDED_BYTES:
        raise FileFormatError(f"{name} expands to {expanded:,} bytes; the limit is "
                              f"{MAX_EXPANDED_BYTES:,}", details={"part": None})
    for part in parts:
        _check_part(part, name)


def _check_part(part: zipfile.ZipInfo, name: str) -> None:
    ratio = part.file_size / max(part.compress_size, 1)
    if part.file_size > MIN_CHECKED_BYTES and ratio > MAX_EXPANSION:
        raise FileFormatError(f"{name}: part {part.filename} expands {ratio:,.0f} times; "
                              f"the limit is {MAX_EXPANSION}", details={"part": part.filename})
    if part.filename.lower().endswith("sharedstrings.xml") and (
            part.file_size > MAX_SHARED_STRINGS_BYTES):
        raise FileFormatError(f"{name}: its shared strings expand to {part.file_size:,} "
                              f"bytes; the limit is {MAX_SHARED_STRINGS_BYTES:,}",
                              details={"part": part.filename})


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


def _at_most(records: Iterator[list[str]], limit: int) -> Iterator[list[str]]:
    """The records, stopping with `TooManyRowsError` past `limit` (a sheet of millions of
    blank rows is refused, not read to its end)."""
    for count, record in enumerate(records, start=1):
        if count > limit:
            raise TooManyRowsError(f"the file has more than {limit:,} rows; split it into "
                                   "smaller files", details={"limit": limit})
        yield record


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
