"""`deadline.unclear`: two bounds of one goal that name different days and that the text
does not choose between. The finding names both, and the rewrite asks for the deadline
instead of showing a date the writer may not mean; a clear choice keeps its date."""

from __future__ import annotations

import pytest

from assistant import analyze

REFERENCE = "2026-11-27"

# (id, goal, deadline span, competing bound)
UNCLEAR = [
    ("or-by", "Close 8 renewals by March 15 or by the end of Q1", "by March 15",
     "by the end of Q1"),
    ("comma-at-the-latest", "Get 40 demos booked by Friday, next Wednesday at the latest",
     "by Friday", "next Wednesday"),
    ("slash-dates", "Publish 6 battlecards by Dec 18 / Jan 8 for the competitive push",
     "by Dec 18", "Jan 8"),
    ("hedged-second", "Ship the CPQ migration in Q1, maybe Q2", "in Q1", "Q2"),
    ("lower-case-or", "train all 30 AEs on MEDDPICC by end of jan or mid feb", "by end of jan",
     "mid feb"),
    ("two-strong-bounds", "Onboard 12 resellers by 31/01 by the end of February.",
     "by 31/01", "by the end of February"),
]

# (id, goal, deadline span): the text makes the choice, or both bounds name one day
CLEAR = [
    ("purpose-holds-year", "Lift NRR to 110% by June 30, 2027 to support the FY27 board plan",
     "by June 30, 2027"),
    ("parenthesis-milestone", "Hire 5 SDRs by the end of January (2 of them before Christmas)",
     "by the end of January"),
    ("baseline", "Grow partner bookings 15% by Q3 2027 vs Q1 2026", "by Q3 2027"),
    ("one-period", "Raise CSAT to 4.7 in December and January", "in December and January"),
    ("own-amounts", "Close $1.1M new business by 31/12 and $400k more by 31/01", "by 31/12"),
    ("same-day", "Close 5 deals by March 31, 2027, by the end of Q1.", "by March 31, 2027"),
    ("reason-holds-year", "Raise first-contact resolution to 75% by the end of Q2 2027 to lower "
     "cost per ticket, which is a company OKR this year.", "by the end of Q2 2027"),
    ("qualifier-and-bound", "Get every rep to 3x pipeline coverage for Q1 by January 15.",
     "by January 15"),
]


@pytest.mark.parametrize(("text", "span", "other"), [c[1:] for c in UNCLEAR],
                         ids=[c[0] for c in UNCLEAR])
def test_competing_bounds_are_flagged(nlp, text: str, span: str, other: str) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    found = [f for f in analysis.findings if f.id == "deadline.unclear"]
    assert analysis.components.deadline.text == span
    assert found and f"'{span}'" in found[0].message and f"'{other}'" in found[0].message
    assert found[0].suggestions == [span, other]
    rewrite = analysis.rewrites[0]
    assert "[deadline]" in rewrite.text and "deadline" in rewrite.placeholders
    assert span not in rewrite.text and other not in rewrite.text


@pytest.mark.parametrize(("text", "span"), [c[1:] for c in CLEAR], ids=[c[0] for c in CLEAR])
def test_clear_choice_keeps_its_date(nlp, text: str, span: str) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    assert analysis.components.deadline.text == span
    assert not [f for f in analysis.findings if f.id == "deadline.unclear"]
    assert all("[deadline]" not in r.text for r in analysis.rewrites)
