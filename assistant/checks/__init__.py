"""Findings, SMART summary, score and rewrites for an analysed goal."""

from __future__ import annotations

from spacy.tokens import Doc

from ..options import Options
from ..result import GoalAnalysis
from ..rewrite import suggest
from .catalog import run_checks
from .config import rule_config
from .context import Context
from .reading import read
from .score import score, smart


def review(draft: GoalAnalysis, doc: Doc, options: Options) -> GoalAnalysis:
    """Run the rules in force on the draft, then fill the SMART summary, the score and
    the rewrites."""
    reading = read(draft, doc, options)
    ctx = Context(draft=draft, doc=doc, options=options, config=rule_config(options),
                  reading=reading)
    findings = run_checks(ctx)
    reviewed = draft.model_copy(update={
        "findings": findings, "smart": smart(ctx, findings), "score": score(ctx, findings),
    })
    return reviewed.model_copy(update={"rewrites": suggest(reviewed, doc, reading)})
