"""The writer's own goal clause, cut from the text: from the goal verb through the metric
and target, up to where the deadline, the reason or the segment begins, with hedges and
fillers dropped and a weak verb marked for the template to replace."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..checks.wording import replacements
from ..result import GoalAnalysis, VagueSpan
from ..segments import is_verb, segment_of, segments

SETTINGS = "rewrite.toml"
WEAK_VERB = "weak_verb"
# Words left dangling at the end of a clause once the pieces after them are cut away.
DANGLING = frozenset({"and", "or", "to", "by", "in", "for", "with", "of", "&", "the", "a"})
STRIP = " ,;:-–—"


@dataclass(frozen=True)
class Clause:
    """The writer's goal clause split for the templates: `verb` is their verb ("" when the
    clause does not open with one), `weak` says it is a weak verb ("improve", "work on")
    that a metric template replaces, `lead` holds the words before the metric, `object`
    the words from the metric on, and `target_filled` says a vague amount became the
    target placeholder."""

    verb: str
    weak: bool
    lead: str
    object: str
    target_filled: bool = False


@lru_cache(maxsize=1)
def settings() -> dict[str, list[str]]:
    text = resources.files(__package__).joinpath("data", SETTINGS).read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["vague"])


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[:]


def _governing_verb(token: Token) -> Token | None:
    """The verb the anchor hangs from (walking up through nouns and prepositions)."""
    seen = 0
    while not is_verb(token) and token.head is not token and seen < 8:
        token, seen = token.head, seen + 1
    return token if is_verb(token) else None


def _anchor(analysis: GoalAnalysis, doc: Doc) -> tuple[int, int, Token | None, int]:
    """(start, end) of the metric and target, their verb, and the end of their segment."""
    parts = [c for c in (analysis.components.metric, analysis.components.target)
             if c.present and c.start is not None and c.end is not None]
    if parts:
        start = min(c.start for c in parts if c.start is not None)
        end = max(c.end for c in parts if c.end is not None)
        span = _span(doc, start, end)
        verb = _governing_verb(span.root)
    else:
        found = segments(doc)
        span = found[0] if found else doc[:]
        verb = span.root if is_verb(span.root) else None
        start = span.start_char
        end = verb.idx + len(verb) if verb is not None else span[0].idx + len(span[0])
    seg_start, seg_end = segment_of(doc, span.start)
    if verb is not None and not seg_start <= verb.i < seg_end:
        verb = None
    start = verb.idx if verb is not None and verb.idx <= start else doc[seg_start].idx
    return start, end, verb, doc[seg_end - 1].idx + len(doc[seg_end - 1])


def _cut_ranges(analysis: GoalAnalysis, doc: Doc) -> list[tuple[int, int]]:
    """Character ranges that never belong to the clause: deadline, reason, non-deadlines."""
    parts = analysis.components
    ranges = [(c.start, c.end) for c in (parts.deadline, parts.relevance)
              if c.present and c.start is not None and c.end is not None]
    ranges += [(p.start, p.end) for p in doc._.gs_times if p.value.role == "vague"]
    return ranges


def _edits(analysis: GoalAnalysis, start: int, end: int) -> dict[tuple[int, int], str]:
    """Vague words inside [start, end) to drop ("") or to turn into the target slot (only
    beside a metric: without one the goal is a milestone whose template asks for both)."""
    rules = settings()
    edits: dict[tuple[int, int], str] = {}
    parts = analysis.components
    fill = parts.metric.present and not parts.target.present
    for span in analysis.vague:
        if not start <= span.start < end:
            continue
        slot = _target_slot(span) if fill and span.category in rules["fill_target"] else None
        if slot is not None:
            edits[(span.start, span.end)] = slot
            fill = False
        elif span.category in rules["remove"]:
            edits[(span.start, span.end)] = ""
    return edits


def _target_slot(span: VagueSpan) -> str | None:
    offered = [text for text in replacements(span.category, span.text) if "[target]" in text]
    return offered[0] if offered else None


def _text(text: str, start: int, end: int, edits: dict[tuple[int, int], str]) -> str:
    pieces, at = [], start
    for (s, e), new in sorted(edits.items()):
        if s < at or s >= end:
            continue
        pieces += [text[at:s], new]
        at = e
    pieces.append(text[at:end] if at < end else "")
    return " ".join("".join(pieces).split())


def _tidy(words: str) -> str:
    words = words.strip(STRIP)
    while words and words.split()[-1].lower() in DANGLING:
        words = words.rsplit(None, 1)[0] if " " in words else ""
        words = words.strip(STRIP)
    return words


def goal_clause(analysis: GoalAnalysis, doc: Doc) -> Clause:
    """The writer's goal clause, ready for a template."""
    text = analysis.text
    start, anchor_end, verb, seg_end = _anchor(analysis, doc)
    cuts = _cut_ranges(analysis, doc)
    end = min([s for s, _ in cuts if s >= anchor_end] + [seg_end])
    edits = _edits(analysis, start, end)
    edits.update({(s, e): "" for s, e in cuts if start <= s < end})
    weak = verb is not None and any(
        v.category == WEAK_VERB and v.start <= verb.idx < v.end for v in analysis.vague)
    said = ""
    if verb is not None and verb.idx == start:
        verb_end = max([v.end for v in analysis.vague if weak and v.start == start]
                       + [verb.idx + len(verb)])
        said = text[start:verb_end]
        start = verb_end
    metric = analysis.components.metric
    split = metric.start if metric.present and metric.start is not None else end
    split = min(max(split, start), end)
    lead = _text(text, start, split, edits).lstrip(STRIP)
    rest = _tidy(_text(text, split, end, edits))
    filled = any("[target]" in new for new in edits.values())
    return Clause(verb=said[:1].upper() + said[1:], weak=weak and bool(said),
                  lead=lead + " " if lead and rest else _tidy(lead), object=rest,
                  target_filled=filled)
