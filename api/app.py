"""The FastAPI application: JSON API under `/api/v1`, web pages at `/`, docs at `/docs`.

Run it with `goalsmith serve` or `uvicorn api.app:app`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

import assistant
from web.pages import router as web_router

from .batcher import PipeBatcher
from .errors import UNAUTHORIZED_RESPONSE, install_error_handlers
from .guards import api_key_guard
from .limits import BodyLimitMiddleware
from .routes import check, history, languagetool, reports, service
from .runner import Analyser
from .settings import ApiSettings

API_PREFIX = "/api/v1"

DESCRIPTION = """Checks draft goals for a metric, a target, a deadline and a relevance link,
flags vague language and suggests rewrites. Every error answers with one envelope,
`{"error": {"code", "message", "details"}}`, whose `code` is stable.

Limits: goal text up to 5,000 characters; a batch up to 1,000 goals and 100,000 characters
of goal text; an upload up to 5 MB, 10,000 rows and 1,000,000 characters of goal text (use
`goalsmith bulk` for bigger files). Over a limit: 413. An analysis past its time budget is
stopped and answered 503 `analysis_timeout`."""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the analysis workers and load the pipeline before the first request."""
    settings: ApiSettings = app.state.settings
    analyser = Analyser(processes=settings.analysis_processes, threads=settings.analysis_threads,
                        budgets={"check": settings.analysis_timeout,
                                 "batch": settings.batch_timeout,
                                 "upload": settings.upload_timeout})
    await analyser.start()
    app.state.analyser = analyser
    app.state.batcher = PipeBatcher(analyser, settings.check_batch_size)
    try:
        yield
    finally:
        analyser.close()


def api_router(settings: ApiSettings) -> APIRouter:
    """The versioned API; every route but health needs the key when one is configured."""
    guarded = [Depends(api_key_guard(settings.api_key))] if settings.api_key else []
    unauthorized: dict[int | str, dict[str, Any]] = (
        {401: UNAUTHORIZED_RESPONSE} if settings.api_key else {}
    )
    router = APIRouter(prefix=API_PREFIX)
    router.include_router(service.health_router)
    for routes in (service.meta_router, check.router, reports.router, history.router):
        router.include_router(routes, dependencies=guarded, responses=unauthorized)
    return router


def languagetool_router(settings: ApiSettings) -> APIRouter:
    """LanguageTool's protocol at `/v2`, behind the same key as `/api/v1` (which LanguageTool
    clients may send as the `apiKey` form field); the language list stays open."""
    guard = api_key_guard(settings.api_key, form_field="apiKey") if settings.api_key else None
    router = APIRouter()
    router.include_router(languagetool.languages_router)
    router.include_router(
        languagetool.check_router,
        dependencies=[Depends(guard)] if guard else [],
        responses={401: UNAUTHORIZED_RESPONSE} if guard else {},
    )
    return router


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()
    app = FastAPI(
        title="Goalsmith API",
        version=assistant.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs" if settings.docs else None,
        redoc_url="/redoc" if settings.docs else None,
        openapi_url="/openapi.json" if settings.docs else None,
    )
    app.state.settings = settings
    app.state.analyser = None
    app.state.auth_required = settings.api_key is not None
    install_error_handlers(app)
    app.include_router(api_router(settings))
    app.include_router(languagetool_router(settings))
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=str(resources.files("web") / "static")), "static")
    app.add_middleware(
        BodyLimitMiddleware,
        max_json_bytes=settings.max_json_bytes,
        max_upload_bytes=settings.max_upload_body_bytes,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-API-Key"],
        )
    return app


app = create_app()
