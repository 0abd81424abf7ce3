"""Text in, `GoalAnalysis` out, through the cached pipeline: `analyze` for one goal,
`check_batch` for many (the one batch path every surface uses), `check_many` over it."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .checks import review
from .errors import AnalysisFailedError, GoalsmithError, InputError
from .iterate import batched_within
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
from .rewrite import suggest
from .settings import get_settings
from .spans import doc_text
from .temporal import resolve_deadline

BATCH_SIZE = 128
# Characters of text parsed together: spaCy's memory grows with a batch's tokens (20 goals of
# 5,000 symbols in one batch took 1.5 GB), so long goals go through a few at a time.
PIPE_CHARS = 10_000
# What one goal of a batch comes to: its analysis, or why it could not be analysed.
Outcome = GoalAnalysis | GoalsmithError
logger = logging.getLogger("goalsmith")
# Confidence reported for an absent component when no detector offers a better estimate.
ABSENT_CONFIDENCE = 0.8


def analyze(
    text: str,
    *,
    reference_date: dt.date | str | None = None,
    date_order: str = "MDY",
    fiscal_year_start: int = 1,
    rules: dict[str, str] | None = None,
    use_model: bool = True,
) -> GoalAnalysis:
    """Analyse one draft goal. Raises an `InputError` for text that cannot be analysed."""
    options = make_options(
        reference_date=reference_date,
        date_order=date_order,
        fiscal_year_start=fiscal_year_start,
        rules=rules,
        use_model=use_model,
    )
    return analyze_doc(get_nlp()(check_text(text)), options)


def check_batch(
    items: Iterable[tuple[str, Options]], *, batch_size: int = BATCH_SIZE
) -> Iterator[Outcome]:
    """The one batch path: each (text, options) pair's outcome, in order and lazily. Texts are
    validated, streamed through `nlp.pipe` and read with their own options; a text that fails
    validation yields its `InputError`, and a fault while analysing yields an
    `AnalysisFailedError` for that goal alone (the batch is retried goal by goal), so one bad
    goal never fails its neighbours."""
    for chunk in batched_within(items, batch_size, PIPE_CHARS, _chars):
        checked = [_validated(text) for text, _ in chunk]
        valid = [(text, options) for text, (_, options) in zip(checked, chunk, strict=True)
                 if isinstance(text, str)]
        outcomes = iter(_analyse_valid(valid, batch_size))
        for text in checked:
            yield next(outcomes) if isinstance(text, str) else text


def check_many(
    texts: Iterable[str],
    *,
    reference_date: dt.date | str | None = None,
    date_order: str = "MDY",
    fiscal_year_start: int = 1,
    rules: dict[str, str] | None = None,
    use_model: bool = True,
    batch_size: int = BATCH_SIZE,
) -> Iterator[GoalAnalysis]:
    """Analyse many goals with the same options, in order, through `check_batch`. Raises the
    first goal's error instead of yielding it (use `check_batch` to keep going)."""
    options = make_options(
        reference_date=reference_date,
        date_order=date_order,
        fiscal_year_start=fiscal_year_start,
        rules=rules,
        use_model=use_model,
    )
    for outcome in check_batch(((text, options) for text in texts), batch_size=batch_size):
        if isinstance(outcome, GoalsmithError):
            raise outcome
        yield outcome


def _chars(item: tuple[str, Options]) -> int:
    return len(item[0]) if isinstance(item[0], str) else 0


def _validated(text: str) -> str | GoalsmithError:
    try:
        return check_text(text)
    except InputError as exc:
        return exc


def _analyse_valid(items: list[tuple[str, Options]], batch_size: int) -> list[Outcome]:
    try:
        docs = list(get_nlp().pipe((text for text, _ in items), batch_size=batch_size))
    except Exception:  # find the goal at fault: each one alone
        return [_analyse_alone(text, options) for text, options in items]
    return [_resolve(doc, options) for doc, (_, options) in zip(docs, items, strict=True)]


def _analyse_alone(text: str, options: Options) -> Outcome:
    try:
        return analyze_doc(get_nlp()(text), options)
    except Exception as exc:  # that goal's own failure
        return goal_failure(exc)


def _resolve(doc: Doc, options: Options) -> Outcome:
    try:
        return analyze_doc(doc, options)
    except Exception as exc:  # that goal's own failure
        return goal_failure(exc)


def goal_failure(exc: Exception) -> GoalsmithError:
    """Goalsmith's own errors as they are; any other fault is logged (without the goal's
    text, which may be confidential) and becomes that goal's `AnalysisFailedError`."""
    if isinstance(exc, GoalsmithError):
        return exc
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("analysis failed: %s\n%s", type(exc).__name__, frames)
    return AnalysisFailedError(f"this goal could not be analysed ({type(exc).__name__})")


def analyze_doc(doc: Doc, options: Options) -> GoalAnalysis:
    """Turn a processed Doc into the result, resolving dates against the options."""
    # Learned confidence (assistant/learned) unless switched off per call or by environment.
    learned = learned_confidence(doc) if options.use_model and get_settings().use_model else {}
    found = doc._  # one view of the extensions for the five reads below
    components = Components(
        metric=_metric(found.gs_metric, learned.get("metric")),
        target=_target(found.gs_target, learned.get("target")),
        deadline=_deadline(found.gs_deadline, options, learned.get("deadline")),
        relevance=_relevance(found.gs_relevance, learned.get("relevance")),
    )
    vague = [
        VagueSpan(start=p.start, end=p.end, text=p.text, category=p.value.category,
                  message=p.value.message)
        for p in found.gs_vague
    ]
    draft = GoalAnalysis(
        text=doc_text(doc),
        reference_date=options.reference_date.isoformat(),
        components=components,
        vague=vague,
        findings=[],
        smart={"specific": False, "measurable": False, "achievable": "unknown",
               "relevant": False, "time_bound": False},
        score=None,
        rewrites=[],
    )
    reviewed, reading = review(draft, doc, options)
    reviewed.rewrites = suggest(reviewed, doc, reading)  # a copy of its own: set in place
    return reviewed


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
