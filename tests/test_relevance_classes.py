"""Wave-2 relevance cases (data/training/wave2-relevance.jsonl): links to a broader objective
without a plain 'to'/'so that' (arrows, consequences, appositions, leading attributions,
reasons, purpose verbs in no list), purposes that are not relevance (a restatement, the task
itself), and texts that are not goals at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

WAVE2 = Path(__file__).resolve().parents[1] / "data" / "training" / "wave2-relevance.jsonl"
RECORDS = [json.loads(line) for line in WAVE2.read_text(encoding="utf-8").splitlines() if line]
NOT_GOAL_NOTE = "not a goal"


def _not_goal(record: dict) -> bool:
    return record["notes"].startswith(NOT_GOAL_NOTE)


def _case(record: dict) -> pytest.param:
    return pytest.param(record["text"], record["relevance"],
                        id=f"{record['id']}-{record['text'][:40]}")


GOALS = [_case(r) for r in RECORDS if not _not_goal(r)]


@pytest.mark.parametrize(("text", "expected"), GOALS)
def test_relevance_span(nlp: Language, text: str, expected: str | None) -> None:
    found = nlp(text)._.gs_relevance
    assert (found.text if found else None) == expected
