from __future__ import annotations

import assistant


def test_exported_members_are_the_documented_api() -> None:
    assert set(assistant.__all__) == {
        "MAX_BATCH_GOALS", "MAX_TEXT_CHARS", "MAX_UPLOAD_BYTES", "MAX_UPLOAD_ROWS",
        "GoalAnalysis", "GoalsmithError", "InputError", "__version__", "analyze", "check_many",
    }
    for name in assistant.__all__:
        assert hasattr(assistant, name), name


def test_check_many_streams_in_order() -> None:
    texts = ["Close 3 deals.", "Grow NRR to 110% by Q3.", "Be better."]
    results = list(assistant.check_many(texts, reference_date="2026-11-27"))
    assert [r.text for r in results] == texts
    assert results[1].components.deadline.value is not None
    assert results[1].components.deadline.value.date == "2027-09-30"
