"""Which goal shape a rewrite takes, read from the analysis and the Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from ..checks.context import Reading
from ..quantities.lexicon import verbs
from ..result import GoalAnalysis
from ..segments import is_verb, segments
from ..vague import WEAK_VERB

SHAPES = ("increase-metric", "decrease-metric", "reach-metric", "maintain-metric",
          "activity-cadence", "project-milestone")
CADENCE_ROLE = "cadence"


def _verb_direction(analysis: GoalAnalysis, doc: Doc) -> str | None:
    """The direction of the goal's own verb ("grow" -> increase), unless it is a weak verb
    that says no direction ("improve")."""
    weak = {(v.start, v.end) for v in analysis.vague if v.category == WEAK_VERB}
    openers = {segment.start for segment in segments(doc)}  # imperatives the tagger misreads
    lexicon = verbs().verbs
    for token in doc:
        if not (token.i in openers or is_verb(token)):
            continue
        if any(s <= token.idx < e for s, e in weak):
            return None
        direction = lexicon.get(token.lemma_.lower()) or lexicon.get(token.lower_)
        if direction is not None:
            return direction
    return None


def choose_shape(analysis: GoalAnalysis, doc: Doc, reading: Reading) -> str:
    """A project milestone when there is neither metric nor number (an action to finish);
    else increase/decrease/maintain a metric when the target or the verb says which way;
    else an activity with a cadence ("60 calls per week"); else reach a level."""
    parts = analysis.components
    if not parts.metric.present and not parts.target.present:
        return "project-milestone"
    target = parts.target.value
    direction: str | None = target.direction if target is not None else None
    if direction in {None, "reach"}:  # "lift NPS to 50": a level, reached by going up
        direction = _verb_direction(analysis, doc) or direction
    if direction in {"increase", "decrease", "maintain"}:
        return f"{direction}-metric"
    if parts.metric.present and any(p.value is not None and p.value.role == CADENCE_ROLE
                                    for p in reading.times):
        return "activity-cadence"
    return "reach-metric"
