"""Checks read from the parse: two goals in one text, a purpose that restates the goal."""

from __future__ import annotations

import pytest

from assistant import analyze

REFERENCE = "2026-11-27"


def _ids(text: str) -> set[str]:
    return {f.id for f in analyze(text, reference_date=REFERENCE).findings}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Sign 4 resellers by March 31, 2027 and launch 2 joint campaigns by June.",
                     id="coordinated-verbs-with-objects"),
        pytest.param("Raise NPS to 45 by Q2 2027. Cut churn to 3% by Q3 2027.",
                     id="two-sentences"),
        pytest.param("- Book 30 demos by January 31, 2027\n- Hire 2 SDRs by March 1, 2027",
                     id="two-bullets"),
        pytest.param("This quarter: the team closes $900k in renewals, and we grow NRR to 112%.",
                     id="subjects-we-and-team"),
    ],
)
def test_two_goals_flagged(nlp, text: str) -> None:
    assert "specific.multiple_goals" in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Prospect and close 6 deals in logistics by May 31, 2027.",
                     id="two-verbs-one-object"),
        pytest.param("Close 6 deals in logistics by May 31, 2027. This supports the vertical plan.",
                     id="second-sentence-is-the-reason"),
        pytest.param("Grow pipeline by 20% by June 30, 2027 to help the team reach its plan.",
                     id="verb-inside-reason"),
        pytest.param("Raise the win rate from 20% to 26% by Q2 2027 and keep it there.",
                     id="pronoun-object"),
    ],
)
def test_one_goal_not_flagged(nlp, text: str) -> None:
    assert "specific.multiple_goals" not in _ids(text)


def test_split_suggestions_name_each_goal(nlp) -> None:
    analysis = analyze("Sign 4 resellers by March 31, 2027 and launch 2 joint campaigns by June.",
                       reference_date=REFERENCE)
    found = next(f for f in analysis.findings if f.id == "specific.multiple_goals")
    assert found.suggestions == ["Sign 4 resellers by March 31, 2027.",
                                 "Launch 2 joint campaigns by June."]
