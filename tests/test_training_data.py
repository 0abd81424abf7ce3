"""The training corpus (data/training/goals.jsonl) follows the gold format of
../shared/goals/GUIDELINE.md and never repeats a dev-set goal."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "data" / "training" / "goals.jsonl"
FIELDS = ("id", "text", "metric", "target", "deadline", "deadline_date", "relevance",
          "vague", "role", "notes")
SPANS = ("metric", "target", "deadline", "relevance")
MIN_RECORDS = 600
# Word-set overlap above which a training goal counts as a paraphrase of a dev goal.
NEAR_DUPLICATE_JACCARD = 0.7


def _lines() -> list[str]:
    return [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _records() -> list[dict]:
    return [json.loads(line) for line in _lines()]


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _field_problems(record: dict) -> list[str]:
    problems = []
    if tuple(record) != FIELDS:
        problems.append(f"fields {tuple(record)}")
    if not re.fullmatch(r"t\d{4}", str(record.get("id"))):
        problems.append(f"id {record.get('id')!r}")
    if not isinstance(record.get("vague"), list):
        problems.append("vague is not a list")
    return problems


def _span_problems(record: dict) -> list[str]:
    text = record["text"]
    spans = [(name, record[name]) for name in SPANS] + [("vague", v) for v in record["vague"]]
    return [f"{name} {span!r} is not in the text" for name, span in spans
            if span is not None and (not span or span not in text)]


def _date_problems(record: dict) -> list[str]:
    date = record["deadline_date"]
    if date is None:
        return []
    if record["deadline"] is None:
        return [f"deadline_date {date} without a deadline span"]
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return [f"deadline_date {date!r} is not an ISO date"]
    return [] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else [f"deadline_date {date!r}"]


def _vague_problems(record: dict) -> list[str]:
    vague = record["vague"]
    return [f"vague {vague} repeats an entry"] if len(set(vague)) != len(vague) else []


RECORD_CHECKS: dict[str, Callable[[dict], list[str]]] = {
    "fields-and-id": _field_problems,
    "spans-are-exact-substrings": _span_problems,
    "deadline-dates-are-iso": _date_problems,
    "vague-entries-unique": _vague_problems,
}


def test_every_line_is_a_json_object() -> None:
    bad = [n for n, line in enumerate(_lines(), 1) if not isinstance(json.loads(line), dict)]
    assert not bad, f"lines that are not JSON objects: {bad}"


@pytest.mark.parametrize("check", RECORD_CHECKS.values(), ids=RECORD_CHECKS.keys())
def test_every_record_passes(check: Callable[[dict], list[str]]) -> None:
    failures = {r.get("id"): p for r in _records() if (p := check(r))}
    assert not failures, failures


def test_corpus_is_large_enough() -> None:
    assert len(_records()) >= MIN_RECORDS


def test_ids_are_unique() -> None:
    ids = [r["id"] for r in _records()]
    assert len(set(ids)) == len(ids)


def test_texts_are_unique() -> None:
    seen: dict[frozenset[str], str] = {}
    repeats = []
    for record in _records():
        key = _words(record["text"])
        if key in seen:
            repeats.append((seen[key], record["id"]))
        seen.setdefault(key, record["id"])
    assert not repeats, repeats


def test_no_goal_repeats_or_paraphrases_the_dev_set(dev_records: list[dict]) -> None:
    dev = [(d["id"], _words(d["text"])) for d in dev_records]
    close = [(r["id"], dev_id) for r in _records() for dev_id, words in dev
             if _jaccard(_words(r["text"]), words) >= NEAR_DUPLICATE_JACCARD]
    assert not close, f"training goals too close to dev goals: {close}"


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("Close 5 deals by Friday.", "close 5 deals by friday", True),
        ("Close 5 deals by Friday.", "Book 40 demos in Q3 to feed the pipeline.", False),
    ],
    ids=["case-and-punctuation-ignored", "different-goal"],
)
def test_near_duplicate_measure(a: str, b: str, near: bool) -> None:
    assert (_jaccard(_words(a), _words(b)) >= NEAR_DUPLICATE_JACCARD) is near
