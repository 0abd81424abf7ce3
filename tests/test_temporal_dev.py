"""Deadline detection and dates on the gold dev set, scored with `assistant.evaluation`'s
counters; the floors sit a little under what the rules reach."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from assistant.evaluation import GUIDELINE_REFERENCE_DATE, Counts, char_f1, gold_bounds
from assistant.options import Options
from assistant.temporal import choose_deadline, find_times, resolve_deadline

PRESENCE_F1_FLOOR = 0.98
SPAN_F1_FLOOR = 0.97
DATE_ACCURACY_FLOOR = 0.98


def test_dev_set_deadlines(nlp: Language, dev_records: list[dict]) -> None:
    options = Options(reference_date=dt.date.fromisoformat(GUIDELINE_REFERENCE_DATE))
    counts, right, total, errors = Counts(), 0, 0, []
    for record, doc in zip(dev_records, nlp.pipe(r["text"] for r in dev_records), strict=True):
        found = choose_deadline(doc, find_times(doc))
        expected = record["deadline"]
        if found and expected:
            counts.tp += 1
            counts.overlaps.append(char_f1((found.start, found.end),
                                           gold_bounds(record["text"], expected)))
        elif found or expected:
            counts.fp += bool(found)
            counts.fn += bool(expected)
        date = resolve_deadline(found.value, options).date if found else None
        if record["deadline_date"]:
            total += 1
            right += date == record["deadline_date"]
        if (found.text if found else None, date) != (expected, record["deadline_date"]):
            errors.append(f"{record['id']}: {found} vs {(expected, record['deadline_date'])}")
    print(f"\ndeadline presence F1 {counts.f1:.3f}, span F1 {counts.span_f1:.3f}, "
          f"dates {right}/{total}")
    assert counts.f1 >= PRESENCE_F1_FLOOR, errors
    assert counts.span_f1 >= SPAN_F1_FLOOR, errors
    assert right / total >= DATE_ACCURACY_FLOOR, errors
