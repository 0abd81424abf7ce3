"""The `goalsmith/metric_period` pipeline component: the period a metric is named for bounds
the goal when nothing else does ("Lift FY28 services revenue to €3M": GUIDELINE v1.1 drops
"FY28" from the metric and reads it as the deadline). It runs after the metric."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..parts import Part
from ..spans import doc_text
from .expr import TimeExpr
from .lexicon import lexicon

# Periods that can bound a goal when they name its metric's period ("Q3", "H1", "FY28").
PERIOD_KINDS = frozenset({"quarter", "half", "fiscal_year", "year", "month"})
# A bound read off the metric's name is weaker than one the writer stated as a bound.
CONFIDENCE = 0.6


def metric_period(doc: Doc) -> Part[TimeExpr] | None:
    """The period label right before the metric ("my Q1 quota", "the 20 Q1 renewals") as the
    deadline, when the goal has no deadline, the metric names no past period's leftovers
    ("the Q3 carryover deals") and is not what the goal beats ("Beat our 2026 win rate")."""
    metric = doc._.gs_metric
    if metric is None or doc._.gs_deadline is not None:
        return None
    first = metric.text.split()[0].lower() if metric.text.split() else ""
    span = doc.char_span(metric.start, metric.end, alignment_mode="expand")
    verb = span.root.head.lemma_.lower() if span is not None else ""
    if first in lexicon().cue("label", "origin_words") or verb in lexicon().cue(
            "label", "baseline_verbs"):
        return None
    for part in doc._.gs_times or []:
        expr = part.value
        if expr is None or expr.role != "label" or expr.kind not in PERIOD_KINDS:
            continue
        if part.end <= metric.start and not doc_text(doc)[part.end : metric.start].strip():
            return Part(part.start, part.end, part.text, CONFIDENCE,
                        replace(expr, role="deadline"))
    return None


class MetricPeriod:
    """Sets `doc._.gs_deadline` from the metric's period when nothing else bounds the goal."""

    def __call__(self, doc: Doc) -> Doc:
        period = metric_period(doc)
        if period is not None:
            doc._.gs_deadline = period
        return doc


@Language.factory("goalsmith/metric_period", assigns=["doc._.gs_deadline"])
def make_metric_period(nlp: Language, name: str) -> MetricPeriod:
    return MetricPeriod()
