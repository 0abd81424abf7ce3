"""The language server's pure parts: client settings, file patterns, ranges, quick-fix
titles and hover text."""

from __future__ import annotations

import datetime as dt

import pytest
from lsprotocol import types

import assistant
from editors.document import GoalLine, Issue, goal_lines
from editors.lsp import (
    EditorSettings,
    action_title,
    code_actions,
    hover_text,
    is_checked,
    issue_range,
    overlaps,
    read_settings,
)
from editors.units import utf16_length

DEFAULTS = EditorSettings(options=assistant.make_options(reference_date="2026-11-27"))


@pytest.mark.parametrize(
    "raw",
    [
        {"goalsmith": {"referenceDate": "2027-01-15", "dateOrder": "DMY"}},
        {"referenceDate": "2027-01-15", "dateOrder": "DMY"},
    ],
    ids=["under-goalsmith", "flat"],
)
def test_settings_are_read_nested_or_flat(raw: object) -> None:
    settings = read_settings(raw, DEFAULTS)
    assert settings.options.reference_date == dt.date(2027, 1, 15)
    assert settings.options.date_order == "DMY"
    assert settings.file_types == DEFAULTS.file_types


def test_absent_settings_keep_the_defaults() -> None:
    assert read_settings(None, DEFAULTS) == DEFAULTS


def test_rules_and_file_types_are_read() -> None:
    settings = read_settings(
        {"rules": {"vague.*": "off"}, "fileTypes": ["*.okr"]}, DEFAULTS
    )
    assert settings.options.rule_overrides == {"vague.*": "off"}
    assert settings.file_types == ("*.okr",)


@pytest.mark.parametrize(
    "raw",
    [{"referenceDate": "next friday"}, {"dateOrder": "YMD"}, {"rules": {"no.such": "off"}},
     {"rules": {"vague.hedge": "loud"}}, {"fiscalYearStart": 13}],
    ids=["bad-date", "bad-order", "unknown-rule", "bad-setting", "bad-month"],
)
def test_bad_settings_are_refused(raw: object) -> None:
    with pytest.raises(assistant.InputError):
        read_settings(raw, DEFAULTS)


@pytest.mark.parametrize(
    ("uri", "checked"),
    [
        ("file:///home/ines/q1.goals", True),
        ("file:///home/ines/Team%20OKRs.md", True),
        ("file:///home/ines/notes.txt", True),
        ("file:///home/ines/app.py", False),
        ("untitled:Untitled-1", False),
    ],
    ids=["goals", "markdown-with-space", "text", "python", "untitled"],
)
def test_file_types(uri: str, checked: bool) -> None:
    assert is_checked(uri, DEFAULTS.file_types) is checked


def issue_on(document: str, word: str, replacements: tuple[str, ...] = ("",)) -> Issue:
    goal = goal_lines(document)[-1]
    start = document.index(word)
    return Issue("vague.hedge", "vague", "warning", "Hedge.", start, start + len(word),
                 replacements, goal)


def test_range_counts_utf16_units_on_the_goal_line() -> None:
    document = "Notes\n- 🚀 Try to close 5 deals"
    where = issue_range(document, issue_on(document, "Try to"), utf16_length)
    assert where == types.Range(types.Position(1, 5), types.Position(1, 11))
    in_code_points = issue_range(document, issue_on(document, "Try to"), len)
    assert in_code_points.start.character == 4


@pytest.mark.parametrize(
    ("old", "new", "whole", "title"),
    [
        ("Try to", "", False, "Delete 'Try to'"),
        ("some", "[target]", False, "Replace 'some' with '[target]'"),
        ("Grow NRR", "Grow NRR so that [relevance].", True,
         "Rewrite the goal: Grow NRR so that [relevance]."),
    ],
    ids=["delete", "replace", "rewrite"],
)
def test_action_titles(old: str, new: str, whole: bool, title: str) -> None:
    goal = GoalLine(0, old if whole else f"x {old} y")
    start = 0 if whole else 2
    issue = Issue("r.id", "vague", "warning", "m", start, start + len(old), (new,), goal)
    assert action_title(old, new, issue) == title


@pytest.mark.parametrize(
    ("document", "word", "value", "after"),
    [
        ("Try to close 5 deals", "Try to", "", "close 5 deals"),
        ("We will hopefully close 5 deals", "hopefully", "", "We will close 5 deals"),
        ("Close 5 deals, hopefully", "hopefully", "", "Close 5 deals,"),
        ("Close some deals", "some", "[target]", "Close [target] deals"),
    ],
    ids=["delete-at-start", "delete-inside", "delete-at-end", "replace"],
)
def test_quick_fix_edits_leave_no_double_space(
    document: str, word: str, value: str, after: str
) -> None:
    issue = issue_on(document, word, (value,))
    where = types.Range(types.Position(0, 0), types.Position(0, len(document)))
    (action,) = code_actions("file:///g.goals", document, [issue], where, len)
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["file:///g.goals"]
    start, end = edit.range.start.character, edit.range.end.character
    assert document[:start] + edit.new_text + document[end:] == after


def test_overlap_counts_touching_ranges() -> None:
    word = types.Range(types.Position(0, 4), types.Position(0, 8))
    assert overlaps(word, types.Range(types.Position(0, 8), types.Position(0, 8)))
    assert not overlaps(word, types.Range(types.Position(0, 9), types.Position(0, 9)))
    assert not overlaps(word, types.Range(types.Position(1, 5), types.Position(1, 5)))


def test_code_actions_only_for_issues_in_range_and_once_each() -> None:
    document = "Try to close 5 deals"
    issue = issue_on(document, "Try to")
    everywhere = types.Range(types.Position(0, 0), types.Position(0, 20))
    actions = code_actions("file:///g.goals", document, [issue, issue], everywhere, utf16_length)
    assert [a.title for a in actions] == ["Delete 'Try to'"]
    elsewhere = types.Range(types.Position(0, 15), types.Position(0, 15))
    assert code_actions("file:///g.goals", document, [issue], elsewhere, utf16_length) == []


def test_hover_text_lists_the_checklist_score_and_deadline() -> None:
    analysis = assistant.analyze("Grow NRR to 110% by Q3", reference_date="2026-11-27")
    text = hover_text(analysis)
    assert f"**Goalsmith: {analysis.score}/100**" in text
    assert "- ❌ Relevant" in text
    assert "- deadline: `by Q3` → 2027-09-30" in text
    assert "Rewrite: " in text
