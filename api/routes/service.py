"""`GET /health` (liveness, open without a key) and `GET /meta` (versions, model, limits, rules)."""

from __future__ import annotations

from fastapi import APIRouter, Request

import assistant

from ..examples import example, json_response
from ..runner import Analyser
from ..schemas import Health, Limits, Meta

health_router = APIRouter(tags=["service"])
meta_router = APIRouter(tags=["service"])


@health_router.get(
    "/health", response_model=Health, summary="Liveness",
    responses={200: json_response(example("health"))},
)
async def health(request: Request) -> Health:
    """Answers while the process is up; `pipeline_loaded` says the language pipeline is ready.
    Never needs an API key."""
    analyser: Analyser | None = request.app.state.analyser
    return Health(
        status="ok",
        pipeline_loaded=analyser is not None and analyser.model is not None,
        version=assistant.__version__,
    )


@meta_router.get(
    "/meta", response_model=Meta, summary="Versions, model, limits and rule ids",
    responses={200: json_response(example("meta"))},
)
async def meta(request: Request) -> Meta:
    """What this server runs and accepts: use it to discover limits and rule ids."""
    analyser: Analyser = request.app.state.analyser
    assert analyser.model is not None  # set before the app accepts requests
    return Meta(
        name="goalsmith",
        version=assistant.__version__,
        api_version="v1",
        model=analyser.model,
        limits=Limits(
            max_text_chars=assistant.MAX_TEXT_CHARS,
            max_batch_goals=assistant.MAX_BATCH_GOALS,
            max_upload_bytes=assistant.MAX_UPLOAD_BYTES,
            max_upload_rows=assistant.MAX_UPLOAD_ROWS,
        ),
        rules=list(assistant.rules()),
        auth_required=request.app.state.auth_required,
    )
