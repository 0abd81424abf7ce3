"""`analyze` and `check_many`: text in, one `GoalAnalysis` out, through the cached pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .checks import review
from .learned import learned_confidence
from .options import Options, check_text, make_options
from .parts import Part
from .pipeline import get_nlp
from .result import (
    Components,
    DeadlineComponent,
    GoalAnalysis,
    MetricComponent,
    MetricValue,
    RelevanceComponent,
    TargetComponent,
    TargetValue,
    VagueSpan,
)
from .settings import get_settings
from .temporal import resolve_deadline

BATCH_SIZE = 128
# Confidence reported for an absent component when no detector offers a better estimate.
ABSENT_CONFIDENCE = 0.8


def analyze(
    text: str,
    *,
    reference_date: dt.date | str | None = None,
    date_order: str = "MDY",
    fiscal_year_start: int = 1,
    rules: dict[str, str] | None = None,
) -> GoalAnalysis:
    """Analyse one draft goal."""
    options = make_options(
        reference_date=reference_date,
        date_order=date_order,
        fiscal_year_start=fiscal_year_start,
        rules=rules,
    )
    return analyze_doc(get_nlp()(check_text(text)), options)


def check_many(
    texts: Iterable[str],
    *,
    reference_date: dt.date | str | None = None,
    date_order: str = "MDY",
    fiscal_year_start: int = 1,
    rules: dict[str, str] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[GoalAnalysis]:
    """Analyse many goals in order through `nlp.pipe`. Every text must pass `check_text`;
    callers that accept untrusted rows validate each one first (see `assistant.report`)."""
    options = make_options(
        reference_date=reference_date,
        date_order=date_order,
        fiscal_year_start=fiscal_year_start,
        rules=rules,
    )
    checked = (check_text(text) for text in texts)
    for doc in get_nlp().pipe(checked, batch_size=batch_size):
        yield analyze_doc(doc, options)


def analyze_doc(doc: Doc, options: Options) -> GoalAnalysis:
    """Turn a processed Doc into the result, resolving dates against the options."""
    # Learned confidence (assistant/learned) unless switched off per call or by environment.
    learned = learned_confidence(doc) if options.use_model and get_settings().use_model else {}
    components = Components(
        metric=_metric(doc._.gs_metric, learned.get("metric")),
        target=_target(doc._.gs_target, learned.get("target")),
        deadline=_deadline(doc._.gs_deadline, options, learned.get("deadline")),
        relevance=_relevance(doc._.gs_relevance, learned.get("relevance")),
    )
    vague = [
        VagueSpan(start=p.start, end=p.end, text=p.text, category=p.value.category,
                  message=p.value.message)
        for p in doc._.gs_vague
    ]
    draft = GoalAnalysis(
        text=doc.text,
        reference_date=options.reference_date.isoformat(),
        components=components,
        vague=vague,
        findings=[],
        smart={"specific": False, "measurable": False, "achievable": "unknown",
               "relevant": False, "time_bound": False},
        score=None,
        rewrites=[],
    )
    return review(draft, doc, options)


def _located(part: Part | None, learned: float | None) -> dict:
    if part is None:
        return {"present": False,
                "confidence": ABSENT_CONFIDENCE if learned is None else learned}
    return {"present": True, "start": part.start, "end": part.end, "text": part.text,
            "confidence": round(part.confidence if learned is None else learned, 3)}


def _metric(part: Part | None, learned: float | None) -> MetricComponent:
    value = MetricValue(name=part.text) if part else None
    return MetricComponent(**_located(part, learned), value=value)


def _target(part: Part[TargetValue] | None, learned: float | None) -> TargetComponent:
    return TargetComponent(**_located(part, learned), value=part.value if part else None)


def _deadline(part: Part | None, options: Options, learned: float | None) -> DeadlineComponent:
    value = resolve_deadline(part.value, options) if part else None
    return DeadlineComponent(**_located(part, learned), value=value)


def _relevance(part: Part | None, learned: float | None) -> RelevanceComponent:
    return RelevanceComponent(**_located(part, learned))
