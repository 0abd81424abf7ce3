"""Accuracy floors on the gold dev set (../shared/goals/dev.jsonl), a little under what the
detectors reach, so a regression fails here. The table is printed (`pytest -s`)."""

from __future__ import annotations

import pytest

from assistant import check_many
from assistant.evaluation import GUIDELINE_REFERENCE_DATE, Scores, score, table
from assistant.result import COMPONENTS

PRESENCE_F1_FLOOR = 0.97
SPAN_F1_FLOOR = 0.95
VAGUE_F1_FLOOR = 0.95
DATE_ACCURACY_FLOOR = 0.97


@pytest.fixture(scope="module")
def scores(dev_records: list[dict]) -> Scores:
    analyses = check_many((r["text"] for r in dev_records), reference_date=GUIDELINE_REFERENCE_DATE)
    result = score(zip(dev_records, analyses, strict=True))
    print("\n" + "\n".join(table(result)))
    return result


@pytest.mark.parametrize("component", COMPONENTS)
def test_presence_f1_floor(scores: Scores, component: str) -> None:
    assert scores.components[component].f1 >= PRESENCE_F1_FLOOR, scores.errors


@pytest.mark.parametrize("component", COMPONENTS)
def test_span_f1_floor(scores: Scores, component: str) -> None:
    assert scores.components[component].span_f1 >= SPAN_F1_FLOOR, scores.errors


def test_vague_f1_floor(scores: Scores) -> None:
    assert scores.vague.f1 >= VAGUE_F1_FLOOR, scores.errors


def test_deadline_date_accuracy_floor(scores: Scores) -> None:
    assert scores.date_accuracy >= DATE_ACCURACY_FLOOR, scores.errors
