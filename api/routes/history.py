"""Saved cycles of a team (`/teams/{team}/...`) and alignment of an upload with parent goals.

Every route reads or writes the history database (`GOALSMITH_DATABASE_URL`); with an API
key configured they all need it. Logic lives in the `history` package.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from history import CycleInfo, open_store
from history.align import Alignment
from history.compare import Comparison, compare_cycles
from history.reports import CycleList, SavedReport, file_alignment, saved_report
from history.trend import TREND_CSV_NAME, Trend, team_trend, trend_csv

from ..errors import ERROR_RESPONSES, NOT_FOUND_RESPONSE
from ..guards import require_media_type, single_files
from .reports import read_upload

router = APIRouter(tags=["history"])
NOT_FOUND = {404: NOT_FOUND_RESPONSE, **ERROR_RESPONSES}


@router.get("/teams/{team}/cycles", response_model=CycleList, responses=ERROR_RESPONSES,
            summary="A team's saved cycles")
def list_cycles(team: str) -> CycleList:
    """Every saved cycle of the team, oldest upload first, with its mean score."""
    return CycleList(cycles=open_store().cycles(team))


@router.get("/teams/{team}/cycles/{cycle}", response_model=SavedReport, responses=NOT_FOUND,
            summary="One saved cycle")
def show_cycle(team: str, cycle: str) -> SavedReport:
    """The cycle's summary, every saved goal (owner, text, analysis) and its alignment with
    the parent goals saved with it: best parent per goal, orphans, near-duplicate goals."""
    return saved_report(open_store(), team, cycle)


@router.delete("/teams/{team}/cycles/{cycle}", response_model=CycleInfo, responses=NOT_FOUND,
               summary="Delete a saved cycle")
def delete_cycle(team: str, cycle: str) -> CycleInfo:
    """Remove the cycle and everything it stored; answers what was removed."""
    return open_store().delete_cycle(team, cycle)


@router.get(
    "/teams/{team}/trend", response_model=Trend, summary="A team's trend across cycles",
    responses={200: {"description": "JSON, or CSV with `?format=csv`.",
                     "content": {"text/csv": {"schema": {"type": "string"}}}},
               **ERROR_RESPONSES},
)
def trend(
    team: str, output: Annotated[Literal["json", "csv"], Query(alias="format")] = "json"
) -> Trend | Response:
    """One point per saved cycle: mean score, share of goals with each part and with vague
    wording, and each owner's mean score. CSV cells never start a formula."""
    result = team_trend(open_store(), team)
    if output == "json":
        return result
    return Response(trend_csv(result), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{TREND_CSV_NAME}"'})


@router.get("/teams/{team}/compare", response_model=Comparison, responses=NOT_FOUND,
            summary="Compare two saved cycles")
def compare(team: str, before: str, after: str) -> Comparison:
    """Per owner: the mean score in each cycle and its change, and which parts appeared or
    disappeared in their goals, matched across the cycles by owner and text similarity."""
    return compare_cycles(open_store(), team, before, after)


@router.post(
    "/alignment", response_model=Alignment, responses=ERROR_RESPONSES,
    summary="Align a goals file with a file of parent goals",
    dependencies=[Depends(require_media_type("multipart/form-data")),
                  Depends(single_files("file", "parents"))],
)
async def alignment(
    file: Annotated[UploadFile, File(description="The team's goals (CSV or XLSX).")],
    parents: Annotated[UploadFile, File(description="Parent (team or company) goals.")],
) -> Alignment:
    """Each goal's best-matching parent goal by TF-IDF cosine similarity, orphans (no parent
    at least `orphan_threshold` alike) and near-duplicate goals. Nothing is saved."""
    goals, parent_goals = await read_upload(file), await read_upload(parents)
    return await run_in_threadpool(file_alignment, goals, parent_goals,
                                   filename=file.filename, parents_filename=parents.filename)
