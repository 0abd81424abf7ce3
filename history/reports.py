"""What every surface shows of history: a saved cycle with its alignment, a team's cycles,
parent goals read from an upload. Routes and commands call these and only render."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant import NoGoalColumnError, open_table

from .align import Alignment, align
from .records import CycleDetail, CycleInfo
from .store import HistoryStore

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


def read_parents(source: str | bytes, *, filename: str | None = None) -> list[str]:
    """The parent (team or company) goals of a CSV or XLSX file: the non-blank cells of its
    goal column, found by header like in any goals file, else its first column."""
    try:
        return _column_cells(source, filename, None)
    except NoGoalColumnError:
        return _column_cells(source, filename, FIRST_COLUMN)


def _column_cells(source: str | bytes, filename: str | None, column: str | None) -> list[str]:
    with open_table(source, filename=filename, column=column) as table:
        cells = (row[table.goal_column].strip() for row in table.rows)
        return [cell for cell in cells if cell]
