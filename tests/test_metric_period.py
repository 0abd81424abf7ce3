"""The metric's period as the deadline (assistant/temporal/metric_period.py, GUIDELINE v1.1:
"FY28" in "Lift FY28 services revenue to €3M" is the deadline, not part of the metric)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.options import make_options
from assistant.temporal import resolve_deadline

REFERENCE = make_options(reference_date="2026-11-27")

# (case, text, deadline span or None, date)
CASES = [
    ("fiscal-year", "Lift FY28 services revenue to €3M.", "FY28", "2028-12-31"),
    ("guideline-example", "Increase Q3 enterprise pipeline by 20% to $1.2M.", "Q3",
     "2027-09-30"),
    ("possessive", "Hit 110% of my H1 quota.", "H1", "2027-06-30"),
    ("bare-year", "Hit 2027 quota.", "2027", "2027-12-31"),
    ("in-period", "Hit $1M in Q4 bookings.", "in Q4", "2026-12-31"),
    ("count-of", "Renew 18 of the 20 Q1 renewals on time.", "Q1", "2027-03-31"),
    ("stated-bound-wins", "Deliver Q1 services bookings of $600k by February 15.",
     "by February 15", "2027-02-15"),
    ("leftovers", "Grow the Q3 carryover deals by 20%.", None, None),
    ("beaten-baseline", "Beat our 2026 win rate by 5 points.", None, None),
    ("no-metric", "Review Q3 results with the team.", None, None),
]


@pytest.mark.parametrize(("text", "span", "date"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_metric_period(nlp: Language, text: str, span: str | None, date: str | None) -> None:
    deadline = nlp(text)._.gs_deadline
    if span is None:
        assert deadline is None, deadline
        return
    assert deadline is not None and deadline.text == span
    assert deadline.value is not None
    assert resolve_deadline(deadline.value, REFERENCE).date == date
