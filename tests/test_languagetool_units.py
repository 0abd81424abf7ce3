"""The pure parts of the LanguageTool protocol: UTF-16 offsets, annotated text, languages,
rule lists, context windows and matches (no language pipeline needed)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from api.examples import example
from assistant import rules
from assistant.result import COMPONENTS
from editors.document import GoalLine, Issue
from editors.languagetool import (
    AnnotationPart,
    CheckRequest,
    CheckResponse,
    LanguageEntry,
    RuleLists,
    annotated_text,
    category,
    context,
    plan_check,
    resolve_language,
    rule_overrides,
    to_match,
)
from editors.languagetool import _catalog as catalog
from editors.units import Utf16Offsets, utf16_length


@pytest.mark.parametrize(
    ("text", "units"),
    [("abc", 3), ("café", 4), ("😀", 2), ("a😀b", 4), ("🇪🇺", 4), ("", 0)],
    ids=["ascii", "accent", "emoji", "emoji-inside", "flag-two-code-points", "empty"],
)
def test_utf16_length(text: str, units: int) -> None:
    assert utf16_length(text) == units == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    ("text", "index", "units"),
    [("ab😀cd", 2, 2), ("ab😀cd", 3, 4), ("ab😀cd", 5, 6), ("naïve", 3, 3)],
    ids=["before-emoji", "after-emoji", "end", "accent"],
)
def test_offsets_to_units_and_back(text: str, index: int, units: int) -> None:
    offsets = Utf16Offsets(text)
    assert offsets.units(index) == units
    assert offsets.index_at_or_after(units) == index
    assert offsets.index_at_or_before(units) == index


def test_offsets_inside_a_surrogate_pair_snap_outwards() -> None:
    offsets = Utf16Offsets("ab😀cd")
    assert offsets.index_at_or_after(3) == 3  # after the emoji
    assert offsets.index_at_or_before(3) == 2  # before it


def test_annotated_text_maps_plain_spans_to_the_original() -> None:
    text = annotated_text([
        AnnotationPart(markup="<p>"), AnnotationPart(text="Grow "), AnnotationPart(markup="<b>"),
        AnnotationPart(text="NRR"), AnnotationPart(markup="</b></p><p>", interpretAs="\n\n"),
        AnnotationPart(text="Book demos"),
    ])
    assert text.plain == "Grow NRR\n\nBook demos"
    assert text.original == "<p>Grow <b>NRR</b></p><p>Book demos"
    start, end = text.original_span(5, 8)
    assert text.original[start:end] == "NRR"
    start, end = text.original_span(10, 14)
    assert text.original[start:end] == "Book"


@pytest.mark.parametrize(
    ("requested", "preferred", "code", "named"),
    [
        ("en-US", None, "en-US", True),
        ("en_gb", None, "en-GB", True),
        ("EN", None, "en", True),
        ("auto", None, "en-US", False),
        ("auto", "de-DE,en-AU", "en-AU", False),
    ],
    ids=["us", "underscore-lowercase", "short-code", "auto", "auto-preferred-variant"],
)
def test_resolve_language(requested: str, preferred: str | None, code: str, named: bool) -> None:
    variant, was_named = resolve_language(requested, preferred)
    assert (variant.long_code, was_named) == (code, named)


def test_other_languages_are_refused() -> None:
    with pytest.raises(Exception, match="English goals only") as raised:
        resolve_language("fr", None)
    assert getattr(raised.value, "code", None) == "invalid_option"


KNOWN = {
    "vague.hedge": ("vague", "warning"),
    "vague.filler": ("vague", "info"),
    "target.missing": ("target", "error"),
}


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        (RuleLists(), {}),
        (RuleLists(disabled=frozenset({"vague.hedge", "TYPOS_RULE"})), {"vague.hedge": "off"}),
        (RuleLists(disabled_categories=frozenset({"GOAL_VAGUE"})),
         {"vague.hedge": "off", "vague.filler": "off"}),
        (RuleLists(enabled=frozenset({"vague.filler"})), {"vague.filler": "info"}),
        (RuleLists(enabled=frozenset({"vague.hedge"}), enabled_only=True),
         {"vague.hedge": "warning", "vague.filler": "off", "target.missing": "off"}),
        (RuleLists(enabled_categories=frozenset({"GOAL_TARGET"}), enabled_only=True),
         {"vague.hedge": "off", "vague.filler": "off"}),
    ],
    ids=["nothing-named", "disabled-rule-unknown-ignored", "disabled-category",
         "enabled-at-own-severity", "enabled-only-rule", "enabled-only-category"],
)
def test_rule_overrides(lists: RuleLists, expected: dict[str, str]) -> None:
    assert rule_overrides(KNOWN, lists) == expected


@pytest.mark.parametrize(
    ("fields", "date_order"),
    [
        ({"language": "en-US"}, "MDY"),
        ({"language": "en-GB"}, "DMY"),
        ({"language": "en-GB", "dateOrder": "MDY"}, "MDY"),
        ({"language": "auto", "preferredVariants": "en-NZ"}, "DMY"),
    ],
    ids=["us-month-first", "gb-day-first", "explicit-order-wins", "preferred-variant"],
)
def test_language_variant_sets_the_date_order(fields: dict[str, str], date_order: str) -> None:
    request = CheckRequest.model_validate({"text": "Close 5 deals by 04/05/2027", **fields})
    plan = plan_check(request)
    assert plan.options.date_order == date_order


def test_disabled_rules_reach_the_options() -> None:
    plan = plan_check(CheckRequest.model_validate({
        "text": "x", "disabledRules": "vague.hedge, WHITESPACE_RULE",
        "referenceDate": "2026-11-27",
    }))
    assert plan.options.rule_overrides == {"vague.hedge": "off"}
    assert plan.options.reference_date.isoformat() == "2026-11-27"


LONG = "Some notes first. " * 4 + "Try to close 😀 deals" + " and then more words follow here." * 3


def test_context_is_cut_with_ellipses_around_the_match() -> None:
    start = LONG.index("Try to")
    units = Utf16Offsets(LONG)
    shown = context(LONG, units, units.units(start), units.units(start + 6))
    assert shown.text.startswith("...") and shown.text.endswith("...")
    assert shown.text[shown.offset:shown.offset + shown.length] == "Try to"
    assert utf16_length(shown.text) <= 3 + 40 + 6 + 40 + 3


def test_context_never_splits_a_surrogate_pair() -> None:
    text = "x" * 39 + "😀" + "y" * 39 + "Try to close deals"  # 40 units back: mid-emoji
    units = Utf16Offsets(text)
    start = units.units(text.index("Try"))
    shown = context(text, units, start, start + 6)
    shown.text.encode("utf-8")  # a lone surrogate would not encode
    assert shown.text.startswith("...y")


def test_match_of_a_missing_part_covers_the_goal() -> None:
    goal = GoalLine(start=3, text="Grow NRR 😀 by Q3", number=0, column=3)
    issue = Issue("relevance.missing", "relevance", "warning", "No link.", goal.start, goal.end,
                  ("Grow NRR by Q3 so that [relevance].",), goal)
    text = annotated_text([AnnotationPart(text="1. " + goal.text)])
    match = to_match(issue, text, Utf16Offsets(text.original))
    assert (match.offset, match.length) == (3, utf16_length(goal.text))
    assert match.ignoreForIncompleteSentence and match.contextForSureMatch == -1
    assert match.rule.category.id == "GOAL_RELEVANCE"
    assert [r.value for r in match.replacements] == list(issue.replacements)


def test_every_rule_and_component_has_protocol_names() -> None:
    assert set(rules()) <= set(catalog()["rule"])
    components = set(COMPONENTS) | {rule.component for rule in rules().values()}
    assert components <= set(catalog()["category"])
    ids = [category(component).id for component in components]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("name", "model"),
    [("languagetool_check", CheckResponse), ("languagetool_languages", list[LanguageEntry])],
    ids=["check", "languages"],
)
def test_documented_examples_fit_the_answer_models(name: str, model: Any) -> None:
    TypeAdapter(model).validate_python(example(name), strict=True)
