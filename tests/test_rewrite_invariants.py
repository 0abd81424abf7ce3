"""Promises that hold on every goal, checked over the dev-set texts through the pipeline:
each absent component has a finding and a placeholder, no rewrite holds a number the writer
did not give (or that is not their resolved deadline or target), and the score follows the
components."""

from __future__ import annotations

import datetime as dt
import re
from statistics import mean

import pytest

from assistant import check_many
from assistant.result import COMPONENTS, GoalAnalysis

REFERENCE = "2026-11-27"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> set[float]:
    """Every number in the text, whole ('1,200', '2.5') and in its parts ('30.06.2027')."""
    found = set()
    for match in NUMBER.findall(text):
        found.update(float(part) for part in re.split(r"[.,]", match) if part)
        if match.count(".") <= 1:
            found.add(float(match.replace(",", "")))
    return found


def allowed_numbers(analysis: GoalAnalysis) -> set[float]:
    allowed = numbers(analysis.text)
    deadline = analysis.components.deadline.value
    if deadline is not None and deadline.date is not None:
        day = dt.date.fromisoformat(deadline.date)
        allowed |= {float(day.year), float(day.day)}
    target = analysis.components.target.value
    if target is not None:
        allowed.add(float(target.amount))
    return allowed


@pytest.fixture(scope="module")
def analysed(nlp, dev_records: list[dict]) -> list[tuple[dict, GoalAnalysis]]:
    texts = [record["text"] for record in dev_records]
    return list(zip(dev_records, check_many(texts, reference_date=REFERENCE), strict=True))


def test_absent_component_has_finding_and_placeholder(analysed) -> None:
    failures = []
    for record, analysis in analysed:
        ids = {f.id for f in analysis.findings}
        for name in COMPONENTS:
            if getattr(analysis.components, name).present:
                continue
            marked = any(f"[{name}]" in r.text and name in r.placeholders
                         for r in analysis.rewrites)
            if f"{name}.missing" not in ids or not marked:
                failures.append((record["id"], name))
    assert not failures


def test_rewrites_invent_no_number(analysed) -> None:
    invented = []
    for record, analysis in analysed:
        extra = {n for r in analysis.rewrites for n in numbers(r.text)}
        extra -= allowed_numbers(analysis)
        if extra:
            invented.append((record["id"], sorted(extra)))
    assert not invented


def test_incomplete_goal_gets_a_rewrite(analysed) -> None:
    bare = [record["id"] for record, analysis in analysed
            if not all(getattr(analysis.components, n).present for n in COMPONENTS)
            and not analysis.rewrites]
    assert not bare


def test_complete_goals_score_at_least_90(analysed) -> None:
    low = [(record["id"], analysis.score) for record, analysis in analysed
           if all(getattr(analysis.components, n).present for n in COMPONENTS)
           and (analysis.score or 0) < 90]
    assert not low


def test_empty_goals_score_at_most_30(analysed) -> None:
    high = [(record["id"], analysis.score) for record, analysis in analysed
            if not any(getattr(analysis.components, n).present for n in COMPONENTS)
            and (analysis.score or 0) > 30]
    assert not high


def test_mean_score_rises_with_gold_components(analysed) -> None:
    by_count: dict[int, list[int]] = {}
    for record, analysis in analysed:
        count = sum(record[name] is not None for name in COMPONENTS)
        by_count.setdefault(count, []).append(analysis.score or 0)
    means = [mean(by_count[count]) for count in sorted(by_count)]
    print({count: round(mean(scores), 1) for count, scores in sorted(by_count.items())})
    assert means == sorted(means) and len(set(means)) == len(means)


@pytest.mark.parametrize("component", COMPONENTS)
def test_gold_component_raises_mean_score(analysed, component: str) -> None:
    having = [a.score or 0 for r, a in analysed if r[component] is not None]
    lacking = [a.score or 0 for r, a in analysed if r[component] is None]
    assert mean(having) > mean(lacking)
