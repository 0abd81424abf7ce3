"""The core's one batch path, `assistant.check_batch`: order, per-goal options, and faults
that stay with the goal they belong to."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import assistant
from assistant import (
    MAX_TEXT_CHARS,
    AnalysisFailedError,
    EmptyTextError,
    GoalAnalysis,
    GoalsmithError,
    InvalidCharactersError,
    InvalidOptionError,
    Options,
    TextTooLongError,
    check_batch,
    make_options,
)
from assistant import analysis as core
from assistant.analysis import goal_failure as failure

REFERENCE = make_options(reference_date="2026-11-27")
GOOD = "Win 5 new logos by May 2027"


@pytest.mark.parametrize(("text", "error"), [
    pytest.param("", EmptyTextError, id="empty"),
    pytest.param("   \n", EmptyTextError, id="blank"),
    pytest.param("x" * (MAX_TEXT_CHARS + 1), TextTooLongError, id="too-long"),
    pytest.param("Grow ARR\x00 5%", InvalidCharactersError, id="control-character"),
    pytest.param(b"Grow ARR 5%", InvalidOptionError, id="bytes-not-text"),
])
def test_invalid_goal_yields_its_error_in_place(nlp: Language, text: object, error: type) -> None:
    outcomes = list(check_batch([(GOOD, REFERENCE), (text, REFERENCE), (GOOD, REFERENCE)]))  # type: ignore[list-item]
    assert isinstance(outcomes[1], error)
    assert [o.text for o in (outcomes[0], outcomes[2])] == [GOOD, GOOD]  # type: ignore[union-attr]


def test_each_goal_is_read_with_its_own_options(nlp: Language) -> None:
    text = "Launch the partner portal by 05/04/2027"
    jobs = [(text, make_options(reference_date="2026-11-27", date_order=order))
            for order in ("MDY", "DMY")]
    dates = [o.components.deadline.value.date for o in check_batch(jobs)]  # type: ignore[union-attr]
    assert dates == ["2027-05-04", "2027-04-05"]


@pytest.mark.parametrize("batch_size", [pytest.param(1, id="batch-1"),
                                        pytest.param(2, id="batch-2"),
                                        pytest.param(128, id="batch-128")])
def test_outcomes_keep_input_order_across_batches(nlp: Language, batch_size: int) -> None:
    texts = [f"Close {n} deals by Q3" for n in range(1, 6)]
    outcomes = check_batch(((t, REFERENCE) for t in texts), batch_size=batch_size)
    assert [o.text for o in outcomes] == texts  # type: ignore[union-attr]


def test_a_fault_reading_one_goal_fails_that_goal_only(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = core.analyze_doc

    def fragile(doc: Doc, options: Options) -> GoalAnalysis:
        if "Quux" in doc.text:
            raise RuntimeError("detector fault")
        return real(doc, options)

    monkeypatch.setattr(core, "analyze_doc", fragile)
    outcomes = list(check_batch([(GOOD, REFERENCE), ("Quux the widgets", REFERENCE),
                                 (GOOD, REFERENCE)]))
    assert isinstance(outcomes[1], AnalysisFailedError)
    assert "RuntimeError" in outcomes[1].message and "Quux" not in outcomes[1].message
    assert all(isinstance(o, GoalAnalysis) for o in (outcomes[0], outcomes[2]))


@Language.component("test/fault-on-quux")
def _fault_on_quux(doc: Doc) -> Doc:
    if "Quux" in doc.text:
        raise ValueError("pipeline fault")
    return doc


def test_a_fault_inside_the_pipeline_is_retried_goal_by_goal(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    faulty = core.get_nlp.__wrapped__()  # a fresh pipeline, not the shared cached one
    faulty.add_pipe("test/fault-on-quux", first=True)
    monkeypatch.setattr(core, "get_nlp", lambda: faulty)
    outcomes = list(check_batch([(GOOD, REFERENCE), ("Quux the widgets", REFERENCE),
                                 (GOOD, REFERENCE)]))
    assert isinstance(outcomes[1], AnalysisFailedError)
    assert [o.text for o in (outcomes[0], outcomes[2])] == [GOOD, GOOD]  # type: ignore[union-attr]


def test_check_many_is_check_batch_with_shared_options(nlp: Language) -> None:
    texts = ["Close 3 deals.", "Grow NRR to 110% by Q3."]
    many = [a.model_dump() for a in assistant.check_many(texts, reference_date="2026-11-27")]
    batch = [a.model_dump() for a in check_batch((t, REFERENCE) for t in texts)]  # type: ignore[union-attr]
    assert many == batch


def test_check_many_raises_the_first_error(nlp: Language) -> None:
    with pytest.raises(EmptyTextError):
        list(assistant.check_many(["Close 3 deals.", ""]))


def test_options_are_public_and_validated() -> None:
    options = assistant.make_options(reference_date="2027-01-15", date_order="dmy",
                                     rules={"vague.hedge": "off"}, use_model=False)
    assert isinstance(options, assistant.Options)
    assert (options.date_order, options.use_model) == ("DMY", False)
    assert options.rule_overrides == {"vague.hedge": "off"}
    with pytest.raises(InvalidOptionError):
        assistant.make_options(date_order="YMD")


SECRET_GOAL = "Quadruple the walrus census by May"


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(ValueError(f"invalid literal for int(): {SECRET_GOAL!r}"), id="value-error"),
        pytest.param(OverflowError("date value out of range"), id="overflow"),
        pytest.param(KeyError(SECRET_GOAL), id="key-error"),
    ],
)
def test_fault_on_a_goal_becomes_its_failure_without_the_text(
    fault: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise fault
    except Exception as exc:  # raised, so that the log has frames to show
        reported = failure(exc)
    assert isinstance(reported, AnalysisFailedError)
    assert type(fault).__name__ in reported.message
    assert "walrus" not in reported.message
    assert type(fault).__name__ in caplog.text
    assert "walrus" not in caplog.text


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(InvalidOptionError("unknown rule id 'x.y'"), id="invalid-option"),
        pytest.param(AnalysisFailedError("this goal could not be analysed"), id="already-failed"),
    ],
)
def test_goalsmith_errors_pass_unchanged(error: GoalsmithError) -> None:
    assert failure(error) is error
