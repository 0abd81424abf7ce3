"""What the API hands to a worker: module-level functions over picklable arguments, so the
same call runs in a worker thread or in a worker process with its own pipeline."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc

from assistant import analyze
from assistant.analysis import analyze_doc
from assistant.errors import AnalysisFailedError, GoalsmithError
from assistant.options import MAX_UPLOAD_ROWS, Options
from assistant.pipeline import get_nlp
from assistant.report import (
    SummaryBuilder,
    TeamReport,
    analyze_texts,
    build_team_report,
    flatten_analysis,
)
from assistant.result import GoalAnalysis
from assistant.settings import get_settings

from .errors import log_fault
from .schemas import BatchItem, BatchRequest, BatchResponse, ModelInfo

# Analysed once per worker so that the first client does not pay for lazy initialisation.
WARM_UP_GOAL = "Raise the share of on-time deliveries to 95% by the end of next quarter"

Outcome = GoalAnalysis | GoalsmithError


def warm_up() -> ModelInfo:
    """Load the pipeline, analyse one goal, and say which model is loaded."""
    nlp = get_nlp()
    analyze(WARM_UP_GOAL)
    return ModelInfo(
        name=get_settings().spacy_model,
        version=str(nlp.meta.get("version", "")),
        spacy_version=spacy.__version__,
        components=list(nlp.pipe_names),
    )


def analyse_batch(body: BatchRequest, options: Options) -> BatchResponse:
    """Every goal through `nlp.pipe`, in order, summarised as a team report summarises rows.
    A goal the analysis fails on fails the batch, naming its position."""
    outcomes = analyze_texts([goal.text for goal in body.goals], options)
    summary = SummaryBuilder()
    results = []
    for index, (goal, outcome) in enumerate(zip(body.goals, outcomes, strict=True)):
        if isinstance(outcome, GoalsmithError):
            raise type(outcome)(f"goal {index}: {outcome.message}", details={"index": index})
        summary.add(None, flatten_analysis(outcome))
        results.append(BatchItem(id=index if goal.id is None else goal.id, analysis=outcome))
    return BatchResponse(results=results, summary=summary.summary())


def team_report(
    data: bytes, filename: str | None, goal_column: str | None, owner_column: str | None,
    options: Options,
) -> TeamReport:
    """The team report of an uploaded file, within the API's row limit."""
    return build_team_report(
        data, filename=filename, column=goal_column, owner_column=owner_column,
        options=options, max_rows=MAX_UPLOAD_ROWS,
    )


def failure(exc: Exception) -> GoalsmithError:
    """What the client hears of an error: Goalsmith's own errors as they are; any other fault
    on one goal is logged (without the goal) and reported as that goal's failure."""
    if isinstance(exc, GoalsmithError):
        return exc
    log_fault("analysis failed", exc)
    return AnalysisFailedError(f"this goal could not be analysed ({type(exc).__name__})")


def _resolve(doc: Doc, options: Options) -> Outcome:
    try:
        return analyze_doc(doc, options)
    except Exception as exc:  # handed to the one request it belongs to
        return failure(exc)


def _analyse_alone(text: str, options: Options) -> Outcome:
    try:
        return analyze_doc(get_nlp()(text), options)
    except Exception as exc:  # handed to the one request it belongs to
        return failure(exc)


def analyse_jobs(jobs: Sequence[tuple[str, Options]]) -> list[Outcome]:
    """Each (checked) text through one `nlp.pipe` call, resolved with its own options. A
    failure takes the place of its result, so one goal never fails its neighbours."""
    try:
        docs = list(get_nlp().pipe(text for text, _ in jobs))
    except Exception:  # find the one text at fault by analysing each alone
        return [_analyse_alone(text, options) for text, options in jobs]
    return [_resolve(doc, options) for doc, (_, options) in zip(docs, jobs, strict=True)]
