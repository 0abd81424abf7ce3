"""Server-side rendering of the web pages from constructed results (no pipeline, no browser)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.result import DeadlineValue, GoalAnalysis, TargetValue, TeamSummary
from web.highlight import placeholder_pieces, segments
from web.team import missing_bars
from web.templating import html_environment
from web.view import (
    checklist,
    describe_deadline,
    describe_target,
    feedback,
    score_band,
    summary,
)

ABSENT: dict[str, Any] = {"present": False, "confidence": 0.8}


def located(text: str, phrase: str, value: object = None) -> dict[str, Any]:
    start = text.index(phrase)
    return {"present": True, "start": start, "end": start + len(phrase), "text": phrase,
            "confidence": 0.9, "value": value}


def vague_at(text: str, word: str) -> dict[str, Any]:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word, "category": "hedge",
            "message": f"'{word}' hides the measure"}


def make_analysis(text: str, parts: dict[str, dict[str, Any]], vague: tuple[str, ...] = (),
                  score: int | None = 40, rewrites: tuple[str, ...] = ()) -> GoalAnalysis:
    components = {name: parts.get(name, ABSENT)
                  for name in ("metric", "target", "deadline", "relevance")}
    return GoalAnalysis.model_validate({
        "text": text,
        "reference_date": "2026-11-27",
        "components": components,
        "vague": [vague_at(text, word) for word in vague],
        "findings": [],
        "smart": {"specific": False, "measurable": False, "achievable": "unknown",
                  "relevant": False, "time_bound": False},
        "score": score,
        "rewrites": [{"text": rw, "template": "increase-metric", "placeholders": ["target"]}
                     for rw in rewrites],
    })


RENEWALS = "Lift renewal rate to 91% by June 30 so the Nordics desk keeps margin"


def runs(analysis: GoalAnalysis) -> list[tuple[str | None, str, list[str]]]:
    """(component, text, vague words) for each segment, for readable expectations."""
    return [
        (seg.component, "".join(p.text for p in seg.pieces),
         [p.text for p in seg.pieces if p.vague])
        for seg in segments(analysis)
    ]


@pytest.mark.parametrize(
    ("analysis", "expected"),
    [
        pytest.param(
            make_analysis("Sell more, somehow", {}, vague=("more",)),
            [(None, "Sell more, somehow", ["more"])],
            id="no-component-only-vague",
        ),
        pytest.param(
            make_analysis(RENEWALS, {
                "metric": located(RENEWALS, "renewal rate"),
                "target": located(RENEWALS, "to 91%"),
                "deadline": located(RENEWALS, "by June 30"),
                "relevance": located(RENEWALS, "so the Nordics desk keeps margin"),
            }),
            [(None, "Lift ", []), ("metric", "renewal rate", []), (None, " ", []),
             ("target", "to 91%", []), (None, " ", []), ("deadline", "by June 30", []),
             (None, " ", []), ("relevance", "so the Nordics desk keeps margin", [])],
            id="four-components-in-order",
        ),
        pytest.param(
            make_analysis("Grow roughly 30 accounts", {
                "metric": located("Grow roughly 30 accounts", "roughly 30 accounts"),
            }, vague=("roughly",)),
            [(None, "Grow ", []), ("metric", "roughly 30 accounts", ["roughly"])],
            id="vague-inside-component",
        ),
        pytest.param(
            make_analysis("Win 12 new logos", {
                "metric": located("Win 12 new logos", "12 new logos"),
                "target": located("Win 12 new logos", "12 new"),
            }),
            [(None, "Win ", []), ("metric", "12 new logos", [])],
            id="overlap-keeps-longer-component",
        ),
        pytest.param(
            make_analysis("Book demos at 9 per week", {
                "metric": located("Book demos at 9 per week", "demos at 9"),
                "target": located("Book demos at 9 per week", "9 per week"),
            }),
            [(None, "Book ", []), ("metric", "demos at 9", []), ("target", " per week", [])],
            id="overlap-clips-later-component",
        ),
        pytest.param(
            make_analysis("Do lots of demos", {"metric": located("Do lots of demos", "demos")},
                          vague=("lots of demos",)),
            [(None, "Do lots of ", ["lots of "]), ("metric", "demos", ["demos"])],
            id="vague-across-component-edge",
        ),
    ],
)
def test_segments_cover_text_once(analysis: GoalAnalysis, expected: list) -> None:
    assert runs(analysis) == expected
    assert "".join(text for _, text, _ in expected) == analysis.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cut churn by [target].", [("Cut churn by ", False), ("[target]", True),
                                                 (".", False)], id="one-slot"),
        pytest.param("[metric] up by [target]", [("[metric]", True), (" up by ", False),
                                                  ("[target]", True)], id="slots-at-edges"),
        pytest.param("No slots here", [("No slots here", False)], id="no-slot"),
    ],
)
def test_placeholder_pieces_mark_slots(text: str, expected: list) -> None:
    assert placeholder_pieces(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param({"amount": 15.0, "unit": "percent", "direction": "increase"},
                     "increase: 15%", id="percent"),
        pytest.param({"amount": 250000.0, "unit": "currency", "currency": "USD"},
                     "$250,000", id="dollars"),
        pytest.param({"amount": 3.5, "unit": "currency", "currency": "CHF"},
                     "3.5 CHF", id="currency-without-symbol"),
        pytest.param({"amount": 6.0, "unit": "count", "upper": 8.0, "direction": "reach"},
                     "reach: 6 to 8", id="range"),
    ],
)
def test_describe_target(value: dict, expected: str) -> None:
    assert describe_target(TargetValue.model_validate(value)) == expected


def test_deadline_detail_says_resolved_date_and_past() -> None:
    value = DeadlineValue(date="2026-03-31", granularity="day", in_past=True)
    assert describe_deadline(value) == "due Mar 31, 2026 — already in the past"


@pytest.mark.parametrize(("score", "label"), [(95, "Strong"), (60, "Almost there"),
                                              (10, "Needs work"), (None, "Not scored")])
def test_score_band(score: int | None, label: str) -> None:
    assert score_band(score)["label"] == label


def test_checklist_and_summary_name_missing_parts() -> None:
    analysis = make_analysis(RENEWALS, {"metric": located(RENEWALS, "renewal rate")})
    items = {item.component: item for item in checklist(analysis)}
    assert items["metric"].present and items["metric"].found == "renewal rate"
    assert not items["deadline"].present and items["deadline"].hint
    assert summary(analysis) == "Score 40 of 100, needs work. Missing: target, deadline, relevance."


PAYLOAD = 'Hit <img src=x onerror="alert(1)"> 20% <script>alert(2)</script> by Friday'


def render_check_page(analysis: GoalAnalysis) -> str:
    template = html_environment().get_template("index.html")
    return template.render(
        active="check", error=None, max_chars=5000, locked=False, next_path="/",
        form={"text": analysis.text, "reference_date": "2026-11-27", "date_order": "MDY"},
        **feedback(analysis),
    )


def test_check_page_escapes_goal_text_everywhere() -> None:
    analysis = make_analysis(
        PAYLOAD, {"target": located(PAYLOAD, "20%")}, vague=("<script>",),
        rewrites=(PAYLOAD + " [deadline]",),
    )
    html = render_check_page(analysis)
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert html.count("&lt;script&gt;") >= 3  # textarea, highlight, rewrite
    assert 'data-component="target"' in html


def test_check_page_marks_each_component_and_checklist_state() -> None:
    analysis = make_analysis(RENEWALS, {
        "metric": located(RENEWALS, "renewal rate"),
        "deadline": located(RENEWALS, "by June 30"),
    })
    html = render_check_page(analysis)
    assert 'data-component="metric"' in html and 'data-component="deadline"' in html
    assert 'data-component="target"' not in html
    assert 'data-check="metric" data-present="true"' in html
    assert 'data-check="target" data-present="false"' in html
    assert 'data-score="40"' in html


def test_missing_bars_rank_most_missing_first() -> None:
    team = TeamSummary(
        goals=10, analysed=8, errors=2, mean_score=55.0,
        components={"metric": 1.0, "target": 0.5, "deadline": 0.25, "relevance": 0.75},
        owners=[], top_findings=[],
    )
    bars = [(bar.component, bar.count) for bar in missing_bars(team)]
    assert bars == [("deadline", 6), ("target", 4), ("relevance", 2), ("metric", 0)]
