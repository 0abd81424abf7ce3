"""Errors of the history store, in the core's one tree (`assistant.GoalsmithError`)."""

from __future__ import annotations

from assistant import GoalsmithError, InputError


class HistoryError(GoalsmithError):
    """The history database cannot do what was asked."""

    code = "history_error"


class InvalidNameError(InputError):
    """A team or cycle name that cannot be stored (empty, too long, or with a slash or a
    control character, which would break the URLs that name it)."""

    code = "invalid_name"


class CycleExistsError(HistoryError):
    """The team already has a cycle of that name; save again with `replace` to overwrite it."""

    code = "cycle_exists"


class CycleNotFoundError(HistoryError):
    """No saved cycle of that team and name."""

    code = "cycle_not_found"
