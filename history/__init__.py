"""Team history: saved team reports (cycles) in a SQL database, their trend, comparisons
between cycles and the alignment of goals with their team's parent goals.

The analysis core (`assistant`) never imports this package; the surfaces (CLI, API, web)
do, and only when a user saves or reads history.
"""

from .errors import CycleExistsError, CycleNotFoundError, HistoryError, InvalidNameError
from .records import CycleDetail, CycleInfo, SavedGoal, StoredGoal, goals_from_report
from .store import HistoryStore, open_store

__all__ = [
    "CycleDetail",
    "CycleExistsError",
    "CycleInfo",
    "CycleNotFoundError",
    "HistoryError",
    "HistoryStore",
    "InvalidNameError",
    "SavedGoal",
    "StoredGoal",
    "goals_from_report",
    "open_store",
]
