"""Web pages (Jinja2, autoescaped), served by the API app.

Routes only translate a form into an `assistant` call and render the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from assistant import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    GoalAnalysis,
    InputError,
    analyze,
)
from assistant.options import make_options
from assistant.report import TeamReport, build_team_report

from .highlight import segments
from .team import DOWNLOAD_NAME, download_href, missing_bars, team_row
from .templating import templates
from .view import checklist, score_band, summary

router = APIRouter(include_in_schema=False)
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)


def _check_context(analysis: GoalAnalysis | None) -> dict[str, Any]:
    if analysis is None:
        return {"analysis": None, "segments": [], "items": [], "band": None, "status": ""}
    return {
        "analysis": analysis,
        "segments": segments(analysis),
        "items": checklist(analysis),
        "band": score_band(analysis.score),
        "status": summary(analysis),
    }


def _render_check(
    request: Request,
    form: dict[str, str],
    analysis: GoalAnalysis | None = None,
    error: str | None = None,
) -> HTMLResponse:
    context = {"active": "check", "form": form, "error": error, "max_chars": MAX_TEXT_CHARS}
    context |= _check_context(analysis)
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


def _team_context(report: TeamReport | None) -> dict[str, Any]:
    if report is None:
        return {"report": None, "rows": [], "bars": [], "download": ""}
    return {
        "report": report,
        "rows": [team_row(entry) for entry in report.goals],
        "bars": missing_bars(report.summary),
        "download": download_href(report),
    }


def _render_team(
    request: Request,
    form: dict[str, str],
    report: TeamReport | None = None,
    error: str | None = None,
) -> HTMLResponse:
    context = {
        "active": "team",
        "form": form,
        "error": error,
        "max_rows": MAX_UPLOAD_ROWS,
        "max_mb": MAX_UPLOAD_MB,
        "download_name": DOWNLOAD_NAME,
    }
    context |= _team_context(report)
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
