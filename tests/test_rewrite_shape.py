"""The goal shape chosen for the rewrite, read from the analysis and the parse."""

from __future__ import annotations

import pytest

from assistant import analyze

REFERENCE = "2026-11-27"


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        pytest.param("Grow trial signups by 30% by June 30, 2027.", "increase-metric",
                     id="increase-by-target-direction"),
        pytest.param("Grow trial signups in the DACH region.", "increase-metric",
                     id="increase-by-verb-without-target"),
        pytest.param("Lift the renewal rate to 93% by June 30, 2027.", "increase-metric",
                     id="increase-by-verb-to-a-level"),
        pytest.param("Cut the refund rate from 4% to 2% by March 31, 2027.", "decrease-metric",
                     id="decrease-from-to"),
        pytest.param("Keep the renewal rate above 90% through Q2 2027.", "maintain-metric",
                     id="maintain-above"),
        pytest.param("Close 9 enterprise deals by April 30, 2027.", "reach-metric",
                     id="reach-a-count"),
        pytest.param("Improve the onboarding completion rate.", "reach-metric",
                     id="weak-verb-gives-no-direction"),
        pytest.param("Make 40 prospecting calls every week.", "activity-cadence",
                     id="cadence"),
        pytest.param("Roll out the new pricing page by March 1, 2027.", "project-milestone",
                     id="milestone-without-metric-or-number"),
    ],
)
def test_shape(nlp, text: str, shape: str) -> None:
    rewrites = analyze(text, reference_date=REFERENCE).rewrites
    assert rewrites and rewrites[0].template == shape


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("Try to book 25 demos with retail CFOs by March 31, 2027.",
                     "Book 25 demos with retail CFOs by March 31, 2027", id="hedge-dropped"),
        pytest.param("Improve the onboarding completion rate to 85% by June 30, 2027.",
                     "Increase the onboarding completion rate to 85% by June 30, 2027",
                     id="weak-verb-replaced"),
        pytest.param("Book 12 demos with utilities ASAP.", "Book 12 demos with utilities by "
                     "[deadline]", id="vague-deadline-becomes-placeholder"),
        pytest.param("Add some logos in the travel vertical by May 31, 2027.",
                     "Add [target] logos in the travel vertical", id="quantifier-becomes-target"),
        pytest.param("By EOQ, lift the win rate to 30%.", "Lift the win rate to 30% by EOQ "
                     "(December 31, 2026)", id="deadline-moved-and-resolved"),
    ],
)
def test_rewrite_keeps_the_writers_words(nlp, text: str, kept: str) -> None:
    rewrites = analyze(text, reference_date=REFERENCE).rewrites
    assert rewrites and kept in rewrites[0].text
