"""Pathological goals within the limits (bench/pathological.json): each one is answered with
an analysis of its own text, or refused with a clean error, and nothing hangs (a generous
per-case timeout, not a speed assertion: `make bench` reports the times)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import GoalAnalysis, GoalsmithError, analyze
from assistant.iterate import batched_within
from assistant.pipeline import get_nlp
from assistant.tokenizer import MAX_RUN, pieces

TABLE = json.loads((Path(__file__).resolve().parents[1] / "bench" / "pathological.json")
                   .read_text(encoding="utf-8"))
REFERENCE = "2026-11-27"


def _text(case: dict) -> str:
    unit, chars = case["unit"], case["chars"]
    return (unit * (chars // len(unit) + 1))[:chars]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in TABLE["cases"]])
def test_pathological_goal_answered(nlp, case: dict) -> None:
    text = _text(case)
    try:
        analysis = analyze(text, reference_date=REFERENCE)
    except GoalsmithError as exc:
        assert exc.code and str(exc)
        return
    assert isinstance(analysis, GoalAnalysis) and analysis.text == text
    located = [c for c in analysis.components.model_dump().values() if c["present"]]
    assert all(text[c["start"]:c["end"]] == c["text"] for c in located)
    assert all(text[v.start:v.end] == v.text for v in analysis.vague)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("Close $450k by Q3", ["Close", "$", "450k", "by", "Q3"], id="ordinary"),
        pytest.param("$%" * 40, None, id="symbol-run"),
        pytest.param("see " + "x" * (3 * MAX_RUN) + "  now", None, id="long-word"),
        pytest.param("()" * MAX_RUN + "\n\nGrow ARR", None, id="run-then-lines"),
    ],
)
def test_tokenizer_keeps_the_text(nlp, text: str, tokens: list[str] | None) -> None:
    doc = get_nlp()(text)
    assert doc.text == text and "".join(pieces(text)) == text
    assert all(len(t.text) <= MAX_RUN for t in doc)
    if tokens is not None:
        assert [t.text for t in doc] == tokens


@pytest.mark.parametrize(
    ("lines", "count"),
    [
        pytest.param(["Grow ARR 5%"] * 3, "3", id="three-lines"),
        pytest.param(["- Hire 2 SDRs by March 1, 2027"] * 150, "150", id="pasted-list"),
    ],
)
def test_list_of_goals_said_so(nlp, lines: list[str], count: str) -> None:
    analysis = analyze("\n".join(lines), reference_date=REFERENCE)
    found = next(f for f in analysis.findings if f.id == "specific.multiple_goals")
    assert f"holds {count} goals" in found.message
    assert len(found.suggestions) == min(len(lines), 8)


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        pytest.param([1, 1, 1, 1, 1], [[1, 1, 1], [1, 1]], id="by-count"),
        pytest.param([4, 4, 4], [[4, 4], [4]], id="by-weight"),
        pytest.param([20, 1, 1], [[20], [1, 1]], id="heavy-item-alone"),
        pytest.param([], [], id="empty"),
    ],
)
def test_batches_bounded_by_count_and_weight(weights: list[int], expected: list[list[int]]) -> None:
    assert list(batched_within(weights, 3, 9, lambda weight: weight)) == expected
