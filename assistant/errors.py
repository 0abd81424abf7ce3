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


class InvalidOptionError(InputError):
    code = "invalid_option"


class FileFormatError(InputError):
    """A file (CSV, XLSX, JSONL) cannot be read."""

    code = "invalid_file"


class ModelError(GoalsmithError):
    """A trained artifact is missing, unreadable or untrusted."""

    code = "model_error"
