"""Wave-2 relevance cases (data/examples/wave2-relevance.jsonl): links to a broader objective
without a plain 'to'/'so that' (arrows, consequences, appositions, leading attributions,
reasons, purpose verbs in no list), purposes that are not relevance (a restatement, the task
itself), and texts that are not goals at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from assistant import analyze

WAVE2 = Path(__file__).resolve().parents[1] / "data" / "examples" / "wave2-relevance.jsonl"
RECORDS = [json.loads(line) for line in WAVE2.read_text(encoding="utf-8").splitlines() if line]
NOT_GOAL_NOTE = "not a goal"
REFERENCE = "2026-11-27"


def _not_goal(record: dict) -> bool:
    return record["notes"].startswith(NOT_GOAL_NOTE)


def _case(record: dict) -> pytest.param:
    return pytest.param(record["text"], record["relevance"],
                        id=f"{record['id']}-{record['text'][:40]}")


GOALS = [_case(r) for r in RECORDS if not _not_goal(r)]
NOT_GOALS = [_case(r) for r in RECORDS if _not_goal(r)]


@pytest.mark.parametrize(("text", "expected"), GOALS)
def test_relevance_span(nlp: Language, text: str, expected: str | None) -> None:
    found = nlp(text)._.gs_relevance
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), GOALS)
def test_goal_is_not_called_a_non_goal(nlp: Language, text: str, expected: str | None) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    assert "text.not_a_goal" not in [f.id for f in analysis.findings]


@pytest.mark.parametrize(("text", "expected"), NOT_GOALS)
def test_not_a_goal_has_no_components(nlp: Language, text: str, expected: None) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    parts = analysis.components
    present = [name for name in ("metric", "target", "deadline", "relevance")
               if getattr(parts, name).present]
    assert present == [] and analysis.vague == []


@pytest.mark.parametrize(("text", "expected"), NOT_GOALS)
def test_not_a_goal_is_one_finding_scored_zero(nlp: Language, text: str, expected: None) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    assert [f.id for f in analysis.findings] == ["text.not_a_goal"]
    assert analysis.score == 0 and analysis.rewrites == []


# Wave 6: a form field that says why (its label left out), a subjectless consequence after a
# separator, and a chat opener's 'so' that carries no purpose.
FORMS_AND_OPENERS = [
    ("Goal: 40 qualified demos\nBy: 31 March 2027\nWhy: the Q2 hiring plan depends on it",
     "the Q2 hiring plan depends on it"),
    ("NRR: 108% → 112% | owner: Priya | due: 30/06/2027 | why: funds the expansion team",
     "funds the expansion team"),
    ("Book 30 meetings in December (why: pipeline for Q1 is thin).", "pipeline for Q1 is thin"),
    ("Lower CAC payback to 14 months by end of FY — keeps the Series B story intact",
     "keeps the Series B story intact"),
    ("Hire 4 SEs by end of Q1 | enables the enterprise motion", "enables the enterprise motion"),
    ("Close 8 deals by Q2 — Maria owns the territory list", None),
    ("Close $400k in renewals by 31 Jan 2027 — does that sound realistic?", None),
    ("Run 2 role-plays a week with each new SDR for their first 8 weeks", None),
    ("ok so my goal is to hit 120% of quota this quarter", None),
    ("Hey team, so the plan is to close $2M by Q2", None),
    ("ok so i need 12 more deals by dec 31 so I can make club", "so I can make club"),
]


@pytest.mark.parametrize(("text", "expected"), FORMS_AND_OPENERS,
                         ids=[c[0][:40] for c in FORMS_AND_OPENERS])
def test_relevance_in_forms_and_chat(nlp: Language, text: str, expected: str | None) -> None:
    found = nlp(text)._.gs_relevance
    assert (found.text if found else None) == expected
