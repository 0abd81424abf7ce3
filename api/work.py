"""What the API hands to a worker: module-level functions over picklable arguments, so the
same call runs in a worker thread or in a worker process with its own pipeline."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import (
    MAX_UPLOAD_ROWS,
    GoalsmithError,
    Options,
    Outcome,
    SummaryBuilder,
    TeamReport,
    analyze,
    build_team_report,
    check_batch,
    flatten_analysis,
    pipeline_info,
)

from .schemas import BatchItem, BatchRequest, BatchResponse, ModelInfo

# Analysed once per worker so that the first client does not pay for lazy initialisation.
WARM_UP_GOAL = "Raise the share of on-time deliveries to 95% by the end of next quarter"


def warm_up() -> ModelInfo:
    """Load the pipeline, analyse one goal, and say which model is loaded."""
    info = ModelInfo.model_validate(pipeline_info())
    analyze(WARM_UP_GOAL)
    return info


def analyse_batch(body: BatchRequest, options: Options) -> BatchResponse:
    """Every goal through the core's batch path, in order, summarised as a team report
    summarises rows. A goal the analysis fails on fails the batch, naming its position."""
    outcomes = check_batch((goal.text, options) for goal in body.goals)
    summary = SummaryBuilder()
    results = []
    for index, (goal, outcome) in enumerate(zip(body.goals, outcomes, strict=True)):
        if isinstance(outcome, GoalsmithError):
            raise type(outcome)(f"goal {index}: {outcome.message}", details={"index": index})
        summary.add(None, flatten_analysis(outcome))
        results.append(BatchItem(id=index if goal.id is None else goal.id, analysis=outcome))
    return BatchResponse(results=results, summary=summary.summary())


def analyse_jobs(jobs: Sequence[tuple[str, Options]]) -> list[Outcome]:
    """Single-goal checks coalesced into one batch, each read with its own options."""
    return list(check_batch(jobs))


def team_report(
    data: bytes, filename: str | None, goal_column: str | None, owner_column: str | None,
    options: Options,
) -> TeamReport:
    """The team report of an uploaded file, within the API's row limit."""
    return build_team_report(
        data, filename=filename, column=goal_column, owner_column=owner_column,
        options=options, max_rows=MAX_UPLOAD_ROWS,
    )
