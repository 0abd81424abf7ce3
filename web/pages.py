"""Web pages (Jinja2, autoescaped), served by the API app.

Routes only translate a form into an `assistant` call and render the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from assistant import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    REPORT_CSV_NAME,
    GoalAnalysis,
    InputError,
    TeamReport,
    analyze,
    build_team_report,
    make_options,
)

from .team import report_view
from .templating import templates
from .view import feedback

router = APIRouter(include_in_schema=False)
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)


def _render_check(
    request: Request,
    form: dict[str, str],
    analysis: GoalAnalysis | None = None,
    error: str | None = None,
) -> HTMLResponse:
    context: dict[str, object] = {
        "active": "check", "form": form, "error": error, "max_chars": MAX_TEXT_CHARS,
    }
    context |= feedback(analysis)
    status = 400 if error else 200
    return templates.TemplateResponse(request, "index.html", context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    form = {"text": "", "reference_date": dt.date.today().isoformat(), "date_order": "MDY"}
    return _render_check(request, form)


@router.post("/", response_class=HTMLResponse)
def check_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    reference_date: Annotated[str, Form()] = "",
    date_order: Annotated[str, Form()] = "MDY",
) -> HTMLResponse:
    """The no-JavaScript path: the same feedback, rendered on the server."""
    form = {"text": text, "reference_date": reference_date, "date_order": date_order}
    try:
        analysis = analyze(text, reference_date=reference_date or None, date_order=date_order)
    except InputError as exc:
        return _render_check(request, form, error=exc.message)
    return _render_check(request, form, analysis)


def _render_team(
    request: Request,
    form: dict[str, str],
    report: TeamReport | None = None,
    error: str | None = None,
) -> HTMLResponse:
    context: dict[str, object] = {
        "active": "team",
        "form": form,
        "error": error,
        "max_rows": MAX_UPLOAD_ROWS,
        "max_mb": MAX_UPLOAD_MB,
        "download_name": REPORT_CSV_NAME,
    }
    context |= report_view(report)
    status = 400 if error else 200
    return templates.TemplateResponse(request, "team.html", context, status_code=status)


@router.get("/team", response_class=HTMLResponse)
def team_page(request: Request) -> HTMLResponse:
    form = {"reference_date": dt.date.today().isoformat(), "date_order": "MDY"}
    return _render_team(request, form)


@router.post("/team", response_class=HTMLResponse)
def team_submit(
    request: Request,
    file: Annotated[UploadFile, File()],
    reference_date: Annotated[str, Form()] = "",
    date_order: Annotated[str, Form()] = "MDY",
) -> HTMLResponse:
    """Analyse an uploaded CSV/XLSX with the report module and render the team report."""
    form = {"reference_date": reference_date, "date_order": date_order}
    data = file.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return _render_team(request, form, error=f"The file is over {MAX_UPLOAD_MB} MB.")
    try:
        options = make_options(reference_date=reference_date or None, date_order=date_order)
        report = build_team_report(
            data, filename=file.filename, options=options, max_rows=MAX_UPLOAD_ROWS
        )
    except InputError as exc:
        return _render_team(request, form, error=exc.message)
    return _render_team(request, form, report)
