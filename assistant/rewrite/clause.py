"""The writer's own goal clause, cut from the text: from the goal verb through the metric
and target, up to where the deadline, the reason or the segment begins, with hedges and
fillers dropped and a weak verb marked for the template to replace."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..checks.context import Reading
from ..checks.wording import own_complement, replacements
from ..lexicon import load_data
from ..quantities.lexicon import verbs
from ..result import GoalAnalysis, VagueSpan
from ..segments import is_verb, segment_of, segments
from ..vague import WEAK_VERB

SETTINGS = "rewrite.toml"
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
    return dict(load_data(__package__, SETTINGS)["clause"])


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[:]


def _governing_verb(token: Token) -> Token | None:
    """The verb the anchor hangs from (walking up through nouns and prepositions)."""
    seen = 0
    while not is_verb(token):
        head = token.head  # a new Token at each read: the root is known by its index
        if head.i == token.i or seen >= 8:
            return None
        token, seen = head, seen + 1
    return token


def _opening_verb(analysis: GoalAnalysis, first: Token) -> Token | None:
    """A segment's first word when it is a goal verb the tagger misread ("Raise" as a
    noun): a known direction verb, or a weak verb."""
    lexicon = verbs().verbs
    known = first.lower_ in lexicon or first.lemma_.lower() in lexicon
    weak = any(v.category == WEAK_VERB and v.start == first.idx for v in analysis.vague)
    return first if known or weak else None


def _lead_verb(verb: Token) -> Token:
    """The first of coordinated verbs that share one object ("Hire and ramp 4 SDRs")."""
    while (verb.dep_ == "conj" and is_verb(verb.head) and verb.head.i < verb.i
           and not own_complement(verb.head)):
        verb = verb.head
    return verb


def _glues(token: Token) -> bool:
    return token.is_alpha or token.text in {"-", "–"}


def _glued_start(token: Token) -> int:
    """Where a word starts once its glued prefix is included ("Re-engage")."""
    doc, start = token.doc, token
    while start.i > 0:
        before = doc[start.i - 1]  # each read of doc[i] builds a Token: read it once
        if before.whitespace_ != "" or not _glues(before):
            break
        start = before
    return start.idx


def _glued_end(token: Token) -> int:
    """Where a word ends once its glued suffix is included ("Re-engage")."""
    doc, end = token.doc, token
    while end.i + 1 < len(doc) and end.whitespace_ == "":
        after = doc[end.i + 1]  # each read of doc[i] builds a Token: read it once
        if not _glues(after):
            break
        end = after
    return end.idx + len(end)


def _anchor(analysis: GoalAnalysis, doc: Doc) -> tuple[int, int, Token | None, int]:
    """Where the goal clause starts, where its metric and target (or, with neither, its
    head verb's phrase) end, the goal verb, and the end of the segment."""
    parts = [c for c in (analysis.components.metric, analysis.components.target)
             if c.present and c.start is not None and c.end is not None]
    if parts:
        start = min(c.start for c in parts if c.start is not None)
        end = max(c.end for c in parts if c.end is not None)
        span = _span(doc, start, end)
        verb = _governing_verb(span.root)
        if verb is not None and verb.idx >= start:
            verb = None  # a word of the metric misread as a verb ("inbound"), or a passive
    else:
        found = segments(doc)
        span = found[0] if found else doc[:]
        root = span.root  # worked out from the span's tokens at each read
        verb = root if is_verb(root) else None
        start = span.start_char
        edge = doc[min(root.right_edge.i, span.end - 1)]
        end = edge.idx + len(edge)
    seg_start, _ = segment_of(doc, span.start)
    _, seg_end = segment_of(doc, max(span.end - 1, span.start))
    if seg_end <= seg_start:  # nothing but punctuation (".")
        seg_start, seg_end = 0, len(doc)
    opening = _opening_verb(analysis, doc[seg_start])
    if verb is None or not (seg_start <= verb.i < seg_end and verb.idx <= start) or (
            opening is not None and opening.i < verb.i):
        verb = opening  # "Cut burn 20%": the goal verb opens the goal, whatever was tagged
    if verb is not None:
        verb = _lead_verb(verb)
    start = _glued_start(verb) if verb is not None and verb.idx <= start else doc[seg_start].idx
    last = doc[seg_end - 1]
    return start, end, verb, last.idx + len(last)


def _cut_ranges(analysis: GoalAnalysis, doc: Doc, reading: Reading) -> list[tuple[int, int]]:
    """Character ranges that never belong to the clause: the deadline and a bound that
    competes with it, the reason, a purpose that only restates the goal, and time words
    that are no deadline ("ASAP")."""
    parts = analysis.components
    ranges = [(c.start, c.end) for c in (parts.deadline, parts.relevance)
              if c.present and c.start is not None and c.end is not None]
    ranges += [(p.start, p.end) for p in reading.times
               if p.value is not None and p.value.role == "vague"]
    if reading.rival is not None:
        ranges.append((reading.rival.start, reading.rival.end))
    if reading.restating is not None:
        ranges.append((reading.restating.start_char, reading.restating.end_char))
    return ranges


def _edits(analysis: GoalAnalysis, start: int, end: int) -> dict[tuple[int, int], str]:
    """Vague words inside [start, end) to drop ("") or to turn into the target slot (only
    beside a metric: without one the goal is a milestone whose template asks for both)."""
    rules = settings()
    edits: dict[tuple[int, int], str] = {}
    metric = analysis.components.metric
    fill = metric.start is not None and not analysis.components.target.present
    for span in analysis.vague:
        if not start <= span.start < end:
            continue
        before_metric = metric.start is not None and _next_to(analysis.text, span, metric.start)
        fits = fill and before_metric and span.category in rules["fill_target"]
        slot = _target_slot(span) if fits else None
        if slot is not None:
            edits[(span.start, span.end)] = slot
            fill = False
        elif span.category in rules["remove"] or span.text.lower() in rules["remove_phrases"]:
            edits[(span.start, span.end)] = ""
    return edits


def _next_to(text: str, span: VagueSpan, metric_start: int) -> bool:
    """The vague word stands just before the metric ("some [good] meetings")."""
    return span.end <= metric_start and len(text[span.end:metric_start].split()) <= 1


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
    dangling = settings()["dangling"]
    while words and words.split()[-1].lower() in dangling:
        words = words.rsplit(None, 1)[0] if " " in words else ""
        words = words.strip(STRIP)
    return words


def goal_clause(analysis: GoalAnalysis, doc: Doc, reading: Reading) -> Clause:
    """The writer's goal clause, ready for a template."""
    text = analysis.text
    start, anchor_end, verb, seg_end = _anchor(analysis, doc)
    cuts = _cut_ranges(analysis, doc, reading)
    later_goals = [head.left_edge.idx for head in reading.goals[1:]]
    end = min([s for s, _ in cuts if s >= anchor_end] + [s for s in later_goals if s > start]
              + [seg_end])
    edits = _edits(analysis, start, end)
    edits.update({(s, e): "" for s, e in cuts if start <= s < end})
    weak = verb is not None and any(
        v.category == WEAK_VERB and v.start <= verb.idx < v.end for v in analysis.vague)
    said = ""
    if verb is not None and _glued_start(verb) == start:
        verb_end = max([v.end for v in analysis.vague if weak and v.start == verb.idx]
                       + [_glued_end(verb)])
        said = text[start:verb_end]
        start = verb_end
    metric = analysis.components.metric
    split = metric.start if metric.present and metric.start is not None else end
    split = min(max(split, start), end)
    lead = _text(text, start, split, edits).lstrip(STRIP)
    rest = _tidy(_text(text, split, end, edits))
    filled = any("[target]" in new for new in edits.values())
    if not any(ch.isalnum() for ch in said + lead + rest):
        return Clause(verb="", weak=False, lead="", object="")  # no words to keep ("???")
    return Clause(verb=said[:1].upper() + said[1:], weak=weak and bool(said),
                  lead=lead + " " if lead and rest else _tidy(lead), object=rest,
                  target_filled=filled)
