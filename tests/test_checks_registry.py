"""The rule registry's structure: ids, examples, implementations and the generated docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.checks.catalog import checks
from assistant.checks.reference import rule_reference
from assistant.checks.registry import rules
from assistant.cli import main
from assistant.lexicon import load_data

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
REQUIRED = (
    "metric.missing", "target.missing", "target.without_metric", "deadline.missing",
    "deadline.past", "deadline.unresolved", "deadline.ambiguous", "deadline.vague",
    "deadline.unclear",
    "relevance.missing", "relevance.restates_goal", "specific.multiple_goals",
    "achievable.steep", "achievable.unknown", "text.not_a_goal",
)
ALL_RULES = list(rules().values())


@pytest.mark.parametrize("rule_id", REQUIRED)
def test_required_rule_is_registered(rule_id: str) -> None:
    assert rule_id in rules()


@pytest.mark.parametrize("category", sorted(load_data("assistant", "vague.json")["categories"]))
def test_every_vague_category_has_a_rule(category: str) -> None:
    assert f"vague.{category}" in rules()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_has_examples_both_ways(rule) -> None:
    assert rule.should_flag and rule.should_pass


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_id_names_its_component(rule) -> None:
    assert re.fullmatch(r"[a-z]+\.[a-z_]+", rule.id)
    assert rule.id.split(".")[0] == rule.component
    assert rule.severity in {"error", "warning", "info"}


def test_every_rule_has_a_check_and_every_check_a_rule() -> None:
    assert set(checks()) == set(rules())


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule) -> None:
    assert f"### `{rule.id}`" in DOCS.read_text(encoding="utf-8")


def test_docs_match_the_registry() -> None:
    assert DOCS.read_text(encoding="utf-8") == rule_reference(), (
        "docs/rules.md is stale: run `make rules`"
    )


def test_reference_states_the_score_formula() -> None:
    assert "score = clamp(0, 100, 10 + 25·metric + 25·target" in rule_reference()


def test_rules_command_prints_the_reference(capsys) -> None:
    assert main(["rules"]) == 0
    assert capsys.readouterr().out == rule_reference()
