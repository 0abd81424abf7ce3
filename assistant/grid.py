"""A goal pasted as a small table: a header line naming the columns, then value lines.

'Metric | Baseline | Target | Due⏎MQL→SQL conversion | 14% | 20% | Q1 FY27' (or the same
with tabs, from a sheet) is a form whose labels stand above their values instead of before
them. Each value cell takes its column's label, so that the detectors read it as they read
'Baseline: 14%'; the header's words name columns and are no part of the goal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .lexicon import word_set
from .quantities.lexicon import scoring
from .segments import is_numeric
from .spans import doc_text

GRID_KEY = "goalsmith.grid"
# The fewest cells a line of a table holds.
MIN_CELLS = 2
# Characters of a markdown rule line between a header and its values ('|---|:--:|').
RULE_CHARS = frozenset("-:=|")


@dataclass(frozen=True)
class Cell:
    """A cell of a table: its column's label (the header cell's words, lower case), its
    token bounds [start, end), and whether it is the header cell itself."""

    label: tuple[str, ...]
    start: int
    end: int
    header: bool

    def named(self, labels: frozenset[str]) -> bool:
        """The column's label, or its last words, is one of `labels` ('q4 actual' is named
        by 'actual', 'deal desk kpi' by 'kpi')."""
        return any(" ".join(self.label[k:]) in labels for k in range(len(self.label)))


def column_cell(doc: Doc, i: int, labels: frozenset[str]) -> Cell | None:
    """The value cell holding token i when its column is named by one of `labels`, else
    None (outside a table, in its header, or under another column). The tables are found
    once per Doc (the detectors ask at many tokens)."""
    cell = table_cells(doc).get(i)
    return cell if cell is not None and not cell.header and cell.named(labels) else None


def table_cells(doc: Doc) -> dict[int, Cell]:
    """Every token of a table's cells mapped to its cell, found once per Doc (empty for a
    goal without a table, so that a scan may skip `column_cell` at most tokens)."""
    cached = doc.user_data.get(GRID_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), _cells(doc))
        doc.user_data[GRID_KEY] = cached
    return cached[1]


@cache
def column_labels() -> frozenset[str]:
    """Every label that names a column: those of the form fields the detectors read."""
    return scoring().baseline_labels | word_set(
        "assistant", "metric.json", "field_labels") | word_set(
        "assistant", "metric.json", "target_labels") | word_set(
        "assistant", "relevance.json", "why_labels") | word_set(
        "assistant", "grid.json", "due_labels")


def _cells(doc: Doc) -> dict[int, Cell]:
    """Every token of a table's cells, header and values, mapped to its cell (none without
    a line break and a cell mark: most goals are one line)."""
    text = doc_text(doc)
    if "\n" not in text or ("|" not in text and "\t" not in text):
        return {}
    rows = [row for row in _rows(doc) if not _rule(doc, row)]
    found: dict[int, Cell] = {}
    k = 0
    while k < len(rows):
        header, values = rows[k], _values(doc, rows, k)
        if values:
            for row in [header, *values]:
                for column, (start, end) in enumerate(row):
                    label = tuple(t.lower_ for t in doc[header[column][0] : header[column][1]])
                    cell = Cell(label, start, end, row is header)
                    found.update(dict.fromkeys(range(start, end), cell))
        k += 1 + len(values)
    return found


def _values(doc: Doc, rows: list[list[tuple[int, int]]], k: int) -> list[list[tuple[int, int]]]:
    """The value lines under row k when it is a header: a line of cells that hold no number,
    one of them labelled, followed by lines of as many cells split by the same mark."""
    header = rows[k]
    if len(header) < MIN_CELLS or not _is_header(doc, header):
        return []
    end, mark = k + 1, _mark(doc, header)
    while end < len(rows) and len(rows[end]) == len(header) and _mark(doc, rows[end]) == mark:
        end += 1  # (by index, not a copy of the rest per header: a long paste stays linear)
    return rows[k + 1 : end]


def _is_header(doc: Doc, row: list[tuple[int, int]]) -> bool:
    tokens = [t for start, end in row for t in doc[start:end]]
    if any(is_numeric(t) for t in tokens):
        return False
    return any(Cell(tuple(t.lower_ for t in doc[start:end]), start, end, True).named(
        column_labels()) for start, end in row)


def _rows(doc: Doc) -> list[list[tuple[int, int]]]:
    """The lines of the doc split into cells at '|' or tabs, each cell as token bounds
    without its spaces; a line split by neither is one cell. The empty cells outside a
    line's outer pipes are dropped ('| Metric | Target |')."""
    rows, cells, start = [], [], 0
    for token in [*doc, None]:
        if token is None or "\n" in token.text or _separates(token):
            cells.append(_strip(doc, start, len(doc) if token is None else token.i))
            start = len(doc) if token is None else token.i + 1
        if token is None or "\n" in token.text:
            while cells and cells[0][0] == cells[0][1]:
                cells.pop(0)
            while cells and cells[-1][0] == cells[-1][1]:
                cells.pop()
            rows.append(cells)
            cells = []
    return rows


def _separates(token: Token) -> bool:
    return token.text == "|" or "\t" in token.text


def _mark(doc: Doc, row: list[tuple[int, int]]) -> str:
    """The mark splitting a row's cells: '|' or a tab."""
    return "|" if any(t.text == "|" for t in doc[row[0][1] : row[1][0]]) else "\t"


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def _rule(doc: Doc, row: list[tuple[int, int]]) -> bool:
    """A markdown rule line between a header and its values ('|---|---|')."""
    text = "".join(doc[start:end].text for start, end in row)
    return bool(text) and set(text) <= RULE_CHARS
