"""The rewrite templates and their slots, without the pipeline."""

from __future__ import annotations

from importlib import resources

import pytest
from jinja2 import UndefinedError

from assistant.result import DeadlineComponent, DeadlineValue, RelevanceComponent
from assistant.rewrite import deadline_slot, relevance_slot
from assistant.rewrite.render import environment, render
from assistant.rewrite.shape import SHAPES

SLOTS = {"verb": "Book", "weak": False, "lead": "", "object": "30 demos", "has_metric": True,
         "has_target": True, "deadline": None, "relevance": None}


def _deadline(text: str, date: str | None, in_past: bool = False) -> DeadlineComponent:
    value = DeadlineValue(date=date, granularity="day", in_past=in_past)
    return DeadlineComponent(present=True, start=0, end=len(text), text=text, confidence=0.9,
                             value=value)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_has_a_template(shape: str) -> None:
    assert resources.files("assistant.rewrite").joinpath("templates", f"{shape}.j2").is_file()


@pytest.mark.parametrize("shape", SHAPES)
def test_missing_slot_fails_loudly(shape: str) -> None:
    slots = {k: v for k, v in SLOTS.items() if k != "deadline"}
    with pytest.raises(UndefinedError):
        render(shape, slots)


def test_environment_is_plain_text_and_strict() -> None:
    env = environment()
    assert env.autoescape is False
    assert env.undefined.__name__ == "StrictUndefined"


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        pytest.param({}, "Book 30 demos by [deadline] so that [relevance].", id="placeholders"),
        pytest.param({"object": "demos for R&D <leads>"},
                     "Book demos for R&D <leads> by [deadline] so that [relevance].",
                     id="no-html-escaping"),
        pytest.param({"object": "{{ 6 * 7 }} demos"},
                     "Book {{ 6 * 7 }} demos by [deadline] so that [relevance].",
                     id="writer-text-is-never-a-template"),
        pytest.param({"verb": "Improve", "weak": True, "object": "win rate", "has_target": False},
                     "Bring win rate to [target] by [deadline] so that [relevance].",
                     id="weak-verb-replaced"),
        pytest.param({"deadline": "by EOQ (December 31, 2026)", "relevance": ", to fund hiring"},
                     "Book 30 demos by EOQ (December 31, 2026), to fund hiring.",
                     id="writer-pieces-kept"),
    ],
)
def test_reach_template(slots: dict, expected: str) -> None:
    assert render("reach-metric", {**SLOTS, **slots}) == expected


def test_milestone_template_asks_for_metric_and_target() -> None:
    slots = {**SLOTS, "verb": "Launch", "object": "the partner portal", "has_metric": False,
             "has_target": False}
    assert render("project-milestone", slots) == (
        "Launch the partner portal, measured by [metric] reaching [target], by [deadline] "
        "so that [relevance]."
    )


def test_cadence_template_puts_count_before_activity() -> None:
    slots = {**SLOTS, "verb": "Make", "object": "cold calls per week", "has_target": False}
    assert render("activity-cadence", slots).startswith("Make [target] cold calls per week")


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        pytest.param(_deadline("by EOY", "2026-12-31"), "by EOY (December 31, 2026)",
                     id="resolved-date-added"),
        pytest.param(_deadline("by March 31, 2027", "2027-03-31"), "by March 31, 2027",
                     id="already-spelled-out"),
        pytest.param(_deadline("By Feb 28", "2027-02-28"), "by Feb 28 (February 28, 2027)",
                     id="year-added-and-lower-cased"),
        pytest.param(_deadline("before the next QBR", None), "before the next QBR",
                     id="unresolved-kept"),
        pytest.param(_deadline("by March 31, 2026", "2026-03-31", in_past=True), None,
                     id="past-left-open"),
        pytest.param(DeadlineComponent(present=False, confidence=0.8), None, id="absent"),
        pytest.param(_deadline("b4 friday", "2026-12-03"), "before friday (December 3, 2026)",
                     id="shorthand-b4-written-out"),
        pytest.param(_deadline("thru Q2", "2027-06-30"), "through Q2 (June 30, 2027)",
                     id="shorthand-thru-written-out"),
        pytest.param(_deadline("b4 the QBR", None), "before the QBR", id="shorthand-undated"),
    ],
)
def test_deadline_slot(deadline: DeadlineComponent, expected: str | None) -> None:
    assert deadline_slot(deadline) == expected


@pytest.mark.parametrize(
    ("text", "reason", "expected"),
    [
        pytest.param("Book 9 demos to fill Q1.", "to fill Q1", "to fill Q1", id="plain"),
        pytest.param("Book 9 demos, to fill Q1.", "to fill Q1", ", to fill Q1", id="comma-kept"),
        pytest.param("Book 9 demos — to fill Q1.", "to fill Q1", " — to fill Q1", id="dash-kept"),
        pytest.param("Book 9 demos. This fills Q1.", "This fills Q1", ". This fills Q1",
                     id="own-sentence"),
        pytest.param("To fill Q1, book 9 demos.", "To fill Q1", "to fill Q1",
                     id="moved-from-front"),
    ],
)
def test_relevance_slot(text: str, reason: str, expected: str) -> None:
    start = text.index(reason)
    component = RelevanceComponent(present=True, start=start, end=start + len(reason),
                                   text=reason, confidence=0.9)
    assert relevance_slot(component, text) == expected


def test_milestone_without_words_keeps_the_frame() -> None:
    slots = {**SLOTS, "verb": "", "object": "", "has_metric": False, "has_target": False}
    assert render("project-milestone", slots) == (
        "Reach [target] in [metric] by [deadline] so that [relevance]."
    )
