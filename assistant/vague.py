"""Vague language: weak verbs, unanchored comparatives, hedges, unmeasured amounts, fillers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .lexicon import load_data
from .parts import Part
from .segments import is_numeric

Doc.set_extension("gs_vague", default=[], force=True)

LEXICON = "vague.json"

# The category of verbs that name no measurable change ("work on"): rewrites replace them.
WEAK_VERB = "weak_verb"


@dataclass(frozen=True)
class VagueInfo:
    category: str
    message: str
    suggestion: str


def _entry_pattern(entry: dict) -> list[dict]:
    words = entry["phrase"].split()
    if entry.get("lemma"):
        # Inflect the first word only ("trying to", "worked on", "improving").
        return [{"LEMMA": words[0]}, *({"LOWER": w} for w in words[1:])]
    return [{"LOWER": w} for w in words]


@cache
def _entries() -> tuple[dict, ...]:
    return tuple(load_data("assistant", LEXICON)["entries"])


def build_matcher(nlp: Language) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for index, entry in enumerate(_entries()):
        matcher.add(str(index), [_entry_pattern(entry)])
    return matcher


def quantified(span: Span) -> bool:
    """'20% more', '15 pts more', '$1.2M or more', '95% or better', 'more than 25': a
    comparative anchored by a number just before it (past an 'or' and a unit), or by 'than'
    and a number after it."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].lower_ == "or":
        index -= 1
    if index >= 0 and doc[index].lower_ in _units():
        index -= 1
    if index >= 0 and (doc[index].like_num or is_numeric(doc[index])):
        return True
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].lower_ == "than" and is_numeric(after[1])


@cache
def _units() -> frozenset[str]:
    return frozenset(load_data("assistant", LEXICON)["number_units"])


def noun_use(entry: dict, span: Span) -> bool:
    """'our focus on', 'what kind of': the phrase follows a word that makes it a noun phrase."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in entry.get("not_after", ())


def in_name(span: Span) -> bool:
    """'the Better Together campaign', 'the Some Company deal', 'the Best In Class tier':
    title-cased words after a lower-case word, running on into another title-cased word or
    spanning two, name something."""
    doc = span.doc
    words = [token for token in span if token.is_alpha]
    if span.start == 0 or not words or not all(token.is_title for token in words):
        return False
    before = doc[span.start - 1]
    after = doc[span.end] if span.end < len(doc) else None
    runs_on = after is not None and after.is_title
    return before.is_alpha and before.is_lower and (runs_on or len(words) > 1)


def info_for(entry: dict, text: str) -> VagueInfo:
    category = entry["category"]
    spec = load_data("assistant", LEXICON)["categories"][category]
    return VagueInfo(
        category=category,
        message=spec["message"].format(text=text),
        suggestion=spec["suggestion"].format(text=text),
    )


def find_vague(doc: Doc, matcher: Matcher) -> list[Part[VagueInfo]]:
    """Each vague word or phrase once (its first occurrence; longest match wins), in order."""
    entries = _entries()
    spans = []
    for match_id, start, end in matcher(doc):
        entry = entries[int(doc.vocab.strings[match_id])]
        span = doc[start:end]
        if (entry.get("unless_number") and quantified(span)) or noun_use(entry, span):
            continue
        if in_name(span):
            continue
        spans.append((span, entry))
    kept: list[Part[VagueInfo]] = []
    taken: set[int] = set()
    seen: set[str] = set()
    for span, entry in sorted(spans, key=lambda se: (-(se[0].end - se[0].start), se[0].start)):
        if taken.intersection(range(span.start, span.end)) or span.text.lower() in seen:
            continue
        taken.update(range(span.start, span.end))
        seen.add(span.text.lower())
        info = info_for(entry, span.text)
        kept.append(Part(span.start_char, span.end_char, span.text, 0.9, info))
    return sorted(kept, key=lambda part: part.start)


class VagueDetector:
    def __init__(self, nlp: Language) -> None:
        self.matcher = build_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_vague = find_vague(doc, self.matcher)
        return doc


@Language.factory("goalsmith/vague", assigns=["doc._.gs_vague"])
def make_vague(nlp: Language, name: str) -> VagueDetector:
    return VagueDetector(nlp)
