"""The result schema every surface renders: `GoalAnalysis` (see DESIGN.md) for one goal, and
the team report types (`TeamReport`, `TeamSummary`, row types) built from many.

Offsets are character offsets into `text`: `start` inclusive, `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Granularity = Literal["day", "week", "month", "quarter", "half", "year"]
Unit = Literal[
    "percent", "percentage_points", "basis_points", "currency", "count", "multiplier", "other"
]
Direction = Literal["increase", "decrease", "reach", "maintain"]
Severity = Literal["error", "warning", "info"]
ComponentName = Literal["metric", "target", "deadline", "relevance"]
COMPONENTS: tuple[ComponentName, ...] = ("metric", "target", "deadline", "relevance")
TableFormat = Literal["csv", "xlsx"]
OutputFormat = Literal["csv", "xlsx", "json"]
# The analysis columns of one goal (see `assistant.report.flatten_analysis`): plain values.
RowResult = dict[str, object]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetricValue(_Model):
    """What is measured, as the writer named it."""

    name: str


class TargetValue(_Model):
    """The numeric level or change the goal asks for."""

    amount: float
    unit: Unit
    currency: str | None = None
    direction: Direction | None = None
    baseline: float | None = None
    relative: bool = False
    upper: float | None = Field(
        default=None, description="Upper end of a range target ('between 6 and 8' -> 8)."
    )


class DeadlineValue(_Model):
    """The time bound resolved to the last day it allows."""

    date: str | None = Field(description="ISO date of the last day of the bound, or null.")
    granularity: Granularity | None = None
    in_past: bool = False
    reason: str | None = Field(
        default=None, description="Why the date could not be resolved, when `date` is null."
    )
    alternative: str | None = Field(
        default=None, description="The other reading of an ambiguous numeric date (ISO)."
    )


class _Component(_Model):
    present: bool
    start: int | None = None
    end: int | None = None
    text: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)


class MetricComponent(_Component):
    value: MetricValue | None = None


class TargetComponent(_Component):
    value: TargetValue | None = None


class DeadlineComponent(_Component):
    value: DeadlineValue | None = None


class RelevanceComponent(_Component):
    value: None = None


class Components(_Model):
    metric: MetricComponent
    target: TargetComponent
    deadline: DeadlineComponent
    relevance: RelevanceComponent


class VagueSpan(_Model):
    start: int
    end: int
    text: str
    category: str
    message: str


class Finding(_Model):
    id: str
    component: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    suggestions: list[str] = Field(default_factory=list)


class Smart(_Model):
    specific: bool
    measurable: bool
    achievable: Literal["ok", "warning", "unknown"]
    relevant: bool
    time_bound: bool


class Rewrite(_Model):
    text: str
    template: str
    placeholders: list[ComponentName] = Field(default_factory=list)


class GoalAnalysis(_Model):
    """Everything Goalsmith says about one goal."""

    text: str
    reference_date: str
    components: Components
    vague: list[VagueSpan]
    findings: list[Finding]
    smart: Smart
    score: int | None = Field(ge=0, le=100)
    rewrites: list[Rewrite]


class OwnerSummary(_Model):
    owner: str | None
    goals: int
    analysed: int
    mean_score: float | None


class FindingCount(_Model):
    id: str
    goals: int
    share: float


class TeamSummary(_Model):
    """What a manager reads first: how many goals, how good, what is most often missing.
    Shares are fractions (0..1) of the goals that could be analysed."""

    goals: int
    analysed: int
    errors: int
    mean_score: float | None
    components: dict[str, float]
    owners: list[OwnerSummary]
    top_findings: list[FindingCount]


class TableInfo(_Model):
    """How the uploaded file was read."""

    filename: str | None
    format: TableFormat
    encoding: str | None
    delimiter: str | None
    columns: list[str]
    goal_column: str
    owner_column: str | None


class RowError(_Model):
    code: str
    message: str


class GoalEntry(_Model):
    """One row of the team table: the analysis, or why the row could not be analysed."""

    row: int
    owner: str | None
    text: str
    cells: dict[str, str]
    score: int | None
    analysis: GoalAnalysis | None
    error: RowError | None


class TeamReport(_Model):
    """A whole team's goals (API response, web team page)."""

    source: TableInfo
    summary: TeamSummary
    goals: list[GoalEntry]


@dataclass(frozen=True)
class ReportRow:
    """One input row with its spreadsheet row number, owner and analysis columns."""

    row: int
    owner: str | None
    cells: list[str]
    result: RowResult
