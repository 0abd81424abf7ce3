"""The history pages: saved cycles, a team's trend and comparisons, one saved cycle.

Routes read through the `history` package and render; with an API key configured they ask
for it once (a cookie) before showing anything stored.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from history import open_store
from history.reports import saved_report
from history.trend import TREND_CSV_NAME, team_trend, trend_csv

from .history import KEY_COOKIE, history_unlocked, missing_parts, team_view
from .templating import templates

router = APIRouter(include_in_schema=False)
HISTORY = "/team/history"


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    locked = not history_unlocked(request)
    page = {"active": "history", "locked": locked, "next_path": request.url.path, **context}
    return templates.TemplateResponse(request, name, page, status_code=401 if locked else 200)


@router.get(HISTORY, response_class=HTMLResponse)
def history_page(request: Request, team: str | None = None, before: str | None = None,
                 after: str | None = None, message: str | None = None) -> HTMLResponse:
    """Every saved cycle; with `team`, its trend; with `before` and `after`, a comparison."""
    if not history_unlocked(request):
        return _render(request, "history.html", {})
    store = open_store()
    context: dict[str, Any] = {"cycles": store.cycles(), "message": message, "trend": None,
                               "comparison": None, "compare_form": {}}
    if team:
        context |= team_view(store, team, before, after)
    return _render(request, "history.html", context)


@router.get(HISTORY + "/{team}/trend.csv")
def trend_download(request: Request, team: str) -> Response:
    if not history_unlocked(request):
        return Response("API key needed", status_code=401)
    # A fixed name: a team name may hold quotes or characters a header cannot carry.
    disposition = f'attachment; filename="{TREND_CSV_NAME}"'
    return Response(trend_csv(team_trend(open_store(), team)), media_type="text/csv; "
                    "charset=utf-8", headers={"Content-Disposition": disposition})


@router.get(HISTORY + "/{team}/trend.json")
def trend_json(request: Request, team: str) -> Response:
    if not history_unlocked(request):
        return Response("API key needed", status_code=401)
    return JSONResponse(team_trend(open_store(), team).model_dump(mode="json"))


@router.get(HISTORY + "/{team}/{cycle}", response_class=HTMLResponse)
def cycle_page(request: Request, team: str, cycle: str) -> HTMLResponse:
    """One saved cycle: summary, alignment with its parent goals, every goal."""
    context: dict[str, Any] = {"team": team, "cycle": cycle}
    if history_unlocked(request):
        report = saved_report(open_store(), team, cycle)
        context |= {"report": report, "missing": [missing_parts(goal)
                                                  for goal in report.cycle.entries]}
    return _render(request, "history_cycle.html", context)


@router.post(HISTORY + "/{team}/{cycle}/delete")
def delete_cycle(request: Request, team: str, cycle: str) -> Response:
    if not history_unlocked(request):
        return Response("API key needed", status_code=401)
    open_store().delete_cycle(team, cycle)
    message = f'Deleted cycle "{cycle}" of team "{team}".'
    return RedirectResponse(request.url_for("history_page").include_query_params(
        team=team, message=message), status_code=303)


@router.post(HISTORY + "/unlock")
def unlock(key: Annotated[str, Form()], next: Annotated[str, Form()] = HISTORY) -> Response:
    """Keep the API key in an HTTP-only cookie for the pages (the check and team pages'
    analyses, the history), then go back."""
    target = next if next == "/" or next.startswith("/team") else HISTORY
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(KEY_COOKIE, key, httponly=True, samesite="strict", path="/")
    return response
