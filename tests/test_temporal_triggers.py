"""A time pattern runs only over texts holding one of its triggers (`triggers.py`): the
triggers read off a pattern must be in every string it matches, so a gate may let a text
through for nothing but never turn away a text the pattern matches."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from assistant.temporal.normalize import normalize
from assistant.temporal.patterns import patterns
from assistant.temporal.triggers import holds_trigger, triggers

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = tomllib.loads(
    resources.files("assistant.temporal").joinpath("data", "examples.toml").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"q[1-4]", ("q1", "q2", "q3", "q4")),
        (r"(?<![a-z])(?:jan|feb)(?:uary)?(?![a-z])", ("feb", "jan")),
        (r"\d{1,2}/\d{1,2}", ("/",)),
        (r"(?:by|before)\s+(?:eoq|eoy)", ("eoq", "eoy")),
        (r"fy\s*\d{2}", ("fy",)),
        (r"\d+\s*(?:days?|weeks?)", ("day", "week")),
        (r"(?:the\s+)?end", ("end",)),
        (r"\d+", None),  # digits only: no trigger is known
        (r"(?i)jan", None),  # case-blind patterns are not read
        (r"(?:x|)", None),  # an empty alternative needs nothing
    ],
)
def test_triggers_of_a_pattern(source: str, expected: tuple[str, ...] | None) -> None:
    assert triggers(re.compile(source)) == expected


def _texts() -> list[str]:
    files = [*sorted((DATA / "examples").glob("*.jsonl")), *sorted((DATA / "training").glob(
        "*.jsonl")), *sorted((DATA / "opened").glob("*.jsonl"))]
    return [json.loads(line)["text"] for path in files
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_no_gate_turns_away_a_text_its_pattern_matches() -> None:
    texts = [normalize(text).text for text in _texts()]
    texts += [phrase for cases in EXAMPLES.values() for phrase in cases["match"]]
    turned_away = [(pattern.name, text[:60]) for pattern in patterns() for text in texts
                   if pattern.regex.search(text) and not holds_trigger(pattern.gate, text)]
    assert turned_away == []


def test_most_patterns_have_a_gate() -> None:
    gated = [pattern.name for pattern in patterns() if pattern.gate is not None]
    assert len(gated) >= len(patterns()) * 3 // 4
