"""Metric: the noun phrase naming what is measured ("qualified meetings", "net revenue
retention"), found next to the target number or as the object of the goal verb."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import near, word_set
from .parts import Part
from .segments import is_goal_verb, segment_of, segments, timed_activity

Doc.set_extension("gs_metric", default=None, force=True)

DATA = "metric.json"
NP_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "VBG", "VBD", "CD",
                     "FW", "XX", "AFX", "HYPH", "ADD"})
HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "FW", "XX"})
MISTAGGED_NOUNS = frozenset({"VB", "VBZ", "VBP", "VBG", "UH", "IN", "RB"})
BARE_LEADS = frozenset({"at", "more", "between", "a", "over", "under", "nearly", "about",
                        "around", "approximately", "roughly", "exactly", "least"})
NP_STOPS = frozenset({"per", "every", "each", "worth", "valued", "totaling", "totalling"})
MODE_CONFIDENCE = {"number": 0.9, "linked": 0.85, "linked_strict": 0.8, "verb_strict": 0.85,
                   "verb": 0.75}
COMPLEMENTS = frozenset({"of", "to", "per", "from", "between"})
LINKS = frozenset({"in", "of"})  # "$450k in new-logo bookings", "30% of new-logo deals"


def _words(key: str) -> frozenset[str]:
    return word_set("assistant", DATA, key)


def _glued(doc: Doc, i: int) -> bool:
    """Token i is joined to token i+1 without a space ('new-logo', 'lead-to-SQL', 'stage-2+')."""
    if i < 0 or i + 1 >= len(doc) or doc[i].whitespace_ != "" or doc[i + 1].is_space:
        return False
    left, right = doc[i], doc[i + 1]
    if "\n" in left.text or "\n" in right.text:
        return False
    if right.text == "/" or left.text == "/":
        # "win/loss interviews" is one name; "dials/wk" is a count per week.
        after = doc[i + 2] if left.text != "/" and i + 2 < len(doc) else right
        return after.is_alpha and after.lower_ not in _words("time_units")
    joiners = {"-", "+"}
    return left.text in joiners or right.text in joiners or not (left.is_punct or right.is_punct)


def _np_token(doc: Doc, j: int) -> bool:
    """A token that can sit inside a metric name ('weekly active users': an adverb-tagged
    modifier counts when a noun follows)."""
    token = doc[j]
    if "/" in token.text and token.text != "/":
        return False
    if (token.tag_ in NP_TAGS and not _takes_object(doc, j)) or _is_acronym(token):
        return True
    next_np = j + 1 < len(doc) and doc[j + 1].tag_ in NP_TAGS
    if token.tag_ == "RB":
        return next_np
    # The small model mistags some nouns: "event leads/VBZ", "chat/VB first-response",
    # "enterprise demos/IN", "quote/UH turnaround time".
    after_noun = j > 0 and doc[j - 1].tag_ in NP_TAGS - {"CD"}
    return _mistagged(token) and (after_noun or next_np) and not _takes_object(doc, j)


def _takes_object(doc: Doc, j: int) -> bool:
    """'campaigns targeting the top accounts': a participle with its own object."""
    return doc[j].tag_ == "VBG" and j + 1 < len(doc) and doc[j + 1].pos_ in {
        "DET", "PRON", "NUM"}


def _mistagged(token: Token) -> bool:
    return token.tag_ in MISTAGGED_NOUNS and token.is_alpha and not token.is_stop


def _skippable(doc: Doc, i: int) -> bool:
    token = doc[i]
    if _glued(doc, i):
        return False  # "no-shows", "all-in cost"
    lower = token.lower_
    return (lower in _words("skip_tokens") or lower in _words("quantifiers")
            or token.tag_ in {"DT", "PRP$", "PDT", "POS"} or lower in {"better", "beter", "'s"})


def _after_possessive(doc: Doc, start: int, limit: int) -> int:
    """Skip 'the mid-market team's' to the possessed noun."""
    for j in range(start, min(start + 6, limit)):
        if doc[j].tag_ == "POS" or doc[j].lower_ in {"'s", "’s"}:
            return j + 1
        if doc[j].tag_ not in NP_TAGS and not _skippable(doc, j):
            break
    return start


def noun_phrase(doc: Doc, i: int, blocked: set[int]) -> tuple[int, int] | None:
    """Token bounds of the noun phrase starting at or after token i, without determiners,
    possessives and quantifiers; None when no noun phrase starts there."""
    n = len(doc)
    while i < n and i not in blocked and _skippable(doc, i):
        i += 1
    i = _after_possessive(doc, i, n)
    while i < n and i not in blocked and doc[i].tag_ == "CD" and not _glued(doc, i):
        i += 1  # "5 strategic bake-offs" when the target is another number
    start, j, head = i, i, None
    while j < n and j not in blocked and (
        _np_token(doc, j) or _glued(doc, j - 1) or (j == start and _glued(doc, j))
    ):
        if doc[j].lower_ in _words("quantifiers") or doc[j].lower_ in NP_STOPS:
            break
        token = doc[j]
        if token.tag_ in HEAD_TAGS or _is_acronym(token) or _coded_name(token) or (
            j > start and (_mistagged(token) or (_glued(doc, j - 1) and token.is_alpha))
        ):
            head = j
        j += 1
    if head is None:
        return None
    end = head + 1
    while end < n and _glued(doc, end - 1) and end not in blocked:
        end += 1
    return _extend(doc, start, end, blocked)


def _extend(doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int]:
    """'number of X', 'time to resolution': heads that carry their complement; 'a book of
    recurring revenue' names its content; 'SQL to opp conversion' spans its 'to'."""
    if end + 1 < len(doc) and doc[end].lower_ == "to" and end not in blocked:
        tail = noun_phrase(doc, end + 1, blocked)
        if tail is not None and doc[tail[1] - 1].lower_ in _words("flow_heads"):
            return start, tail[1]
    head = doc[end - 1].lower_
    if head in _words("containers") and end < len(doc) and doc[end].lower_ in LINKS:
        content = noun_phrase(doc, end + 1, blocked)
        if content is not None:
            return content
    if (timed_activity(doc, end) and end + 2 < len(doc) and doc[end + 1].tag_ == "VB"
            and end not in blocked):
        # "time to fill open sales roles": the activity timed belongs to the metric.
        tail = noun_phrase(doc, end + 2, blocked)
        return start, tail[1] if tail is not None else end + 2
    if end + 1 < len(doc) and end not in blocked and (
        (head in _words("extend_of") and doc[end].lower_ == "of")
        or (head in _words("time_to_heads") and doc[end].lower_ == "to"
            and doc[end + 1].tag_ in HEAD_TAGS | {"JJ"})
    ):
        tail = noun_phrase(doc, end + 1, blocked)
        if tail is not None:
            return start, tail[1]
    return start, end


def _core_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """The words that carry a metric's meaning: the parts of its last word ('Time-to-hire')
    and a head followed by its complement ('time to first response', 'number of deals')."""
    heads = [t for t in doc[start:end] if t.i + 1 < end and doc[t.i + 1].lower_ in COMPLEMENTS]
    last = end - 1
    while last > start and _glued(doc, last - 1):
        last -= 1
    return heads + list(doc[last:end])


def rejected(doc: Doc, start: int, end: int) -> bool:
    """Objects that are no metric: 'the accounts' alone, 'the support experience' at all."""
    head = doc[end - 1]
    word = head.lower_
    if word in _words("never_metrics"):
        return True
    bare = all(t.i == head.i or not t.is_alpha for t in doc[start:end])
    return bare and word in _words("non_metrics") and not _is_acronym(head)


def _plural(token: Token) -> bool:
    """Tagged plural, or an 's' plural the tagger missed ('focus' is no plural)."""
    lower = token.lower_
    if token.tag_ in {"NNS", "NNPS"} or (_is_acronym(token) and token.text.endswith("s")):
        return True
    return lower.endswith("s") and token.lemma_.lower() != lower


def _coded_name(token: Token) -> bool:
    """'stage-1', 'X5', 'G2': a name with digits, not a number."""
    return token.tag_ == "CD" and any(ch.isalpha() for ch in token.text)


def _is_acronym(token: Token) -> bool:
    core = token.text.rstrip("s")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def measurable(doc: Doc, start: int, end: int, verb: Token | None) -> bool:
    """Whether a verb's object can be measured as written (GUIDELINE.md)."""
    head = doc[end - 1]
    word = head.lower_
    if rejected(doc, start, end):
        return False
    measures = _words("measure_heads")
    if near(word, measures) or any(t.lower_ in measures for t in _core_heads(doc, start, end)):
        return True
    if not _plural(head):
        return False
    quantified = start > 0 and near(doc[start - 1].lower_, _words("quantifiers"))
    changed = verb is not None and near(verb.lemma_.lower(), _words("change_verbs"))
    return quantified or changed or (start > 0 and doc[start - 1].lower_ == "of")


def goal_verb(doc: Doc, start: int, end: int, blocked: set[int]) -> Token | None:
    """The verb that opens the goal in token range [start, end), outside blocked tokens."""
    for token in doc[start:end]:
        if token.i in blocked or _glued(doc, token.i - 1) or _glued(doc, token.i):
            continue
        if token.lower_ in _words("skip_tokens") and token.lower_ not in {"up", "out", "in"}:
            continue
        if is_goal_verb(token):
            if token.lemma_.lower() in {"want", "need", "try", "aim", "be"}:
                continue
            return token
    return None


def _verb_object_start(doc: Doc, verb: Token) -> int:
    """First token after the verb and its particles ('Bring in', 'Close out')."""
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "prt":
        i += 1
    return i


def _anchors(doc: Doc, target: Part | None, context: set[int]) -> Iterator[tuple[int, str]]:
    """Where the metric may start, in order of trust, with how the start was reached."""
    if target is not None:
        yield from _target_anchors(doc, target, context)
    else:
        for span in segments(doc):
            yield from ((i, "verb") for i in _verb_anchor(doc, span.start, context))
    # "more calls, more emails": a quantified plural names a count.
    yield from ((t.i + 1, "verb") for t in doc if near(t.lower_, _words("quantifiers")))
    if target is not None and getattr(target.value, "unit", None) == "count":
        # "I average 9 meetings a month; goal is 14": the count names its thing elsewhere.
        yield from ((t.i + 1, "number") for t in doc if t.like_num and not target.overlaps(
            t.idx, t.idx + len(t)))


def _target_anchors(doc: Doc, target: Part, context: set[int]) -> Iterator[tuple[int, str]]:
    """A bare number names its thing right after it ('12 deals', '$450k in bookings'); a
    change ('by 20%', 'from 8% to 5%') measures the verb's object, unless that object is
    no measure and the number carries its own ('Grow our community to 5k members')."""
    tokens = [t for t in doc if target.start <= t.idx < target.end]
    if not tokens:
        return
    after = tokens[-1].i + 1
    first = tokens[0]
    bare = first.like_num or first.text[:1] in "$€£+" or first.text[:1].isdigit() or (
        first.lower_ in BARE_LEADS)
    linked = after < len(doc) and doc[after].lower_ in LINKS
    follow = (after + 1, "linked" if bare else "linked_strict") if linked else (after, "number")
    verb = list(_verb_anchor(doc, first.i, context))
    if not bare:
        yield from ((i, "verb_strict") for i in verb)
    yield follow
    yield from ((i, "verb") for i in verb)


def _verb_anchor(doc: Doc, i: int, blocked: set[int]) -> Iterator[int]:
    seg_start, seg_end = segment_of(doc, i)
    verb = goal_verb(doc, seg_start, seg_end, blocked)
    if verb is not None:
        yield _verb_object_start(doc, verb)
    else:
        yield seg_start


def per_unit(doc: Doc, end: int, blocked: set[int]) -> int:
    """'cost per lead', 'tickets per agent': a ratio's denominator belongs to the metric,
    unless it is a time unit (a cadence: 'per month')."""
    if end + 1 >= len(doc) or doc[end].lower_ != "per" or end in blocked:
        return end
    tail = noun_phrase(doc, end + 1, blocked)
    if tail is None or doc[tail[1] - 1].lemma_.lower() in _words("time_units"):
        return end
    return tail[1]


def find_metric(doc: Doc) -> Part | None:
    """The metric span, or None when the goal names nothing measurable."""
    target = doc._.gs_target if Doc.has_extension("gs_target") else None
    context = _blocked(doc)
    blocked = context | _tokens_of(doc, [target] if target else [])
    for anchor, mode in _anchors(doc, target, context):
        if anchor >= len(doc) or anchor in blocked:
            continue
        bounds = noun_phrase(doc, anchor, blocked)
        if bounds is None:
            continue
        start, end = bounds
        if mode in {"verb", "verb_strict"}:
            end = per_unit(doc, end, blocked)
        if _accepted(doc, start, end, mode, target, context):
            span = doc[start:end]
            return Part(span.start_char, span.end_char, span.text, MODE_CONFIDENCE[mode])
    return None


def _accepted(doc: Doc, start: int, end: int, mode: str, target: Part | None,
              context: set[int]) -> bool:
    """Whether the phrase reached in `mode` names a metric."""
    head = doc[end - 1]
    word = head.lemma_.lower()
    if word in _words("never_metrics") or (end - start == 1 and word in _words("time_units")):
        return False
    if mode == "number":
        return True
    if mode == "linked" and head.tag_ in {"NNS", "NNPS"}:
        return True
    seg_start, seg_end = segment_of(doc, start)
    verb = goal_verb(doc, seg_start, seg_end, context)
    if measurable(doc, start, end, verb):
        return True
    return mode == "verb" and _changed_to_target(doc, end, target) and not rejected(
        doc, start, end)


def _changed_to_target(doc: Doc, end: int, target: Part | None) -> bool:
    """'Shorten the month-end close from 8 to 5 days': the object moved to a number is
    measured, whatever it is called."""
    if target is None or end >= len(doc):
        return False
    lead = doc[end : end + 4]
    return any(t.idx == target.start for t in lead) and target.text.split()[0].lower() in {
        "to", "from", "by", "below", "above", "under", "over", "at", "down", "up"}


def _blocked(doc: Doc) -> set[int]:
    """Tokens that can never be part of a metric: times and the purpose clause."""
    spans: list[Part] = []
    if Doc.has_extension("gs_times"):
        # A cadence word can name the metric: "weekly active users", "monthly recurring revenue".
        # So can a duration label: "90-day onboarding completion rate".
        spans.extend(p for p in doc._.gs_times or [] if not _names_metric(p.value))
    if Doc.has_extension("gs_relevance") and doc._.gs_relevance is not None:
        spans.append(doc._.gs_relevance)
    return _tokens_of(doc, spans)


def _tokens_of(doc: Doc, parts: list[Part]) -> set[int]:
    return {t.i for t in doc for p in parts if p.start <= t.idx < p.end}


def _names_metric(expr: object) -> bool:
    role, kind = getattr(expr, "role", None), getattr(expr, "kind", None)
    return role == "cadence" or (role == "label" and kind == "duration")


class MetricDetector:
    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_metric = find_metric(doc)
        return doc


@Language.factory("goalsmith/metric", assigns=["doc._.gs_metric"])
def make_metric(nlp: Language, name: str) -> MetricDetector:
    return MetricDetector()
