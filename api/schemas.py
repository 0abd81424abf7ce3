"""Request and response bodies of the JSON API.

Field validators reuse the core's checks (`assistant.options`) and re-raise their errors as
field errors that keep the core's stable code, so a bad goal in a batch is reported with its
position and the same code the CLI would give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import UploadFile
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Json
from pydantic_core import PydanticCustomError

from assistant import (
    MAX_BATCH_CHARS,
    MAX_BATCH_GOALS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    DateOrder,
    GoalsmithError,
    Options,
    RuleSetting,
    check_text,
    make_options,
    rule_config,
)
from assistant.result import GoalAnalysis, TeamSummary

from .errors import BATCH_TOO_LARGE

T = TypeVar("T")
# "Today" for a goal writer; the range leaves room for any deadline a goal can name.
EARLIEST_REFERENCE_DATE = dt.date(1900, 1, 1)
LATEST_REFERENCE_DATE = dt.date(2999, 12, 31)
# A request names a handful of rules; the cap keeps a hostile body from costing much.
MAX_RULE_OVERRIDES = 200


def field_error(code: str, message: str) -> PydanticCustomError:
    # The message goes in through the context so braces in it are never read as a template.
    return PydanticCustomError(code, "{message}", {"message": message})


def core_check(check: Callable[[T], T]) -> Callable[[T], T]:
    """Run a core validator, turning its GoalsmithError into a field error with its code."""

    def validate(value: T) -> T:
        try:
            return check(value)
        except GoalsmithError as exc:
            raise field_error(exc.code, exc.message) from exc

    return validate


def limit_batch(goals: Any) -> Any:
    if isinstance(goals, list) and len(goals) > MAX_BATCH_GOALS:
        raise field_error(
            BATCH_TOO_LARGE,
            f"a batch holds at most {MAX_BATCH_GOALS:,} goals, not {len(goals):,}; "
            "use `goalsmith bulk` or split the batch",
        )
    chars = sum(len(goal["text"]) for goal in goals if isinstance(goal, dict)
                and isinstance(goal.get("text"), str)) if isinstance(goals, list) else 0
    if chars > MAX_BATCH_CHARS:
        raise field_error(
            BATCH_TOO_LARGE,
            f"a batch holds at most {MAX_BATCH_CHARS:,} characters of goal text, not "
            f"{chars:,}; split the batch",
        )
    return goals


def date_text_only(value: Any) -> Any:
    """Dates arrive as ISO text; a number is not read as a timestamp."""
    if isinstance(value, int | float):
        raise PydanticCustomError("date_type", "Input should be an ISO date (YYYY-MM-DD)")
    return value


GoalText = Annotated[
    str,
    AfterValidator(core_check(check_text)),
    Field(
        description=f"The draft goal: 1 to {MAX_TEXT_CHARS:,} characters, not only whitespace, "
        "no control characters other than tab and line breaks.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_TEXT_CHARS},
        examples=["Close 40 enterprise deals by March 31, 2027 to fund the EMEA expansion"],
    ),
]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnalysisOptions(_Body):
    """How goals are read; the same options as `goalsmith check`."""

    reference_date: Annotated[dt.date | None, BeforeValidator(date_text_only)] = Field(
        default=None,
        ge=EARLIEST_REFERENCE_DATE,
        le=LATEST_REFERENCE_DATE,
        description="The day relative deadlines count from (ISO date, years 1900 to 2999); "
        "today when absent.",
        examples=["2026-11-27"],
    )
    date_order: DateOrder = Field(
        default="MDY", description="How to read ambiguous numeric dates such as 03/04."
    )
    fiscal_year_start: int = Field(
        default=1, ge=1, le=12, strict=True,
        description="Month (1-12) the fiscal year starts in; quarters and FY27 follow it.",
    )
    rules: dict[str, RuleSetting] = Field(
        default_factory=dict,
        max_length=MAX_RULE_OVERRIDES,
        description="Per-rule overrides by rule id or group (`vague.*`); the ids are listed "
        "by GET /api/v1/meta.",
        examples=[{"vague.hedge": "off", "deadline.missing": "warning"}],
    )

    def to_options(self) -> Options:
        """The core's options; an unknown rule id fails here, before any work is queued."""
        options = make_options(
            reference_date=self.reference_date,
            date_order=self.date_order,
            fiscal_year_start=self.fiscal_year_start,
            rules=dict(self.rules),
        )
        rule_config(options)
        return options


class CheckRequest(AnalysisOptions):
    text: GoalText


# Ids are echoed back; integers stay within what every JSON client reads exactly.
GoalId = (
    Annotated[str, Field(strict=True, max_length=256)]
    | Annotated[int, Field(strict=True, ge=-(2**53), le=2**53)]
)


class BatchGoal(_Body):
    id: GoalId | None = Field(
        default=None, description="Your id for the goal, echoed back; its position when absent."
    )
    text: GoalText


class BatchRequest(AnalysisOptions):
    goals: Annotated[
        list[BatchGoal],
        BeforeValidator(limit_batch),
        Field(
            min_length=1,
            description=f"1 to {MAX_BATCH_GOALS:,} goals of at most {MAX_BATCH_CHARS:,} "
            "characters together, analysed in order.",
            json_schema_extra={"maxItems": MAX_BATCH_GOALS},
        ),
    ]


class BatchItem(BaseModel):
    id: GoalId
    analysis: GoalAnalysis


class BatchResponse(BaseModel):
    results: list[BatchItem] = Field(description="One result per goal, in input order.")
    summary: TeamSummary = Field(description="The batch summarised as a team report would be.")


class ReportForm(AnalysisOptions):
    """A team file and how to read it, sent as `multipart/form-data`."""

    file: UploadFile = Field(
        description=f"CSV (any common encoding and delimiter) or XLSX, at most "
        f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB and {MAX_UPLOAD_ROWS:,} goals."
    )
    goal_column: str | None = Field(
        default=None, description="Header (or 1-based number) of the goal column; found "
        "from the headers when absent.", examples=["Objective"],
    )
    owner_column: str | None = Field(
        default=None, description="Header of the owner column; found when absent.",
        examples=["Owner"],
    )
    parents: UploadFile | None = Field(
        default=None, description="Optional CSV or XLSX of parent (team or company) goals, "
        "saved with the cycle (with `save`) for its alignment.",
    )
    parents_column: str | None = Field(
        default=None, description="Or: the header of a column of `file` itself whose "
        "non-blank cells are the parent goals.", examples=["Team goals"],
    )
    fiscal_year_start: int = Field(
        default=1, ge=1, le=12, description="Month (1-12) the fiscal year starts in."
    )
    rules: Json[dict[str, RuleSetting]] = Field(
        default_factory=dict,
        description='Per-rule overrides as a JSON object, e.g. {"vague.hedge": "off"}.',
    )


class Health(BaseModel):
    status: Literal["ok"]
    pipeline_loaded: bool
    version: str


class Limits(BaseModel):
    max_text_chars: int
    max_batch_goals: int
    max_upload_bytes: int
    max_upload_rows: int


class ModelInfo(BaseModel):
    name: str
    version: str
    spacy_version: str
    components: list[str]


class Meta(BaseModel):
    name: Literal["goalsmith"]
    version: str
    api_version: Literal["v1"]
    model: ModelInfo
    limits: Limits
    rules: list[str] = Field(description="Ids accepted in a request's `rules` overrides.")
    auth_required: bool
