"""Table-driven cases for the metric, relevance and vague detectors, in fresh wording."""

from __future__ import annotations

import pytest
from spacy.language import Language

METRIC_CASES = [
    ("Renew 14 enterprise contracts before June 30, 2027.", "enterprise contracts"),
    ("Push average order value from $80 to $95 in H1 2027.", "average order value"),
    ("Get onboarding NPS to 60 by the end of Q3.", "onboarding NPS"),
    ("Cut cost per lead by 15% this quarter.", "cost per lead"),
    ("Lower the number of escalated tickets by half.", "number of escalated tickets"),
    ("Book $90k in renewal bookings by EOQ.", "renewal bookings"),
    ("Raise trial-to-paid conversion to 18% by March 31.", "trial-to-paid conversion"),
    ("Shorten the quote approval cycle from 5 to 2 days.", "quote approval cycle"),
    ("more demos please", "demos"),
    ("Grow monthly recurring revenue by 10% next quarter.", "monthly recurring revenue"),
    ("Drive 40% of bookings through the channel.", "bookings"),
    ("Improve the onboarding experience for new hires.", None),
    ("Grow the business in the south.", None),
    ("Hit $250k by Friday.", None),
    ("Get the whole team to 120% of plan.", None),
    ("Strengthen relationships with our partners.", None),
]

RELEVANCE_CASES = [
    ("Close 5 deals by May to support the new APAC office.", "to support the new APAC office"),
    ("Raise CSAT to 92% so that renewals close without discounts.",
     "so that renewals close without discounts"),
    ("In support of the retention OKR, cut churn to 3% by Q4.", "In support of the retention OKR"),
    ("Grow pipeline by 30%, which feeds the regional bookings plan.",
     "which feeds the regional bookings plan"),
    ("Book 12 demos in order to hit the team's Q2 number.", "in order to hit the team's Q2 number"),
    ("Grow ARR by 20% as part of the enterprise push.", "as part of the enterprise push"),
    ("Grow revenue to $2M by Q3.", None),
    ("Try to close 10 deals.", None),
    ("Team to close 40 deals in H1.", None),
    ("Move 8 accounts to stage 3 each month.", None),
    ("Increase sales to increase sales.", None),
    ("Increase my reply rate so that I get more replies.", None),
]

VAGUE_CASES = [
    ("Try to improve demos and do some stuff on social.", ["Try to", "improve", "some", "stuff"]),
    ("Close 20% more deals than last year.", []),
    ("Have more than 30 calls a week.", []),
    ("Hopefully get a lot better at negotiation.", ["Hopefully", "a lot", "better"]),
    ("Focus on enterprise accounts as much as possible.", ["Focus on", "as much as possible"]),
    ("Book 15 meetings by Friday.", []),
]


@pytest.mark.parametrize(("text", "expected"), METRIC_CASES, ids=[c[0][:40] for c in METRIC_CASES])
def test_metric_span(nlp: Language, text: str, expected: str | None) -> None:
    found = nlp(text)._.gs_metric
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"), RELEVANCE_CASES, ids=[c[0][:40] for c in RELEVANCE_CASES]
)
def test_relevance_span(nlp: Language, text: str, expected: str | None) -> None:
    found = nlp(text)._.gs_relevance
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), VAGUE_CASES, ids=[c[0][:40] for c in VAGUE_CASES])
def test_vague_words(nlp: Language, text: str, expected: list[str]) -> None:
    found = nlp(text)._.gs_vague
    assert [part.text for part in found] == expected
    assert all(part.value.message and part.value.category for part in found)
