"""Findings, SMART summary and score for an analysed goal (rewrites build on them, in
`assistant.rewrite`; this package never imports it)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..options import Options
from ..result import GoalAnalysis
from .catalog import run_checks
from .config import rule_config
from .context import Context, Reading
from .reading import read
from .score import score, smart


def review(draft: GoalAnalysis, doc: Doc, options: Options) -> tuple[GoalAnalysis, Reading]:
    """Run the rules in force on the draft, then fill the SMART summary and the score; also
    return the reading of the goal that the rewrites start from."""
    reading = read(draft, doc, options)
    ctx = Context(draft=draft, doc=doc, options=options, config=rule_config(options),
                  reading=reading)
    findings = run_checks(ctx)
    reviewed = draft.model_copy(update={
        "findings": findings, "smart": smart(ctx, findings), "score": score(ctx, findings),
    })
    return reviewed, reading
