"""Test cases read from the per-class example files (data/examples/wave<N>-<class>.jsonl):
one pytest param per labelled goal, a known miss marked as a strict xfail with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
REFERENCE = "2026-11-27"


def records(wave: int, name: str) -> list[dict]:
    lines = (EXAMPLES / f"wave{wave}-{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def example_cases(wave: int, names: tuple[str, ...], known: dict[str, str]) -> list:
    """The goals of the named files of a wave; a goal listed in `known` must still fail (a
    case that passes shows its miss was fixed and its entry can go)."""
    return [pytest.param(r, id=f"{r['id']}-{r['text'][:40]}", marks=[pytest.mark.xfail(
        reason=known[r["id"]], strict=True)] if r["id"] in known else [])
        for name in names for r in records(wave, name)]


def span(found: object) -> str | None:
    """The text of a found part, None when nothing was found."""
    return getattr(found, "text", None)
