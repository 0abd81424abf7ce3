"""The grammar's words and cue lists, read once from `data/*.toml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import load_data


@dataclass(frozen=True)
class Holiday:
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    shift: int = 0
    movable: str | None = None  # a feast computed per year ("easter")


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    seasons: dict[str, int]
    weekdays: dict[str, int]
    fuzzy_min_length: int
    fuzzy_min_word_length: int
    fuzzy_names: tuple[str, ...]
    ambiguous: frozenset[str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    undated: dict[str, str]
    relative: dict[str, int]
    near_days: dict[str, int]
    holidays: dict[str, Holiday]
    events: tuple[str, ...]
    spoken: dict[str, Any]
    cues: dict[str, Any]

    def cue(self, section: str, name: str) -> tuple[str, ...]:
        return tuple(self.cues[section][name])

    def name_breaks(self) -> tuple[str, ...]:
        """Words that end the name of an occasion: the event clause's breaks and the words
        that open a reason ("by june bc renewals depend on it")."""
        return (*self.cue("event_clause", "breaks"), *self.cue("label", "reason_markers"),
                *self.cue("label", "time_reason_markers"))


def _read(name: str) -> dict[str, Any]:
    return dict(load_data(__package__, name))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = _read("lexicon.toml")
    holidays = {
        name: Holiday(
            month=raw.get("month"), day=raw.get("day"), weekday=raw.get("weekday"),
            nth=raw.get("nth"), shift=raw.get("shift", 0), movable=raw.get("movable"),
        )
        for raw in words["holidays"]
        for name in raw["names"]
    }
    return Lexicon(
        months=words["months"],
        seasons=words["seasons"],
        weekdays=words["weekdays"],
        fuzzy_min_length=words["fuzzy"]["min_length"],
        fuzzy_min_word_length=words["fuzzy"]["min_word_length"],
        fuzzy_names=tuple(words["fuzzy"]["names"]),
        ambiguous=frozenset(words["ambiguous"]["words"]),
        numbers=words["numbers"],
        ordinals=words["ordinals"],
        units=words["units"],
        undated=words["undated"],
        relative=words["relative"],
        near_days=words["near_days"],
        holidays=holidays,
        events=tuple(words["events"]["names"]),
        spoken=words["spoken"],
        cues=_read("cues.toml"),
    )


# How far before an expression its cue words (preposition, edge, heading) are looked for.
CUE_WINDOW = 48


def window_start(position: int) -> int:
    """Where to start looking for the cue words that end at `position`."""
    return max(0, position - CUE_WINDOW)

