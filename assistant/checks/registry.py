"""The rule registry: declarative records read from `data/rules.toml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..lexicon import load_data
from ..result import Severity

RULES_FILE = "rules.toml"


@dataclass(frozen=True)
class Rule:
    """One check: a stable id, what it is about, how bad it is, what to say and how to fix
    it, the tunable numbers it reads, and goals it must flag and must pass."""

    id: str
    component: str
    severity: Severity
    message: str
    fix: str
    should_flag: tuple[str, ...]
    should_pass: tuple[str, ...]
    params: MappingProxyType[str, float] = field(
        default_factory=lambda: MappingProxyType({})
    )


@dataclass(frozen=True)
class ScoreSpec:
    """The documented score formula's numbers (see `assistant.checks.score`)."""

    base: int
    penalty_cap: int
    weights: MappingProxyType[str, int]
    penalties: MappingProxyType[str, int]


@lru_cache(maxsize=1)
def _registry_data() -> dict[str, Any]:
    return dict(load_data(__package__, RULES_FILE))


def _rule(raw: dict[str, Any]) -> Rule:
    return Rule(
        id=raw["id"],
        component=raw["component"],
        severity=raw["severity"],
        message=raw["message"],
        fix=raw["fix"],
        should_flag=tuple(raw["should_flag"]),
        should_pass=tuple(raw["should_pass"]),
        params=MappingProxyType(dict(raw.get("params", {}))),
    )


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Every rule by id, in registry order."""
    return {raw["id"]: _rule(raw) for raw in _registry_data()["rule"]}


@lru_cache(maxsize=1)
def score_spec() -> ScoreSpec:
    raw = _registry_data()["score"]
    return ScoreSpec(
        base=raw["base"],
        penalty_cap=raw["penalty_cap"],
        weights=MappingProxyType(dict(raw["weights"])),
        penalties=MappingProxyType(dict(raw["penalties"])),
    )
