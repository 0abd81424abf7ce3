"""What every surface shows of history: a saved cycle with its alignment, a team's cycles,
parent goals read from an upload. Routes and commands call these and only render."""

from __future__ import annotations

import itertools

from pydantic import BaseModel, ConfigDict

from assistant import (
    MAX_UPLOAD_ROWS,
    InputError,
    NoGoalColumnError,
    TooManyRowsError,
    open_table,
)
from assistant.result import TeamReport

from .align import Alignment, align
from .records import CycleDetail, CycleInfo, goals_from_report
from .store import HistoryStore, check_name

FIRST_COLUMN = "1"  # `open_table` takes a 1-based column number as well as a header


class SavedReport(BaseModel):
    """A saved cycle and how its goals align with the parent goals saved with it."""

    model_config = ConfigDict(extra="forbid")

    cycle: CycleDetail
    alignment: Alignment


class CycleList(BaseModel):
    """Saved cycles, oldest upload first."""

    model_config = ConfigDict(extra="forbid")

    cycles: list[CycleInfo]


def saved_report(store: HistoryStore, team: str, cycle: str) -> SavedReport:
    detail = store.cycle(team, cycle)
    return SavedReport(cycle=detail, alignment=align(detail.entries, detail.parents))


def read_parents(source: str | bytes, *, filename: str | None = None,
                 column: str | None = None) -> list[str]:
    """The parent (team or company) goals of a CSV or XLSX file: the non-blank cells of
    `column` when given (e.g. a "Team goals" column beside the individual goals), else of its
    goal column, found by header like in any goals file, else of its first column."""
    if column is not None:
        return _column_cells(source, filename, column)
    try:
        return _column_cells(source, filename, None)
    except NoGoalColumnError:
        return _column_cells(source, filename, FIRST_COLUMN)


def _column_cells(source: str | bytes, filename: str | None, column: str | None) -> list[str]:
    with open_table(source, filename=filename, column=column) as table:
        cells = (row[table.goal_column].strip() for row in table.rows)
        return [cell for cell in cells if cell]


class GoalLine(BaseModel):
    """A goal read from a file without analysing it: spreadsheet row, owner, text."""

    model_config = ConfigDict(extra="forbid")

    row: int
    owner: str | None
    text: str


def read_goals(source: str | bytes, *, filename: str | None = None, column: str | None = None,
               owner_column: str | None = None, max_rows: int = MAX_UPLOAD_ROWS
               ) -> list[GoalLine]:
    """The goals of a CSV or XLSX file (row, owner, text), at most `max_rows` of them."""
    with open_table(source, filename=filename, column=column,
                    owner_column=owner_column) as table:
        rows = list(itertools.islice(enumerate(table.rows, start=table.first_row),
                                     max_rows + 1))
        if len(rows) > max_rows:
            raise TooManyRowsError(f"the file has more than {max_rows:,} goals",
                                   details={"limit": max_rows})
        owner = table.owner_column
        return [GoalLine(row=number, text=cells[table.goal_column],
                         owner=(cells[owner].strip() or None) if owner is not None else None)
                for number, cells in rows]


def file_alignment(goals: bytes, parents: bytes, *, filename: str | None = None,
                   parents_filename: str | None = None) -> Alignment:
    """Align the goals of one upload with the parent goals of another, nothing saved."""
    return align(read_goals(goals, filename=filename),
                 read_parents(parents, filename=parents_filename))


def save_target(team: str | None, cycle: str | None) -> tuple[str, str]:
    """The (team, cycle) a save asked for, checked before any goal is analysed."""
    if not (team and cycle):
        raise InputError("saving needs a team and a cycle name")
    return check_name(team, "team"), check_name(cycle, "cycle")


def save_report(store: HistoryStore, report: TeamReport, *, team: str, cycle: str,
                parents: list[str] | None = None, replace: bool = False) -> CycleInfo:
    """Save a team report (from the API or the web page) as a team's cycle."""
    return store.save_cycle(team, cycle, goals_from_report(report), report.summary,
                            parents=parents or [], source=report.source.filename,
                            replace=replace)
