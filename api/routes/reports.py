"""`POST /reports`: a team's goals file in, a team report out (JSON, or CSV to download)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request, Response, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from assistant import MAX_UPLOAD_BYTES, REPORT_CSV_NAME, TeamReport, report_to_csv
from history import open_store
from history.reports import read_parents, save_report, save_target

from ..errors import ERROR_RESPONSES, ErrorEnvelope
from ..examples import example
from ..guards import require_media_type, single_files
from ..runner import Analyser
from ..schemas import ReportForm
from ..work import team_report

router = APIRouter(
    tags=["reports"], dependencies=[Depends(require_media_type("multipart/form-data")),
                                    Depends(single_files("file", "parents"))]
)


@router.post(
    "/reports",
    response_model=TeamReport,
    summary="Team report from a CSV or XLSX file",
    responses={
        200: {
            "description": "The report as JSON, or as a CSV file with `?format=csv`.",
            "content": {
                "application/json": {"example": example("report")},
                "text/csv": {"schema": {"type": "string"}, "example": example("report_csv")},
            },
        },
        409: {"model": ErrorEnvelope, "description": "With `save`: the cycle name is taken "
              "and `replace` is false."},
        **ERROR_RESPONSES,
    },
)
async def create_report(
    request: Request,
    form: Annotated[ReportForm, Form(media_type="multipart/form-data")],
    output: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
    save: Annotated[bool, Query(description="Save the report as the team's cycle.")] = False,
    team: Annotated[str | None, Query(description="Team to save under (with save).")] = None,
    cycle: Annotated[str | None, Query(description="Cycle name, e.g. 2027-Q1.")] = None,
    replace: Annotated[bool, Query(description="Overwrite a saved cycle.")] = False,
) -> TeamReport | Response:
    """Analyse every goal of a team file: per goal the owner (when a column names one), the
    analysis and the score; for the team the share of goals with each component, the mean
    score, per-owner means and the most common findings. At most 5 MB and 10,000 goals;
    use `goalsmith bulk` for bigger files. CSV cells never start a formula. With
    `save=true&team=T&cycle=C` the report (and the `parents` file's goals) is also saved as
    a cycle, read back at `/teams/{team}/cycles/{cycle}`; nothing is stored otherwise."""
    target = save_target(team, cycle) if save else None
    data = await read_upload(form.file)
    parents = await _parents(form, data)
    analyser: Analyser = request.app.state.analyser
    report = await analyser.run(
        team_report, data, form.file.filename, form.goal_column, form.owner_column,
        form.to_options(), work="upload",
    )
    if target:
        await run_in_threadpool(save_report, open_store(), report, team=target[0],
                                cycle=target[1], parents=parents, replace=replace)
    if output == "json":
        return report
    csv_bytes = await analyser.run(report_to_csv, report, work="upload")
    disposition = f'attachment; filename="{REPORT_CSV_NAME}"'
    return Response(csv_bytes, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": disposition})


async def _parents(form: ReportForm, data: bytes) -> list[str]:
    """Parent goals from the `parents` file, or from `parents_column` of the goals file."""
    if form.parents_column:
        return read_parents(data, filename=form.file.filename, column=form.parents_column)
    if form.parents:
        return read_parents(await read_upload(form.parents), filename=form.parents.filename)
    return []


async def read_upload(upload: UploadFile) -> bytes:
    """An uploaded file's bytes; 413 beyond the upload limit."""
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"The file is larger than {MAX_UPLOAD_BYTES:,} bytes.")
    return data
