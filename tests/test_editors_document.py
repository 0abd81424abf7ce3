"""Goal lines of a document and the findings placed on them (shared by the LanguageTool
endpoint and the language server)."""

from __future__ import annotations

import pytest

import assistant
from editors.document import GoalLine, document_issues, goal_issues, goal_lines, shared_edit

REFERENCE = "2026-11-27"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param("Close 5 deals", [GoalLine(0, "Close 5 deals")], id="plain-line"),
        pytest.param("- [ ] Close 5 deals  ", [GoalLine(6, "Close 5 deals", 0, 6)],
                     id="task-box-and-trailing-blanks"),
        pytest.param("  12. Grow NRR", [GoalLine(6, "Grow NRR", 0, 6)], id="numbered"),
        pytest.param("> * Book demos", [GoalLine(4, "Book demos", 0, 4)], id="quoted-bullet"),
        pytest.param("-5% churn by May", [GoalLine(0, "-5% churn by May")], id="minus-kept"),
        pytest.param("# Q1 goals\n## Sales\n#1 priority: close 5 deals",
                     [GoalLine(20, "#1 priority: close 5 deals", 2, 0)], id="headings-skipped"),
        pytest.param("a\r\n\r\nb\rc\n",
                     [GoalLine(0, "a"), GoalLine(5, "b", 2), GoalLine(7, "c", 3)],
                     id="crlf-cr-lf-and-blank-lines"),
        pytest.param("😀 Close 5 deals\n• Grow NRR", [GoalLine(0, "😀 Close 5 deals"),
                                                     GoalLine(18, "Grow NRR", 1, 2)],
                     id="emoji-and-bullet-character"),
        pytest.param(" \n-\n\t\n", [], id="only-blanks-and-markers"),
    ],
)
def test_goal_lines(document: str, expected: list[GoalLine]) -> None:
    found = goal_lines(document)
    assert found == expected
    assert all(document[line.start:line.end] == line.text for line in found)


def analysed(line: GoalLine) -> assistant.GoalAnalysis:
    return assistant.analyze(line.text, reference_date=REFERENCE)


def test_word_findings_are_placed_in_the_document() -> None:
    document = "Notes\n- Try to close some deals by March 31, 2027 to fund hiring"
    line = goal_lines(document)[1]
    placed = {(i.rule_id, document[i.start:i.end]) for i in goal_issues(line, analysed(line))}
    assert {("vague.hedge", "Try to"), ("vague.quantifier", "some")} <= placed


@pytest.mark.parametrize(
    ("document", "deleted"),
    [
        pytest.param("Hopefully close 12 deals by March 31, 2027",
                     "close 12 deals by March 31, 2027", id="first-word"),
        pytest.param("- Close 12 deals, hopefully by March 31, 2027",
                     "- Close 12 deals, by March 31, 2027", id="middle"),
        pytest.param("Close 12 deals by March 31, 2027 hopefully",
                     "Close 12 deals by March 31, 2027", id="last-word-takes-the-blank-before"),
    ],
)
def test_a_deletion_takes_its_blank_and_the_other_replacements_keep_it(
    document: str, deleted: str
) -> None:
    line = goal_lines(document)[0]
    [issue] = [i for i in goal_issues(line, analysed(line)) if "" in i.replacements]
    start, end, values = shared_edit(document, issue)
    applied = [document[:start] + value + document[end:] for value in values]
    assert deleted in applied
    assert not any("  " in text for text in applied)


def test_missing_part_covers_the_goal_with_its_rewrites() -> None:
    line = goal_lines("* Grow NRR to 110% by Q3")[0]
    analysis = analysed(line)
    issue = next(i for i in goal_issues(line, analysis) if i.rule_id == "relevance.missing")
    assert (issue.start, issue.end) == (line.start, line.end)
    assert issue.replacements == tuple(r.text for r in analysis.rewrites)


@pytest.mark.parametrize(
    "text", ["Meeting notes from Tuesday", "Café résumé, naïve draft", "Hire engineers"]
)
def test_lines_without_any_goal_part_get_no_issues(text: str) -> None:
    line = GoalLine(0, text)
    assert goal_issues(line, analysed(line)) == []


def test_a_line_that_cannot_be_analysed_names_its_line() -> None:
    goals = goal_lines("Close 5 deals by May\n\nClose\x07 6 deals by June")
    options = assistant.make_options(reference_date=REFERENCE)
    with pytest.raises(assistant.InputError) as raised:
        document_issues(goals, options)
    assert raised.value.details == {"line": 3}
