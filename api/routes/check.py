"""`POST /check` and `POST /check/batch`: goals in, `GoalAnalysis` out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request

from assistant.result import GoalAnalysis

from ..batcher import PipeBatcher
from ..errors import ERROR_RESPONSES
from ..examples import example, json_response, request_examples
from ..guards import require_media_type
from ..runner import Analyser
from ..schemas import BatchRequest, BatchResponse, CheckRequest
from ..work import analyse_batch

router = APIRouter(tags=["check"], dependencies=[Depends(require_media_type("application/json"))])


@router.post(
    "/check",
    response_model=GoalAnalysis,
    summary="Check one goal",
    responses={200: json_response(example("analysis")), **ERROR_RESPONSES},
)
async def check(
    request: Request,
    body: Annotated[CheckRequest, Body(openapi_examples=request_examples("check_request"))],
) -> GoalAnalysis:
    """Find the metric, target, deadline and relevance link in one draft goal, with findings,
    SMART summary, score and rewrites. Text is at most 5,000 characters."""
    batcher: PipeBatcher = request.app.state.batcher
    return await batcher.analyze(body.text, body.to_options())


@router.post(
    "/check/batch",
    response_model=BatchResponse,
    summary="Check many goals",
    responses={200: json_response(example("batch_response")), **ERROR_RESPONSES},
)
async def check_batch(
    request: Request,
    body: Annotated[BatchRequest, Body(openapi_examples=request_examples("batch_request"))],
) -> BatchResponse:
    """Check up to 1,000 goals with the same options; results keep the input order, each
    with your `id` (or the goal's 0-based position when it has none)."""
    analyser: Analyser = request.app.state.analyser
    return await analyser.run(analyse_batch, body, body.to_options(), work="batch")
