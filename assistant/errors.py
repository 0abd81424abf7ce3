"""One tree of exceptions for everything Goalsmith raises on purpose."""

from __future__ import annotations


class GoalsmithError(Exception):
    """Base of every error Goalsmith raises; `code` is stable and machine-readable."""

    code = "goalsmith_error"

    def __init__(self, message: str, *, details: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InputError(GoalsmithError):
    """The caller's input cannot be analysed as given."""

    code = "invalid_input"


class EmptyTextError(InputError):
    code = "empty_text"


class TextTooLongError(InputError):
    code = "text_too_long"


class InvalidCharactersError(InputError):
    code = "invalid_characters"


class InvalidOptionError(InputError):
    code = "invalid_option"


class FileFormatError(InputError):
    """A file (CSV, XLSX, JSONL) cannot be read."""

    code = "invalid_file"


class EmptyFileError(FileFormatError):
    """The file holds no header row and no data."""

    code = "empty_file"


class EncodingError(FileFormatError):
    """The text encoding of a CSV file cannot be detected or decoded."""

    code = "unreadable_encoding"


class NoGoalColumnError(FileFormatError):
    """No column holds the goal text; `details` lists the headers found."""

    code = "no_goal_column"


class TooManyRowsError(InputError):
    """A table has more rows than the caller accepts."""

    code = "too_many_rows"


class AnalysisFailedError(GoalsmithError):
    """One goal could not be analysed because of a fault in Goalsmith, not in the input."""

    code = "analysis_failed"


class AnalysisTimeoutError(GoalsmithError):
    """An analysis ran past its time budget and was stopped (a server's setting)."""

    code = "analysis_timeout"


class ModelError(GoalsmithError):
    """A trained artifact is missing, unreadable or untrusted."""

    code = "model_error"
