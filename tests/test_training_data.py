"""The labelled corpora follow the gold format of ../shared/goals/GUIDELINE.md: every
training file (data/training/*.jsonl, read as one corpus), the per-class example files
(data/examples/*.jsonl), the opened former sealed splits (data/opened/*.jsonl) and the sealed
evaluation split (data/sealed/goals.jsonl). No goal repeats a dev-set goal, and no training,
example or opened goal repeats a sealed one. Failures name files, ids and checks only: the
sealed split's text must never appear in test output."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from assistant.evaluation import gold_files, read_gold

DATA = Path(__file__).resolve().parents[1] / "data"
TRAINING = DATA / "training"
EXAMPLES = DATA / "examples"
OPENED = DATA / "opened"
SEALED = DATA / "sealed" / "goals.jsonl"
FILES = [*gold_files(TRAINING), *gold_files(EXAMPLES), *gold_files(OPENED), SEALED]
FIELDS = ("id", "text", "metric", "target", "deadline", "deadline_date", "relevance",
          "vague", "role", "notes")
SPANS = ("metric", "target", "deadline", "relevance")
# Ids are a lower-case prefix and a number of at least three digits ("t0001", "w2m001").
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*\d{3,}")
MIN_TRAINING_RECORDS = 1000
MIN_SEALED_RECORDS = 150
# Word-set overlap above which one goal counts as a paraphrase of another.
NEAR_DUPLICATE_JACCARD = 0.7


def _name(path: Path) -> str:
    return str(path.relative_to(DATA))


@cache
def _records(path: Path) -> tuple[dict, ...]:
    return tuple(read_gold(path))


def _open_records() -> list[dict]:
    """Every goal but the sealed ones: training corpus, per-class examples, opened splits."""
    return [record for folder in (TRAINING, EXAMPLES, OPENED)
            for path in gold_files(folder) for record in _records(path)]


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _near(records: list[dict], others: list[dict]) -> list[tuple[str, str]]:
    """(id, other id) pairs whose texts are paraphrases of each other."""
    words = [(o["id"], _words(o["text"])) for o in others]
    return [(r["id"], other_id) for r in records for other_id, other in words
            if _jaccard(_words(r["text"]), other) >= NEAR_DUPLICATE_JACCARD]


def _field_problems(record: dict) -> list[str]:
    problems = []
    if tuple(record) != FIELDS:
        problems.append(f"fields {tuple(record)}")
    if not ID_PATTERN.fullmatch(str(record.get("id"))):
        problems.append("id is not a prefix and a number")
    if not isinstance(record.get("vague"), list):
        problems.append("vague is not a list")
    return problems


def _span_problems(record: dict) -> list[str]:
    text = record["text"]
    spans = [(name, record[name]) for name in SPANS] + [("vague", v) for v in record["vague"]]
    return [f"{name} is not an exact substring of the text" for name, span in spans
            if span is not None and (not span or span not in text)]


def _date_problems(record: dict) -> list[str]:
    date = record["deadline_date"]
    if date is None:
        return []
    if record["deadline"] is None:
        return ["deadline_date without a deadline span"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        return ["deadline_date is not YYYY-MM-DD"]
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return ["deadline_date is not a real day"]
    return []


def _vague_problems(record: dict) -> list[str]:
    vague = record["vague"]
    return ["vague repeats an entry"] if len(set(vague)) != len(vague) else []


RECORD_CHECKS: dict[str, Callable[[dict], list[str]]] = {
    "fields-and-id": _field_problems,
    "spans-are-exact-substrings": _span_problems,
    "deadline-dates-are-iso": _date_problems,
    "vague-entries-unique": _vague_problems,
}


@pytest.mark.parametrize("check", RECORD_CHECKS.values(), ids=RECORD_CHECKS.keys())
@pytest.mark.parametrize("path", FILES, ids=[_name(p) for p in FILES])
def test_every_record_passes(path: Path, check: Callable[[dict], list[str]]) -> None:
    failures = {r.get("id"): p for r in _records(path) if (p := check(r))}
    assert not failures, f"{_name(path)}: {failures}"


@pytest.mark.parametrize(
    ("paths", "minimum"),
    [(gold_files(TRAINING), MIN_TRAINING_RECORDS), ([SEALED], MIN_SEALED_RECORDS)],
    ids=["training", "sealed"],
)
def test_corpus_is_large_enough(paths: list[Path], minimum: int) -> None:
    assert sum(len(_records(path)) for path in paths) >= minimum


def test_a_folder_reads_as_its_jsonl_files_in_name_order(tmp_path: Path) -> None:
    """How `goalsmith train` and `goalsmith eval` read data/training."""
    (tmp_path / "b.jsonl").write_text('{"id": "b1", "text": "x"}\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "y"}\n\n{"id": "a2", "text": "z"}\n',
                                      encoding="utf-8")
    (tmp_path / "notes.md").write_text("not gold", encoding="utf-8")
    assert [r["id"] for r in read_gold(tmp_path)] == ["a1", "a2", "b1"]


def test_ids_are_unique_across_files() -> None:
    ids = [r["id"] for path in FILES for r in _records(path)]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, repeated


def test_texts_are_unique_across_files() -> None:
    seen: dict[frozenset[str], str] = {}
    repeats = []
    for record in (r for path in FILES for r in _records(path)):
        key = _words(record["text"])
        if key in seen:
            repeats.append((seen[key], record["id"]))
        seen.setdefault(key, record["id"])
    assert not repeats, repeats


def test_no_goal_repeats_or_paraphrases_the_dev_set(dev_records: list[dict]) -> None:
    close = _near([r for path in FILES for r in _records(path)], dev_records)
    assert not close, f"goals too close to dev goals: {close}"


def test_no_open_goal_repeats_or_paraphrases_a_sealed_goal() -> None:
    close = _near(_open_records(), list(_records(SEALED)))
    assert not close, f"goals too close to sealed goals: {close}"


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
