"""Metric: the noun phrase naming what is measured ("qualified meetings", "net revenue
retention"), found next to the target number or as the object of the goal verb."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache, cached_property
from itertools import islice, takewhile

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .grid import column_cell
from .lexicon import near, word_set
from .parts import Part
from .quantities.lexicon import spent_time_unit
from .segments import (
    LABEL_MARKS,
    REFERRING_OBJECTS,
    boundary_at,
    bracketed_label_end,
    by_first_word,
    in_hashtag,
    is_boundary,
    is_emphasis,
    is_goal_verb,
    is_numeric,
    is_pictograph,
    label_start,
    label_width,
    list_marker_end,
    lower_words,
    modifier_stop,
    segment_of,
    segments,
    timed_activity,
    word_stop,
)
from .spans import doc_text, token_offsets
from .spelling import verb_index

Doc.set_extension("gs_metric", default=None, force=True)

DATA = "metric.json"
# Tags of a wish verb opening a headline ('Need next-step field completion at 100%').
WISH_TAGS = frozenset({"VB", "VBP", "VBZ"})
# The most tokens between a share's "of" and the phrase after it ("108% of the FY27 plan").
SHARE_GAP = 3
NP_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "VBG", "VBD", "CD",
                     "FW", "XX", "AFX", "HYPH", "ADD"})
HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "FW", "XX"})
MISTAGGED_NOUNS = frozenset({"VB", "VBZ", "VBP", "VBG", "UH", "IN", "RB"})
BARE_LEADS = frozenset({"at", "more", "between", "a", "over", "under", "nearly", "about",
                        "around", "approximately", "roughly", "exactly", "least"})
NP_STOPS = frozenset({"per", "every", "each", "worth", "valued", "totaling", "totalling", "vs",
                      "vs.", "versus"})
MODE_CONFIDENCE = {"number": 0.9, "headline": 0.9, "linked": 0.85, "linked_strict": 0.8,
                   "subject_linked": 0.85, "subject": 0.8, "verb_subject": 0.75,
                   "verb_strict": 0.85, "verb": 0.75, "held": 0.8, "field": 0.85}
COMPLEMENTS = frozenset({"of", "to", "per", "from", "between"})
# What joins the two ends of a flow metric ("SQL to opp conversion", "POC → close rate").
FLOW_LINKS = frozenset({"to", "→", "⟶", "➜", "➡", "⇒"})
# The words that open and join the two ends of a timed interval ("from X to Y").
INTERVAL_JOINS = {"from": "to", "between": "and"}
LINKS = frozenset({"in", "of"})  # "$450k in new-logo bookings", "30% of new-logo deals"
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words after a lone goal word that make it a label ('goal is ...', 'aim = ...').
GOAL_LINKS = frozenset({"is", "are", "was", "'s", "=", ":"})
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "`", "``", "''"})
SIGNS = "≥≤<>±+~="
COMPARISON_SIGNS = "≥≤<>="  # 'deals >$100k': a scope's bound ends the name
CHANGE_LEADS = frozenset({"to", "by", "from"})  # 'to 25%' moves a level; '85%+' is one
VERB_TAGS = frozenset({"VB", "VBP", "VBD", "VBN", "VBZ"})
OBJECT_TAGS = frozenset({"DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ"})
VERB_JOINS = frozenset({"and", "+", "&"})  # 'ship the fix + reduce unassigned leads to <20'
EACH_PREPS = frozenset({"for", "with", "on", "across", "to", "from"})
ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})
FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "WDT"})
# Places a metric is looked for, in order of trust: a goal names its metric near one of the
# first few (each try reads a noun phrase, so a text of thousands of numbers would otherwise
# take time quadratic in its length).
MAX_ANCHORS = 40
CLAUSE_WORDS = 8
# The most words that say which of a group a share counts ('% of opps without a next step').
DEFINING_WORDS = 8
# Words that end them: a new clause, a bound or a level's start ('share of deals with an SE
# engaged so ...', '... from 35% to 10%').
DEFINING_STOPS = frozenset({"so", "because", "from", "and", "which", "while"})
LABEL_SCOPE = 5  # the most words of a scope phrase between a label's participle and colon
SUBJECT_MODES = frozenset({"subject", "subject_linked", "verb_subject"})
# Tags of the words of a scope phrase between a measure and its level.
SCOPE_TAGS = frozenset({"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "HYPH", "POS", "CD",
                        "CC"})
# One token naming a funnel step with an arrow ('mql→sql', 'lead->meeting').
FLOW_TOKEN = re.compile(r"^\w[\w-]*(?:→|->)\w[\w-]*$")
# A period end written as one hyphenated word ("month-end", "year-end").
END_MODIFIER = re.compile(r"[a-z]+-end", re.IGNORECASE)
# Pronoun objects that refer back to a measure named before ('get it to 20%').
REFERRING = frozenset({"it", "this", "that"})
# Separators between the fields of a one-line goal ('Goal - raise win rate - 28% - Q2').
FIELD_SEPARATORS = frozenset({"-", "|", "—", "–"})
# Units of a level that a noun can hold ('a marketing budget of $150k').
AMOUNT_UNITS = frozenset({"currency", "percent", "multiplier"})
# Whether each token can open a goal as its verb (None until asked), remembered per Doc.
OPENERS_KEY = "goalsmith.metric.openers"
# Whether each token is joined to the next without a space, remembered per Doc.
GLUED_KEY = "goalsmith.metric.glued"


@cache  # asked at every token: one lookup instead of two calls
def _words(key: str) -> frozenset[str]:
    return word_set("assistant", DATA, key)


@cache
def _spaced(key: str) -> tuple[str, ...]:
    """The words of `_words(key)`, each after a space: a phrase that ends with one ends with
    any of them in one `str.endswith` test."""
    return tuple(" " + word for word in _words(key))


def _verdicts(doc: Doc, key: str) -> list[bool | None]:
    """The answers of one per-token test for the Doc, remembered in its user data under
    `key` (None where not yet asked): the metric's rules ask the same ones many times."""
    known: list[bool | None] | None = doc.user_data.get(key)
    if known is None or len(known) != len(doc):
        known = [None] * len(doc)
        doc.user_data[key] = known
    return known


def _glued(doc: Doc, i: int) -> bool:
    """Token i is joined to token i+1 without a space ('new-logo', 'lead-to-SQL', 'stage-2+')."""
    if i < 0 or i + 1 >= len(doc):
        return False
    known = _verdicts(doc, GLUED_KEY)
    verdict = known[i]
    if verdict is None:
        verdict = known[i] = _joined(doc, i)
    return verdict


def _joined(doc: Doc, i: int) -> bool:
    """`_glued` for a token i with a token after it, worked out."""
    left, right = doc[i], doc[i + 1]
    if left.whitespace_ != "" or right.is_space or "\n" in left.text or "\n" in right.text:
        return False
    if right.text == "/" or left.text == "/":
        # "win/loss interviews" is one name; "dials/wk" is a count per week.
        after = doc[i + 2] if left.text != "/" and i + 2 < len(doc) else right
        return after.is_alpha and after.lower_ not in _words("time_units")
    if ":" in (left.text, right.text):
        # "LTV:CAC", "AE:SE ratio" name a ratio; "KR2:" and "9:30" do not.
        colon = i + 1 if right.text == ":" else i
        return 0 < colon < len(doc) - 1 and not doc[colon].whitespace_ and doc[
            colon - 1].is_alpha and doc[colon + 1].is_alpha
    joiners = {"-", "+"}
    return left.text in joiners or right.text in joiners or not (left.is_punct or right.is_punct)


def _np_token(doc: Doc, j: int) -> bool:
    """A token that can sit inside a metric name ('weekly active users': an adverb-tagged
    modifier counts when a noun follows)."""
    token = doc[j]
    if FLOW_TOKEN.match(token.text):
        return True  # 'mql→sql conv', 'lead->meeting rate': a step of a funnel
    if "/" in token.text and token.text != "/":
        return False
    if _subject_verb(token):
        return False  # "see our SQL acceptance rate reach 80%", "partner-sourced ARR grow to"
    if modifier_stop(token) or word_stop(token):  # 'avg. ACV', 'avg resp. time'
        return j + 1 < len(doc) and doc[j + 1].tag_ in NP_TAGS
    if (token.tag_ in NP_TAGS and not _takes_object(doc, j)) or _is_acronym(token) or (
            token.tag_ == "DT" and _measure_word(token)):
        return True
    next_np = j + 1 < len(doc) and doc[j + 1].tag_ in NP_TAGS
    if token.tag_ == "RB" and token.dep_ not in ARGUMENT_DEPS:  # 'the monthly close/RB'
        return (next_np and not _takes_object(doc, j + 1)) or (  # not 'actively using the
            _measure_word(token))  # platform'; 'push acv/RB to 45k': a measure all the same
    # The small model mistags some nouns: "event leads/VBZ", "chat/VB first-response",
    # "enterprise demos/IN", "quote/UH turnaround time".
    after_noun = j > 0 and (doc[j - 1].tag_ in NP_TAGS - {"CD"} or (
        doc[j - 1].tag_ == "VBP" and _mistagged(doc[j - 1])))  # 'meeting start delay'
    if token.tag_ == "VBP" and j > 0 and doc[j - 1].tag_ == "NNS" and not near(
            token.lower_, _words("measure_heads")):
        return False  # a plural and its verb: "new integrations live", not "Services backlog"
    return _mistagged(token) and (after_noun or next_np or _measure_word(token)) and not (
        _takes_object(doc, j))


def _measure_word(token: Token) -> bool:
    """A word naming a measure by itself ('churn' in 'Keep churn ≈2%'), whatever its tag."""
    return near(token.lower_, _words("measure_heads"))


def _subject_verb(token: Token) -> bool:
    """A goal verb in the present with its subject before it ('reach' in 'our rate reach
    80%'): it says what the phrase before it does, it is no word of its name."""
    doc = token.doc
    if token.tag_ not in {"VB", "VBP"} or near(token.lower_, _words("measure_heads")) or (
            token.i + 1 < len(doc) and doc[token.i + 1].tag_ in HEAD_TAGS):
        return False  # 'Agency spend', 'team win rate'
    return any(child.dep_ == "nsubj" and child.i < token.i for child in token.children) and near(
        token.lemma_.lower(), word_set("assistant", "verbs.json", "goal_verbs"))


def _takes_object(doc: Doc, j: int) -> bool:
    """'campaigns targeting the top accounts', 'open P1 bugs affecting customers',
    'customers spending over £25k': a participle with its own object or phrase (after a
    plural, any noun phrase or preposition)."""
    if doc[j].tag_ != "VBG" or j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    return nxt.pos_ in {"DET", "PRON", "NUM"} or (
        j > 0 and doc[j - 1].tag_ in {"NNS", "NNPS"} and nxt.pos_ in {
            "NOUN", "PROPN", "ADJ", "ADP"} and not _of_tail(doc, j))


def _of_tail(doc: Doc, j: int) -> bool:
    """Token j follows an 'of' phrase ('the share of tickets breaching SLA'): what a share
    counts keeps its clause."""
    k = j - 1
    while k >= 0 and doc[k].tag_ in NP_TAGS:
        k -= 1
    return k >= 0 and doc[k].lower_ == "of"


def _mistagged(token: Token) -> bool:
    return token.tag_ in MISTAGGED_NOUNS and token.is_alpha and not token.is_stop and (
        token.lower_ not in NP_STOPS)  # 'Win rate vs Competitor Z': 'vs' ends the name


def _skippable(doc: Doc, i: int) -> bool:
    token = doc[i]
    if _glued(doc, i):
        return False  # "no-shows", "all-in cost"
    lower = token.lower_
    return (lower in _words("skip_tokens") or lower in _words("quantifiers")
            or (token.tag_ in {"DT", "PRP$", "PDT"} and not _measure_word(token))  # 'nrr/DT'
            or _possessive(token)
            or lower in {"better", "beter"}
            or (lower in _words("wish_verbs") and token.tag_ in WISH_TAGS))  # 'Need X at 100%'


def _possessive(token: Token) -> bool:
    """"'s", "’s", or the apostrophe of "reps'" (not '=' in 'Pipeline = 4x', tagged POS)."""
    return token.lower_ in {"'s", "’s"} or (token.tag_ == "POS" and token.text in POSSESSIVES)


def _after_possessive(doc: Doc, start: int, limit: int) -> int:
    """Skip 'the mid-market team's' to the possessed noun."""
    for j in range(start, min(start + 6, limit)):
        token = doc[j]
        if _possessive(token):
            return j + 1
        if token.tag_ not in NP_TAGS and not _skippable(doc, j):
            break
    return start


def noun_phrase(doc: Doc, i: int, blocked: set[int],
                periods: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """Token bounds of the noun phrase starting at or after token i, without determiners,
    possessives, quantifiers and leading period words ('Q3 enterprise pipeline'); None when
    no noun phrase starts there."""
    n = len(doc)
    first = _phrase_start(doc, i, blocked, periods)
    if any(boundary_at(doc, k) for k in range(i, min(first + 1, n))):
        return None  # "Pipeline €4M. Then hiring": no phrase across a sentence's end
    start, j, head = first, first, None
    while j < n and j not in blocked and not boundary_at(doc, j):
        token = doc[j]
        if is_pictograph(token):
            break
        bracket = _bracket_end(doc, j, blocked) if token.text == "(" else None
        if bracket is not None and head is not None:
            j = bracket  # "mid-market (MM) renewals"
            continue
        if not (_np_token(doc, j) or _glued(doc, j - 1) or (j == start and _glued(doc, j))
                or _quote_mark(doc, j) or _hyphen_start(doc, j)
                or _shared_head(doc, j, start)) or _phrase_stop(doc, token, start, head) or (
                _adverb_before(doc, j, blocked)):
            break
        if _head_token(doc, j, start):
            head = j
        j += 1
    if head is None:
        return None
    end = head + 1
    while end < n and _glued(doc, end - 1) and end not in blocked:
        end += 1
    if end < n and word_stop(doc[end]):
        end += 1  # 'lead-to-opp conv.': the stop of the abbreviation is part of it
    return _extend(doc, start, end, blocked)


def _phrase_stop(doc: Doc, token: Token, start: int, head: int | None) -> bool:
    """A word that ends the name before it: a quantifier, 'per', a comparison after the head,
    a sign-off, a spaced '+' or '&' joining two things ('2 AEs + 1 SE'), a modal verb
    ('retention needs to be 93%') or a length of time."""
    j, lower = token.i, token.lower_
    return lower in _words("quantifiers") or lower in NP_STOPS or (
        head is not None and token.text[:1] in COMPARISON_SIGNS) or (
        j > start and lower in _words("sign_offs")) or (
        token.text in {"+", "&"} and bool(token.whitespace_) and j > 0
        and bool(doc[j - 1].whitespace_) and not _shared_head(doc, j, start)) or _modal(
        doc, j) or _duration(doc, j)


def _shared_head(doc: Doc, j: int, start: int) -> bool:
    """'&' in 'sales & marketing spend', 'and' in 'travel and entertainment spend': two
    one-word modifiers of one head ('2 AEs + 1 SE', 'revenue & services margin' are two
    things); with 'and' the head names a measure and the first word none."""
    if j != start + 1 or j + 2 >= len(doc) or not doc[j + 1].is_alpha or doc[
            j + 1].tag_ not in NP_TAGS or doc[j + 2].tag_ not in HEAD_TAGS:
        return False
    measures = _words("measure_heads")
    return doc[j].text == "&" or (doc[j].lower_ == "and" and doc[j + 1].tag_ in HEAD_TAGS and near(
        doc[j + 2].lower_, measures) and not near(doc[start].lower_, measures))


def _duration(doc: Doc, j: int) -> bool:
    """'45 days' in 'expiring contracts 45 days before term end': a length of time after a
    phrase is no word of its name."""
    if j + 1 >= len(doc) or not doc[j].like_num:
        return False
    units = _words("time_units")
    return doc[j + 1].lemma_.lower() in units or (
        j + 2 < len(doc) and f"{doc[j + 1].lower_} {doc[j + 2].lemma_.lower()}" in units)


def _adverb_before(doc: Doc, j: int, blocked: set[int]) -> bool:
    """'significantly' in 'Grow NRR significantly next year': an adverb right before a time
    expression (or another blocked word) modifies no word of the name."""
    return doc[j].tag_ == "RB" and j + 1 in blocked and not (
        _is_acronym(doc[j]) or _measure_word(doc[j]))  # 'push acv/RB to 45k'


def _modal(doc: Doc, j: int) -> bool:
    """'needs' in 'gross retention needs to be 93%': a verb before an infinitive."""
    return (doc[j].lower_ in _words("modal_verbs") and j + 2 < len(doc)
            and doc[j + 1].lower_ == "to" and doc[j + 2].tag_ == "VB")


def _phrase_start(doc: Doc, i: int, blocked: set[int], periods: frozenset[int]) -> int:
    """Skip determiners, 'a lot of', possessives, period words, a rank ('top 25') and a
    leading count."""
    n = len(doc)
    while i < n and (i in periods or (i not in blocked and (
        _skippable(doc, i) or _quantity_noun(doc, i) or _scale_word(doc, i)
        or is_pictograph(doc[i]) or in_hashtag(doc, i)))):
        i += 1
    i = _after_possessive(doc, i, n)
    while i < n and i in periods:
        i += 1  # "my team's Q4 bookings"
    if i + 1 < n and doc[i].lower_ in _words("rank_words") and doc[i + 1].tag_ == "CD" and (
            not _glued(doc, i) and i not in blocked):
        i += 1  # "my top 25 accounts": a scope, no part of the name
    while i < n and i not in blocked and doc[i].tag_ == "CD" and not _glued(doc, i) and not (
            _coded_name(doc[i]) or _one_to_one(doc[i])):
        i += 1  # "5 strategic bake-offs" when the target is another number; not "1:1 reviews"
    return i


def _one_to_one(token: Token) -> bool:
    """'1:1' names a meeting; '4:1' is a ratio's level."""
    sides = token.text.split(":")
    return len(sides) == 2 and sides[0] == sides[1]


def _quantity_noun(doc: Doc, i: int) -> bool:
    """'lot' in 'a lot of SDRs', 'of' after it: they count what follows."""
    if doc[i].lower_ == "of":
        return i > 0 and doc[i - 1].lower_ in _words("quantity_nouns")
    return (doc[i].lower_ in _words("quantity_nouns") and i + 1 < len(doc)
            and doc[i + 1].lower_ == "of")


def _scale_word(doc: Doc, i: int) -> bool:
    """'crore' in '₹3.5 crore of ARR' (the 'of' after it too): part of an amount."""
    if doc[i].lower_ == "of":
        return i > 0 and _scale_word(doc, i - 1)
    before = doc[i - 1] if i > 0 else None
    return before is not None and doc[i].lower_.rstrip(".") in _words("scale_words") and (
        before.like_num or before.tag_ == "$")


def _head_token(doc: Doc, j: int, start: int) -> bool:
    """A token that can end a metric name: a noun, acronym or coded name with letters."""
    token = doc[j]
    if token.text in {"#", "%"}:  # "# of opps", "the % of deals" (not "100% of refunds")
        return j + 1 < len(doc) and doc[j + 1].lower_ == "of" and not (
            j > 0 and doc[j - 1].like_num)
    if not any(ch.isalpha() for ch in token.text) or token.lower_ in NP_STOPS:
        return False  # 'Win rate vs. Competitor X'
    if token.tag_ in HEAD_TAGS or _is_acronym(token) or _coded_name(token) or (
            token.is_alpha and _measure_word(token)):  # 'get csat/VBN back above 4.5'
        return True
    if j > start and FLOW_TOKEN.match(doc[j - 1].text):
        return token.is_alpha  # 'conv' in 'webinar→SQL conv', whatever its tag
    return j > start and (_mistagged(token) or _noun_form(token) or (
        _glued(doc, j - 1) and token.is_alpha))


def _noun_form(token: Token) -> bool:
    """'attainment' in 'Team quota attainment 105%': a word the tagger read as an adjective
    whose ending makes it a noun."""
    return token.tag_ == "JJ" and token.lower_.endswith(tuple(_words("noun_endings")))


def _hyphen_start(doc: Doc, j: int) -> bool:
    """'no' in 'demo no-show rate': the first part of a hyphenated word."""
    return (j + 2 < len(doc) and doc[j].whitespace_ == "" and doc[j + 1].text == "-"
            and doc[j].is_alpha and doc[j + 2].is_alpha)


def _quote_mark(doc: Doc, j: int) -> bool:
    """A quotation mark around a modifier ('"net-new" discovery meetings')."""
    return doc[j].text in QUOTES and j + 1 < len(doc) and (
        doc[j].whitespace_ == "" or (j > 0 and doc[j - 1].whitespace_ == ""))


def _unquoted(span: Span) -> Span:
    """The span without a quotation mark at its edge whose partner lies outside it ("'time
    to hire' to 30 days": the name, not its opening mark); a quoted modifier keeps both
    ("'net-new' meetings")."""
    start, end = span.start, span.end
    marks = [t for t in span if t.text in QUOTES]
    if len(marks) % 2 and end - start > 1 and span[0].text in QUOTES:
        start += 1
    elif len(marks) % 2 and end - start > 1 and span[-1].text in QUOTES:
        end -= 1
    return span.doc[start:end]


def _bracket_end(doc: Doc, j: int, blocked: set[int]) -> int | None:
    """Index after a bracketed abbreviation at token j ('(MM)', '(FR/DE)'), else None."""
    if j >= len(doc) or doc[j].text != "(" or j in blocked:
        return None
    for k in range(j + 1, min(j + 5, len(doc))):
        if doc[k].text == ")":
            return k + 1 if k > j + 1 else None
        if k in blocked or not (_is_acronym(doc[k]) or doc[k].text in {"/", "-", "&"}
                                or (doc[k].is_upper and doc[k].is_alpha)):
            return None
    return None


def _extend(doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int]:
    """'number of X', 'time to resolution': heads that carry their complement; 'a book of
    recurring revenue' names its content; 'SQL to opp conversion', 'MQL → SQL conversion'
    span their 'to' or arrow."""
    if end + 1 < len(doc) and doc[end].lower_ in FLOW_LINKS and end not in blocked and doc[
            end + 1].tag_ not in {"DT", "PRP$"}:  # not 'Move to a renewal rate of 95%'
        tail = noun_phrase(doc, end + 1, blocked)
        if tail is not None and doc[tail[1] - 1].lower_ in _words("flow_heads"):
            return start, tail[1]
    head = doc[end - 1].lower_
    elliptic = _elliptic_end(doc, end, blocked)
    if elliptic is not None:  # '£14.5m net new'
        return start, elliptic
    clause = _time_clause(doc, start, end, blocked)
    if clause is not None:
        return start, clause
    interval = _interval_end(doc, end, blocked) if head in _words("interval_heads") else None
    if interval is not None:
        return start, interval
    if head in _words("containers") and end < len(doc) and doc[end].lower_ in LINKS:
        content = noun_phrase(doc, end + 1, blocked)
        if content is not None:
            return content
    named = _of_name_end(doc, end)
    if named is not None and end not in blocked:  # 'proofs of concept', 'letters of intent'
        return start, named
    timed = _timed_end(doc, end, blocked)
    if timed is not None:
        return start, timed
    if end + 1 < len(doc) and end not in blocked and (
        ((head in _words("extend_of") or spent_time_unit(doc[end - 1].lemma_.lower()))
         and doc[end].lower_ == "of")  # 'hours of sleep', 'months of runway'
        or (head in _words("time_to_heads") and doc[end].lower_ == "to"
            and doc[end + 1].tag_ in HEAD_TAGS | {"JJ"})
    ):
        tail = noun_phrase(doc, end + 1, blocked)
        if tail is not None:
            return start, _defining_end(doc, head, tail[1], blocked)
    return start, end


def _defining_end(doc: Doc, head: str, end: int, blocked: set[int]) -> int:
    """The end of the words that say which of the group a share (`head`) counts, after the
    group's phrase ending at `end` ('share of reps at or above plan', '% of opps without a
    next step', 'percentage of tickets resolved on first contact'): a participle, 'with',
    'without', 'that' or 'at or', up to the level, a time, a comma or a new clause."""
    if head not in _words("share_heads") or end >= len(doc) or end in blocked or not (
            doc[end].tag_ in {"VBN", "VBG"} or doc[end].lower_ in _words("defining_links") or (
            doc[end].lower_ == "at" and end + 1 < len(doc) and doc[end + 1].lower_ == "or")):
        return end
    k = end
    while k < min(len(doc), end + DEFINING_WORDS) and k not in blocked and not boundary_at(
            doc, k) and (not doc[k].is_punct or _glued(doc, k - 1)) and (
            doc[k].lower_ not in DEFINING_STOPS) and not (
            doc[k].lower_ == "to" and k + 1 < len(doc) and doc[k + 1].tag_ in {"VB", "CD"}):
        k += 1
    while k > end and doc[k - 1].pos_ in {"ADP", "DET", "CCONJ"}:
        k -= 1
    # a participle cut off by a time ('renewals signed 30 days before expiry') says too little
    return end if k == end + 1 and k in blocked else k


def _elliptic_end(doc: Doc, end: int, blocked: set[int]) -> int | None:
    """End of a measure name that the phrase ending at `end` opens and that ends in an
    adjective ('net' + 'new', 'net' + '-' + 'new'), None when none."""
    if not 0 < end <= len(doc):
        return None
    for words in by_first_word(_words("elliptic_names")).get(doc[end - 1].lower_, ()):
        stop = end + len(words) - 1
        if stop <= len(doc) and tuple(t.lower_ for t in doc[end - 1 : stop]) == (
                words) and not any(i in blocked for i in range(end, stop)):
            return stop
    return None


def _of_name_end(doc: Doc, end: int) -> int | None:
    """End of a name whose head takes its 'of' phrase ('statements of work', 'cost of goods
    sold'), when the words from the head on spell one (see metric.json 'of_names')."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    for name in by_first_word(_words("of_names")).get(doc[end - 1].lower_, ()):
        last = end - 1 + len(name)
        if last <= len(doc) and tuple(t.lower_ for t in doc[end - 1 : last]) == name:
            # 'proof of concept wins': the name modifies the noun after it
            while last < len(doc) and doc[last - 1].head.i == last and doc[last].tag_ in (
                    "NN", "NNS"):
                last += 1
            return last
    return None


def _interval_end(doc: Doc, end: int, blocked: set[int]) -> int | None:
    """End of 'the time from demo to signed proposal', 'days between first call and
    technical win': a time measure spans both ends of the interval it times."""
    if end + 1 >= len(doc) or end in blocked or doc[end].lower_ not in INTERVAL_JOINS:
        return None
    first = noun_phrase(doc, end + 1, blocked)
    if first is None or first[1] + 1 >= len(doc) or first[1] in blocked or (
            doc[first[1]].lower_ != INTERVAL_JOINS[doc[end].lower_]):
        return None
    second = noun_phrase(doc, first[1] + 1, blocked)
    return second[1] if second is not None else None


def _timed_end(doc: Doc, end: int, blocked: set[int]) -> int | None:
    """End of the activity a time metric times: "time to fill open sales roles", "time to
    first touch", "average time to first quote" (the activity belongs to the metric)."""
    first = _first_occasion_end(doc, end, blocked)
    if first is not None:
        return first
    verb = _timed_verb(doc, end)
    if verb is None or end in blocked:
        return None
    tail = noun_phrase(doc, verb + 1, blocked)
    return tail[1] if tail is not None else verb + 1


def _first_occasion_end(doc: Doc, to_index: int, blocked: set[int]) -> int | None:
    """End of 'to first quote', 'to first meeting' after a time metric ('time to first
    value'): the occasion timed, whatever the tagger read its noun as ('quote/UH',
    'meeting/VBG'); None when the words after the 'to' are no such occasion."""
    k = to_index + 1
    if not timed_activity(doc, to_index) or k + 1 >= len(doc) or doc[k].lower_ not in _words(
            "first_occasions") or k + 1 in blocked or not doc[k + 1].is_alpha:
        return None
    tail = noun_phrase(doc, k + 1, blocked)
    return tail[1] if tail is not None else k + 2


def _timed_verb(doc: Doc, to_index: int) -> int | None:
    """Index of the verb after a time metric's 'to' ('fill' in 'time to fill', 'touch' in
    'time to first touch'), else None."""
    if not timed_activity(doc, to_index):
        return None
    k = to_index + 1
    if k + 1 < len(doc) and doc[k].tag_ == "RB" and doc[k + 1].tag_ == "VB":
        k += 1
    return k if k + 1 < len(doc) and doc[k].tag_ == "VB" else None


def _time_clause(doc: Doc, start: int, end: int, blocked: set[int]) -> int | None:
    """End of 'the time reps spend on CRM updates', 'the average time reps take to log a
    call', 'time spent on manual reporting': who spends the time and on what, up to the
    level or a boundary (at most CLAUSE_WORDS words after the verb)."""
    times = [t.i for t in doc[start:end] if t.lower_ in _words("time_to_heads")]
    if not times:
        return None
    n = len(doc)
    verb = next((k for k in range(times[0] + 1, min(times[0] + 5, n))
                 if k not in blocked and doc[k].lemma_.lower() in _words("clause_verbs")), None)
    if verb is None:
        return None
    k, limit = verb + 1, min(n, verb + 1 + CLAUSE_WORDS)
    while k < limit and k not in blocked and not doc[k].is_punct:
        k += 1
    return k


def _core_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """The words that carry a metric's meaning: the parts of its last word ('Time-to-hire')
    and a head followed by its complement ('time to first response', 'number of deals')."""
    heads = [t for t in doc[start:end] if t.i + 1 < end and doc[t.i + 1].lower_ in COMPLEMENTS]
    last = end - 1
    while last > start and _glued(doc, last - 1):
        last -= 1
    return heads + list(doc[last:end])


def _rate_modifier(doc: Doc, start: int, end: int) -> bool:
    """A modifier before the head that makes the phrase a rate ('on-time delivery')."""
    words = " " + " ".join(t.lower_ for t in doc[start : end - 1]) + " "
    return any(f" {m} " in words for m in _words("measure_modifiers"))


def _head(doc: Doc, start: int, end: int) -> Token:
    """The phrase's head: its last word, the head of a name ending it ('statements of
    work' -> statements) or the share opening it ('share of deals with a mutual action
    plan' -> share)."""
    if end - start > 2 and doc[start].lower_ in _words("share_heads") and doc[
            start + 1].lower_ == "of":
        return doc[start]
    for i in range(max(start + 1, end - 3), end - 1):
        if _of_name_end(doc, i) == end:
            return doc[i - 1]
    return doc[end - 1]


def rejected(doc: Doc, start: int, end: int) -> bool:
    """Objects that are no metric: 'the accounts' alone, 'the support experience' at all."""
    head = _head(doc, start, end)
    word = head.lower_
    if never(doc, start, end):
        return True
    # 'my 5k time', 'the P1 time': a name with letters and digits modifies the head as a
    # word does
    bare = all(t.i == head.i or not (t.is_alpha or _letters_and_digits(t))
               for t in doc[start:end])
    return bare and word in _words("non_metrics") and not _is_acronym(head)


def never(doc: Doc, start: int, end: int) -> bool:
    """Heads that name no measure however modified ('the support experience'), except a
    change of a named measure ('ARR growth +25%', '25% growth' is none)."""
    head = _head(doc, start, end)
    if head.lower_ not in _words("never_metrics") and head.lemma_.lower() not in _words(
            "never_metrics"):
        return False
    if head.lower_ in _words("share_bases") and _share_of(doc, start):
        return False  # '103% of the FY27 company bookings plan': the plan is what is measured
    return head.lower_ not in _words("containers") or not any(
        near(t.lower_, _words("measure_heads")) for t in doc[start : end - 1])


def _share_of(doc: Doc, start: int) -> bool:
    """The phrase opening at token `start` follows a percentage and 'of' ('108% of the FY27
    plan'), with at most its determiner and period between."""
    of = next((t.i for t in reversed(doc[max(start - SHARE_GAP, 0) : start]) if t.lower_ == "of"),
              None)
    return of is not None and of > 0 and doc[of - 1].text in {"%", "pct", "percent"}


def _plural(token: Token) -> bool:
    """Tagged plural, or an 's' plural the tagger missed ('focus' is no plural)."""
    lower = token.lower_
    if token.tag_ in {"NNS", "NNPS"} or (_is_acronym(token) and token.text.endswith("s")):
        return True
    if token.i >= 2 and token.doc[token.i - 1].text == "-" and _glued(token.doc, token.i - 1):
        return lower.endswith("s") and lower[:-1] in _words("particles")  # 'add-ons'
    return lower.endswith("s") and token.lemma_.lower() != lower


def _coded_name(token: Token) -> bool:
    """'stage-1', 'X5', 'G2': a name with digits, not a number."""
    return token.tag_ == "CD" and any(ch.isalpha() for ch in token.text)


def _letters_and_digits(token: Token) -> bool:
    """'5k', 'P1', 'L2': a name written with letters and digits."""
    text = token.text
    return any(ch.isalpha() for ch in text) and any(ch.isdigit() for ch in text)


def _is_acronym(token: Token) -> bool:
    """'NRR', 'SQLs': upper-case letters; not a function word of upper-case text ('FOR THE'
    in 'NEW OUTBOUND SEQUENCES FOR THE HEALTHCARE VERTICAL')."""
    core = token.text.rstrip("s")
    return len(core) >= 2 and core.isupper() and core.isalpha() and not (
        token.is_stop and token.tag_ in FUNCTION_TAGS)


def measurable(doc: Doc, start: int, end: int, verb: Token | None) -> bool:
    """Whether a verb's object can be measured as written (GUIDELINE.md)."""
    head = _head(doc, start, end)
    word = head.lower_
    if rejected(doc, start, end):
        return False
    measures = _words("measure_heads")
    if near(word, measures) or any(t.lower_ in measures for t in _core_heads(doc, start, end)):
        return True
    if _rate_modifier(doc, start, end):  # 'on-time dispatch', 'first-contact resolution'
        return True
    if not _plural(head):
        return False
    quantified = start > 0 and near(doc[start - 1].lower_, _words("quantifiers"))
    # "run QBRs with each platinum customer": a plural object held once per customer is counted.
    # "Hold weekly 1:1s with every rep": a habit kept at a cadence counts nothing
    changed = verb is not None and (near(verb.lemma_.lower(), _words("change_verbs")) or (
        _object_of(doc, verb, start) and _distributed(doc, end) and not _has_cadence(
            doc, start, end)))
    if verb is None and end < len(doc) and doc[end].tag_ == "IN" and _distributed(doc, end):
        return True  # "QBRs with all 12 strategic accounts this quarter" (not "Thanks all")
    return quantified or changed or (start > 0 and doc[start - 1].lower_ == "of")


def _cadences(doc: Doc) -> list[Part]:
    """The goal's cadences ('weekly', 'three times a week')."""
    if not Doc.has_extension("gs_times"):
        return []
    return [p for p in doc._.gs_times or [] if getattr(p.value, "role", None) == "cadence"]


def _has_cadence(doc: Doc, start: int, end: int) -> bool:
    """A cadence word inside the phrase ('weekly 1:1s')."""
    cadences = _cadences(doc)
    if not cadences:
        return False
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return any(first <= p.start < last for p in cadences)


def _object_of(doc: Doc, verb: Token, start: int) -> bool:
    """The phrase at `start` is the verb's object, up to a determiner or count between."""
    i = _verb_object_start(doc, verb)
    while i < start and (doc[i].tag_ in {"DT", "CD", "PRP$"} or _skippable(doc, i)):
        i += 1
    return i == start


def _distributed(doc: Doc, end: int) -> bool:
    """'with each platinum customer', 'twice a year' right after a phrase; '10 days before
    every new hire's start date': a lead time before each item."""
    distributives = _words("distributives")
    if _duration(doc, end):
        return any(t.lower_ in distributives for t in doc[end + 2 : end + 6])
    words = [t.lower_ for t in doc[end : end + 2]]
    return bool(words) and (words[0] in distributives or (
        len(words) == 2 and doc[end].tag_ == "IN" and words[1] in distributives))


def _held_with(doc: Doc, start: int, first: Token, target: Part, context: set[int]) -> bool:
    """'run QBRs with 15 of my 40 accounts', 'workshops with 8 partners': a plural object
    held once with each party the count counts, right before the preposition."""
    link = first.i - 1
    if link <= start or doc[link].lower_ not in _words("party_links") or getattr(
            target.value, "unit", None) != "count":
        return False
    phrase = noun_phrase(doc, start, context)
    return phrase is not None and phrase[1] == link and _plural(doc[link - 1])


def goal_verb(doc: Doc, start: int, end: int, blocked: set[int]) -> Token | None:
    """The verb that opens the goal in token range [start, end), outside blocked tokens."""
    known = _verdicts(doc, OPENERS_KEY)
    for i in range(start, min(end, len(doc))):
        if i in blocked:
            continue
        if known[i] is None:
            known[i] = _opens_goal(doc, i)
        if known[i]:
            return doc[i]
    return None


def _opens_goal(doc: Doc, i: int) -> bool:
    """Token i can be the verb opening a goal: a goal verb standing alone (not part of
    'no-show' or 'follow-up'), no skipped word and no helper before the real verb."""
    token = doc[i]
    if token.lower_ in _words("skip_tokens") and token.lower_ not in {"up", "out", "in"}:
        return False
    return is_goal_verb(token) and not (
        _glued(doc, i - 1) or _glued(doc, i) or _helper_verb(doc, token))


def _helper_verb(doc: Doc, token: Token) -> bool:
    """'want to close', 'try to', 'aim for': the goal's verb comes later. 'We need ARR at
    $8M', 'I want my win rate at 30%': a wish with an object right after it is the verb."""
    lemma = token.lemma_.lower()
    if lemma not in {"want", "need", "try", "aim", "be"}:
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return lemma not in {"want", "need"} or nxt is None or nxt.tag_ not in OBJECT_TAGS or (
        nxt.lower_ in REFERRING_OBJECTS)


def _verb_object_start(doc: Doc, verb: Token) -> int:
    """First token after the verb and its particles ('Bring in', 'Close out', 'Put together')."""
    i = verb.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or (
            doc[i].head.i == verb.i and doc[i].lower_ in _words("adverb_particles"))):
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ == "to" and doc[i].head.i == verb.i and doc[
            i + 1].tag_ in {"DT", "PRP$"}:
        i += 1  # 'Get to a pipeline coverage of 3.5x': the level reached
    return i


def _anchors(doc: Doc, target: Part | None, context: set[int]) -> Iterator[tuple[int, str]]:
    """Where the metric may start, in order of trust, with how the start was reached."""
    yield from _field_anchors(doc)
    if target is not None:
        yield from _target_anchors(doc, target, context)
    else:
        for span in segments(doc):
            yield from ((i, "verb") for i in _verb_anchor(doc, span.start, context))
        for span in segments(doc):  # 'I need to improve my talk-to-listen ratio'
            yield from ((i, "verb") for i in _later_verb_anchors(doc, span, context))
    # "more calls, more emails": a quantified plural names a count.
    quantifiers = _words("quantifiers")
    yield from ((i + 1, "verb") for i, word in enumerate(lower_words(doc))
                if near(word, quantifiers))
    if target is not None and getattr(target.value, "unit", None) == "count":
        # "I average 9 meetings a month; goal is 14": the count names its thing elsewhere.
        yield from ((t.i + 1, "number") for t in doc if t.like_num and not target.overlaps(
            t.idx, t.idx + len(t)))


def _field_anchors(doc: Doc) -> Iterator[tuple[int, str]]:
    """'Metric: gross margin | Target: +200 bps', 'KPI - first response time': the value of a
    form field labelled as the measure names it, when it holds no number (the target's own
    anchors read 'KR: burn multiple under 1.5x') and is no whole goal ('Goal: close 12 new
    logos', 'Goal - increase demo-to-close rate')."""
    for span in segments(doc):
        start = label_start(doc, span.start)  # '[KR] donor retention rate > 65%', '**KPI:** NRR'
        width = label_width(doc, start, _words("field_labels"))
        value = start + width
        if value > span.end:  # 'Metric - logo churn': the spaced dash ends a segment
            value = segment_of(doc, value)[0] if value < len(doc) else value
        if (width or _column_value(doc, start)) and value < len(doc) and not _field_goal(
                doc, value):
            yield value, "field"


def _column_value(doc: Doc, start: int) -> bool:
    """'KPI | Target⏎Logo churn | 3%': a table's cell under a column labelled as the
    measure is that field's value."""
    return column_cell(doc, start, _words("field_labels")) is not None


def _field_goal(doc: Doc, value: int) -> bool:
    """A field's value with a number outside brackets ('activation rate (week 1)' holds
    none), or opening with a goal verb ('offer acceptance rate' opens with a word the tagger
    read as a verb, 'win rate' one the lexicon knows, and both are phrases all the same)."""
    first, end = doc[value], segment_of(doc, value)[1]
    words = _outside_brackets(doc[value:end])
    opening = first.dep_ not in {"compound", "amod", "nmod"} or (  # not 'win rate'
        first.tag_ == "VB" and not _modifier_of_head(doc, first))  # '**Goal**: Raise CSAT'
    verb_word = opening and near(first.lower_, word_set("assistant", "verbs.json", "goal_verbs"))
    numbered = any(t.tag_ == "CD" or (is_numeric(t) and not t.is_alpha) for t in words)
    return numbered or verb_word or (
        first.pos_ in {"VERB", "AUX"} and any(t.tag_ in {"DT", "PRP$"} for t in words))


def _outside_brackets(span: Span) -> list[Token]:
    depth, kept = 0, []
    for token in span:
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and token.text != ")":
            kept.append(token)
    return kept


def _target_anchors(doc: Doc, target: Part, context: set[int]) -> Iterator[tuple[int, str]]:
    """The level's anchors, and last the noun whose value it gives ('Close Acme at an ACV of
    $300k', 'new partnerships worth €400k')."""
    yield from _level_anchors(doc, target, context)
    i = bisect_left(token_offsets(doc)[0], target.start)
    first = doc[i] if i < len(doc) and doc[i].idx < target.end else None
    valued = None if first is None else _valued_start(doc, first)
    if valued is not None:
        yield valued, "verb"


def _level_anchors(doc: Doc, target: Part, context: set[int]) -> Iterator[tuple[int, str]]:
    """A bare number names its thing right after it ('12 deals', '$450k in bookings'); a
    change ('by 20%', 'from 8% to 5%') measures the verb's object, unless that object is
    no measure and the number carries its own ('Grow our community to 5k members'). With no
    verb before the target the goal is a headline and its subject is measured ('Churn ≤ 2%',
    'Renewal rate for the Tier-2 book: 92% → 96%', 'Closed-won ACV is $300k')."""
    level, after = _token_at(doc, target.start), bisect_left(token_offsets(doc)[0], target.end)
    if level >= after:
        return  # no token overlaps the target
    first = doc[level]
    bare = first.like_num or first.text[:1] in "$€£+" or first.text[:1].isdigit() or (
        first.lower_ in BARE_LEADS) or first.idx < target.start  # 'n=240': a glued label
    # "15% of every paycheck": a rate per item, whose base is no measure
    linked = after < len(doc) and doc[after].lower_ in LINKS and not (
        after + 1 < len(doc) and doc[after + 1].lower_ in _words("rate_bases"))
    follow = (after + 1, "linked" if bare else "linked_strict") if linked else (after, "number")
    if after < len(doc) and (segment_of(doc, after)[0] != segment_of(doc, first.i)[0] or (
            doc[after].text == "/" and not doc[after - 1].whitespace_) or _rate_article(
            doc, after, target)):
        # "Pipeline €4 Mio. Then hiring": the next sentence; "2/rep/month": a denominator
        follow = (len(doc), "number")
    verb = _governing_verb(doc, first, target, context)
    prep = _each_of_all(doc, first.i)
    if prep is not None:  # 'Run QBRs with all 25 strategic accounts'
        yield _made_for_each(doc, prep, verb, context)
    yield from ((i, "subject") for i in _antecedent_starts(doc, first))
    if verb is None and linked and _opening_verb(doc, first, after, target, context):
        yield follow  # 'Migrate 60% of SMB workspaces', 'Tag 100% of closed-lost deals'
    if verb is None:
        yield from _headline_anchors(doc, first, target, follow, linked, context)
        return
    start = _verb_object_start(doc, verb)
    if _base_of_multiple(doc, target, first, start, after):
        follow = (len(doc), "number")
    if linked and _measure_subject(verb):
        # 'Self-serve revenue should reach 20% of new ARR': the subject, not the whole.
        yield from ((i, "verb_subject") for i in _subject_starts(doc, verb.i, context))
    if _held_with(doc, start, first, target, context):
        yield start, "held"
    if _transferred(doc, verb, start, first, after):
        yield after + 1, "held"  # 'Add 250 basis points to blended win rate'
    if not bare:
        yield start, "verb_strict"
    yield follow
    if all(t.tag_ in {"RB", "RP"} for t in doc[start : first.i]):
        # "the # of net new logos should hit 12", "Security questionnaires: turn around
        # 100%": a verb with no object of its own measures its subject.
        yield from ((i, "verb_subject") for i in _subject_starts(doc, verb.i, context))
    yield start, "verb"
    yield from _later_objects(doc, verb, first, context)
    # "Hiring manager satisfaction ≥ 8/10", "open tickets down to < 50": a word read as the
    # goal's verb stands inside the subject, whose level follows it.
    yield from ((i, "subject_linked") for i in _subject_starts(doc, first.i, context))


def _rate_article(doc: Doc, after: int, target: Part) -> bool:
    """'4 cents a page', '$5 an order': an amount followed by an article names the item it
    is paid or used per, no measure (a count's own noun follows it: '12 demos')."""
    return doc[after].lower_ in _words("rate_articles") and getattr(
        target.value, "unit", None) not in {None, "count"}


def _base_of_multiple(doc: Doc, target: Part, first: Token, start: int, after: int) -> bool:
    """'Get my deadlift to 1.5x bodyweight': a multiple that moves the verb's object names
    what it is a multiple of after it, and the object is measured (not when a measure follows:
    'Get the team to 4x pipeline coverage')."""
    if getattr(target.value, "unit", None) != "multiplier" or (
            first.lower_ not in CHANGE_LEADS or start >= first.i):
        return False
    nouns = takewhile(lambda t: t.tag_ in HEAD_TAGS, doc[after:])
    return not any(_measure_word(t) for t in nouns)


def _valued_start(doc: Doc, first: Token) -> int | None:
    """Where the noun phrase starts whose value the target gives right after 'of' or
    'worth' ('at an ACV of $300k', 'new partnerships worth €400k'), None when no noun stands
    before that word."""
    link = first.i - 1
    if link < 1 or doc[link].lower_ not in _words("value_links") or doc[link - 1].pos_ not in {
            "NOUN", "PROPN"}:
        return None
    start, seg_start = link - 1, segment_of(doc, link)[0]
    while start > seg_start and doc[start - 1].dep_ in {"compound", "amod", "det", "nmod"} and (
            doc[start - 1].head.i < link):
        start -= 1
    # 'Upsell seat expansions worth $250k': a word opening the goal is its verb, however tagged
    return start + 1 if start == seg_start and doc[start].pos_ != "DET" and start + 1 < link \
        else start


def _antecedent_starts(doc: Doc, first: Token) -> Iterator[int]:
    """'My show rate is terrible. Want it at 80%', 'CAC went up again - cut it by 20%': the
    measure a pronoun object before the target refers back to opens an earlier clause (list
    markers aside)."""
    pronoun = next((t for t in doc[segment_of(doc, first.i)[0] : first.i]
                    if t.lower_ in REFERRING and t.dep_ == "dobj"), None)
    if pronoun is None:
        return
    i = 0
    while i < pronoun.i:
        start, end = segment_of(doc, i)
        if end > start:
            yield list_marker_end(doc, start)
        i = max(end, i) + 1


def _transferred(doc: Doc, verb: Token, start: int, first: Token, after: int) -> bool:
    """'Add 5 points to our NPS', 'Shave 10 days off the sales cycle': the verb's object is
    the amount moved, the phrase after the link is what it moves."""
    return first.i == start and after < len(doc) and doc[after].lower_ in _words(
        "transfer_links") and verb.lemma_.lower() in _words("transfer_verbs")


def _previous_field(doc: Doc, target_i: int, context: set[int]) -> Iterator[tuple[int, str]]:
    """'Goal - raise demo-to-close rate - 20% → 28% - by H2', 'Q2 | grow NRR | 112%': a
    level alone in its field measures the object of the goal verb in the field before, or
    that field itself ('Renewals - 95% - Q1')."""
    seg_start, _ = segment_of(doc, target_i)
    if seg_start < 2 or doc[seg_start - 1].text not in FIELD_SEPARATORS or any(
            t.is_alpha for t in doc[seg_start:target_i]):
        return
    field_start, field_end = segment_of(doc, seg_start - 2)
    if "\n" in doc[field_start:target_i].text:
        return  # a table's rows: the field above is a header
    verb = goal_verb(doc, field_start, field_end, context)
    yield (field_start, "subject") if verb is None else (_verb_object_start(doc, verb), "verb")


def _headline_anchors(doc: Doc, first: Token, target: Part, follow: tuple[int, str],
                      linked: bool, context: set[int]) -> Iterator[tuple[int, str]]:
    """With no verb before the target the goal is a headline and its subject is measured
    ('Churn ≤ 2%', 'Closed-won ACV is $300k'), or a field or line before it names it."""
    subjects = list(_subject_starts(doc, first.i, context))
    yield from ((i, "subject_linked") for i in subjects)  # "ACV is $300k"
    if getattr(target.value, "unit", None) == "multiplier":
        yield from ((i, "subject") for i in subjects)  # "pipeline 3.5x quota"
    if not linked:
        yield follow[0], "headline"  # "25 meetings booked per month", "≥3 contacts engaged"
    yield from ((i, "subject") for i in subjects)  # "Renewal rate for the book: 92%"
    yield follow
    yield from _previous_field(doc, first.i, context)
    yield from _goal_line(doc, first.i, context)
    yield segment_of(doc, first.i)[0], "verb"


def _each_of_all(doc: Doc, i: int) -> int | None:
    """'security reviews for all 12 late-stage opportunities', 'plans for all top 15
    accounts': what the goal makes for each of a whole it counts is measured, not the whole.
    The index of the preposition before 'all', None when the target at token i counts no
    such whole."""
    k = i - 1  # the word before the count, past a 'top' the target does not open with
    if doc[i].lower_ != "top" and k >= 0 and doc[k].lower_ == "top":
        k -= 1
    if k < 1 or doc[k].lower_ != "all" or doc[k - 1].lower_ not in EACH_PREPS:
        return None
    return k - 1


def _made_for_each(doc: Doc, prep: int, verb: Token | None,
                   context: set[int]) -> tuple[int, str]:
    """Where the thing made for each of the whole starts: the goal verb's object, or the
    segment's first words past an opening verb the target's parse missed ('Finish discovery
    certification for all 14 new SDRs', 'Mutual action plans with all 9 deals')."""
    start = _verb_object_start(doc, verb) if verb is not None else next(
        _verb_anchor(doc, prep, context))
    return (start if start < prep else segment_of(doc, prep)[0]), "held"


def _goal_line(doc: Doc, target_i: int, context: set[int]) -> Iterator[tuple[int, str]]:
    """'Grow ARR in the public sector\nTarget: $2.4M': a level in a field labelled as the
    target measures the object of the goal verb in a line before it."""
    seg_start, _ = segment_of(doc, target_i)
    if seg_start >= 2 and target_i == seg_start and is_boundary(doc[seg_start - 1]):
        seg_start = segment_of(doc, seg_start - 2)[0]  # 'Target - 75%': the dash ends a segment
    start = label_start(doc, seg_start)  # '**Target:** 112%', '- Target: 30%'
    width = label_width(doc, start, _words("target_labels"))
    if not width or start + width != target_i:
        return
    for span in segments(doc):
        if span.start >= seg_start:
            return
        verb = goal_verb(doc, span.start, span.end, context)
        if verb is not None:
            yield _verb_object_start(doc, verb), "verb"


def _opening_verb(doc: Doc, first: Token, after: int, target: Part, context: set[int]) -> bool:
    """'Digitise 70% of the onboarding paperwork', 'Reply to 95% of inbound requests',
    'Partners: co-sell on 1/3 of enterprise opps': a lone word opening the goal (or its
    labelled part) before a share of a group, a preposition between at most, is a verb the
    tagger missed; not a measure word, a plural or a noun by its ending, nor a word before a
    comparison: those head the goal ('Pipeline 40% of plan', 'Renewals 95% of the book',
    'Expansion 30% of new ARR', 'Discounting under 10% of list price')."""
    if first.i == 0 or getattr(target.value, "unit", None) != "percent" or (
            doc[after].lower_ != "of") or _comparing(target):
        return False
    last = first.i - 1
    if last > 0 and doc[last].tag_ in {"IN", "TO"}:
        last -= 1  # 'Reply to', 'Interview on'
    word = last
    while word > 0 and _glued(doc, word - 1):
        word -= 1  # 'Re-engage', 'co-sell'
    starts = set(_subject_starts(doc, first.i, context))
    head = doc[last]
    return word in starts and head.is_alpha and not _is_acronym(head) and not _plural(
        head) and not head.lower_.endswith(tuple(_words("noun_endings"))) and not near(
        head.lower_, _words("measure_heads"))


def _later_objects(doc: Doc, verb: Token, first: Token,
                   context: set[int]) -> Iterator[tuple[int, str]]:
    """The objects of the verbs between the goal's first verb and its target ('Would love
    to see our trial activation rate hit 45%', 'the thing I care about is getting our attach
    rate to 40%'), nearest the target last."""
    later = goal_verb(doc, verb.i + 1, first.i, context)
    while later is not None:
        yield _verb_object_start(doc, later), "verb_strict"
        later = goal_verb(doc, later.i + 1, first.i, context)


def _governing_verb(doc: Doc, first: Token, target: Part, context: set[int]) -> Token | None:
    """The goal verb before the target in its segment; None for a headline, where a word
    read as a verb names the metric ('Logo churn ≤ 2%', 'Win rate 28%')."""
    seg_start, _ = segment_of(doc, first.i)
    verb = goal_verb(doc, seg_start, first.i + 1, context)  # "Triple the number of ..."
    while verb is not None and (_aside(doc, verb) or _in_label(doc, verb, first) or (
            _label_verb(doc, verb, first)) or _conjoined_later(doc, verb, first, context)):
        verb = goal_verb(doc, verb.i + 1, first.i + 1, context)
    if verb is None or _names_measure(doc, verb, first, target, context):
        return None
    return verb


def _conjoined_later(doc: Doc, verb: Token, first: Token, context: set[int]) -> bool:
    """'Ship the checklist and lift activation from 31% to 40%', 'ship the fix + reduce
    unassigned leads to <20': a second verb joined to the first, with its own object,
    governs the target that follows it."""
    later = goal_verb(doc, verb.i + 2, first.i, context)
    return later is not None and doc[later.i - 1].lower_ in VERB_JOINS and (
        later.dep_ == "conj" or doc[later.i - 1].text != "and") and later.i + 1 < first.i


def _aside(doc: Doc, verb: Token) -> bool:
    """'Pipeline sourced by marketing: 35%', 'accuracy (commit vs. actual)': a participle
    naming the metric or a verb in brackets does not govern the target. Right after a
    label's colon a participle names the metric whatever its parse ('Goal (billing ops):
    disputed invoices down to < 15'), but a base form read as one is the goal's verb ('smart
    goal: cut no-show rate to 20%')."""
    participle = verb.tag_ == "VBN" and verb.dep_ == "acl"
    if verb.tag_ == "VBN" and verb.i > 0 and doc[verb.i - 1].text.endswith(":"):
        participle = verb.lower_ != verb.lemma_.lower()
    return participle or _bracketed(doc, verb.i)


def _bracketed(doc: Doc, i: int) -> bool:
    """Token i stands inside brackets opened earlier in its segment ('(not just booked)')."""
    seg_start, _ = segment_of(doc, i)
    for word in reversed(lower_words(doc)[seg_start:i]):  # (no Token made)
        if word == ")":
            return False
        if word == "(":
            return True
    return False


def _in_label(doc: Doc, verb: Token, first: Token) -> bool:
    """'Referral hires: 1/3 of all hires', 'Meetings held (not just booked): 18/month': a
    participle or verb right after a noun, before the label colon, names the metric."""
    mark = verb.i + 1
    while mark < first.i and is_emphasis(doc[mark]):
        mark += 1  # '**Target**: 4.6'
    if verb.lower_ in _words("area_labels") and mark < first.i and doc[mark].text == ":":
        return True  # 'Bookings Q2 target: €3,4 Mio.'
    return verb.tag_ in {"VBD", "VBN", "VBZ"} and verb.i > 0 and (
        doc[verb.i - 1].tag_ in HEAD_TAGS or _np_token(doc, verb.i - 1)) and any(
        t.is_punct and t.text.endswith(":")
        for t in doc[verb.i + 1 : min(first.i, verb.i + CLAUSE_WORDS)])  # a short label


def _label_verb(doc: Doc, verb: Token, first: Token) -> bool:
    """'Drive product adoption: weekly active users ... from 1,800 to 2,500': a verb before a
    label colon, after which a phrase of its own stands before the level, heads the label."""
    words = lower_words(doc)  # (a Token only for each colon)
    colons = [i for i in range(verb.i + 1, first.i) if words[i] == ":" and doc[i].whitespace_]
    return bool(colons) and any(
        t.tag_ in HEAD_TAGS and t.is_alpha and t.lower_ not in _words("area_labels")
        for t in doc[colons[-1] + 1 : first.i])  # not 'Grow ARR: Q3 target $2M'


def _after_modifier(doc: Doc, verb: Token, before: Token) -> bool:
    """'Logo churn', 'Technical close rate', 'Demo environment uptime', 'the Tier-2 book':
    a word after a modifier or determiner of its own noun phrase is no verb."""
    if segment_of(doc, before.i) != segment_of(doc, verb.i):
        return False
    if verb.pos_ in {"NOUN", "PROPN"} and (before.tag_ in {"DT", "PRP$", "POS"} or _coded_name(
            before)):
        return True  # not after a list number ('1.2 Increase activation rate')
    modifier = before.tag_ in NP_TAGS - {"CD", "VBN", "VBD", "VBG"} and before.is_alpha
    return modifier and (verb.tag_ in {"VB", "NN", "NNP", "JJ"} or (
        verb.tag_ == "VBP" and before.tag_ == "NN") or (
        verb.tag_ in {"VBP", "VBZ"} and near(verb.lower_, _words("measure_heads"))))


def _flow_end(doc: Doc, verb: Token, context: set[int]) -> bool:
    """'sql' in 'mql to sql conv rate', 'lead' in 'lead to opp conversion': an end of a
    conversion read as a verb."""
    if verb.i >= 2 and doc[verb.i - 1].lower_ == "to" and _np_token(doc, verb.i - 2):
        tail = noun_phrase(doc, verb.i, context)
    elif verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "to" and doc[
            verb.i + 2].tag_ not in {"DT", "PRP$"}:  # not 'Get to a close rate of 30%'
        tail = noun_phrase(doc, verb.i + 2, context)
    else:
        return False
    return tail is not None and doc[tail[1] - 1].lower_ in _words("flow_heads")


def _comparing(target: Part) -> bool:
    """A target that compares a level ('≥ 95%', 'below 2%', '+4 pts') rather than moving
    one ('to 85%', 'by 20%')."""
    words = target.text.split(maxsplit=1)
    word = words[0].lower() if words else ""
    return target.text[:1] in SIGNS or word in _words("comparisons")


def _open_level(target: Part) -> bool:
    """A level left open upwards or downwards ('85%+', '4.5/5 or higher')."""
    text = target.text.lower()
    return text.endswith(("+", *_spaced("open_ends")))


def _names_measure(doc: Doc, verb: Token, first: Token, target: Part,
                   context: set[int]) -> bool:
    """'Logo churn', 'Technical close rate', 'Win rate', 'Churn below 2%', 'Offer acceptance
    rate ≥ 80%': the tagger's verb is a word of the metric's name."""
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ == "PRON" and before.dep_ == "nsubj":
        return False  # 'We need ARR at $8M': a verb with its own subject
    if before is not None and before.i not in context and _after_modifier(doc, verb, before):
        return True
    if timed_activity(doc, verb.i - 1) or _flow_end(doc, verb, context):
        return True  # "Average time to close is 50 days", "mql to sql conv rate"
    if timed_activity(doc, verb.i + 1) or _plural_subject(doc, verb, first, target):
        return True  # "Speed to lead under 5 min", "Partner webinars twice a month"
    if _modifier_of_head(doc, verb):
        return True
    nxt = verb.i + 1
    between = doc[nxt : first.i]
    if _comparing(target) and len(between) == 0:
        return True  # 'Churn below 2%'
    if all(is_pictograph(t) for t in between) and _measure_not_verb(verb):
        return True  # 'churn 📉 from 3.1% to 2%': a measure's name, no goal verb
    if _comparing(target) or (_open_level(target) and len(between) > 0):
        name = _name_before_scope(doc, between)
        return all(_np_token(doc, t.i) and t.tag_ != "DT" for t in name) and not _governs(
            verb, name)
    return doc[first.i].lower_ not in CHANGE_LEADS and _headline_word(doc, verb, between)


def _measure_not_verb(token: Token) -> bool:
    """A measure's name that opens no goal as a verb ('churn', 'attrition')."""
    lower = token.lower_
    return lower in _words("measure_heads") and not near(
        lower, word_set("assistant", "verbs.json", "goal_verbs"))


def _name_before_scope(doc: Doc, between: Span) -> Span:
    """The words of a name before a short scope phrase ('accuracy' in 'Tracking accuracy
    for the commit call within ±5%'); all of them when no scope phrase follows."""
    cut = next((t.i for t in between if t.tag_ == "IN" and t.i > between.start), None)
    if cut is None or cut - between.start > LABEL_SCOPE or between.end - cut > LABEL_SCOPE or (
            any(t.tag_ in VERB_TAGS for t in doc[cut : between.end])):
        return between
    return doc[between.start : cut]


def _headline_word(doc: Doc, verb: Token, between: Span) -> bool:
    """'Team forecast accuracy 95%', 'Hiring manager NPS 50': a word read as a verb, then a
    measure's name right before its level."""
    if not between or not all(_np_token(doc, t.i) and t.tag_ not in {"DT", "CD"} and (
            t.is_alpha or t.text == "-") for t in between):
        return False
    last = between[-1]
    if not (near(last.lower_, _words("measure_heads")) or _is_acronym(last)):
        return False
    return not _governs(verb, between)


def _governs(verb: Token, between: Span) -> bool:
    """A goal verb governs the name after it ('Increase win rate 5 pts'), unless it is a
    participle before a compound ('Hiring manager satisfaction')."""
    goals = word_set("assistant", "verbs.json", "goal_verbs")
    goal = near(verb.lemma_.lower(), goals) or near(verb.lower_, goals)
    return goal and not (verb.tag_ == "VBG" and len(between) > 1)


def _plural_subject(doc: Doc, verb: Token, first: Token, target: Part) -> bool:
    """'Partner webinars twice a month', 'Onboarding calls: 5 a week', 'Referral hires =
    30%': a plural read as a verb ends a headline's subject when a label mark or a count per
    period follows it ('Marketing delivers 500 MQLs' has a verb)."""
    if verb.tag_ not in {"VBZ", "VBP"} or not verb.lower_.endswith("s"):
        return False
    between = doc[verb.i + 1 : first.i]
    if any(t.text not in LABEL_MARKS for t in between):
        return False
    return len(between) > 0 or _cadence_count(doc, target)


def _subject_starts(doc: Doc, target_i: int, context: set[int]) -> Iterator[int]:
    """Where a headline's subject may start: after a label colon or a '+' before the target,
    nearest first ('Pipeline gen: self-sourced pipeline = 3x'), then at the segment start
    after a leading time or purpose ('By 2027-02-15 forecast accuracy ...')."""
    seg_start, _ = segment_of(doc, target_i)
    first = bracketed_label_end(doc, list_marker_end(doc, seg_start))  # '1) POC win rate 55%→65%'
    while first < target_i and (first in context or not any(
            ch.isalnum() for ch in doc[first].text)):
        first += 1  # a leading deadline, a bullet dash
    parts = [t.i + 1 for t in doc[first : target_i - 1] if (
        t.text in {":", "+", "&"} and not _shared_head(doc, t.i, t.i - 1)) or (
        t.is_punct and t.text.endswith(":")) or (  # 'Goal (support ops): open tickets < 50'
        t.text in GOAL_LINKS and _goal_label(doc, t.i - 1, t.i))]  # 'my goal = coverage ≥3x'
    yield from reversed(parts)  # the nearest item first: 'model v3 live + MQL acceptance ≥ 70%'
    yield first


def _later_verb_anchors(doc: Doc, span: Span, blocked: set[int]) -> Iterator[int]:
    """The objects of the verbs after the first in a segment that move a level ('sooo my
    manager says I need to improve my talk-to-listen ratio'; not 'why we lose deals')."""
    verb = goal_verb(doc, span.start, span.end, blocked)
    while verb is not None:
        verb = goal_verb(doc, verb.i + 1, span.end, blocked)
        if verb is not None and verb.lemma_.lower() in _words("level_verbs") and not (
                _modifier_of_head(doc, verb)):
            yield _verb_object_start(doc, verb)


def _verb_anchor(doc: Doc, i: int, blocked: set[int]) -> Iterator[int]:
    seg_start, seg_end = segment_of(doc, i)
    verb = goal_verb(doc, seg_start, seg_end, blocked)
    if verb is not None and not _modifier_of_head(doc, verb):
        yield _verb_object_start(doc, verb)
    else:
        yield seg_start  # 'Win rate vs. Competitor X up slightly'


def _modifier_of_head(doc: Doc, verb: Token) -> bool:
    """'Win' in 'Win rate', 'Close' in 'Close rate': a word read as a verb before a head that
    needs a modifier to name a quantity (and ends the name there)."""
    nxt = verb.i + 1
    return nxt < len(doc) and doc[nxt].lower_ in _words("modified_heads") and (
        nxt + 1 >= len(doc) or not _head_token(doc, nxt + 1, nxt))


def per_unit(doc: Doc, end: int, blocked: set[int]) -> int:
    """'cost per lead', 'tickets per agent': a ratio's denominator belongs to the metric,
    unless it is a time unit (a cadence: 'per month')."""
    if end + 1 >= len(doc) or doc[end].lower_ != "per" or end in blocked:
        return end
    tail = noun_phrase(doc, end + 1, blocked)
    if tail is None or doc[tail[1] - 1].lemma_.lower() in _words("time_units"):
        return end
    return tail[1]


def find_metric(doc: Doc, verbs: frozenset[str] = frozenset()) -> Part | None:
    """The metric span, or None when the goal names nothing measurable. `verbs` are the
    English verbs' base forms (the lemmatizer's index), for goals that open with one. When
    the target names none, the level the goal starts from may ('NRR was 104% last year —
    target 110%', 'win rate is 19% today, want 25%'): the baseline and the level measure the
    same thing."""
    target = doc._.gs_target if Doc.has_extension("gs_target") else None
    found = _metric_for(doc, target, [target] if target else _amounts(doc), verbs)
    baseline = _baseline_before(doc, target) if found is None else None
    if baseline is not None and target is not None:
        found = _metric_for(doc, baseline, [target, baseline], verbs)
    return found


def _amounts(doc: Doc) -> list[Part]:
    """The goal's sums of money, none of them its target: no part of a metric either ('the
    pinecrest renewal - $96k ARR -' names no metric '$96k ARR'; a label such as 'Tier 1' may
    be)."""
    quantities = doc._.gs_quantities if Doc.has_extension("gs_quantities") else None
    return [q for q in quantities or [] if getattr(q.value, "unit", None) == "currency"]


def _baseline_before(doc: Doc, target: Part | None) -> Part | None:
    """The last quantity before the target in the target's own unit: where things stand."""
    quantities = doc._.gs_quantities if Doc.has_extension("gs_quantities") else None
    unit = getattr(getattr(target, "value", None), "unit", None)
    if target is None or not quantities or unit is None:
        return None
    before = [q for q in quantities if q.end <= target.start and q.value is not None
              and q.value.unit == unit]
    return before[-1] if before else None


def _metric_for(doc: Doc, target: Part | None, levels: list[Part],
                verbs: frozenset[str]) -> Part | None:
    """The metric the anchors of `target` reach, with the `levels` blocked."""
    context = _blocked(doc)
    blocked = context | _tokens_of(doc, levels)
    periods = _period_words(doc, blocked)
    verb_at: list[int] = []  # where the verb governing the target stands, found once
    for anchor, mode in islice(_anchors(doc, target, context), MAX_ANCHORS):
        if anchor >= len(doc) or (anchor in blocked and anchor not in periods):
            continue
        bounds = _bounds(doc, anchor, mode, target, blocked, periods)
        if bounds is None:
            continue
        start, end = bounds
        if mode in SUBJECT_MODES | {"verb"} and _activity_verb(doc, start, end, target, verbs):
            continue
        if mode in SUBJECT_MODES and end - start > 1 and _area_label(doc, end, target):
            end -= 1  # "Q1 bookings target = $320k"
        if mode in SUBJECT_MODES and _label_participle(doc, end):
            end += 1  # "Demos held: 40", "Pipeline created: 3x Q1 target"
        if mode in {"verb", "verb_strict", "held"} | SUBJECT_MODES:
            end = per_unit(doc, end, blocked)
        if mode == "verb_subject":
            verb_at = verb_at or [_target_verb_index(doc, target, context)]
            if end > verb_at[0]:
                continue
        if _accepted(doc, start, end, mode, target, context):
            end = _predicate_end(doc, start, end, mode, target, blocked)
            span = _unquoted(doc[start:end])
            return Part(span.start_char, span.end_char, span.text, MODE_CONFIDENCE[mode])
    return None


def _bounds(doc: Doc, anchor: int, mode: str, target: Part | None, blocked: set[int],
            periods: frozenset[int]) -> tuple[int, int] | None:
    """The phrase an anchor opens: a noun phrase, a measure name read as two adjectives
    ('450k net new'), or in a headline a measure word the tagger read as a verb."""
    bounds = noun_phrase(doc, anchor, blocked, periods)
    named = _elliptic_end(doc, anchor + 1, blocked) if bounds is None else None
    if named is not None:
        return anchor, named
    if bounds is None and mode in SUBJECT_MODES:
        return _word_subject(doc, anchor, target, blocked)
    return bounds


def _target_verb_index(doc: Doc, target: Part | None, context: set[int]) -> int:
    """Index of the verb that governs the target (-1 for none): its subject ends before it
    ('Gotta hit 7 figures' has no subject)."""
    i = len(doc) if target is None else bisect_left(token_offsets(doc)[0], target.start)
    first = doc[i] if i < len(doc) else None
    verb = _governing_verb(doc, first, target, context) if first and target else None
    return -1 if verb is None else verb.i


def _period_words(doc: Doc, blocked: set[int]) -> frozenset[int]:
    """Period words of the time expressions that may stand before a metric and are no part
    of it ('Q3 enterprise pipeline', 'Q4 2026 renewal rate', 'FY28 services revenue':
    GUIDELINE v1.1): runs of blocked words with digits right before a phrase word."""
    periods: set[int] = set()
    for i in sorted(blocked, reverse=True):  # a blocked word before a free one or a period
        nxt = i + 1
        if nxt < len(doc) and (nxt in periods or nxt not in blocked) and any(
                ch.isdigit() for ch in doc[i].text) and (nxt in periods or _np_token(doc, nxt)):
            periods.add(i)
    return frozenset(periods)


def _predicate_end(doc: Doc, start: int, end: int, mode: str, target: Part | None,
                   blocked: set[int]) -> int:
    """'90% of reps complete discovery certification', '25 meetings booked per month': the
    action whose share or count is measured belongs to the metric."""
    share = mode in {"linked", "linked_strict"} and _after_of(doc, start) \
        and target is not None and getattr(target.value, "unit", None) == "percent"
    if not (share or mode == "headline"):
        return end
    k = _swallowed_verb(doc, start, end) if share else None
    if k is None:
        k = end + 1 if share and _to_verb(doc, end) else end
    if k >= len(doc) or k in blocked or not _predicate_verb(doc, k, participle_only=not share):
        return end
    return _action_end(doc, k, blocked)


def _after_of(doc: Doc, start: int) -> bool:
    """'of' before the phrase, past a determiner or count ('30% of the 50 target accounts')."""
    i = start - 1
    while i > 0 and start - i <= 3 and (doc[i].tag_ in {"DT", "CD", "PRP$"} or any(
            ch.isdigit() for ch in doc[i].text)):
        i -= 1  # '90% of the Q1 renewal book': a period word too
    return i >= 0 and doc[i].lower_ == "of"


def _to_verb(doc: Doc, i: int) -> bool:
    """'to complete' in 'Get 80% of new customers to complete onboarding'."""
    return i + 1 < len(doc) and doc[i].lower_ == "to" and doc[i + 1].tag_ == "VB"


def _action_end(doc: Doc, verb: int, blocked: set[int]) -> int:
    """End of a verb with its particles and direct object ('show up', 'pass the product
    exam'); a participle stands alone ('certified on the new platform' -> 'certified')."""
    n, k = len(doc), verb + 1
    while k < n and k not in blocked and doc[k].is_alpha and doc[k].head.i == verb and (
            doc[k].dep_ in {"prt", "acomp", "advmod"}):
        k += 1  # "show up", "go live"
    has_object = any(c.dep_ == "dobj" for c in doc[verb].children)
    if (doc[verb].tag_ == "VBN" and not has_object) or k >= n or k in blocked or _duration(
            doc, k):
        return k  # not '2 weeks' in 'claims submitted 2 weeks prior to quarter-close'
    obj = noun_phrase(doc, k, blocked)
    if obj is None or obj[0] > k + 2:
        return k
    return _object_participle(doc, obj, blocked)


def _object_participle(doc: Doc, obj: tuple[int, int], blocked: set[int]) -> int:
    """End of an object with the participle that completes it ('have an exec sponsor
    identified'): what must be done to the object is part of the action."""
    end = obj[1]
    if end < len(doc) and end not in blocked and doc[end].tag_ == "VBN" and (
            obj[0] <= doc[end].head.i < end):
        return end + 1
    return end


def _swallowed_verb(doc: Doc, start: int, end: int) -> int | None:
    """'partners pass': a verb the noun phrase took for a noun after the counted plural."""
    for t in doc[start : end - 1]:
        if _plural(t) and doc[t.i + 1].tag_ in VERB_TAGS:
            return t.i + 1
    return None


def _predicate_verb(doc: Doc, k: int, participle_only: bool) -> bool:
    """A verb saying what the counted things did ('certified', 'complete', 'get'); a bare
    participle only after a count, and not one that leads to a deadline ('signed by May')."""
    token = doc[k]
    if token.dep_ == "aux" or token.lemma_.lower() in {"be", "do"} or not token.is_alpha or (
            token.lemma_.lower() == "have" and not any(c.dep_ == "dobj" for c in token.children)):
        return False  # 'have' only with its object: '90% of accounts have a sponsor mapped'
    if participle_only:
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        return token.tag_ == "VBN" and token.lower_ != token.lemma_.lower() and (
            nxt is None or nxt.lower_ != "by")  # 'meetings held', not 'integrations live'
    return token.tag_ in VERB_TAGS


def _accepted(doc: Doc, start: int, end: int, mode: str, target: Part | None,
              context: set[int]) -> bool:
    """Whether the phrase reached in `mode` names a metric."""
    if _goal_label(doc, start, end):
        return False
    head = doc[end - 1]
    # '20 account plans', '100% of expiring support plans'
    counted = mode in {"number", "headline", "linked", "held"} and _counted_plural(head)
    if (never(doc, start, end) and not counted) or _timing(doc, start, end, target):
        return False
    if mode in {"number", "headline"} and all(t.lower_ in _words("statistics") for t in doc[
            start:end]):
        return False  # '$38k avg by Q2': how the level is taken, not what it measures
    if mode in {"number", "headline"} and end - start == 1 and doc[start].lower_ in _words(
            "target_labels"):
        return False  # 'Ship rate: 98.5% target': the level's label, not what it measures
    if mode in {"number", "headline", "held", "field"}:
        return True
    if mode in SUBJECT_MODES:
        return not _verb_before_object(doc, start, end) and _subject_accepted(
            doc, start, end, target, strict=mode == "subject_linked")
    if mode in {"linked", "linked_strict"} and _linked_group(doc, start, end, mode, target):
        return True
    seg_start, seg_end = segment_of(doc, start)
    verb = goal_verb(doc, seg_start, seg_end, context)
    if measurable(doc, start, end, verb) or _moved(doc, end) or _object_counted(
            doc, start, end, verb, target):
        return True
    return mode == "verb" and _changed_to_target(doc, end, target) and not rejected(
        doc, start, end)


def _goal_label(doc: Doc, start: int, end: int) -> bool:
    """'goal is MQL->SQL conversion at 22%', 'aim is NRR at 108%': a lone word that names the
    goal before a copula labels what follows; it measures nothing."""
    return end - start == 1 and end < len(doc) and doc[start].lower_ in _words(
        "target_labels") and doc[end].lower_ in GOAL_LINKS


def _verb_before_object(doc: Doc, start: int, end: int) -> bool:
    """'Refresh the competitor battlecards twice a quarter', 'Cross-sell the module into 6
    accounts': a lone word opening the goal with a determined phrase right after it is a
    verb the tagger read as a noun, not the subject of a headline."""
    lone = all(_glued(doc, k) for k in range(start, end - 1))
    return lone and end < len(doc) and doc[end].tag_ in {"DT", "PRP$"} and doc[
        end].lower_ in _words("skip_tokens") and start == segment_of(doc, start)[0]


def _linked_group(doc: Doc, start: int, end: int, mode: str, target: Part | None) -> bool:
    """The phrase after 'of' or 'in' that the target counts ('$450k in new-logo bookings',
    '30% of new-logo deals') or takes a share of ('80% of commission calcs')."""
    counted = any(_plural(t) for t in doc[start:end]) and (
        mode == "linked" or doc[end - 1].tag_ in {"NNS", "NNPS"})
    return counted or _share_group(doc, start, end, target)


def _counted_plural(head: Token) -> bool:
    """'20 account plans': a plural a number counts is measured, though its lemma alone
    names nothing ('plan'); not a plural listed itself ('5 things', '3 dashboards')."""
    return _plural(head) and head.lower_ not in _words("never_metrics")


def _share_group(doc: Doc, start: int, end: int, target: Part | None) -> bool:
    """'Automate 80% of commission calcs', 'Train 100% of the support team', 'Collect $1.2M
    of overdue receivables': the group a share or an amount is taken of is what is measured,
    whatever its head; not a bare 'the team', nor when the verb has an object of its own
    ('Get renewals signed on 3/4 of my book')."""
    unit = getattr(target.value, "unit", None) if target is not None else None
    if target is None or unit not in {"percent", "currency"} or not _after_of(
            doc, start) or rejected(doc, start, end):
        return False
    if unit == "currency" and doc[start - 1].tag_ in {"DT", "PRP$"} and not _plural(
            doc[end - 1]):
        return False  # '$200k of the Acme deal': one thing, no stock an amount is drawn from
    seg_start, _ = segment_of(doc, start)
    before = [t for t in doc[seg_start:start] if t.idx < target.start]
    verb = next((t for t in before if is_goal_verb(t)), None)
    return verb is None or not any(t.tag_ in HEAD_TAGS for t in before if t.i > verb.i)


def _measure_subject(verb: Token) -> bool:
    """The verb's subject (or, for 'has to stay', its head verb's) is a measure word, not a
    label before a colon ('Self-serve revenue should reach ...', not 'Speed: quotes ...')."""
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(c.dep_ in {"nsubj", "nsubjpass"} and near(c.lemma_.lower(), _words(
        "measure_heads")) and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":")
        for v in verbs for c in v.children)


def _object_counted(doc: Doc, start: int, end: int, verb: Token | None,
                    target: Part | None) -> bool:
    """The verb's object is what the target counts or sizes: 'Run phone screens ... three
    times a week' (a count of times with a cadence after a plural object or one with 'a'),
    'Get a price uplift of 7%' (a change whose size is the level)."""
    if verb is None or target is None or not _object_of(doc, verb, start):
        return False
    head = doc[end - 1]
    if head.lower_ in _words("containers"):
        return end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].idx == (
            target.start)
    # New things counted: 'voice notes', 'a partner webinar'; not a set acted on again and
    # again ('Check the queues 3 times a day', 'Review my open opps twice a week').
    before = doc[start - 1]
    countable = before.lower_ in {"a", "an"} or (_plural(head) and not (
        before.tag_ in {"DT", "PRP$"} and before.lower_ in _words("skip_tokens")))
    return (getattr(target.value, "unit", None) == "count" and countable
            and target.start > head.idx and _cadence_count(doc, target)
            and not rejected(doc, start, end))


def _cadence_count(doc: Doc, target: Part) -> bool:
    """'three times a week', 'twice a month', '3x/week', '2 per rep per month': the target
    counts times within a cadence (the cadence holds the count or follows it, past a 'per'
    phrase saying who does them)."""
    return any(p.start <= target.start < p.end or (
        p.start >= target.end and _per_gap(doc_text(doc)[target.end : p.start]))
        for p in _cadences(doc))


def _per_gap(between: str) -> bool:
    """The text between a count and its cadence: spaces, or a 'per' phrase ('per rep',
    '/rep')."""
    words = between.split()
    return not words or (len(words) == 2 and words[0].lower() == "per") or (
        len(words) == 1 and words[0].startswith("/") and words[0][1:].isalpha())  # '2/rep/wk'


def _timing(doc: Doc, start: int, end: int, target: Part | None) -> bool:
    """A time unit alone ('month') or a phrase of a cadence ('every Monday', 'three mornings
    a week') says when, not what, unless the target counts those occasions."""
    word = doc[end - 1].lemma_.lower()
    timing = (end - start == 1 and word in _words("time_units")) or _in_cadence(doc, start, end)
    return timing and not _counted_occasions(doc, start, end, target)


def _counted_occasions(doc: Doc, start: int, end: int, target: Part | None) -> bool:
    """'Lights out by 22:30 on at least 5 nights a week': the occasions the target counts
    right before a cadence are its metric (not so a length held on them: 'Swim 2 km three
    mornings a week')."""
    if target is None or end - start != 1 or getattr(target.value, "unit", None) != "count":
        return False
    gap = doc_text(doc)[target.end : doc[start].idx]
    return not gap.strip() and doc[start].tag_ == "NNS" and _in_cadence(doc, start, end)


def _in_cadence(doc: Doc, start: int, end: int) -> bool:
    """'Monday' in 'every Monday': a phrase wholly inside a cadence names no metric (one that
    reaches past it may: 'weekly active users'); nor do the occasions counted right before
    one ('three mornings a week', '4 days per week')."""
    cadences = _cadences(doc)
    if not cadences:
        return False
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    occasions = doc[end - 1].lemma_.lower() in _words("time_units") and all(
        t.like_num for t in doc[start : end - 1])
    after = doc[end].idx if end < len(doc) else -1
    return any((p.start <= first and last <= p.end) or (occasions and p.start == after)
               for p in cadences)


def _word_subject(doc: Doc, i: int, target: Part | None,
                  blocked: set[int]) -> tuple[int, int] | None:
    """'Churn below 2%': a measure word the tagger read as a verb, right before its level;
    'lead to opp conversion ≥ 15%': the first end of a conversion so read."""
    word = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if target is None or nxt is None or not word.is_alpha:
        return None
    if nxt.lower_ == "to":
        flow = _extend(doc, i, i + 1, blocked)
        return flow if flow[1] > i + 1 else None
    if nxt.idx != target.start:
        return None
    return (i, i + 1) if near(word.lower_, _words("measure_heads")) else None


def _subject_accepted(doc: Doc, start: int, end: int, target: Part | None,
                      strict: bool) -> bool:
    """A headline's subject is measured when its level follows it ('NRR ≥ 112%', 'ACV is
    $300k', 'coverage at 3x'); otherwise ('Rep satisfaction with enablement (survey) from
    3.4 to 4.2') when no label colon parts it from the level, or when it names a measure
    or a count ('SQLs from content syndication: 150')."""
    if target is None or _area_label(doc, end, target) or rejected(
            doc, start, end) or (start > 0 and doc[start - 1].lower_ in _words("distributives")):
        return False  # 'every AE at ≥ 3x coverage': the scope, not the metric
    k = end
    while k < len(doc) and doc[k].idx < target.start and (
            doc[k].lower_ in _words("copulas") or doc[k].lower_ in _words("directions")):
        k += 1
    if k < len(doc) and doc[k].idx == target.start and (k > end or _comparing(target)):
        return True  # a bare count after a word ('Contact 200 leads') names its own thing
    if strict:
        return False
    labelled = False
    for t in doc[end:]:
        if t.idx >= target.start:
            break
        labelled = labelled or t.text == ":"
    return not labelled or measurable(doc, start, end, None) or _plural(doc[end - 1]) or (
        _label_participle(doc, end - 1)) or _cadence_count(doc, target) or (  # 'Ride-alongs: 2/wk'
        _opening_plural(doc, start, end, target))


def _opening_plural(doc: Doc, start: int, end: int, target: Part) -> bool:
    """'Demos/wk: 12', 'Demos: 12': a capitalised 's' plural alone at the start of its line,
    which the tagger read as a name, is counted by a bare count ('Texas: $2M' is a place)."""
    token = doc[start]
    return end - start == 1 and token.tag_ == "NNP" and token.is_title and (
        token.lower_.endswith("s") and not token.lower_.endswith(("ss", "us", "is"))) and (
        start == label_start(doc, segment_of(doc, start)[0])) and (
        getattr(target.value, "unit", None) == "count")


def _area_label(doc: Doc, end: int, target: Part | None) -> bool:
    """The phrase ends in a word naming a goal area ('Q1 bookings target', 'Deal desk SLA:'),
    not an acronym compared right after ('Inbound lead response SLA under 2 hrs')."""
    last = doc[end - 1]
    if last.lower_ not in _words("area_labels"):
        return False
    return not (_is_acronym(last) and target is not None and end < len(doc)
                and doc[end].idx == target.start and _comparing(target))


def _label_participle(doc: Doc, i: int) -> bool:
    """'held' in 'Demos held: 40', 'created' in 'Pipeline created (net): $2M', 'reopened' in
    'Tickets reopened after closure: under 3%': a participle closing a label (up to a short
    scope phrase) names what was done to the counted thing."""
    if not (0 < i < len(doc) - 1 and doc[i].tag_ in {"VBD", "VBN"} and (
            doc[i - 1].tag_ in HEAD_TAGS or _plural(doc[i - 1]))):
        return False  # 'Webinar leads/VBZ converted: 15%'
    nxt = doc[i + 1]
    if nxt.is_punct:
        return nxt.text[:1] in ":("
    if nxt.lower_ == "per" and i - 1 == segment_of(doc, i)[0]:
        return True  # 'Pipeline generated per SDR ≥ $180k
    label_end = next((t for t in doc[i + 1 : i + LABEL_SCOPE] if t.is_punct), None)
    return nxt.tag_ == "IN" and label_end is not None and label_end.text == ":"


def _moved(doc: Doc, end: int) -> bool:
    """'MQLs up': a phrase followed by a direction word is measured."""
    return end < len(doc) and doc[end].lower_ in _words("directions") and (
        end + 1 >= len(doc) or not doc[end + 1].is_alpha)


def _changed_to_target(doc: Doc, end: int, target: Part | None) -> bool:
    """'Shorten the month-end close from 8 to 5 days', 'Keep discount depth within the 8–12%
    range', 'Keep availability of the portal at 99.9%': the object moved to or held in a
    number, past a scope phrase, is measured, whatever it is called; so is one that holds
    an amount ('an emergency fund of €10,000')."""
    if target is None or end >= len(doc):
        return False
    if doc[end].lower_ in _words("value_links") and end + 1 < len(doc) and doc[
            end + 1].idx == target.start and (getattr(target.value, "unit", None) in (
            AMOUNT_UNITS) or doc[end].lower_ != "of"):  # 'deals worth 2M'
        return True
    return _leads_to(doc, end, target) or _leads_to(doc, _past_scope(doc, end, target), target)


def _leads_to(doc: Doc, end: int, target: Part) -> bool:
    """The target follows `end` closely and moves to, holds or compares a level."""
    lead = doc[end : end + 4]
    return any(t.idx == target.start for t in lead) and (target.text.split()[0].lower() in {
        "to", "from", "by", "below", "above", "under", "over", "at", "down", "up"} or (
        _comparing(target) or doc[end].lower_ in {"within", "into", "between"}))


def _past_scope(doc: Doc, end: int, target: Part) -> int:
    """Where the level may start after the scope phrases right after a measure ('of the
    customer portal', 'on deal desk approval requests', 'among AEs'): their end when the
    target follows them, else `end`."""
    k = end
    preps = _words("scope_preps")
    while k < len(doc) and doc[k].idx < target.start and doc[k].lower_ in preps:
        k += 1
        while k < len(doc) and doc[k].idx < target.start and (
                doc[k].tag_ in SCOPE_TAGS or doc[k].text in QUOTES) and doc[k].lower_ not in preps:
            k = _quoted_end(doc, k, target) if doc[k].text in QUOTES else k + 1
    named = any(t.tag_ in HEAD_TAGS for t in doc[end:k])
    reaches = k < len(doc) and (doc[k].idx == target.start or doc[k].lower_ in _words(
        "directions"))  # 'the monthly AWS bill for the data platform down from $142k'
    return k if named and reaches else end


def _quoted_end(doc: Doc, k: int, target: Part) -> int:
    """After the quotation that opens at token k, whatever its words ("at the 'connect data
    source' step", "on the 'Start free trial' button"), when it closes before the target;
    else after the mark alone."""
    close = next((j for j in range(k + 1, len(doc)) if doc[j].idx >= target.start or (
        doc[j].text in QUOTES)), None)
    return close + 1 if close is not None and doc[close].idx < target.start else k + 1


def _blocked(doc: Doc) -> set[int]:
    """Tokens that can never be part of a metric: times and the purpose clause."""
    spans: list[Part] = []
    if Doc.has_extension("gs_times"):
        # A cadence word can name the metric: "weekly active users", "monthly recurring revenue".
        # So can a duration label: "90-day onboarding completion rate".
        # So can a period's end joined to a noun: "the month-end close", "year-end audit".
        spans.extend(p for p in doc._.gs_times or [] if not _names_metric(p.value) and not (
            _end_modifier(doc, p)))
    if Doc.has_extension("gs_relevance") and doc._.gs_relevance is not None:
        spans.append(doc._.gs_relevance)
    return _tokens_of(doc, spans)


def _tokens_of(doc: Doc, parts: list[Part]) -> set[int]:
    """The tokens the parts overlap, a token the part starts inside included ('n=240')."""
    starts = token_offsets(doc)[0]
    return {i for p in parts
            for i in range(_token_at(doc, p.start), bisect_left(starts, p.end))}


def _token_at(doc: Doc, offset: int) -> int:
    """The index of the token holding the character offset, else of the first one after it."""
    starts, ends = token_offsets(doc)
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and ends[i] > offset else i + 1


def _end_modifier(doc: Doc, part: Part) -> bool:
    """'month-end' in 'the month-end close': a hyphenated period end that is no bound of the
    goal and modifies the noun right after it."""
    if getattr(part.value, "role", None) != "label" or not END_MODIFIER.fullmatch(part.text):
        return False
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    after = doc[span.end] if span is not None and span.end < len(doc) else None
    return after is not None and after.idx > part.end and after.pos_ == "NOUN"


def _names_metric(expr: object) -> bool:
    role, kind = getattr(expr, "role", None), getattr(expr, "kind", None)
    return role == "cadence" or (role == "label" and kind == "duration")


def _activity_verb(doc: Doc, start: int, end: int, target: Part | None,
                   verbs: frozenset[str]) -> bool:
    """'Swim 2 km every Sunday', 'Stretch 15 minutes after each run', 'Lose 5 kg': a goal
    that opens with a verb's base form the tagger read as a noun names an activity, not a
    measure, when its number carries a unit of time or measure ('Calls 60/day' and 'MTTR 3
    hours' are labels: a plural, no verb)."""
    if target is None or end - start != 1 or doc[start].lower_ not in verbs:
        return False
    if any(t.is_alpha for t in doc[segment_of(doc, start)[0]:start]):
        return False
    return getattr(target.value, "unit", None) == "other"


class MetricDetector:
    """Finds the metric; `nlp`'s lemmatizer tables name the English verbs."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @cached_property
    def verbs(self) -> frozenset[str]:
        return verb_index(self.nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_metric = find_metric(doc, self.verbs)
        return doc


@Language.factory("goalsmith/metric", assigns=["doc._.gs_metric"])
def make_metric(nlp: Language, name: str) -> MetricDetector:
    return MetricDetector(nlp)
