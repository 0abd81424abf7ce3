"""What the pages say about a `GoalAnalysis`: checklist lines, value wording, score band.

Wording lives in `data/components.json`, which the page also hands to `static/check.js`
so that live feedback and the server-rendered page read the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from assistant import load_data
from assistant.result import (
    COMPONENTS,
    ComponentName,
    DeadlineValue,
    GoalAnalysis,
    TargetValue,
)

from .highlight import segments


def ui_text() -> dict[str, Any]:
    """Component labels, hints, score bands and value wording (read once per process)."""
    return dict(load_data("web", "components.json"))


@dataclass(frozen=True)
class CheckItem:
    """One checklist line: what the writer gave for a component, or what to add."""

    component: ComponentName
    label: str
    question: str
    present: bool
    found: str | None
    detail: str | None
    hint: str


def format_number(amount: float) -> str:
    """`450000.0` -> `450,000`; `1.25` -> `1.25`."""
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


def format_date(iso: str) -> str:
    """`2027-03-31` -> `Mar 31, 2027`."""
    day = dt.date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


def describe_target(value: TargetValue | None) -> str | None:
    """The target as a reader says it: `increase by 20%`, `reach $1,200,000`."""
    if value is None:
        return None
    words = ui_text()
    suffix = words["unit_suffixes"].get(value.unit, "")
    prefix = ""
    if value.unit == "currency" and value.currency:
        prefix = words["currency_symbols"].get(value.currency, "")
        suffix = "" if prefix else f" {value.currency}"
    amount = f"{prefix}{format_number(value.amount)}{suffix}"
    if value.upper is not None:
        amount += f" to {prefix}{format_number(value.upper)}{suffix}"
    return f"{value.direction}: {amount}" if value.direction else amount


def describe_deadline(value: DeadlineValue | None) -> str | None:
    """The resolved date, or why there is none, with a warning when it has passed."""
    if value is None:
        return None
    if value.date is None:
        return value.reason or "could not be resolved to a date"
    detail = f"due {format_date(value.date)}"
    if value.alternative:
        detail += f" (or {format_date(value.alternative)} read the other way)"
    if value.in_past:
        detail += " — already in the past"
    return detail


def _detail(analysis: GoalAnalysis, name: ComponentName) -> str | None:
    parts = analysis.components
    if name == "target":
        return describe_target(parts.target.value)
    if name == "deadline":
        return describe_deadline(parts.deadline.value)
    return None


def checklist(analysis: GoalAnalysis) -> list[CheckItem]:
    """One line per component, in the schema's order."""
    words = ui_text()["components"]
    items = []
    for name in COMPONENTS:
        part = getattr(analysis.components, name)
        items.append(
            CheckItem(
                component=name,
                label=words[name]["label"],
                question=words[name]["question"],
                present=part.present,
                found=part.text if part.present else None,
                detail=_detail(analysis, name) if part.present else None,
                hint=words[name]["missing"],
            )
        )
    return items


def score_band(score: int | None) -> dict[str, str]:
    """The label and tone for a score (`Strong`/`good`, ...); unscored goals get none."""
    if score is None:
        return {"label": "Not scored", "tone": "none"}
    for band in ui_text()["score_bands"]:
        if score >= band["min"]:
            return {"label": band["label"], "tone": band["tone"]}
    return {"label": "Not scored", "tone": "none"}


def summary(analysis: GoalAnalysis) -> str:
    """One sentence for screen readers: the score and what is missing."""
    band = score_band(analysis.score)
    missing = [
        ui_text()["components"][name]["label"].lower()
        for name in COMPONENTS
        if not getattr(analysis.components, name).present
    ]
    score = "Not scored" if analysis.score is None else f"Score {analysis.score} of 100"
    gaps = f"Missing: {', '.join(missing)}." if missing else "All four parts found."
    return f"{score}, {band['label'].lower()}. {gaps}"


def feedback(analysis: GoalAnalysis | None) -> dict[str, Any]:
    """Everything the check page's feedback regions render (empty before a check)."""
    if analysis is None:
        return {"analysis": None, "segments": [], "items": [], "band": None, "status": ""}
    return {
        "analysis": analysis,
        "segments": segments(analysis),
        "items": checklist(analysis),
        "band": score_band(analysis.score),
        "status": summary(analysis),
    }
