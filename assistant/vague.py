"""Vague language: weak verbs, unanchored comparatives, hedges, unmeasured amounts, fillers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
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


@cache
def _entries() -> tuple[dict, ...]:
    return tuple(load_data("assistant", LEXICON)["entries"])


@dataclass(frozen=True)
class PhraseIndex:
    """The lexicon's phrases by the word they open with, as spaCy's `Matcher` would read
    them (the first word by its lemma where the entry says 'lemma', every other word by its
    lower-cased form), looked up once per token instead of trying every phrase there."""

    by_lower: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]
    by_lemma: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]

    @classmethod
    def of(cls, entries: tuple[dict, ...]) -> PhraseIndex:
        by_lower: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        by_lemma: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, entry in enumerate(entries):
            words = tuple(entry["phrase"].split())
            table = by_lemma if entry.get("lemma") else by_lower
            table.setdefault(words[0], []).append((index, words[1:]))
        return cls({k: tuple(v) for k, v in by_lower.items()},
                   {k: tuple(v) for k, v in by_lemma.items()})

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(entry index, start, end) of every phrase in the doc, in the Matcher's order: by
        end, then start, then entry."""
        if not doc.has_annotation("LEMMA"):  # the Matcher's own check, kept
            raise ValueError("the vague phrases need the lemmatizer's lemmas")
        lowered = [t.lower_ for t in doc]
        found = []
        for token in doc:
            i = token.i
            for index, rest in (*self.by_lower.get(lowered[i], ()),
                                *self.by_lemma.get(token.lemma_, ())):
                end = i + 1 + len(rest)
                if tuple(lowered[i + 1 : end]) == rest:
                    found.append((index, i, end))
        return sorted(found, key=lambda match: (match[2], match[1], match[0]))


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


def after_hyphen(span: Span) -> bool:
    """'SEO-optimized articles', 'AI-enhanced search': the word ends a hyphenated modifier
    that names a kind of thing; it asks for no change."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and not (
        doc[span.start - 1].whitespace_ or doc[span.start - 2].whitespace_) and doc[
        span.start - 2].is_alpha


def info_for(entry: dict, text: str) -> VagueInfo:
    category = entry["category"]
    spec = load_data("assistant", LEXICON)["categories"][category]
    return VagueInfo(
        category=category,
        message=spec["message"].format(text=text),
        suggestion=spec["suggestion"].format(text=text),
    )


def find_vague(doc: Doc, phrases: PhraseIndex) -> list[Part[VagueInfo]]:
    """Each vague word or phrase once (its first occurrence; longest match wins), in order."""
    entries = _entries()
    spans = []
    for index, start, end in phrases.matches(doc):
        entry = entries[index]
        span = doc[start:end]
        if (entry.get("unless_number") and quantified(span)) or noun_use(entry, span):
            continue
        if in_name(span) or after_hyphen(span):
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
    def __init__(self) -> None:
        self.phrases = PhraseIndex.of(_entries())

    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_vague = find_vague(doc, self.phrases)
        return doc


@Language.factory("goalsmith/vague", assigns=["doc._.gs_vague"])
def make_vague(nlp: Language, name: str) -> VagueDetector:
    return VagueDetector()
