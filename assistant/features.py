"""Pure feature functions over a parsed goal, shared by the rules and the learned models.

The learned layer judges each component the rule detectors found (or did not find): how
sure can we be that this metric, target, deadline or relevance clause is right? Its inputs
are these features of the answer, computed from the processed Doc with the same helpers the
detectors use (`metric.goal_verb`, `metric.measurable`, `relevance.candidates`,
`relevance.extent`, `relevance.restates_goal`, `quantities.target.features`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, TAG
from spacy.tokens import Doc, Token

from .lexicon import near, word_set
from .metric import goal_verb, measurable
from .parts import Part
from .quantities.target import candidate_rows as target_rows
from .quantities.target import score as target_score
from .relevance import candidates as relevance_openers
from .relevance import clause_start, extent, restates_goal
from .segments import is_numeric, is_verb, lower_words, segment_of
from .spans import doc_text, token_span

# Words that may open a link to a broader objective although no rule fires on them
# ("since the board wants ...", "given our move ...", "ensuring ...").
OPENER_WORDS = frozenset({"to", "so", "which", "because", "since", "as", "for", "given",
                          "this", "that", "in", "ensuring", "helping", "enabling", "supporting"})
HEAD_DEPS = ("dobj", "pobj", "nsubj", "ROOT", "conj", "appos", "compound")
NEXT_WORDS = ("per", "of", "for", "to", "by", "in", "with")
MODALS = frozenset({"can", "could", "will", "would", "may", "might", "should", "must"})
TIME_KINDS = ("date", "month", "quarter", "half", "year", "fiscal_year", "relative_period",
              "duration", "weekday", "near_day", "holiday", "unresolvable")
UNITS = ("percent", "percentage_points", "basis_points", "currency", "count", "multiplier",
         "other")
SATURATION = 20  # counts and lengths are scaled to 0..1 at this size
# A per-Doc cache (plain values, so that a Doc still serialises with its user data).
SEGMENT_VERBS_KEY = "goalsmith.segment_verbs"
SUBJECTS_KEY = "goalsmith.subjects"
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Candidate:
    """A span in token offsets [start, end) of its Doc that could be a component."""

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
        return doc_text(self.doc)[self.char_start : self.char_end]


def _scaled(n: float) -> float:
    return min(n, SATURATION) / SATURATION


def _ext(doc: Doc, name: str) -> object:
    return getattr(doc._, name) if Doc.has_extension(name) else None


def _times(doc: Doc) -> list[Part]:
    times = _ext(doc, "gs_times")
    return [p for p in times if isinstance(p, Part)] if isinstance(times, list) else []


def _overlaps(c: Candidate, part: object) -> bool:
    return isinstance(part, Part) and part.overlaps(c.char_start, c.char_end)


def _token_before(c: Candidate) -> Token | None:
    return c.doc[c.start - 1] if c.start > 0 else None


def span_of(doc: Doc, part: Part, kind: str = "rule") -> Candidate | None:
    """The candidate covering a detector's part (None when it covers no token)."""
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    return Candidate(doc, span.start, span.end, kind) if span is not None and len(span) else None


# --- metric -------------------------------------------------------------------------------

def _target_tokens(doc: Doc) -> list[int]:
    """The tokens of the target (their bounds are remembered per Doc by `token_span`)."""
    target = _ext(doc, "gs_target")
    span = token_span(doc, target.start, target.end) if isinstance(target, Part) else None
    return list(range(span.start, span.end)) if span is not None else []


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


def _verb_before(c: Candidate) -> float:
    before = _token_before(c)
    return float(before is not None and (is_verb(before) or before.dep_ == "prt"))


def _prep_before(c: Candidate) -> float:
    before = _token_before(c)
    return float(before is not None and before.lower_ in {"of", "in"})


def _maximal(c: Candidate) -> float:
    """The phrase is not the tail of a longer noun phrase."""
    before = _token_before(c)
    return float(before is None or before.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}
                 or before.whitespace_ != "")


def _segment_verb(c: Candidate) -> Token | None:
    """The goal verb of the candidate's segment; found once per segment."""
    seg_start, seg_end = segment_of(c.doc, c.start)
    verbs: dict[int, int | None] = c.doc.user_data.setdefault(SEGMENT_VERBS_KEY, {})
    if seg_start not in verbs:
        verb = goal_verb(c.doc, seg_start, seg_end, set())
        verbs[seg_start] = verb.i if verb is not None else None
    index = verbs[seg_start]
    return c.doc[index] if index is not None else None


def _measurable(c: Candidate) -> float:
    return float(measurable(c.doc, c.start, c.end, _segment_verb(c)))


def _object_of_goal_verb(c: Candidate) -> float:
    verb = _segment_verb(c)
    head = c.doc[c.end - 1]
    return float(verb is not None and verb in (head.head, head.head.head))


def _head_in(key: str) -> Callable[[Candidate], float]:
    words = word_set("assistant", "metric.json", key)

    def feature(c: Candidate) -> float:
        word = c.doc[c.end - 1].lower_
        return float(near(word, words) or near(word.split("-")[-1], words))
    return feature


def _head_acronym(c: Candidate) -> float:
    core = c.doc[c.end - 1].text.rstrip("s")
    return float(len(core) >= 2 and core.isupper())


def _head_dep(dep: str) -> Callable[[Candidate], float]:
    return lambda c: float(c.doc[c.end - 1].dep_ == dep)


def _next_word(word: str) -> Callable[[Candidate], float]:
    def feature(c: Candidate) -> float:
        words = lower_words(c.doc)
        return float(c.end < len(words) and words[c.end] == word)
    return feature


def _later_segment(c: Candidate) -> float:
    seg_start, _ = segment_of(c.doc, c.start)
    return float(seg_start > 0)


METRIC_FEATURES: dict[str, Callable[[Candidate], float]] = {
    "follows_target": _follows_target,
    "precedes_target": _precedes_target,
    "overlaps_time": lambda c: float(any(_overlaps(c, p) for p in _times(c.doc))),
    "verb_before": _verb_before,
    "number_before": lambda c: float((t := _token_before(c)) is not None and is_numeric(t)),
    "prep_before": _prep_before,
    "maximal": _maximal,
    "measurable": _measurable,
    "object_of_goal_verb": _object_of_goal_verb,
    "measure_head": _head_in("measure_heads"),
    "non_metric_head": _head_in("non_metrics"),
    "acronym_head": _head_acronym,
    "plural_head": lambda c: float(c.doc[c.end - 1].tag_ in {"NNS", "NNPS"}),
    "proper_head": lambda c: float(c.doc[c.end - 1].pos_ == "PROPN"),
    "has_digit": lambda c: float(any(ch.isdigit() for ch in c.text)),
    "length": lambda c: _scaled(c.end - c.start),
    "position": lambda c: c.start / len(c.doc),
    "later_segment": _later_segment,
    **{f"head_dep_{dep}": _head_dep(dep) for dep in HEAD_DEPS},
    **{f"next_{word}": _next_word(word) for word in NEXT_WORDS},
}


# --- relevance ----------------------------------------------------------------------------

def relevance_candidates(doc: Doc) -> list[Candidate]:
    """Clauses opened by a rule connector (its kind kept) or by a broader opener word,
    each extended with `relevance.extent`: the alternatives to the rule's clause."""
    deadline = _ext(doc, "gs_deadline")
    openers = {c.start: (c.kind, c.width) for c in relevance_openers(doc)}
    # plain words and tags: a Token made for each word would cost more than its tests
    gerunds = set((doc.to_array(TAG) == doc.vocab.strings["VBG"]).nonzero()[0].tolist())
    for i, word in enumerate(lower_words(doc)):
        if i not in openers and (word in OPENER_WORDS or (i in gerunds and clause_start(doc, i))):
            openers[i] = ("word", 1)
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


def _subjects(doc: Doc) -> list[int]:
    """The indices of the tokens that are subjects, listed once per Doc (every alternative
    clause asks; a Token made for each of its words would cost more than the test)."""
    cached = doc.user_data.get(SUBJECTS_KEY)
    if cached is None or cached[0] != len(doc):
        labels = {doc.vocab.strings[dep] for dep in SUBJECT_DEPS}
        cached = (len(doc), [i for i, dep in enumerate(doc.to_array(DEP).tolist())
                             if dep in labels])
        doc.user_data[SUBJECTS_KEY] = cached
    return cached[1]


def _finite_clause(c: Candidate) -> float:
    """A subject and a verb of its own ('so the team can ...', 'which gives us ...')."""
    has_subject = any(c.start <= i < c.end for i in _subjects(c.doc))
    return float(has_subject and any(is_verb(t) or t.pos_ == "AUX"
                                     for t in c.doc[c.start : c.end]))


def _opener(word: str) -> Callable[[Candidate], float]:
    return lambda c: float(lower_words(c.doc)[c.start] == word)


def _next_pos(pos: str) -> Callable[[Candidate], float]:
    return lambda c: float(c.start + 1 < len(c.doc) and c.doc[c.start + 1].pos_ == pos)


def _noun_before(c: Candidate) -> float:
    before = _token_before(c)
    return float(before is not None and before.pos_ in {"NOUN", "PROPN"})


def _first_person(c: Candidate) -> float:
    words = word_set("assistant", "relevance.json", "first_person")
    return float(not words.isdisjoint(lower_words(c.doc)[c.start : c.end]))


def _to_segment_end(c: Candidate) -> float:
    _, seg_end = segment_of(c.doc, c.start)
    return float(c.end >= seg_end - 1)


RELEVANCE_FEATURES: dict[str, Callable[[Candidate], float]] = {
    **{f"opener_{w}": _opener(w) for w in sorted(OPENER_WORDS)},
    "opener_gerund": lambda c: float(c.doc[c.start].tag_ == "VBG"),
    "connector_width": lambda c: _scaled(c.width),
    "clause_start": lambda c: float(clause_start(c.doc, c.start)),
    "comma_before": lambda c: float(c.start > 0 and c.doc[c.start - 1].text == ","),
    "verb_before": _verbs_before,
    "restates_goal": lambda c: float(restates_goal(c.doc, c.start, c.end, c.width)),
    "finite_clause": _finite_clause,
    "modal": lambda c: float(not MODALS.isdisjoint(lower_words(c.doc)[c.start : c.end])),
    "first_person": _first_person,
    "number_next": lambda c: float(c.start + 1 < len(c.doc) and is_numeric(c.doc[c.start + 1])),
    "noun_before": _noun_before,
    **{f"next_pos_{p}": _next_pos(p) for p in ("VERB", "DET", "PRON", "NOUN", "ADJ", "NUM")},
    "overlaps_deadline": lambda c: float(_overlaps(c, _ext(c.doc, "gs_deadline"))),
    "to_segment_end": _to_segment_end,
    "length": lambda c: _scaled(c.end - c.start),
    "position": lambda c: c.start / len(c.doc),
}


def span_features(candidate: Candidate, table: dict[str, Callable[[Candidate], float]]
                  ) -> dict[str, float]:
    """The value of every feature in `table` for one candidate span."""
    return {name: float(feature(candidate)) for name, feature in table.items()}


# --- answers: one row per component of a processed goal ------------------------------------

def _answer(doc: Doc, part: object) -> dict[str, float]:
    """What every component's row says of the rules' answer `part` (a Part, or none)."""
    present = isinstance(part, Part)
    return {"present": float(present),
            "rule_confidence": part.confidence if isinstance(part, Part) else 0.0,
            "tokens": _scaled(len(doc) / 3)}


def _with_span(doc: Doc, part: object, table: dict[str, Callable[[Candidate], float]],
               known: list[Candidate] | None = None) -> dict[str, float]:
    """The features of the pick `part`, from the matching known candidate (which knows its
    connector) where there is one."""
    span = span_of(doc, part) if isinstance(part, Part) else None
    if span is not None:
        span = next((c for c in known or [] if (c.start, c.end) == (span.start, span.end)),
                    span)
    values = span_features(span, table) if span is not None else dict.fromkeys(table, 0.0)
    return {f"pick_{name}": value for name, value in values.items()}


def metric_answer(doc: Doc) -> dict[str, float]:
    """What the learned confidence knows about the metric the rules found (or missed)."""
    part = _ext(doc, "gs_metric")
    return {**_answer(doc, part), **_with_span(doc, part, METRIC_FEATURES),
            "target_found": float(bool(_target_tokens(doc)))}


def relevance_answer(doc: Doc) -> dict[str, float]:
    """... the relevance clause the rules found (or missed)."""
    alternatives = relevance_candidates(doc)
    part = _ext(doc, "gs_relevance")
    return {**_answer(doc, part),
            **_with_span(doc, part, RELEVANCE_FEATURES, alternatives),
            "alternatives": _scaled(len(alternatives)),
            "connector_alternatives": _scaled(sum(c.kind != "word" for c in alternatives)),
            "finite_alternatives": _scaled(sum(_finite_clause(c) for c in alternatives))}


def target_answer(doc: Doc) -> dict[str, float]:
    """... the target the rules chose among the goal's quantities (or none of them)."""
    part = _ext(doc, "gs_target")
    quantities = _ext(doc, "gs_quantities") or []
    scored = target_rows(doc, quantities) if isinstance(quantities, list) else []
    features = [values for _, _, values in scored]
    row = {**_answer(doc, part), "quantities": _scaled(len(scored))}
    chosen = [values for start, end, values in scored if isinstance(
        part, Part) and start <= part.start and part.end <= end + 1]
    values = chosen[0] if chosen else {}
    row.update({f"pick_{name}": float(value) for name, value in values.items()})
    scores = sorted(map(target_score, features), reverse=True)
    row["margin"] = scores[0] - scores[1] if len(scores) > 1 else (scores[0] if scores else 0.0)
    unit = getattr(getattr(part, "value", None), "unit", None)
    row.update({f"unit_{u}": float(unit == u) for u in UNITS})
    return row


def deadline_answer(doc: Doc) -> dict[str, float]:
    """... the deadline the rules chose among the goal's time expressions (or none)."""
    part = _ext(doc, "gs_deadline")
    times = _times(doc)
    expr = part.value if isinstance(part, Part) else None
    roles = [getattr(p.value, "role", None) for p in times]
    return {**_answer(doc, part),
            "times": _scaled(len(times)),
            "deadline_roles": _scaled(roles.count("deadline")),
            "has_prep": float(getattr(expr, "prep", None) is not None),
            "edge": float(getattr(expr, "edge", None) is not None),
            "year_given": float(getattr(expr, "year", None) is not None),
            "position": part.start / len(doc_text(doc)) if isinstance(part, Part) else 0.0,
            **{f"kind_{k}": float(getattr(expr, "kind", None) == k) for k in TIME_KINDS}}


ANSWER_FEATURES: dict[str, Callable[[Doc], dict[str, float]]] = {
    "metric": metric_answer,
    "target": target_answer,
    "deadline": deadline_answer,
    "relevance": relevance_answer,
}
# The Doc extension that holds each component's rule answer.
EXTENSIONS = {"metric": "gs_metric", "target": "gs_target", "deadline": "gs_deadline",
              "relevance": "gs_relevance"}
