"""Web pages (Jinja2, autoescaped), served by the API app.

Routes only translate a form into an `assistant` call and render the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from api.guards import single_files
from api.runner import Work
from api.work import analyse_jobs, team_report
from assistant import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    REPORT_CSV_NAME,
    GoalAnalysis,
    GoalsmithError,
    InputError,
    TeamReport,
    make_options,
)
from history import CycleInfo, open_store
from history.reports import read_parents, save_report, save_target

from .history import history_unlocked, report_alignment
from .history_pages import router as history_router
from .team import report_view
from .templating import templates
from .view import feedback

R = TypeVar("R")
router = APIRouter(include_in_schema=False)
router.include_router(history_router)
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
LOCKED = "This server needs its API key for analyses: enter it above, once."


async def _analysis(request: Request, func: Callable[..., R], *args: object,
                    work: Work = "check") -> R:
    """`func(*args)` where the API runs analyses (its worker processes, within the time
    budget); in a thread when the app runs without its lifespan (embedded in a test)."""
    analyser = request.app.state.analyser
    if analyser is None:
        return await run_in_threadpool(func, *args)
    result: R = await analyser.run(func, *args, work=work)
    return result


def _render_check(
    request: Request,
    form: dict[str, str],
    analysis: GoalAnalysis | None = None,
    error: str | None = None,
) -> HTMLResponse:
    locked = not history_unlocked(request)
    context: dict[str, object] = {
        "active": "check", "form": form, "error": error, "max_chars": MAX_TEXT_CHARS,
        "locked": locked, "next_path": "/",
    }
    context |= feedback(analysis)
    status = 401 if locked and error == LOCKED else 400 if error else 200
    return templates.TemplateResponse(request, "index.html", context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    form = {"text": "", "reference_date": dt.date.today().isoformat(), "date_order": "MDY"}
    return _render_check(request, form)


@router.post("/", response_class=HTMLResponse)
async def check_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    reference_date: Annotated[str, Form()] = "",
    date_order: Annotated[str, Form()] = "MDY",
) -> HTMLResponse:
    """The no-JavaScript path: the same feedback, rendered on the server."""
    form = {"text": text, "reference_date": reference_date, "date_order": date_order}
    if not history_unlocked(request):
        return _render_check(request, form, error=LOCKED)
    try:
        options = make_options(reference_date=reference_date or None, date_order=date_order)
        [outcome] = await _analysis(request, analyse_jobs, [(text, options)])
    except GoalsmithError as exc:
        return _render_check(request, form, error=exc.message)
    if isinstance(outcome, GoalsmithError):
        return _render_check(request, form, error=outcome.message)
    return _render_check(request, form, outcome)


def _render_team(
    request: Request,
    form: dict[str, str],
    report: TeamReport | None = None,
    error: str | None = None,
    *,
    parents: list[str] | None = None,
    saved: CycleInfo | None = None,
) -> HTMLResponse:
    locked = not history_unlocked(request)
    context: dict[str, object] = {
        "active": "team",
        "locked": locked,
        "next_path": "/team",
        "form": form,
        "error": error,
        "max_rows": MAX_UPLOAD_ROWS,
        "max_mb": MAX_UPLOAD_MB,
        "download_name": REPORT_CSV_NAME,
        "saved": saved,
        "alignment": report_alignment(report, parents or []) if report else None,
    }
    context |= report_view(report)
    status = 401 if locked and error == LOCKED else 400 if error else 200
    return templates.TemplateResponse(request, "team.html", context, status_code=status)


@router.get("/team", response_class=HTMLResponse)
def team_page(request: Request) -> HTMLResponse:
    form = {"reference_date": dt.date.today().isoformat(), "date_order": "MDY", "team": "",
            "cycle": ""}
    return _render_team(request, form)


@router.post("/team", response_class=HTMLResponse,
             dependencies=[Depends(single_files("file", "parents"))])
async def team_submit(
    request: Request,
    file: Annotated[UploadFile, File()],
    parents: Annotated[UploadFile | None, File()] = None,
    reference_date: Annotated[str, Form()] = "",
    date_order: Annotated[str, Form()] = "MDY",
    team: Annotated[str, Form()] = "",
    cycle: Annotated[str, Form()] = "",
    replace: Annotated[bool, Form()] = False,
    action: Annotated[str, Form()] = "analyse",
) -> HTMLResponse:
    """Analyse an uploaded CSV/XLSX with the report module and render the team report,
    aligned with the parent goals if given; "Analyse and save" also saves it as a cycle."""
    form = {"reference_date": reference_date, "date_order": date_order, "team": team,
            "cycle": cycle}
    if not history_unlocked(request):
        return _render_team(request, form, error=LOCKED)
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    parent_data, parent_name = _optional_upload(parents)
    if max(len(data), len(parent_data)) > MAX_UPLOAD_BYTES:
        return _render_team(request, form, error=f"The file is over {MAX_UPLOAD_MB} MB.")
    try:
        target = save_target(team, cycle) if action == "save" else None
        parent_goals = (await run_in_threadpool(read_parents, parent_data, filename=parent_name)
                        if parent_data else [])
        options = make_options(reference_date=reference_date or None, date_order=date_order)
        report = await _analysis(request, team_report, data, file.filename, None, None,
                                 options, work="upload")
        saved = (await run_in_threadpool(_save, request, report, target, parent_goals, replace)
                 if target else None)
    except GoalsmithError as exc:
        return _render_team(request, form, error=exc.message)
    return _render_team(request, form, report, parents=parent_goals, saved=saved)


def _optional_upload(upload: UploadFile | None) -> tuple[bytes, str | None]:
    """The bytes and name of an optional file field (a browser sends an unnamed empty part
    when no file was chosen)."""
    if upload is None or not upload.filename:
        return b"", None
    return upload.file.read(MAX_UPLOAD_BYTES + 1), upload.filename


def _save(request: Request, report: TeamReport, target: tuple[str, str], parents: list[str],
          replace: bool) -> CycleInfo:
    if not history_unlocked(request):
        raise InputError("Saving needs the API key: unlock the History page first.")
    team, cycle = target
    return save_report(open_store(), report, team=team, cycle=cycle, parents=parents,
                       replace=replace)
