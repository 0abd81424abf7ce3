"""The goalsmith/quantities component in the full pipeline: what it sets and what it skips."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.evaluation import Counts, char_f1, gold_bounds
from assistant.quantities import Quantity, choose_target, find_quantities


def test_component_sets_extensions(nlp: Language) -> None:
    doc = nlp("Close $300k in new ARR and book 25 demos by March 31, 2027.")
    assert [p.text for p in doc._.gs_quantities] == ["$300k", "25"]
    assert all(isinstance(p.value, Quantity) for p in doc._.gs_quantities)
    assert doc._.gs_target.text == "$300k"


def test_functions_match_component(nlp: Language) -> None:
    doc = nlp("Lift renewal rate from 81% to 88% within 120 days.")
    assert find_quantities(doc) == doc._.gs_quantities
    assert choose_target(doc) == doc._.gs_target


TIME_DIGITS = {
    "day-of-month": "Sign 14 new partners by 30 June 2027.",
    "duration": "Publish 9 blog posts within 45 days.",
    "numeric-date": "Complete 22 QBRs by 02/26/2027.",
    "quarter-year": "Sell 70 licences in Q2 2027.",
}


@pytest.mark.parametrize("text", TIME_DIGITS.values(), ids=TIME_DIGITS.keys())
def test_time_digits_are_never_quantities(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for time in doc._.gs_times:
        assert not any(time.overlaps(q.start, q.end) for q in doc._.gs_quantities)
    assert len(doc._.gs_quantities) == 1


PURPOSE_NUMBERS = {
    "coverage": ("Source $900k of partner pipeline to reach 3x coverage for Q2.", "$900k"),
    "share": ("Deliver $2M in bookings to cover 40% of the regional plan.", "$2M"),
    "so-that": ("Book 30 meetings so the AEs can hit 110% of quota.", "30"),
}


@pytest.mark.parametrize(("text", "target"), PURPOSE_NUMBERS.values(), ids=PURPOSE_NUMBERS.keys())
def test_purpose_number_is_not_the_target(nlp: Language, text: str, target: str) -> None:
    assert nlp(text)._.gs_target.text == target


def test_confidence_is_a_probability(nlp: Language) -> None:
    target = nlp("Grow expansion ARR by 15% in 2027.")._.gs_target
    assert 0.5 < target.confidence <= 1.0


# Measured on ../shared/goals/dev.jsonl: presence F1 1.000, span character-F1 1.000.
PRESENCE_F1_FLOOR = 0.97
SPAN_F1_FLOOR = 0.95


def test_dev_set_targets(nlp: Language, dev_records: list[dict]) -> None:
    counts, misses = Counts(), []
    for record, doc in zip(dev_records, nlp.pipe(r["text"] for r in dev_records), strict=True):
        found, gold = doc._.gs_target, record["target"]
        if found and gold:
            counts.tp += 1
            overlap = char_f1((found.start, found.end), gold_bounds(record["text"], gold))
            counts.overlaps.append(overlap)
        elif found or gold:
            counts.fp += bool(found)
            counts.fn += bool(gold)
        if (found.text if found else None) != gold:
            misses.append(f"{record['id']}: {found.text if found else None!r} vs {gold!r}")
    print(f"target presence F1 {counts.f1:.3f}, span F1 {counts.span_f1:.3f}")
    assert counts.f1 >= PRESENCE_F1_FLOOR, misses
    assert counts.span_f1 >= SPAN_F1_FLOOR, misses
