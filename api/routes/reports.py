"""`POST /reports`: a team's goals file in, a team report out (JSON, or CSV to download)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from starlette.exceptions import HTTPException

from assistant import MAX_UPLOAD_BYTES, REPORT_CSV_NAME, TeamReport, report_to_csv

from ..errors import ERROR_RESPONSES
from ..examples import example
from ..guards import require_media_type
from ..runner import Analyser
from ..schemas import ReportForm
from ..work import team_report

router = APIRouter(
    tags=["reports"], dependencies=[Depends(require_media_type("multipart/form-data"))]
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
        **ERROR_RESPONSES,
    },
)
async def create_report(
    request: Request,
    form: Annotated[ReportForm, Form(media_type="multipart/form-data")],
    output: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> TeamReport | Response:
    """Analyse every goal of a team file: per goal the owner (when a column names one), the
    analysis and the score; for the team the share of goals with each component, the mean
    score, per-owner means and the most common findings. At most 5 MB and 10,000 goals;
    use `goalsmith bulk` for bigger files. CSV cells never start a formula."""
    data = await form.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"The file is larger than {MAX_UPLOAD_BYTES:,} bytes.")
    options = form.to_options()
    analyser: Analyser = request.app.state.analyser
    report = await analyser.run(
        team_report, data, form.file.filename, form.goal_column, form.owner_column, options
    )
    if output == "json":
        return report
    csv_bytes = await analyser.run(report_to_csv, report)
    disposition = f'attachment; filename="{REPORT_CSV_NAME}"'
    return Response(csv_bytes, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": disposition})
