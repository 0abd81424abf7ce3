"""The documented score formula and the SMART summary, on hand-built analyses."""

from __future__ import annotations

import itertools

import pytest
import spacy

from assistant.checks.config import rule_config
from assistant.checks.context import Context, Reading
from assistant.checks.score import score, smart
from assistant.options import make_options
from assistant.result import COMPONENTS, Finding, GoalAnalysis

NLP = spacy.blank("en")
REFERENCE = "2026-11-27"


def _component(present: bool, value: dict | None = None) -> dict:
    if not present:
        return {"present": False, "confidence": 0.8}
    return {"present": True, "start": 0, "end": 1, "text": "x", "confidence": 0.9,
            "value": value}


def analysis(present: tuple[str, ...], target: dict | None = None,
             deadline: dict | None = None) -> GoalAnalysis:
    values = {"metric": {"name": "x"}, "target": target, "deadline": deadline}
    return GoalAnalysis.model_validate({
        "text": "x", "reference_date": REFERENCE,
        "components": {name: _component(name in present, values.get(name))
                       for name in COMPONENTS},
        "vague": [], "findings": [], "score": None, "rewrites": [],
        "smart": {"specific": False, "measurable": False, "achievable": "unknown",
                  "relevant": False, "time_bound": False},
    })


def context(draft: GoalAnalysis, rules: dict | None = None) -> Context:
    options = make_options(reference_date=REFERENCE, rules=rules)
    return Context(draft=draft, doc=NLP("x"), options=options,
                   config=rule_config(options, {}), reading=Reading(goals=(), restating=None))


def finding(rule_id: str, severity: str = "warning") -> Finding:
    return Finding.model_validate({"id": rule_id, "component": rule_id.split(".")[0],
                                   "severity": severity, "message": "m"})


def _score(present: tuple[str, ...], findings: list[Finding] | None = None,
           rules: dict | None = None) -> int:
    return score(context(analysis(present), rules), findings or [])


ALL = COMPONENTS
SUBSETS = [combo for n in range(5) for combo in itertools.combinations(ALL, n)]


@pytest.mark.parametrize(
    ("present", "findings", "expected"),
    [
        pytest.param(ALL, [], 100, id="complete-clean"),
        pytest.param((), [], 10, id="empty"),
        pytest.param(("metric", "target"), [], 60, id="metric-and-target"),
        pytest.param(ALL, [finding("vague.hedge")], 97, id="complete-one-vague-word"),
        pytest.param(ALL, [finding("vague.hedge")] * 5, 90, id="penalties-capped"),
        pytest.param(ALL, [finding("achievable.unknown", "info")], 100, id="info-is-free"),
        pytest.param(("metric",), [finding("deadline.missing", "error")], 35,
                     id="missing-findings-not-charged-twice"),
        pytest.param((), [finding("vague.filler")] * 4, 0, id="never-below-zero"),
    ],
)
def test_score(present, findings, expected) -> None:
    assert _score(present, findings) == expected


RAISES = [
    pytest.param(component, others, id=f"{component}-onto-{'+'.join(others) or 'none'}")
    for others in SUBSETS for component in ALL if component not in others
]


@pytest.mark.parametrize(("component", "others"), RAISES)
def test_each_component_raises_the_score(component: str, others: tuple[str, ...]) -> None:
    assert _score((*others, component)) > _score(others)


def test_switched_off_component_counts_as_present() -> None:
    without = ("metric", "target", "deadline")
    assert _score(without, rules={"relevance.missing": "off"}) == _score(ALL)


def test_complete_goal_with_findings_stays_at_least_90() -> None:
    assert _score(ALL, [finding("deadline.past", "error")] * 3) >= 90


DEADLINE = {"date": "2027-05-27", "granularity": "day", "in_past": False}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        pytest.param({"amount": 25, "unit": "percent", "baseline": 20}, "ok", id="gentle-rise"),
        pytest.param({"amount": 200, "unit": "count", "baseline": 20}, "warning",
                     id="tenfold-in-six-months"),
        pytest.param({"amount": 40, "unit": "count"}, "unknown", id="no-baseline"),
        pytest.param({"amount": 20, "unit": "percent", "relative": True}, "unknown",
                     id="relative-percent-without-baseline"),
        pytest.param({"amount": 3, "unit": "multiplier", "relative": True}, "unknown",
                     id="triple-without-baseline"),
        pytest.param({"amount": 10, "unit": "count", "baseline": 0}, "unknown",
                     id="zero-baseline"),
        pytest.param({"amount": 50, "unit": "percent", "relative": True, "baseline": 40},
                     "ok", id="relative-with-baseline"),
        pytest.param({"amount": 3, "unit": "multiplier", "relative": True, "baseline": 10},
                     "warning", id="triple-with-baseline"),
    ],
)
def test_smart_achievable(target: dict, expected: str) -> None:
    draft = analysis(ALL, target=target, deadline=DEADLINE)
    assert smart(context(draft), []).achievable == expected


@pytest.mark.parametrize(
    ("present", "findings", "field", "expected"),
    [
        pytest.param(ALL, [], "specific", True, id="specific"),
        pytest.param(ALL, [finding("vague.weak_verb")], "specific", False,
                     id="vague-word-not-specific"),
        pytest.param(ALL, [finding("specific.multiple_goals")], "specific", False,
                     id="two-goals-not-specific"),
        pytest.param(("metric",), [], "measurable", False, id="no-target-not-measurable"),
        pytest.param(("metric", "target"), [], "measurable", True, id="measurable"),
        pytest.param(("relevance",), [], "relevant", True, id="relevant"),
        pytest.param(("deadline",), [], "time_bound", True, id="time-bound"),
        pytest.param(("metric",), [], "time_bound", False, id="not-time-bound"),
    ],
)
def test_smart_fields(present, findings, field: str, expected: bool) -> None:
    draft = analysis(present, deadline=DEADLINE if "deadline" in present else None)
    assert getattr(smart(context(draft), findings), field) is expected


def test_past_deadline_is_not_time_bound() -> None:
    past = {"date": "2026-03-31", "granularity": "day", "in_past": True}
    assert not smart(context(analysis(ALL, deadline=past)), []).time_bound
