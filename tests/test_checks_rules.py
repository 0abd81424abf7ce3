"""Every rule's own examples, through the real pipeline: it fires on each should-flag goal
and stays quiet on each should-pass goal."""

from __future__ import annotations

import pytest

from assistant import analyze
from assistant.checks.registry import rules

REFERENCE = "2026-11-27"

EXAMPLES = [
    pytest.param(rule.id, text, flag, id=f"{rule.id}-{'flags' if flag else 'passes'}-{n}")
    for rule in rules().values()
    for flag, texts in ((True, rule.should_flag), (False, rule.should_pass))
    for n, text in enumerate(texts, 1)
]


@pytest.mark.parametrize(("rule_id", "text", "flag"), EXAMPLES)
def test_rule_example(nlp, rule_id: str, text: str, flag: bool) -> None:
    analysis = analyze(text, reference_date=REFERENCE)
    fired = [f for f in analysis.findings if f.id == rule_id]
    assert bool(fired) is flag, [f.id for f in analysis.findings]


@pytest.mark.parametrize(
    ("text", "rule_id", "fragment"),
    [
        pytest.param("Sign 6 channel partners by 04/05/2027.", "deadline.ambiguous",
                     "taken as April 5, 2027 (month first); the other reading is May 4, 2027",
                     id="ambiguous-names-reading"),
        pytest.param("Close 15 deals by June 30, 2027 and cut the average sales cycle to 45 "
                     "days by September 30, 2027.", "specific.multiple_goals", "2 goals",
                     id="multiple-goals-counts"),
        pytest.param("Hit $750k by March 31, 2027.", "target.without_metric", "$750k of what",
                     id="target-without-metric-quotes"),
    ],
)
def test_message_says_what_was_found(nlp, text: str, rule_id: str, fragment: str) -> None:
    found = [f for f in analyze(text, reference_date=REFERENCE).findings if f.id == rule_id]
    assert found and fragment in found[0].message


@pytest.mark.parametrize(
    ("text", "rule_id", "suggestion"),
    [
        pytest.param("Book 40 discovery calls with CFOs.", "deadline.missing",
                     "by March 31, 2027 (end of next quarter)", id="deadline-next-quarter"),
        pytest.param("Book 40 discovery calls with CFOs.", "deadline.missing",
                     "within 90 days (by February 25, 2027)", id="deadline-90-days"),
        pytest.param("Sign 6 channel partners by 04/05/2027.", "deadline.ambiguous",
                     "by May 4, 2027", id="ambiguous-other-reading"),
        pytest.param("Improve the renewal rate to 90% by June 30, 2027.", "vague.weak_verb",
                     "increase", id="weak-verb-replacement"),
        pytest.param("Add some new logos by June 30, 2027.", "vague.quantifier", "[target]",
                     id="quantifier-placeholder"),
    ],
)
def test_suggestion_is_ready_to_insert(nlp, text: str, rule_id: str, suggestion: str) -> None:
    found = [f for f in analyze(text, reference_date=REFERENCE).findings if f.id == rule_id]
    assert found and suggestion in found[0].suggestions


@pytest.mark.parametrize(
    ("rules_option", "rule_id", "expected"),
    [
        pytest.param({"deadline.missing": "off"}, "deadline.missing", None, id="switched-off"),
        pytest.param({"deadline.missing": "info"}, "deadline.missing", "info", id="regraded"),
    ],
)
def test_request_overrides(nlp, rules_option: dict, rule_id: str, expected) -> None:
    analysis = analyze("Book 40 discovery calls.", reference_date=REFERENCE, rules=rules_option)
    found = [f.severity for f in analysis.findings if f.id == rule_id]
    assert (found[0] if found else None) == expected
