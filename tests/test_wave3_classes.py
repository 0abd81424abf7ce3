"""Wave-3 classes of issue 12 on fresh goals (data/examples/wave3-relevance.jsonl,
wave3-deadline.jsonl, wave3-target.jsonl), each file checked on its own component:

- relevance: a non-restrictive 'which' clause naming an effect (with or without a comma)
  against a restrictive one that narrows a noun; a purpose after the deadline or target
  with a level of its own; arrows, 'or else', appositions, leading attributions, 'because',
  'in line with'; restatements and the task itself are no relevance.
- deadline: the main clause's bound over times in a 'so' or relative clause; event bounds
  with no date; service levels counted from each arrival or right before a start; ranges
  of two bare periods.
- target: a from/to ending in words ('to same day'); the unit noun after a stock's number;
  of two goals joined by 'and', the first one's level.
- metric (wave3-metric-labels.jsonl): a headline's subject before its level, sign or
  cadence; the whole name of the measure; no trailing scope, participle clause or lead
  time in the span; non-goals have none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from assistant import analyze

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
REFERENCE = "2026-11-27"


def _cases(topic: str) -> list[pytest.param]:
    lines = (EXAMPLES / f"wave3-{topic}.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [pytest.param(r, id=f"{r['id']}-{r['text'][:40]}") for r in records]


@pytest.mark.parametrize("record", _cases("relevance"))
def test_relevance_class(nlp: Language, record: dict) -> None:
    found = nlp(record["text"])._.gs_relevance
    assert (found.text if found else None) == record["relevance"]


@pytest.mark.parametrize("record", _cases("deadline"))
def test_deadline_class(nlp: Language, record: dict) -> None:
    deadline = analyze(record["text"], reference_date=REFERENCE).components.deadline
    date = deadline.value.date if deadline.value is not None else None
    assert (deadline.text, date) == (record["deadline"], record["deadline_date"])


@pytest.mark.parametrize("record", _cases("target"))
def test_target_class(nlp: Language, record: dict) -> None:
    found = nlp(record["text"])._.gs_target
    assert (found.text if found else None) == record["target"]


# Metric misses left to other classes, kept visible: the test fails once they pass.
METRIC_KNOWN_MISSES = {
    "w3b047": "the target detector reads 'over €40k' as the level, so no count names it",
    "w3b056": "the target detector misses 'below 10' before a cadence ('a month')",
}


def _known_misses(cases: list[pytest.param], misses: dict[str, str]) -> list[pytest.param]:
    return [pytest.param(*case.values, id=case.id, marks=pytest.mark.xfail(
        reason=misses[case.values[0]["id"]], strict=True))
        if case.values[0]["id"] in misses else case for case in cases]


@pytest.mark.parametrize("record", _known_misses(_cases("metric-labels"), METRIC_KNOWN_MISSES))
def test_metric_class(nlp: Language, record: dict) -> None:
    found = nlp(record["text"])._.gs_metric
    assert (found.text if found else None) == record["metric"]
