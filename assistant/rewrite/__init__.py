"""Rewrite suggestions: the writer's goal recast in a template for its shape, keeping
every piece they gave and marking each missing one with a visible placeholder."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..checks.context import Reading
from ..checks.deadlines import month_name, spell_date
from ..lexicon import load_data
from ..result import COMPONENTS, DeadlineComponent, GoalAnalysis, RelevanceComponent, Rewrite
from .clause import SETTINGS, goal_clause
from .render import render
from .shape import choose_shape

DASHES = frozenset({"—", "–", "-"})
SENTENCE_ENDS = frozenset({".", "!", "?"})


def _spelled_out(text: str, day: dt.date) -> bool:
    """The writer already gave the full date ('by March 31, 2027')."""
    lowered = text.lower()
    month = month_name(day.month).lower()[:3]
    return str(day.year) in text and month in lowered and str(day.day) in text


def deadline_slot(deadline: DeadlineComponent) -> str | None:
    """The writer's deadline, with its resolved date when they did not spell it out; None
    when there is none to keep (absent, or already past)."""
    if not deadline.present or deadline.text is None:
        return None
    value = deadline.value
    said = _with_preposition(_spelled_preposition(_lower_start(deadline.text)))
    if value is None or value.date is None:
        return said
    if value.in_past:
        return None
    day = dt.date.fromisoformat(value.date)
    return said if _spelled_out(said, day) else f"{said} ({spell_date(day)})"


def _lower_start(text: str) -> str:
    """'By April 30' -> 'by April 30' when a leading phrase moves behind the goal (a
    function word only: 'March 31' and 'Supporting ...' keep their capital)."""
    words = text.split(maxsplit=1)
    if words and words[0].lower() in STOP_WORDS and words[0][1:].islower():
        return text[:1].lower() + text[1:]
    return text


@lru_cache(maxsize=1)
def _shorthand() -> dict[str, str]:
    return dict(load_data(__package__, SETTINGS)["prepositions"])


def _spelled_preposition(text: str) -> str:
    """'b4 friday' -> 'before friday': chat shorthand for the preposition written out."""
    words = text.split(maxsplit=1)
    spelled = _shorthand().get(words[0].lower()) if words else None
    return text if spelled is None else " ".join([spelled, *words[1:]])


def _with_preposition(text: str) -> str:
    """'Q3' -> 'by Q3': a bare period set behind the goal needs a preposition."""
    words = text.split(maxsplit=1)
    return text if words and words[0].lower() in STOP_WORDS else f"by {text}"


def relevance_slot(relevance: RelevanceComponent, text: str) -> str | None:
    """The writer's reason, with the comma or dash they set it off with."""
    if not relevance.present or not relevance.text or relevance.start is None:
        return None
    before = text[: relevance.start].rstrip()[-1:]
    if before in SENTENCE_ENDS:
        return ". " + relevance.text
    lead = {",": ", ", ";": ", "}.get(before, " — " if before in DASHES else "")
    return lead + _lower_start(relevance.text)


def suggest(analysis: GoalAnalysis, doc: Doc, reading: Reading) -> list[Rewrite]:
    """Rewrites for the goal: one in the template of its shape. A complete goal gets one
    only when it reads tidier than what was written; none for a text that is no goal."""
    if reading.not_goal:
        return []
    parts = analysis.components
    clause = goal_clause(analysis, doc, reading)
    shape = choose_shape(analysis, doc, reading)
    text = render(shape, {
        "verb": clause.verb,
        "weak": clause.weak,
        "lead": clause.lead,
        "object": clause.object,
        "has_metric": parts.metric.present,
        "has_target": parts.target.present or clause.target_filled,
        # two bounds compete: ask rather than show a date the writer may not mean
        "deadline": None if reading.rival is not None else deadline_slot(parts.deadline),
        "relevance": relevance_slot(parts.relevance, analysis.text),
    })
    placeholders = [name for name in COMPONENTS if f"[{name}]" in text]
    if not placeholders and text == " ".join(analysis.text.split()):
        return []
    return [Rewrite(text=text, template=shape, placeholders=placeholders)]
