"""Every pattern of the time grammar carries examples in `data/examples.toml`; each
`match` example is matched whole and builds an expression, each `skip` example does not."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from assistant.temporal.grammar import BUILDERS
from assistant.temporal.patterns import Pattern, patterns

EXAMPLES = tomllib.loads(
    resources.files("assistant.temporal").joinpath("data", "examples.toml").read_text("utf-8")
)
PATTERNS = {p.name: p for p in patterns()}


def _builds(pattern: Pattern, phrase: str) -> bool:
    match = pattern.regex.fullmatch(phrase)
    return match is not None and BUILDERS[pattern.name](match) is not None


def test_every_pattern_has_examples() -> None:
    assert set(EXAMPLES) == set(PATTERNS)
    assert all(EXAMPLES[name]["match"] for name in PATTERNS)
    assert set(BUILDERS) == set(PATTERNS)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [(name, phrase) for name, cases in EXAMPLES.items() for phrase in cases["match"]],
    ids=lambda value: str(value).replace(" ", "_"),
)
def test_pattern_matches_its_example(name: str, phrase: str) -> None:
    assert _builds(PATTERNS[name], phrase)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [(name, phrase) for name, cases in EXAMPLES.items() for phrase in cases["skip"]],
    ids=lambda value: str(value).replace(" ", "_"),
)
def test_pattern_skips_its_counter_example(name: str, phrase: str) -> None:
    assert not _builds(PATTERNS[name], phrase)
