"""Goalsmith: a language-aware goal writing assistant."""

from .analysis import analyze, check_many
from .errors import GoalsmithError, InputError
from .options import MAX_BATCH_GOALS, MAX_TEXT_CHARS, MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
from .result import GoalAnalysis

__version__ = "0.1.0"

__all__ = [
    "MAX_BATCH_GOALS",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_ROWS",
    "GoalAnalysis",
    "GoalsmithError",
    "InputError",
    "__version__",
    "analyze",
    "check_many",
]
