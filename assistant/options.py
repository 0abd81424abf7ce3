"""Per-call analysis options and the documented input limits."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .errors import EmptyTextError, InvalidCharactersError, InvalidOptionError, TextTooLongError

DateOrder = Literal["MDY", "DMY"]
RuleSetting = Literal["off", "error", "warning", "info"]

MAX_TEXT_CHARS = 5_000
# Line breaks and tabs are ordinary in pasted goals; every other control character is not.
ALLOWED_CONTROLS = frozenset("\t\n\r")
MAX_BATCH_GOALS = 1_000
# Goal text in one batch, all goals together: a full batch of ordinary goals (about 100
# characters each) fits; 1,000 goals of 5,000 characters would hold a worker for minutes.
MAX_BATCH_CHARS = 100_000
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_ROWS = 10_000


@dataclass(frozen=True)
class Options:
    """How one goal is read: the day relative dates count from, numeric date order,
    fiscal-year start month and per-rule overrides (rule id -> off/error/warning/info)."""

    reference_date: dt.date = field(default_factory=dt.date.today)
    date_order: DateOrder = "MDY"
    fiscal_year_start: int = 1
    rules: tuple[tuple[str, RuleSetting], ...] = ()
    use_model: bool = True

    @property
    def rule_overrides(self) -> dict[str, RuleSetting]:
        return dict(self.rules)


def make_options(
    *,
    reference_date: dt.date | str | None = None,
    date_order: str = "MDY",
    fiscal_year_start: int = 1,
    rules: dict[str, str] | None = None,
    use_model: bool = True,
) -> Options:
    """Validate raw option values (from a CLI flag, a request, a config file)."""
    order = date_order.upper()
    if order not in ("MDY", "DMY"):
        raise InvalidOptionError(f"date_order must be MDY or DMY, not {date_order!r}")
    if not 1 <= int(fiscal_year_start) <= 12:
        raise InvalidOptionError("fiscal_year_start must be a month number from 1 to 12")
    settings: list[tuple[str, RuleSetting]] = []
    for rule_id, value in sorted((rules or {}).items()):
        if value not in ("off", "error", "warning", "info"):
            raise InvalidOptionError(f"rule {rule_id!r}: setting must be off/error/warning/info")
        settings.append((rule_id, value))  # type: ignore[arg-type]
    return Options(
        reference_date=parse_reference_date(reference_date),
        date_order=order,  # type: ignore[arg-type]
        fiscal_year_start=int(fiscal_year_start),
        rules=tuple(settings),
        use_model=use_model,
    )


def parse_reference_date(value: dt.date | str | None) -> dt.date:
    if value is None or value == "":
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidOptionError(
            f"reference_date must be an ISO date (YYYY-MM-DD), not {value!r}"
        ) from exc


def check_text(text: object) -> str:
    """Return the goal text if it can be analysed, else raise a clear InputError."""
    if not isinstance(text, str):
        raise InvalidOptionError("goal text must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f"goal text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
            details={"length": len(text), "limit": MAX_TEXT_CHARS},
        )
    if not text.strip():
        raise EmptyTextError("goal text is empty")
    for offset, char in enumerate(text):
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in ("Cc", "Cs"):
            raise InvalidCharactersError(
                f"goal text holds a control character (U+{ord(char):04X}) at offset {offset}",
                details={"offset": offset},
            )
    return text
