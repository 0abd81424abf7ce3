"""Pure feature functions over a parsed goal, shared by the rules and the learned models.

The learned layer decides among candidate spans: noun phrases that could be the metric and
clauses that could be the relevance link. Candidates come from the same helpers the rule
detectors use (`metric.noun_phrase`, `relevance.candidates`, `relevance.extent`); each
feature is a function of the processed Doc (after the rule components) and one candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import near, word_set
from .metric import goal_verb, measurable, noun_phrase
from .parts import Part
from .relevance import candidates as relevance_openers
from .relevance import clause_start, extent, restates_goal
from .segments import is_verb, segment_of

# Words that may open a link to a broader objective although no rule fires on them
# ("since the board wants ...", "given our move ...", "ensuring ...", "as groundwork for").
OPENER_WORDS = frozenset({"to", "so", "which", "because", "since", "as", "for", "given",
                          "this", "that", "it", "in", "ensuring", "helping", "enabling",
                          "supporting", "making", "allowing", "letting", "keeping", "part"})
# Dependencies of a noun phrase's head, one feature each.
HEAD_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "ROOT", "conj", "appos", "attr", "npadvmod",
             "compound")
NEXT_WORDS = ("per", "of", "for", "to", "by", "from", "in", "with", "across", "at")
COMPLEMENT_PREPS = frozenset({"per", "of", "from", "on", "by", "with", "to"})
MODALS = frozenset({"can", "could", "will", "would", "may", "might", "should", "must"})


@dataclass(frozen=True)
class Candidate:
    """A candidate span in token offsets [start, end) of its Doc."""

    doc: Doc
    start: int
    end: int
    kind: str = "parse"
    width: int = 1  # tokens of the connector that opens a clause

    @property
    def char_start(self) -> int:
        return self.doc[self.start].idx

    @property
    def char_end(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last)

    @property
    def text(self) -> str:
        return self.doc.text[self.char_start : self.char_end]

    def part(self, confidence: float) -> Part:
        return Part(self.char_start, self.char_end, self.text, confidence)


def _metric_words(key: str) -> frozenset[str]:
    return word_set("assistant", "metric.json", key)


def _relevance_words(key: str) -> frozenset[str]:
    return word_set("assistant", "relevance.json", key)


def _ext(doc: Doc, name: str) -> object:
    return getattr(doc._, name) if Doc.has_extension(name) else None


def _overlaps(c: Candidate, part: object) -> bool:
    return isinstance(part, Part) and part.overlaps(c.char_start, c.char_end)


def _same(c: Candidate, part: object) -> bool:
    return isinstance(part, Part) and (part.start, part.end) == (c.char_start, c.char_end)


def _token_before(c: Candidate) -> Token | None:
    return c.doc[c.start - 1] if c.start > 0 else None


def _token_after(c: Candidate) -> Token | None:
    return c.doc[c.end] if c.end < len(c.doc) else None


def _numeric(token: Token | None) -> bool:
    return token is not None and (token.like_num or token.text[:1] in "$€£+"
                                  or token.text[:1].isdigit())


# --- metric candidates -------------------------------------------------------------------

def _glued_left(doc: Doc, start: int) -> int:
    """Take back a prefix split off by the tokenizer ('no' + '-shows')."""
    while start > 0 and doc[start - 1].whitespace_ == "" and (
        doc[start].text.startswith("-") or doc[start - 1].text == "-"
    ) and (doc[start - 1].is_alpha or doc[start - 1].text == "-"):
        start -= 1
    return start


def _with_complement(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """'cost' + 'per lead', 'share' + 'of revenue': the phrase with its prepositional tail."""
    end = bounds[1]
    if end + 1 < len(doc) and doc[end].lower_ in COMPLEMENT_PREPS:
        tail = noun_phrase(doc, end + 1, set())
        if tail is not None and tail[0] == end + 1:
            return bounds[0], tail[1]
    return None


def metric_candidates(doc: Doc) -> list[Candidate]:
    """Every noun phrase `metric.noun_phrase` finds from any token (also with a prepositional
    tail such as 'per lead'), plus the rule's pick."""
    bounds: dict[tuple[int, int], str] = {}
    for token in doc:
        found = noun_phrase(doc, token.i, set())
        if found is None or found[1] <= found[0]:
            continue
        found = (_glued_left(doc, found[0]), found[1])
        bounds.setdefault(found, "parse")
        longer = _with_complement(doc, found)
        if longer is not None:
            bounds.setdefault(longer, "complement")
    rule = _ext(doc, "gs_metric")
    if isinstance(rule, Part):
        tokens = [t.i for t in doc if rule.start <= t.idx < rule.end]
        if tokens:
            bounds[(tokens[0], tokens[-1] + 1)] = "rule"
    return [Candidate(doc, s, e, kind) for (s, e), kind in sorted(bounds.items())]


def _target_tokens(doc: Doc) -> list[int]:
    target = _ext(doc, "gs_target")
    if not isinstance(target, Part):
        return []
    return [t.i for t in doc if target.start <= t.idx < target.end]


def _follows_target(c: Candidate) -> float:
    tokens = _target_tokens(c.doc)
    if not tokens:
        return 0.0
    after = tokens[-1] + 1
    if after < len(c.doc) and c.doc[after].lower_ in {"in", "of"}:
        after += 1
    return float(c.start == after)


def _precedes_target(c: Candidate) -> float:
    tokens = _target_tokens(c.doc)
    return float(bool(tokens) and tokens[0] in (c.end, c.end + 1))


def _target_distance(c: Candidate) -> float:
    tokens = _target_tokens(c.doc)
    if not tokens:
        return 1.0
    gap = min(abs(c.start - tokens[-1]), abs(tokens[0] - c.end))
    return min(gap, 20) / 20


def _verb_before(c: Candidate) -> float:
    before = _token_before(c)
    return float(before is not None and (is_verb(before) or before.dep_ == "prt"))


def _maximal(c: Candidate) -> float:
    """The phrase is not the tail of a longer noun phrase."""
    before = _token_before(c)
    return float(before is None or before.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}
                 or before.whitespace_ != "")


def _segment_verb(c: Candidate) -> Token | None:
    seg_start, seg_end = segment_of(c.doc, c.start)
    return goal_verb(c.doc, seg_start, seg_end, set())


def _measurable(c: Candidate) -> float:
    return float(measurable(c.doc, c.start, c.end, _segment_verb(c)))


def _object_of_goal_verb(c: Candidate) -> float:
    verb = _segment_verb(c)
    head = c.doc[c.end - 1]
    return float(verb is not None and (head.head == verb or head.head.head == verb))


def _head_in(key: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        word = c.doc[c.end - 1].lower_
        return float(near(word, _metric_words(key)) or near(word.split("-")[-1],
                                                            _metric_words(key)))
    feature.__name__ = f"head_{key}"
    return feature


def _head_acronym(c: Candidate) -> float:
    core = c.doc[c.end - 1].text.rstrip("s")
    return float(len(core) >= 2 and core.isupper())


def _segment_index(c: Candidate) -> float:
    seg_start, _ = segment_of(c.doc, c.start)
    return float(sum(1 for t in c.doc[:seg_start] if "\n" in t.text or t.is_sent_end) > 0)


def _head_dep(dep: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        return float(c.doc[c.end - 1].dep_ == dep)
    feature.__name__ = f"head_dep_{dep}"
    return feature


def _next_word(word: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        after = _token_after(c)
        return float(after is not None and after.lower_ == word)
    feature.__name__ = f"next_{word}"
    return feature


METRIC_FEATURES: dict[str, Callable[[Candidate], float]] = {
    "rule_pick": lambda c: float(_same(c, _ext(c.doc, "gs_metric"))),
    "rule_overlap": lambda c: float(_overlaps(c, _ext(c.doc, "gs_metric"))),
    "has_target": lambda c: float(bool(_target_tokens(c.doc))),
    "follows_target": _follows_target,
    "precedes_target": _precedes_target,
    "target_distance": _target_distance,
    "overlaps_target": lambda c: float(_overlaps(c, _ext(c.doc, "gs_target"))),
    "overlaps_time": lambda c: float(any(_overlaps(c, p) for p in _ext(c.doc, "gs_times") or [])),
    "overlaps_relevance": lambda c: float(_overlaps(c, _ext(c.doc, "gs_relevance"))),
    "verb_before": _verb_before,
    "number_before": lambda c: float(_numeric(_token_before(c))),
    "of_or_in_before": lambda c: float((_token_before(c) is not None)
                                       and _token_before(c).lower_ in {"of", "in"}),  # type: ignore[union-attr]
    "maximal": _maximal,
    "measurable": _measurable,
    "object_of_goal_verb": _object_of_goal_verb,
    "measure_head": _head_in("measure_heads"),
    "non_metric_head": _head_in("non_metrics"),
    "acronym_head": _head_acronym,
    "plural_head": lambda c: float(c.doc[c.end - 1].tag_ in {"NNS", "NNPS"}),
    "proper_head": lambda c: float(c.doc[c.end - 1].pos_ == "PROPN"),
    "has_digit": lambda c: float(any(ch.isdigit() for ch in c.text)),
    "length": lambda c: min(c.end - c.start, 8) / 8,
    "position": lambda c: c.start / len(c.doc),
    "later_segment": _segment_index,
    **{f"head_dep_{dep}": _head_dep(dep) for dep in HEAD_DEPS},
    **{f"next_{word}": _next_word(word) for word in NEXT_WORDS},
}


# --- relevance candidates ----------------------------------------------------------------

def relevance_candidates(doc: Doc) -> list[Candidate]:
    """Clauses opened by a rule connector or by a broader opener word, each extended with
    `relevance.extent`, the rule's kind kept where a rule fired."""
    deadline = _ext(doc, "gs_deadline")
    openers = {c.start: (c.kind, c.width) for c in relevance_openers(doc)}
    for token in doc:
        if token.i not in openers and (token.lower_ in OPENER_WORDS
                                       or (clause_start(doc, token.i) and token.tag_ == "VBG")):
            openers[token.i] = ("word", 1)
    found: dict[tuple[int, int], tuple[str, int]] = {}
    for start, opener in sorted(openers.items()):
        bounds = extent(doc, start, deadline if isinstance(deadline, Part) else None)
        if bounds[1] - bounds[0] >= 2:
            found.setdefault(bounds, opener)
    return [Candidate(doc, s, e, kind, width)
            for (s, e), (kind, width) in sorted(found.items())]


def _verbs_before(c: Candidate) -> float:
    seg_start, _ = segment_of(c.doc, c.start)
    return float(any(is_verb(t) for t in c.doc[seg_start : c.start]))


def _finite_clause(c: Candidate) -> float:
    """A subject and a verb of its own ('so the team can ...', 'which gives us ...')."""
    span = c.doc[c.start : c.end]
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} for t in span)
    return float(has_subject and any(is_verb(t) or t.pos_ == "AUX" for t in span))


def _opener(word: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        return float(c.doc[c.start].lower_ == word)
    feature.__name__ = f"opener_{word}"
    return feature


def _kind(kind: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        return float(c.kind == kind or (kind == "phrase" and c.kind not in
                                         {"word", "to", "so", "referent"}))
    feature.__name__ = f"kind_{kind}"
    return feature


def _next_pos(pos: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        return float(c.start + 1 < len(c.doc) and c.doc[c.start + 1].pos_ == pos)
    feature.__name__ = f"next_pos_{pos}"
    return feature


def _noun_before(c: Candidate) -> float:
    before = _token_before(c)
    return float(before is not None and before.pos_ in {"NOUN", "PROPN"})


def _control_before(c: Candidate) -> float:
    before = _token_before(c)
    words = _relevance_words("control_verbs")
    return float(before is not None and (before.lower_ in words or before.lemma_ in words))


def _first_person(c: Candidate) -> float:
    words = _relevance_words("first_person")
    return float(any(t.lower_ in words for t in c.doc[c.start : c.end]))


def _to_end(c: Candidate) -> float:
    _, seg_end = segment_of(c.doc, c.start)
    return float(c.end >= seg_end - 1)


RELEVANCE_FEATURES: dict[str, Callable[[Candidate], float]] = {
    "rule_pick": lambda c: float(_same(c, _ext(c.doc, "gs_relevance"))),
    "rule_overlap": lambda c: float(_overlaps(c, _ext(c.doc, "gs_relevance"))),
    **{f"kind_{k}": _kind(k) for k in ("phrase", "referent", "so", "to", "word")},
    **{f"opener_{w}": _opener(w) for w in sorted(OPENER_WORDS)},
    "opener_gerund": lambda c: float(c.doc[c.start].tag_ == "VBG"),
    "clause_start": lambda c: float(clause_start(c.doc, c.start)),
    "comma_before": lambda c: float(c.start > 0 and c.doc[c.start - 1].text == ","),
    "verb_before": _verbs_before,
    "restates_goal": lambda c: float(restates_goal(c.doc, c.start, c.end, c.width)),
    "finite_clause": _finite_clause,
    "modal": lambda c: float(any(t.lower_ in MODALS for t in c.doc[c.start : c.end])),
    "first_person": _first_person,
    "number_next": lambda c: float(c.start + 1 < len(c.doc) and _numeric(c.doc[c.start + 1])),
    "noun_before": _noun_before,
    "control_before": _control_before,
    **{f"next_pos_{p}": _next_pos(p) for p in ("VERB", "DET", "PRON", "NOUN", "PROPN", "ADJ",
                                               "NUM", "AUX", "ADP")},
    "overlaps_deadline": lambda c: float(_overlaps(c, _ext(c.doc, "gs_deadline"))),
    "to_segment_end": _to_end,
    "length": lambda c: min(c.end - c.start, 20) / 20,
    "position": lambda c: c.start / len(c.doc),
    "at_start": lambda c: float(c.start == 0),
}


def features(candidate: Candidate, table: dict[str, Callable[[Candidate], float]]
             ) -> dict[str, float]:
    """The values of every feature in `table` for one candidate."""
    return {name: float(feature(candidate)) for name, feature in table.items()}
