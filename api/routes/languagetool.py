"""LanguageTool's HTTP protocol (`POST /v2/check`, `GET /v2/languages`), so that editor and
browser add-ons that let the user set a LanguageTool server show Goalsmith's findings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

import assistant
from editors.document import document_issues
from editors.languagetool import (
    CheckRequest,
    CheckResponse,
    LanguageEntry,
    check_response,
    language_entries,
    plan_check,
)

from ..errors import ERROR_RESPONSES
from ..examples import example, json_response
from ..guards import FORM_MEDIA_TYPES, require_media_type
from ..runner import Analyser

check_router = APIRouter(tags=["languagetool"])
languages_router = APIRouter(tags=["languagetool"])


@check_router.post(
    "/v2/check",
    response_model=CheckResponse,
    summary="Check a document (LanguageTool protocol)",
    responses={200: json_response(example("languagetool_check")), **ERROR_RESPONSES},
    dependencies=[Depends(require_media_type(*FORM_MEDIA_TYPES))],
)
async def check(request: Request, form: Annotated[CheckRequest, Form()]) -> CheckResponse:
    """Each line of the text that holds a goal is checked; findings come back as
    LanguageTool matches whose `rule.id` is the finding id and whose offsets count UTF-16
    code units. Limits: a goal line up to 5,000 characters, at most 1,000 goal lines."""
    plan = plan_check(form)
    analyser: Analyser = request.app.state.analyser
    issues = await analyser.run(document_issues, plan.goals, plan.options, work="batch")
    return check_response(plan, issues, version=assistant.__version__)


@languages_router.get(
    "/v2/languages", response_model=list[LanguageEntry],
    summary="Languages (LanguageTool protocol)",
    responses={200: json_response(example("languagetool_languages"))},
)
async def languages() -> list[LanguageEntry]:
    """The variants of English Goalsmith reads; never needs an API key."""
    return language_entries()
