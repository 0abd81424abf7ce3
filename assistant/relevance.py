"""Relevance: the clause that links the goal to a broader objective ("to support ...",
"so that ...", "as part of ...", "which contributes to ...")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .grid import Cell, column_cell, table_cells
from .lexicon import word_set
from .parts import Part
from .quantities.grammar import patterns as quantity_patterns
from .quantities.lexicon import phrases
from .segments import (
    REFERRING_OBJECTS,
    SUBJECTS,
    boundary_at,
    by_first_word,
    is_boundary,
    is_emphasis,
    is_goal_verb,
    is_numeric,
    is_pictograph,
    is_verb,
    label_start,
    label_width,
    lower_words,
    opens_label,
    segment_bounds,
    segment_of,
    timed_activity,
    trim,
)
from .spans import doc_text, token_offsets

Doc.set_extension("gs_relevance", default=None, force=True)

DATA = "relevance.json"
CANDIDATES_KEY = "goalsmith.relevance_candidates"
FIRST_GOAL_KEY = "goalsmith.first_goal_token"
PURPOSES_KEY = "goalsmith.purpose_clauses"
TIMED_KEY = "goalsmith.timed_tokens"
CLAUSE_STARTS_KEY = "goalsmith.clause_starts"
EXTENTS_KEY = "goalsmith.extents"
RESTATES_KEY = "goalsmith.restates"
NARRATIVES_KEY = "goalsmith.past_narratives"
OBJECT_WORDS = frozenset({"DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON", "ADP"})
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
# The verb after a gerund subject that says what the goal will bring: present or modal, not a
# past ('Closing 10 deals last year got us ...' tells what was, no goal's outcome).
CONSEQUENCE_TAGS = frozenset({"VBZ", "VBP", "MD"})
# How the parser attaches a gerund subject to its verb ('hitting 96% GRR this qtr means ...'
# comes out as an adverbial clause).
GERUND_SUBJECTS = frozenset({"csubj", "nsubj", "advcl"})
OR_SUBJECT_WORDS = 4  # 'or the West territory stays uncovered'
# 'marketing needs them for the launch', 'the board wants it for ...' (see _needed_for)
NEED_VERBS = frozenset({"need", "want"})
NEED_FORMS = frozenset(f"{verb}{ending}" for verb in NEED_VERBS for ending in ("", "s", "ed"))
DISTRIBUTIVES = frozenset({"each", "every", "all", "any", "per"})
# The most words of a heading before an OKR's objective label ('Q1 team OKRs:').
HEADING_WORDS = 3
# A key result numbered under its objective ('KR3.1', 'kr2.4').
NUMBERED_KR = re.compile(r"kr\d+(?:\.\d+)+")
# Modals that open a sentence saying what the goal would bring ('. Would let us ...').
CONDITIONAL_MODALS = frozenset({"would", "should", "could"})
# Prepositions that a verb takes ('to prep for the ride', 'to compete with ...'); not a time's
# ('to finance within 2 days', 'to AEs by end of Q2': there the word after 'to' is no verb).
VERB_PREPOSITIONS = frozenset({"for", "with", "on", "into", "against", "about"})
OBJECT_STARTS = frozenset({"DET", "PRON", "PROPN", "NOUN", "ADJ", "ADV", "PART"})
LIGHT_VERBS = frozenset({"get", "make", "have", "do", "be", "more", "less", "go", "come", "up",
                         "down", "keep", "mean"})
# At most this many words before an arrow name the first end of a flow ('POC → close rate').
FLOW_WORDS = 2
# At most this many words before an arrow hold the 'from' of a turn ('from the legacy plan ->').
FROM_WORDS = 4
# What closes a clause that opens the goal ("To stay on pace, close ...", "so we keep Acme: ...").
LEADING_ENDS = frozenset({",", ":"})
# Spaced dashes inside a field's value ("Linked to: OKR 3 – Enterprise Expansion").
DASHES = frozenset({"-", "–", "—", "--"})
# Link words after the noun of "as a stepping stone for ...", "as a signal to ...".
ROLE_LINKS = frozenset({"for", "to", "toward", "towards", "on", "into"})
CLAUSE_STARTS = frozenset({",", ":", "(", "—", "–", "-", "--", "and"})
# Openers that may stand inside the goal's own words, so they open a purpose only at a clause's
# start or after 'as' ('as part of', 'tied to').
LOOSE_OPENERS = frozenset({"part", "supporting", "helping", "enabling", "feeding", "tied",
                           "linked", "toward", "towards", "given", "ensuring", "allowing",
                           "letting", "positioning", "setting", "thereby", "that", "this",
                           "freeing", "consistent"})


@cache  # asked at every token: one lookup instead of two calls
def _words(key: str) -> frozenset[str]:
    return word_set("assistant", DATA, key)


@dataclass(frozen=True)
class Candidate:
    start: int  # token index of the connector
    kind: str
    confidence: float
    width: int = 1  # tokens of the connector itself


def _opener_at(lowered: list[str], i: int) -> str | None:
    """The opener phrase starting at token i of a doc whose lower-cased words are given (not
    'so that' before "'s" or 'is': '..., so that's 31 Jan 2028' restates, it gives no
    purpose)."""
    for words in _openers().get(lowered[i], ()):
        end = i + len(words)
        if tuple(lowered[i:end]) == words and not (
                words[-1] == "that" and end < len(lowered) and lowered[end] in {"'s", "’s", "is"}):
            return " ".join(words)
    return None


@cache  # asked at every word: one lookup instead of two calls
def _openers() -> dict[str, tuple[tuple[str, ...], ...]]:
    return by_first_word(_words("openers"))


def clause_start(doc: Doc, i: int) -> bool:
    """Token i opens a clause: first of its segment or right after a comma, colon, dash or
    emoji."""
    return _clause_starts(doc)[i]


def _clause_starts(doc: Doc) -> list[bool]:
    """`clause_start` for every token, worked out once per Doc (the scan asks per token)."""
    cached = doc.user_data.get(CLAUSE_STARTS_KEY)
    if cached is None or len(cached) != len(doc):
        lowered = lower_words(doc)
        bounds = segment_bounds(doc)
        # (a pictograph is never ASCII: the cheap test spares most tokens the Unicode lookup)
        cached = [i == bounds[i][0] or lowered[i - 1] in CLAUSE_STARTS or (
            lowered[i - 1][-1:] == "." and _after_abbreviation(doc[i])) or (
            not lowered[i - 1].isascii() and is_pictograph(doc[i - 1])) for i in range(len(doc))]
        doc.user_data[CLAUSE_STARTS_KEY] = cached
    return cached


def _after_abbreviation(token: Token) -> bool:
    """'by end of Jan. We need them for ...': a capitalised word after an abbreviation's
    full stop (one token with it) opens a sentence."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and len(before) > 1 and before.text.endswith(".") and (
        before.text[0].isalpha()) and token.is_title


def _first_in_segment(doc: Doc, kind: str) -> list[int]:
    """For every token, the index of the first token of its segment that is a goal verb
    (`kind` "verb") or a number that is no date ("number"); the segment's end when there is
    none. Worked out once per Doc in one pass."""
    key = f"goalsmith.first_{kind}"
    cached = doc.user_data.get(key)
    if cached is None:
        bounds = segment_bounds(doc)
        first: dict[int, int] = {}
        for i, (seg_start, _) in enumerate(bounds):
            if seg_start in first:
                continue  # only a segment's first counts: its later tokens need no test
            token = doc[i]
            hit = is_goal_verb(token) if kind == "verb" else (
                is_numeric(token) and not _in_time(doc, token))
            if hit:
                first[seg_start] = i
        cached = [first.get(s, e) for s, e in bounds]
        doc.user_data[key] = cached
    return cached


def _has_verb_before(doc: Doc, i: int) -> bool:
    return _first_in_segment(doc, "verb")[i] < i


def _infinitive(doc: Doc, i: int) -> bool:
    """'to' + a verb that is a purpose, not a target ('to $1M') nor a complement ('want to')."""
    if doc[i].lower_ != "to" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if is_numeric(nxt) or nxt.pos_ in {"DET", "PRON", "PROPN", "NUM"}:
        return False
    verb = doc[_prefixed_verb_end(doc, i + 1)]  # 'to re-activate': its verb is 'activate'
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    # an object follows: a noun phrase, a particle, a participle modifying the object ("to cut
    # broken-link incidents") or the preposition of a prepositional verb ("to prep for ...")
    takes_object = after is not None and (after.pos_ in OBJECT_STARTS or after.tag_ in {
        "RP", "VBG", "$"} or after.dep_ == "amod" or after.lower_ in VERB_PREPOSITIONS)
    word = doc[i + 1 : verb.i + 1]  # the tagger may read either part of 'pre-empt' as the verb
    known = {verb.lower_, word.text.lower()} & _words("purpose_verbs")
    tagged = any(t.tag_ == "VB" for t in word)
    verb_like = bool(known) or (tagged and takes_object) or _hyphenated_verb(doc, i + 1)
    previous = doc[i - 1] if i > 0 else None
    if not verb_like or _causative_object(doc, i) or _complement_clause(doc, i) or _joint_task(
            doc, i):  # first: the test already made, before the parse is walked
        return False
    controlled = previous is not None and (timed_activity(doc, i) or
        previous.lower_ in _words("control_verbs") or previous.lemma_ in _words("control_verbs")
    )
    return not controlled


def _hyphenated_verb(doc: Doc, i: int) -> bool:
    """'To de-risk the renewal', 'to re-energise the funnel': a word joined by a hyphen
    (split in three tokens) right after 'to' and before a determiner-led object is a verb,
    whatever the tagger made of its parts ('to mid-market accounts' has no determiner)."""
    if i + 3 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_ or (
        doc[i + 1].whitespace_
    ):
        return False
    return doc[i + 3].tag_ in {"DT", "PRP$"}


def _prefixed_verb_end(doc: Doc, i: int) -> int:
    """'to co-sell with', 'to re-qualify for': a verb prefix joined by a hyphen to the word
    after it (the tokenizer splits the word in three) makes that word the verb; the index of
    the verb's last part, i when no such prefix opens at token i ('to mid-market accounts'
    has none)."""
    if i + 2 >= len(doc) or doc[i].lower_ not in _words("verb_prefixes") or (
        doc[i + 1].text != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_
    ):
        return i
    return i + 2


def _causative_object(doc: Doc, i: int) -> bool:
    """'Get 12 logos to sign the DPA', 'help the reps to close': the infinitive completes a
    causative verb's object, it is not a purpose."""
    seg_start, _ = segment_of(doc, i)
    verbs = [t for t in doc[seg_start:i] if is_goal_verb(t)]
    if not verbs or verbs[-1].lemma_.lower() not in _words("causative_verbs"):
        return False
    between = doc[verbs[-1].i + 1 : i]
    return len(between) > 0 and between[0].pos_ not in {"ADP", "PART"} and all(
        t.pos_ in OBJECT_WORDS and not _in_time(doc, t) for t in between)


def _complement_clause(doc: Doc, i: int) -> bool:
    """'I want my team to have ...': the infinitive has its own subject before 'to', so it
    completes the verb before it (unless 'for' introduces that subject: a purpose)."""
    verb = doc[i + 1]
    if verb.dep_ not in {"ccomp", "xcomp"} or verb.head.i > i or _for_subject(doc, i) is not None:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < i]
    return bool(subjects) and not any(is_numeric(t) for t in subjects[0].subtree)


def _joint_task(doc: Doc, i: int) -> bool:
    """'Partner with enablement to refresh the battlecards', 'team up with RevOps to rebuild
    ...': a verb of working together with someone, whose infinitive is the task itself (it
    holds whatever numbers the goal has)."""
    head = doc[i + 1].head
    seg_start, _ = segment_of(doc, i)
    if head.i >= i or head.lemma_.lower() not in _words("joint_verbs") or any(
            c.dep_ == "dobj" for c in head.children) or any(
        is_numeric(t) for t in doc[seg_start:i]
    ):
        return False
    partners = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
    return bool(partners) and not any(is_numeric(t) for t in partners[0].subtree)


def _for_subject(doc: Doc, i: int) -> int | None:
    """'for the sales team to use ...': the index of 'for' when it opens the purpose."""
    for j in range(i - 1, max(i - 6, -1), -1):
        if doc[j].lower_ == "for":
            between = doc[j + 1 : i]
            if all(t.pos_ in {"DET", "NOUN", "PROPN", "ADJ", "PRON"} and not _in_time(doc, t)
                   for t in between):
                return j
            return None
    return None


def _for_purpose(doc: Doc, i: int) -> bool:
    """'for developing the indirect channel', 'for reaching the team goal of DACH' (a
    non-native writer's 'pour développer', 'para alcanzar'): after the goal's verb, 'for'
    and a gerund that acts on an object, or an objective a team or a company owns ('for
    the objective of our team'); not 'for the next 6 weeks', 'for enterprise accounts',
    'for my team', nor a bare 'for the spring campaign'."""
    if doc[i].lower_ != "for" or i + 2 >= len(doc) or not _has_verb_before(doc, i):
        return False
    gerund = doc[i + 1]
    if gerund.tag_ == "VBG":  # not a measure ('CSAT for onboarding calls to at least 4.8')
        _, seg_end = segment_of(doc, i)
        return gerund.lemma_.lower() not in LIGHT_VERBS and (
            doc[i + 2].pos_ in OBJECT_STARTS - {"ADV"}) and not any(
            is_numeric(t) and not _in_time(doc, t) for t in doc[i + 2 : seg_end])
    return _owned_for_objective(doc, i)


def _owned_for_objective(doc: Doc, i: int) -> bool:
    """'for the objective of the agency', 'for our team's target': after 'for' (token i), a
    noun phrase on one of 'for_objectives' with an owner: an 'of' after it, a possessive or
    'our'/'their' before it ('for my target' is the writer's own goal again)."""
    _, seg_end = segment_of(doc, i)
    for k in range(i + 1, min(i + 6, seg_end)):
        token = doc[k]
        if token.lower_ in _words("for_objectives"):
            between = doc[i + 1 : k]
            return (k + 1 < seg_end and doc[k + 1].lower_ == "of") or any(
                t.tag_ == "POS" or t.lower_ in _words("shared_owners") for t in between)
        if token.pos_ not in OBJECT_WORDS - {"ADP", "NUM"} and token.tag_ != "POS":
            return False
    return False


def _commitment(doc: Doc, lowered: list[str], i: int) -> int:
    """'as committed in our SBTi filing', 'as agreed with the board', 'as planned in the Q1
    roadmap': 'as' and a participle of commitment or planning, then a preposition whose object
    names a plan, a filing or a body the promise was made to (not 'as agreed on our call',
    'as required by Priya'). The tokens of 'as' and the participle, 0 when none."""
    if lowered[i] != "as" or i + 1 >= len(doc):
        return 0
    words = next((w for w in by_first_word(_words("commitment_participles")).get(
        lowered[i + 1], ()) if tuple(lowered[i + 1 : i + 1 + len(w)]) == w), None)
    k = i + 1 + len(words) if words is not None else len(doc)
    if k >= len(doc) or doc[k].pos_ != "ADP":
        return 0
    _, seg_end = segment_of(doc, k)
    sources = _words("objective_nouns") | _words("commitment_sources")
    for token in doc[k + 1 : seg_end]:
        if token.lower_ in sources or token.lemma_.lower() in sources:
            return k - i
        if (token.is_punct and token.tag_ != "HYPH") or token.pos_ in {"ADP", "VERB", "AUX"}:
            return 0  # the object ends: 'as agreed on our call yesterday, ...'
    return 0


def _referent_link(doc: Doc, i: int) -> bool:
    """'this directly supports ...', 'which is part of ...', 'this ties to ...'."""
    if doc[i].lower_ not in _words("referents") or not (
        clause_start(doc, i) or _comments_on_goal(doc, i)
    ):
        return False
    j = _past_adverbials(doc, i + 1)
    if j >= len(doc) or (doc[i].lower_ == "that" and _present_verb(doc[j]) and not (
            doc[j].lower_ in _words("link_verbs") or _acts_on_something(doc[j]))):
        return False  # '. that sounds doable', '- that includes 5 enterprise ones'
    return _states_outcome(doc, j) and not _personal_stake(doc, j)


def _acts_on_something(verb: Token) -> bool:
    """The verb has an object that holds no number ('— that gets the team over the line'),
    so the clause says what the goal does; not a comment on it ('that sounds doable', 'that
    seems like a lot') nor a breakdown of it ('that includes 5 enterprise ones')."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    return bool(objects) and not any(
        is_numeric(t) for o in objects for t in o.subtree)


def _gerund_subject(doc: Doc, i: int) -> bool:
    """'Getting gross margin to 38% by end of Q2 would let us hire ...', 'hitting 96% GRR this
    qtr means our region keeps its seat ...': token i is the first finite verb or modal of a
    clause whose subject is a gerund phrase holding the goal's number (the goal said again
    as a subject), so the predicate from i on says what reaching the goal brings."""
    if doc[i].tag_ not in CONSEQUENCE_TAGS:  # first: the cheap test
        return False
    main = doc[i].head if doc[i].dep_ == "aux" else doc[i]
    gerund = next((c for c in main.children if c.tag_ == "VBG" and c.i < i and (
        c.dep_ in GERUND_SUBJECTS)), None)
    if gerund is None or not clause_start(doc, gerund.i) or _dated(doc, main.i + 1):
        return False  # 'aiming for 60 survey replies/VBZ by wednesday': a noun read as a verb
    between = doc[gerund.i + 1 : i]
    if any(t.tag_ in FINITE_TAGS or t.text in {",", ";"} for t in between) or not any(
            is_numeric(t) and not _in_time(doc, t) for t in between):
        return False
    return _states_outcome(doc, i) and not _personal_stake(doc, i)


def _states_outcome(doc: Doc, j: int) -> bool:
    """From token j on, after a subject that stands for the goal ('this', 'which', a gerund
    phrase), a predicate saying what the goal brings: a link verb, a present or modal verb
    of its own ('keeps the SDR team loaded', 'will fund the second SE hire'), or 'is' with
    what the goal is to a broader objective ('is part of ...', 'is what gets ...')."""
    if doc[j].lower_ in _words("link_verbs"):
        return True
    verb = doc[j + 1] if doc[j].tag_ == "MD" and j + 1 < len(doc) else doc[j]
    if verb.lemma_.lower() in _words("requirement_verbs"):
        return False  # 'this requires 200 dials', 'would need 40 demos': what the goal needs
    if _present_verb(doc[j]) and _goal_before(doc, j):
        # ", which keeps the SDR team loaded", "— this keeps cash ...": a consequence; not
        # ", which ends 31 January", ", which starts in April": a date says when, not why
        return not (doc[j].lemma_.lower() in _words("calendar_verbs") and _dated(doc, j + 1))
    if doc[j].tag_ == "MD" and verb.tag_ == "VB":
        return verb.lemma_ != "be"  # "This will fund the second SE hire"
    return doc[j].lemma_ == "be" and _copula_link(doc, j)


def _copula_link(doc: Doc, j: int) -> bool:
    """After the goal's subject, 'is' (token j) with what the goal is to a broader objective:
    'is part of ...', 'is what gets the app onto ...', 'is holding up the Q4 commit call'."""
    _, seg_end = segment_of(doc, j)
    k = _past_adverbials(doc, j + 1)  # "which is exactly what the plan assumes"
    if k + 1 < seg_end and doc[k].tag_ == "VBG" and doc[k].lemma_ not in LIGHT_VERBS and (
            _goal_before(doc, j)):  # '. This is holding up the Q4 commit call'
        return doc[k + 1].pos_ in OBJECT_STARTS - {"ADV"} or doc[k + 1].tag_ == "RP"
    if k + 1 >= seg_end:
        return False
    if doc[k].lower_ not in _words("link_copula_nouns"):
        # "that's my ticket to presidents club": a possessive before a noun naming a need
        return doc[k].tag_ == "PRP$" and _names_a_need(doc, k + 1, seg_end)
    # "which is the first step toward ...", "the core of ...", not "that's the whole plan"
    # nor "it's a big company": after a determiner, the noun must name a part or a need.
    # "the milestone for ...": or a link word follows that noun. "which is what the
    # board plan assumes": a free relative names the need, but not a past ("what I did").
    if doc[k].lower_ == "what":
        return not any(t.tag_ == "VBD" for t in doc[k + 1 : seg_end])
    # 'that's basically half my quota': a predeterminer names a share
    return doc[k].pos_ != "DET" or doc[k].tag_ == "PDT" or _names_a_need(
        doc, k + 1, seg_end) or _owned_objective(doc[k])


def _owned_objective(determiner: Token) -> bool:
    """'which is the alliance team's headline KPI': the phrase names an objective that a team
    or a company owns (not "that's the goal for q1": the text naming itself)."""
    owner = determiner.head if determiner.head.dep_ == "poss" else None  # 'the team's KPI'
    head = owner.head if owner is not None else determiner.head
    return head.i > determiner.i and head.lower_ in _words("objective_nouns") and (
        owner is not None or any(c.dep_ == "poss" for c in head.children))


def _dated(doc: Doc, k: int) -> bool:
    """A time expression opens at token k, or right after a preposition there."""
    if k < len(doc) and doc[k].pos_ == "ADP":
        k += 1
    return k < len(doc) and _in_time(doc, doc[k])


def _comments_on_goal(doc: Doc, i: int) -> bool:
    """'... at 95% for FY27 which protects the renewal commit': a 'which' right after the
    goal's number or time bound cannot narrow a noun (a date or an amount has no subset to
    pick), so it comments on the whole goal even without a comma; 'deals which close in
    Q1' narrows the deals."""
    if doc[i].lower_ != "which" or i == 0:
        return False
    before = doc[i - 1]
    unit_after_number = not before.is_alpha and before.i > 0 and is_numeric(doc[before.i - 1])
    return _in_time(doc, before) or is_numeric(before) or unit_after_number


def _past_adverbials(doc: Doc, j: int) -> int:
    """The first token from j on past adverbs and set phrases like 'in turn' that can sit
    between a referent and its verb."""
    while j < len(doc):
        phrase = next((p for p in _words("adverbial_phrases")
                       if [t.lower_ for t in doc[j : j + len(p.split())]] == p.split()), None)
        if phrase is not None:
            j += len(phrase.split())
        elif doc[j].pos_ == "ADV":
            j += 1
        else:
            return j
    return j


def _present_verb(token: Token) -> bool:
    """A third-person present verb other than 'is', also where the tagger read it as a
    plural noun ('which lowers blended CAC'): after a referent subject a plural noun
    cannot follow."""
    return token.lemma_ != "be" and (token.tag_ == "VBZ" or (
        token.tag_ == "NNS" and token.lower_.endswith("s") and token.is_lower))


def _names_a_need(doc: Doc, start: int, end: int) -> bool:
    """The noun opening doc[start:end] (after adjectives) names a part or a need ('core',
    'first step') or is followed by a link word ('the milestone for ...')."""
    noun = next((t for t in doc[start:end] if t.pos_ not in {"ADJ", "ADV"}), None)
    if noun is None or noun.lower_ in _words("goal_names"):
        return False  # "that's the goal for q1": the text names itself, no objective
    following = doc[noun.i + 1].lower_ if noun.i + 1 < end else ""
    return noun.lower_ in _words("apposition_heads") or following in _words("apposition_links")


def _arrow_width(doc: Doc, i: int) -> int:
    """Tokens of the arrow starting at token i ('→' is one, '->' two), 0 when none."""
    if doc[i].text in _words("arrows"):
        return 1
    joined = doc[i].text + doc[i + 1].text if i + 1 < len(doc) and not doc[i].whitespace_ else ""
    return 2 if joined in _words("arrows") else 0


def _arrow_link(doc: Doc, i: int) -> int:
    """'... by 30 Apr 2027 → protects the NRR target': an arrow handing over to words, not
    to a number ('92% → 96%' is a from/to target) nor inside a metric's name that opens the
    goal ('POC → close rate needs to hit 60%'). The arrow's width, 0 when none."""
    width = _arrow_width(doc, i)
    nxt = doc[i + width] if width and i + width < len(doc) else None
    # a name after the arrow only as the subject of a clause ('→ AEs can commit them in q1')
    named = nxt is not None and nxt.pos_ == "PROPN" and not (
        nxt.i + 1 < len(doc) and doc[nxt.i + 1].tag_ in FINITE_TAGS)
    if nxt is None or not nxt.is_alpha or nxt.pos_ == "NUM" or named or _in_time(doc, nxt):
        return 0
    opening = segment_of(doc, i)[0]
    if i - opening <= FLOW_WORDS and not any(is_numeric(t) for t in doc[opening:i]):
        return 0
    return 0 if _from_before(doc, max(opening, i - FROM_WORDS), i) else width


def _from_before(doc: Doc, start: int, i: int) -> bool:
    """'from free → paid conversions', 'from the legacy plan -> the new tier': a 'from'
    shortly before the arrow, with only words between, makes it the turn from one state to
    the next."""
    return any(t.lower_ == "from" and all((w.is_alpha and w.pos_ != "VERB") or w.tag_ == "HYPH"
                                          for w in doc[t.i + 1 : i])
               for t in doc[start:i])


def _apposition(doc: Doc, i: int) -> bool:
    """', critical for the FY capacity model', '— a prerequisite for the channel launch',
    ', our contribution to the EMEA plan': a phrase set off after the goal that names what
    the goal is needed for."""
    if not clause_start(doc, i) or (i > 0 and doc[i - 1].tag_ == "HYPH"):
        return False  # 'next-step completion': a hyphen inside a word opens no clause
    j = i
    while j < len(doc) and (doc[j].pos_ in {"DET", "ADV"} or (j == i and doc[j].tag_ == "PRP$")):
        j += 1
    if j + 1 < len(doc) and doc[j + 1].tag_ == "POS":  # "the team's contribution to ..."
        j += 2
    # "the single biggest lever on ...": adjectives before the head, which may be one itself
    while j + 2 < len(doc) and not _apposition_head(doc, j) and doc[j].pos_ == "ADJ":
        j += 1
    return _apposition_head(doc, j) and _goal_before(doc, i)


def _as_role(doc: Doc, i: int) -> bool:
    """', as a stepping stone for the EMEA launch', '— as a signal to the board that ...':
    after the goal, 'as' + an indefinite noun phrase whose noun a link word follows names the
    part the goal plays in something larger (not ', as a team', nor a person's role: ', as
    the AE for the region', ', as an SE on the deal')."""
    noun = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.is_upper or noun.i + 1 >= len(doc) or not any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return False
    link = doc[noun.i + 1]
    return link.lower_ in ROLE_LINKS and link.head == noun and _goal_before(doc, i)


def _apposition_head(doc: Doc, j: int) -> bool:
    """Token j is a head that names a need, with its link word after it ('key input to ...',
    'critical for ...', 'lever on ...')."""
    if j + 2 >= len(doc) or doc[j].lower_ not in _words("apposition_heads"):
        return False
    link = j + 2 if doc[j + 1].pos_ == "NOUN" else j + 1
    return doc[link].lower_ in _words("apposition_links")


def _needed_for(doc: Doc, i: int) -> bool:
    """'. need this for the QBR story', ', we need the wins for the board deck', 'the team
    needs them for ...', '; the board wants it for the year-end story': a clause after the
    goal saying what it is needed for, its object a pronoun or a short phrase for what the
    goal brings."""
    k = _past_subject(doc, i)
    verb = doc[k].lemma_.lower() if k < len(doc) else ""
    if verb not in NEED_VERBS or not (clause_start(doc, i) and _goal_before(doc, i)):
        return False
    k, start = k + 1, k + 1
    if k < len(doc) and doc[k].lower_ in REFERRING_OBJECTS:
        k += 2 if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" else 1  # 'that number'
    elif k + 1 < len(doc) and doc[k].tag_ in {"DT", "PRP$"} and doc[k + 1].pos_ == "NOUN":
        k += 2  # 'the wins', 'those logos'
    # 'want' only with what is wanted ('i want to do better at renewals' is a wish)
    return (verb == "need" or k > start) and k < len(doc) and doc[k].lower_ in _words(
        "apposition_links")


def _dependence(doc: Doc, i: int) -> bool:
    """'. Q1 enterprise pipeline depends on it.', '. The department's plan hinges on year 11
    results.': a sentence after the goal whose verb says that something rests on the goal (a
    word referring back to it) or that a plan or target rests on something."""
    if not (clause_start(doc, i) and _goal_before(doc, i)):
        return False
    _, seg_end = segment_of(doc, i)
    subject = next((t for t in doc[i:seg_end] if t.dep_ in SUBJECTS), None)
    if subject is None or subject.left_edge.i != i:
        return False
    verb = subject.head
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), None)
    if verb.lemma_.lower() not in _words("dependence_verbs") or on is None:
        return False
    objects = [c for c in on.children if c.dep_ == "pobj"]
    return subject.lower_ in _words("objective_nouns") or any(
        o.lower_ in _words("goal_back_references") | REFERRING_OBJECTS for o in objects)


def _without_goal(doc: Doc, i: int) -> bool:
    """'. Without them the unit can't reopen its beds', '; without it the pods sit idle': a
    clause on what happens without what the goal brings."""
    return doc[i].lower_ == "without" and clause_start(doc, i) and i + 1 < len(doc) and (
        doc[i + 1].lower_ in REFERRING_OBJECTS | _words("goal_back_references")) and (
        _goal_before(doc, i))


def _past_subject(doc: Doc, i: int) -> int:
    """Index of the word after the subject that opens at token i ('we', 'the team',
    'marketing'), or i when none opens there."""
    if doc[i].pos_ == "PRON" and doc[i].dep_ == "nsubj":
        return i + 1
    j = i
    while j + 1 < len(doc) and doc[j].dep_ == "compound":
        j += 1  # 'sales leadership'
    if doc[j].dep_ == "nsubj" and doc[j].pos_ in {"NOUN", "PROPN"} and doc[j].head.i == j + 1:
        return j + 1
    if doc[i].tag_ == "DT" and i + 2 < len(doc) and doc[i + 1].dep_ == "nsubj" and doc[
            i + 1].pos_ == "NOUN":
        return i + 2
    return i


def _attribution(doc: Doc, i: int) -> bool:
    """'Under the FY28 growth plan, ...', 'For the retention push: ...', 'For the Series B
    story we need ...': a leading phrase naming the plan the goal serves (not 'For
    enterprise accounts,', 'For the next six weeks,')."""
    if doc[i].lower_ not in _words("attribution_openers"):  # first: the cheaper test
        return False
    seg_start, seg_end = segment_of(doc, i)
    if i != seg_start:
        return False
    for token in doc[i + 1 : seg_end]:
        if token.text in {",", ":"} or _main_subject(token):
            return _names_objective(doc, i, token.i)
        if not (token.pos_ in OBJECT_WORDS - {"ADP"} or token.tag_ in {"POS", "HYPH"} or (
                doc[token.i - 1].tag_ == "HYPH") or (  # "land-and-expand"
                token.lower_ in _words("objective_nouns"))):  # "the renewals push/VBP"
            return False
    # 'For the renewals initiative — get at-risk ARR under $400k': the dash ends the phrase
    return seg_end < len(doc) and doc[seg_end].text in _words(
        "consequence_separators") and _names_objective(doc, i, seg_end)


def _names_objective(doc: Doc, start: int, end: int) -> bool:
    """The phrase [start, end) ends on an objective noun and names one plan ('For each
    goal' names many)."""
    return end - start > 1 and doc[end - 1].lower_ in _words("objective_nouns") and not any(
        t.lower_ in DISTRIBUTIVES for t in doc[start + 1 : end])  # the opener may be 'Per'


def _main_subject(token: Token) -> bool:
    """A pronoun that is the subject of the main verb ('we' in 'For the plan we need ...')."""
    return token.pos_ == "PRON" and token.dep_ == "nsubj" and token.head.dep_ == "ROOT"


def _leading_participle(doc: Doc, i: int) -> bool:
    """'Backing the Nordics expansion: 20 new logos ...': a segment opening with a participle
    phrase, without numbers, set off by a comma or colon before the goal's numbers."""
    if doc[i].tag_ != "VBG":  # first: the cheaper test
        return False
    seg_start, seg_end = segment_of(doc, i)
    if i != seg_start or i + 1 >= seg_end or (
        doc[i + 1].pos_ not in OBJECT_STARTS - {"ADV", "PART"}
    ) or doc[i + 1].lower_ in _words("objective_nouns"):  # 'Coaching goal:' is a label
        return False
    for token in doc[i + 1 : seg_end]:
        if token.text in {",", ":"}:
            return _first_in_segment(doc, "number")[i] > token.i
        if is_numeric(token) or _in_time(doc, token):
            return False
    return False


def _goal_before(doc: Doc, i: int) -> bool:
    """Something of a goal (a verb or a number) precedes token i in the text."""
    first = doc.user_data.get(FIRST_GOAL_KEY)
    if first is None:
        first = next((t.i for t in doc if is_goal_verb(t) or is_numeric(t)), len(doc))
        doc.user_data[FIRST_GOAL_KEY] = first
    return first < i


def _why_label(doc: Doc, i: int) -> int:
    """'Why: funds the expansion team', '| rationale - coverage for the West region', '(why:
    pipeline is thin)': a form field that says why the goal matters. The tokens of its label
    and colon, 0 when none."""
    if i > 0 and i != label_start(doc, segment_of(doc, i)[0]) and doc[i - 1].text not in {
            "(", ",", ";"} and not (is_emphasis(doc[i - 1]) or opens_label(doc[i - 1]) or (
            doc[i - 1].is_space)):
        return 0  # '**Why:** ...', '[Why] ...', '- Supports: ...', '...   Why: ...' open fields
    return label_width(doc, i, _words("why_labels"))


def _why_column(doc: Doc, i: int) -> bool:
    """'Goal | Why⏎Offer acceptance rate | Board asked for a lower cost-per-hire': token i
    opens a table's cell under a column labelled as the reason."""
    cell = column_cell(doc, i, _words("why_labels"))
    return cell is not None and cell.start == i


def _objective_label(doc: Doc, i: int) -> int:
    """'Objective: Win the hospital segment⏎KR1: 9 signed contracts': an OKR's objective is
    what its key results serve, when it holds no number of its own ('O: cut the backlog to
    150' is the goal; 'Obj: Tighten deal hygiene before the FY28 board plan' holds a time).
    The tokens of its label and mark, 0 when none."""
    if doc[i].lower_ not in by_first_word(_words("objective_labels")):  # first: the cheap test
        return 0
    seg_start, _ = segment_of(doc, i)
    width = label_width(doc, i, _words("objective_labels"))
    if not width or (any(t.is_alpha for t in doc[seg_start:i]) and not _heading_before(
            doc, seg_start, i)) or i + width >= len(doc):
        return 0  # '🎯 Objective:' and '- Objective:' open their line, or a heading's colon
    _, end = segment_of(doc, i + width)
    if any((t.pos_ == "NUM" or any(c.isdigit() for c in t.text)) and not _in_time(doc, t)
           for t in doc[i + width : end]):
        return 0  # a level of its own ('O: cut the backlog to 150'), no ordinal or time
    # key results follow, on lines or in segments of their own ('O: Win the mid-market; KR:
    # close 20 new logos by Q2'), and no field of its own says why ('Link: supports the
    # retention OKR')
    openings = [_line_opening(doc, t.i + 1) for t in doc[end:] if "\n" in t.text or (
        t.i + 1 < len(doc) and boundary_at(doc, t.i))]
    results = _words("key_result_labels")
    return width if any(k < len(doc) and (doc[k].lower_ in results or NUMBERED_KR.fullmatch(
        doc[k].lower_) or " ".join(t.lower_ for t in doc[k : k + 2]) in results)
        for k in openings) and not any(
        k < len(doc) and _why_label(doc, k) for k in openings) else 0


def _heading_before(doc: Doc, start: int, i: int) -> bool:
    """A short heading and its colon right before token i ('OKR: O - Expand in APAC; ...',
    'Q1 OKRs: Objective: ...')."""
    return 0 < i - 1 - start <= HEADING_WORDS and doc[i - 1].text == ":" and all(
        t.is_alpha or t.like_num or t.text.isalnum() for t in doc[start : i - 1])


def _line_opening(doc: Doc, i: int) -> int:
    """The first word of the line that starts at token i, past bullets and emoji."""
    return next((t.i for t in doc[i:] if t.text[0].isalnum()), len(doc))


def _consequence(doc: Doc, i: int) -> bool:
    """'— keeps the Series B story intact', '| enables the enterprise motion', '(feeds the
    Q1 pipeline target)': after a separator or an opening bracket, a present-tense verb with
    no subject of its own and an object right after it says what the goal brings (not '—
    Maria owns the list', '— starts in January')."""
    if i == 0 or i + 1 >= len(doc):
        return False
    token, nxt, before = doc[i], doc[i + 1], doc[i - 1].text
    # after a comma only a verb that links ('..., enables clean routing for the launch')
    linking = token.lemma_.lower() in _words("link_verbs") or token.lower_ in _words("link_verbs")
    # after a comma or as a new sentence only a verb that links ('. Ties into the OKR on ...')
    if not ((before in {",", "."} and linking) or before == "(" or (
            before in _words("consequence_separators") and is_boundary(doc[i - 1]))):
        return False  # 'role-plays a week': a hyphen inside a word separates nothing
    if _in_time(doc, nxt):
        return False  # '(ends Jan 31, 2027)': a fiscal calendar, no consequence
    linked = token.lower_ in _words("link_verbs") and (
        nxt.pos_ in {"ADP", "ADV"} or nxt.lower_ == "to")  # 'ties to', 'to' read as AUX
    verb = token.tag_ == "VBZ" or (token.tag_ == "NNS" and (linked or nxt.tag_ in {
        "DT", "PRP", "PRP$"}))
    if not verb or token.pos_ == "AUX" or token.lemma_.lower() in {"do", "be", "have"} or (
            "?" in doc[i : segment_of(doc, i)[1] + 1].text):
        return False  # '— does that sound realistic?'
    return token.is_alpha and (linked or nxt.pos_ in {"DET", "PRON", "NOUN", "PROPN", "ADJ"} or (
        nxt.tag_ == "VBG")) and _goal_before(doc, i)


def _modal_consequence(doc: Doc, i: int) -> bool:
    """'. Would let us send the board pack a week earlier', '. Should free up two FTEs': a
    sentence after the goal that opens with a conditional modal and a verb acting on an
    object says what the goal brings (not '. Will share the list Friday', '. Would love to
    hit 50')."""
    if doc[i].tag_ != "MD" or i == 0 or i + 2 >= len(doc) or doc[i - 1].text != "." or (
            doc[i].lower_ not in CONDITIONAL_MODALS):  # first: the cheap test (every token)
        return False
    verb, after = doc[i + 1], doc[i + 2]
    return verb.tag_ == "VB" and verb.lemma_.lower() not in {"be", "have", "love", "like"} and (
        after.pos_ in {"DET", "PRON", "NOUN", "PROPN"} or after.tag_ == "RP") and (
        _goal_before(doc, i)) and (
        "?" not in doc[i : segment_of(doc, i)[1] + 1].text)


def _payoff(doc: Doc, i: int) -> bool:
    """'If we pull that off, the CS team gets the headcount', 'once we get there marketing
    can use the number', 'Hit that and we fund the launch': a condition that refers back to
    the goal, with a clause of its own after it, says what the goal brings (not 'If the
    budget comes through, hire 4 SDRs')."""
    token = doc[i]
    if not clause_start(doc, i) or not _goal_before(doc, i):
        return False
    if token.lower_ in _words("payoff_conditions"):
        verb, main = token.head, token.head.head
        return verb.dep_ == "advcl" and i < verb.i < main.i and _refers_back(verb) and (
            _stated(main))
    if token.tag_ != "VB":  # first: the cheap test (children are walked below)
        return False
    joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children)
    consequence = next((c for c in token.children if c.dep_ == "conj"), None)
    return joined and consequence is not None and _refers_back(token) and _stated(consequence)


def _refers_back(verb: Token) -> bool:
    """The verb's object or adverb refers back to the goal ('pull that off', 'get there')."""
    back = _words("goal_back_references")
    return any(t.lower_ in back and t.dep_ not in ("nsubj", "nsubjpass") for t in verb.children)


def _stated(verb: Token) -> bool:
    """A clause that states what happens (a subject or a finite verb), no command."""
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") or c.tag_ == "MD" for c in verb.children)


def _discourse_so(doc: Doc, i: int) -> bool:
    """'ok so my goal is ...', 'Hey team, so the plan is ...': a 'so' with nothing but chat
    words before it opens the message; 'so basically', 'so yeah', 'so anyway' carry the talk
    on. Neither is a purpose."""
    words = _words("discourse_words")
    if i + 1 < len(doc) and doc[i + 1].lower_ in _words("discourse_after_so"):
        return True
    return all(t.lower_ in words or t.pos_ == "INTJ" or not t.is_alpha for t in doc[:i]) and (
        not _purpose_before_goal(doc, i))


def _purpose_before_goal(doc: Doc, i: int) -> bool:
    """'So the APAC launch lands on time: sign 3 resellers ...', 'so we keep Acme, hold 3
    exec check-ins': a 'so' clause with a present verb of its own (not 'so my goal is: ...')
    closed by a colon or comma before the goal's own verb."""
    _, seg_end = segment_of(doc, i)
    close = next((t.i for t in doc[i + 2 : seg_end] if t.text in LEADING_ENDS), None)
    if close is None or close + 1 >= len(doc) or not is_goal_verb(doc[close + 1]):
        return False
    # a present or modal verb: 'So the launch flopped, ...' tells a story, no purpose
    return any(t.lemma_ != "be" and (t.tag_ in CONSEQUENCE_TAGS or _present_verb(t))
               for t in doc[i + 1 : close])


def _so_clause(doc: Doc, i: int) -> bool:
    """'so we can ...', 'so the team makes its number' (not 'so far', 'so much')."""
    if doc[i].lower_ not in _words("clause_openers") or i + 1 >= len(doc) or (
            doc[i].lower_ == "so" and _discourse_so(doc, i)):
        return False  # 'ok so my goal is ...'; 'Since the board wants ..., raise ...' opens one
    nxt = doc[i + 1]
    if doc[i].lower_ == "as":  # 'as this impacts renewals': 'impacts' read as a plural noun
        subject = nxt.pos_ == "PRON" or nxt.lower_ in _words("referents")
        return (subject and i + 2 < len(doc) and (is_verb(doc[i + 2]) or _present_verb(
            doc[i + 2]))) or _as_reason(doc, i)
    if doc[i].lower_ == "or":
        return _or_consequence(doc, i)
    # 'so on-call load stays sustainable', 'so in-house counsel ...': a hyphenated noun
    compound = i + 2 < len(doc) and not nxt.whitespace_ and doc[i + 2].text == "-"
    # ('since that's where we lose most' gives a reason: 'that' is its subject)
    if (nxt.lower_ in {"far", "much", "many", "on", "as", "that", "to"} and not compound and (
            doc[i].lower_ != "since")) or (doc[i].lower_ == "since" and _in_time(doc, nxt)):
        return False
    seg_start, seg_end = segment_of(doc, i)
    subject_like = compound or (not nxt.is_punct and nxt.pos_ not in {
        "ADP", "CCONJ", "SCONJ", "PART", "INTJ"})
    if i == seg_start:  # a leading clause ends at its comma ('Since that workshop in October,
        # reps log 90%': no verb of its own, so no reason)
        seg_end = next((t.i for t in doc[i + 1 : seg_end] if t.text in LEADING_ENDS), seg_end)
    rest = doc[i + 2 : seg_end]
    # "so our engine ships ...": the tagger may miss the verb after a possessive subject; and
    # "... by the end of Q2 so sales capacity moves ...": a 'so' right after the goal's
    # deadline or number opens its purpose whatever the tagger made of the verb.
    pronoun_led = nxt.tag_ in {"PRP", "PRP$"} and len(rest) >= 2
    before = doc[i - 2] if i > 1 and doc[i - 1].text == "," else doc[i - 1]  # 'by end of H1, so'
    after_goal = doc[i].lower_ == "so" and len(rest) >= 2 and (
        is_numeric(before) or _in_time(doc, before)) and not (  # not '..., so 31 Jan 2028'
        is_numeric(nxt) or _in_time(doc, nxt))
    # "since the old one breaks constantly": a present verb the tagger read as a plural noun
    return subject_like and (pronoun_led or after_goal or any(
        is_verb(t) or t.pos_ == "AUX" or (_present_verb(t) and t.i > 0 and doc[t.i - 1].pos_ in {
            "NOUN", "NUM", "PROPN"}) for t in rest))


def _as_reason(doc: Doc, i: int) -> bool:
    """', as our board expects expansion to carry growth', ', as the channel plan for 2027
    depends on it': after the goal (or opening it, before a comma), an 'as' that marks a
    clause with a subject of its own gives the reason (not 'as soon as', 'as of March', 'as
    many as')."""
    verb = doc[i].head
    return doc[i].dep_ == "mark" and clause_start(doc, i) and verb.i > i + 1 and (
        verb.tag_ in FINITE_TAGS) and any(
        c.dep_ == "nsubj" and i < c.i < verb.i for c in verb.children) and (
        _goal_before(doc, i) or _opens_leading_clause(doc, i))


def _opens_leading_clause(doc: Doc, i: int) -> bool:
    """'As the audit starts in February, close 40 reviews ...': the 'as' opens its segment
    and a comma closes its clause before the goal."""
    seg_start, seg_end = segment_of(doc, i)
    return i == seg_start and any(t.text in LEADING_ENDS for t in doc[i + 2 : seg_end - 1])


def _or_consequence(doc: Doc, i: int) -> bool:
    """'or we miss plan', ', or the region misses its number': what happens without the
    goal, a clause with its own subject and verb (not 'Book 40 demos or 30 meetings')."""
    if _personal_stake(doc, i + 1):
        return False  # 'or my boss will kill me': a joke about the writer, no outcome
    k = i + 1
    while k < len(doc) and k - i <= OR_SUBJECT_WORDS and (doc[k].pos_ in {
            "DET", "PRON", "NOUN", "PROPN", "ADJ"} or _in_time(doc, doc[k])):
        # a period may name the subject ('or the Q4 number is at risk'), not be it
        if doc[k].pos_ in {"NOUN", "PRON", "PROPN"} and not _in_time(doc, doc[k]) and (
                _finite_after(doc, k + 1)):  # the subject's finite verb
            return _goal_before(doc, i)
        k += 1
    return False


def _finite_after(doc: Doc, k: int) -> bool:
    """Token k is a finite verb, or a present verb read as a plural noun that ends its clause
    ('or the H1 channel plan slips.', 'or the pipeline stalls in Q2')."""
    if k >= len(doc):
        return False
    if doc[k].tag_ in FINITE_TAGS:
        return True
    return _present_verb(doc[k]) and (
        k + 1 >= len(doc) or not doc[k + 1].is_alpha or doc[k + 1].pos_ == "ADP")


def _personal_stake(doc: Doc, i: int) -> bool:
    """The clause from token i to its segment's end says what befalls the writer ('my boss
    will kill me', "I'm toast", 'would get me fired'): a joke or a threat, no outcome."""
    _, seg_end = segment_of(doc, i)
    clause = " " + " ".join(t.lower_ for t in doc[i:seg_end]) + " "
    return any(f" {stake} " in clause for stake in _words("personal_stakes"))


def _in_time(doc: Doc, token: Token) -> bool:
    """The token lies in a time expression ('since January': a baseline date, not a
    reason)."""
    return _timed_tokens(doc)[token.i]


def _timed_tokens(doc: Doc) -> list[bool]:
    """For every token, whether a time expression covers its first character; worked out
    once per Doc in linear time (a running count over the expressions' token bounds)."""
    cached = doc.user_data.get(TIMED_KEY)
    if cached is None or len(cached) != len(doc):
        times = (doc._.gs_times if Doc.has_extension("gs_times") else None) or []
        starts = [t.idx for t in doc]
        change = [0] * (len(doc) + 1)
        for part in times:
            change[bisect_left(starts, part.start)] += 1
            change[bisect_left(starts, part.end)] -= 1
        cached = [count > 0 for count in accumulate(change[:-1])]
        doc.user_data[TIMED_KEY] = cached
    return cached


def candidates(doc: Doc) -> list[Candidate]:
    """Every token that could open a relevance clause, with how sure the cue is; found once
    per Doc (the detector, the checks and the learned features all ask)."""
    cached = doc.user_data.get(CANDIDATES_KEY)
    if cached is None:
        # Plain tuples, so that the Doc still serialises (msgpack) with its user data.
        cached = [(c.start, c.kind, c.confidence, c.width) for c in _scan(doc)]
        doc.user_data[CANDIDATES_KEY] = cached
    return [Candidate(*fields) for fields in cached]


class _Tokens(NamedTuple):
    """The plain values of a Doc's tokens that the rules' first tests read, gathered once per
    scan (a spaCy Token made again for each rule's test costs more than the test)."""

    texts: list[str]
    lowered: list[str]
    tags: list[str]
    starts: list[bool]  # `clause_start` of every token
    cells: dict[int, Cell]  # the tokens of a table's cells (`_why_column`)


def _tokens(doc: Doc) -> _Tokens:
    texts, tags = [], []
    for token in doc:
        texts.append(token.text)
        tags.append(token.tag_)
    return _Tokens(texts, lower_words(doc), tags, _clause_starts(doc), table_cells(doc))


def _labelled(doc: Doc, tokens: _Tokens, i: int) -> Candidate | None:
    """A field whose label says why ('Aligned to: the FY27 plan') or an OKR's objective line
    ('Objective: Win the hospital segment'); the label is no part of the clause. (Each rule
    runs only at the first word of one of its labels, or in a table.)"""
    word = tokens.lowered[i]
    if word in by_first_word(_words("why_labels")) and (label := _why_label(doc, i)):
        return Candidate(i, "why", 0.9, label)
    if i in tokens.cells and _why_column(doc, i):
        return Candidate(i, "why", 0.9, 0)
    if word in by_first_word(_words("objective_labels")) and (label := _objective_label(doc, i)):
        return Candidate(i, "objective", 0.85, label)
    return None


def _scan(doc: Doc) -> Iterator[Candidate]:
    tokens = _tokens(doc)
    arrow_starts = _arrow_starts()
    for i, text in enumerate(tokens.texts):
        if text.isalpha() or any(ch.isalpha() for ch in text):
            found = _word_candidate(doc, tokens, i)
        elif text[:1] in arrow_starts and (arrow := _arrow_link(doc, i)):
            found = Candidate(i, "arrow", 0.85, arrow)  # '30', ',', '→': only an arrow opens
        else:
            found = None
        if found is not None:
            yield found


@cache
def _arrow_starts() -> frozenset[str]:
    """The first characters of the arrows (of one token or two)."""
    return frozenset(arrow[0] for arrow in _words("arrows"))


@cache
def _consequence_openers() -> frozenset[str]:
    """The texts before a verb that `_consequence` reads as setting it off."""
    return frozenset({",", ".", "("}) | _words("consequence_separators")


def _word_candidate(doc: Doc, tokens: _Tokens, i: int) -> Candidate | None:
    """The candidate a word opens, most specific cue first, or None. A rule runs only where
    the test it makes first passes on the plain token values (its word, its tag, a clause's
    start), as most words open none."""
    lowered, word, tag, start = tokens.lowered, tokens.lowered[i], tokens.tags[i], tokens.starts[i]
    phrase = _opener_at(lowered, i)
    if labelled := _labelled(doc, tokens, i):
        return labelled
    if phrase is not None:
        loose = phrase.split()[0] in LOOSE_OPENERS
        if not loose or start or (i > 0 and lowered[i - 1] == "as"):
            return Candidate(i, phrase, 0.92, len(phrase.split()))
        return None
    if word == "as" and (width := _commitment(doc, lowered, i)):
        return Candidate(i, "commitment", 0.9, width)
    if word in _words("referents") and _referent_link(doc, i):
        return Candidate(i, "referent", 0.88)
    if start and (word in _words("payoff_conditions") or tag == "VB") and _payoff(doc, i):
        return Candidate(i, "payoff", 0.8)
    if (start and (_apposition(doc, i) or (word == "as" and _as_role(doc, i)))) or (
            word in _words("attribution_openers") and _attribution(doc, i)) or (
            tag == "VBG" and _leading_participle(doc, i)) or (
            start and not NEED_FORMS.isdisjoint(lowered[i : i + 3]) and _needed_for(doc, i)):
        return Candidate(i, "apposition", 0.8)
    if word in _words("clause_openers") and _so_clause(doc, i):
        return Candidate(i, "so", 0.85)
    if (start and _dependence(doc, i)) or (word == "without" and _without_goal(doc, i)) or (
            word == "for" and _for_purpose(doc, i)):
        return Candidate(i, "consequence", 0.8)
    if (tag in {"VBZ", "NNS"} and i > 0 and tokens.texts[i - 1] in _consequence_openers() and (
            _consequence(doc, i))) or (tag in CONSEQUENCE_TAGS and _gerund_subject(doc, i)) or (
            tag == "MD" and _modal_consequence(doc, i)):
        return Candidate(i, "consequence", 0.8, 0)
    if word == "to" and _infinitive(doc, i):
        opener = _for_subject(doc, i)
        return Candidate(opener if opener is not None else i, "to", 0.85)
    return None


def extent(doc: Doc, start: int, deadline: Part | None) -> tuple[int, int]:
    """Token bounds of the clause opened at `start`: up to the comma that hands over to the
    main clause when the purpose comes first, else to the end of the segment. Remembered per
    Doc, opener and deadline (the detector and the learned features extend the same openers)."""
    bound = None if deadline is None else (deadline.start, deadline.end, _closing_bound(deadline))
    known: dict[str, list[int]] = doc.user_data.setdefault(EXTENTS_KEY, {})
    key = f"{start}:{bound}"
    if key not in known:
        known[key] = list(_extent(doc, start, deadline))
    found = known[key]
    return found[0], found[1]


def _extent(doc: Doc, start: int, deadline: Part | None) -> tuple[int, int]:
    _, seg_end = segment_of(doc, start)
    end = seg_end
    # a payoff condition ('If we hit it, the region gets an SE') runs on into its outcome
    if not _has_verb_before(doc, start) and doc[start].lower_ not in _words(
            "payoff_conditions"):
        # The purpose comes first: it ends at the first comma with the goal (a verb or a
        # number) still to come.
        # (the last of them: read back from the end, the first found)
        last_goal = next((i for i in range(seg_end - 1, start - 1, -1)
                          if is_goal_verb(doc[i]) or is_numeric(doc[i])), start)
        end = next((t.i for t in doc[start:last_goal] if t.text in {",", ":"} or (
            t.i > start + 1 and _main_subject(t))), end)
    if deadline is not None:
        starts, ends = token_offsets(doc)  # plain offsets: no Token made per word
        inner = [i for i in range(start, end) if starts[i] >= deadline.start]
        tail_is_deadline = inner and ends[end - 1] <= deadline.end + 1
        if tail_is_deadline and inner[0] > start + 1 and _closing_bound(deadline):
            end = inner[0]
    return _without_chat_tail(doc, *trim(doc, start, end))


def _without_chat_tail(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the chat words that close the message after it ('... so the team
    hits its OKR lol', '... tbh haha :)')."""
    while end - start > 1 and doc[end - 1].lower_ in _words("chat_tails"):
        start, end = trim(doc, start, end - 1)
    return start, end


def _closing_bound(deadline: Part) -> bool:
    """A deadline that bounds the goal ('by March 31', 'within 90 days', a bare 'Q3'), not a
    time the reason speaks of ('so deals don't stall at month end', 'starts in March')."""
    prep = getattr(deadline.value, "prep", None)
    return prep is None or prep.lower() in _words("bound_preps")


def goal_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Content tokens of the goal outside the clause [start, end)."""
    return [t for t in doc if not start <= t.i < end and t.is_alpha and not t.is_stop]


def restates_goal(doc: Doc, start: int, end: int, skip: int) -> bool:
    """A purpose that only says the goal again: 'Increase sales to increase sales', 'so that
    revenue goes up', or a first-person outcome of the same measure ('Increase my win rate
    so that I win more deals', 'Book 20 meetings to hit my meeting target'). Words of time
    expressions are neither ('this month so I can start next month with a full calendar').
    Remembered per Doc and clause (the detector and the learned features both ask)."""
    known: dict[str, bool] = doc.user_data.setdefault(RESTATES_KEY, {})
    key = f"{start}:{end}:{skip}"
    if key not in known:
        known[key] = _restates_goal(doc, start, end, skip)
    return known[key]


def _restates_goal(doc: Doc, start: int, end: int, skip: int) -> bool:
    clause = [t for t in doc[start + skip : end]
              if t.is_alpha and not t.is_stop and t.pos_ != "AUX" and not _in_time(doc, t)]
    content = [t for t in clause if t.lemma_.lower() not in LIGHT_VERBS]
    narrative = _past_narratives(doc)
    goal = {t.lemma_.lower() for t in goal_tokens(doc, start, end) if not (
        _in_time(doc, t) or segment_of(doc, t.i)[0] in narrative)}
    if content and all(t.lemma_.lower() in goal for t in content):
        return True
    if not any(t.lower_ in _words("first_person") for t in doc[start:end]) or _own_level(
        doc, start, end
    ):
        return False
    nouns = [t for t in clause if t.pos_ in {"NOUN", "PROPN"}]
    if nouns and nouns[-1].lower_ in _words("restating_objects"):
        return True
    objects = (goal - LIGHT_VERBS) | {t.lemma_.lower() for t in _goal_objects(doc, start, end)}
    return any(t.lemma_.lower() in objects for t in content)


def _past_narratives(doc: Doc) -> frozenset[int]:
    """The first tokens of the sentences that only tell what happened ('so basically the
    release slipped and QA got squeezed.'): past verbs, none present or modal, and no number;
    their words are no part of the goal that a purpose could say again. Each segment once,
    once per Doc (every purpose clause asks)."""
    cached = doc.user_data.get(NARRATIVES_KEY)
    if cached is None or cached[0] != len(doc):
        found = set()
        for seg_start, seg_end in set(segment_bounds(doc)):
            tags = {t.tag_ for t in doc[seg_start:seg_end]}
            if "VBD" in tags and not tags & {"VB", "VBP", "VBZ", "MD"} and not any(
                    is_numeric(t) for t in doc[seg_start:seg_end]):
                found.add(seg_start)
        cached = (len(doc), sorted(found))  # plain values, so that the Doc still serialises
        doc.user_data[NARRATIVES_KEY] = cached
    return frozenset(cached[1])


def _own_level(doc: Doc, start: int, end: int) -> bool:
    """The clause names a level of its own, none of the goal's numbers ('Close $450k ... to
    hit 100% of my annual number'): the goal is a share of a larger objective, not the
    same measure said again."""
    if _first_in_segment(doc, "number")[start] >= start:
        return False  # no number of the goal before it: the clause may be the goal itself
    goal_numbers = {t.lower_ for t in doc if is_numeric(t) and not start <= t.i < end}
    return any(is_numeric(t) and t.lower_ not in goal_numbers for t in doc[start:end])


def _goal_objects(doc: Doc, start: int, end: int) -> list[Token]:
    """The goal verb's object and its compounds, outside the clause (a chat word after the
    clause may be read as an object whose compounds lie inside it: 'headcount tbh haha')."""
    found: list[Token] = []
    for token in doc:
        if token.dep_ in {"dobj", "nsubjpass"} and not start <= token.i < end:
            found.extend(t for t in token.subtree if not start <= t.i < end and (
                t.dep_ in {"compound", "amod"} or t == token))
    return found


def purpose_clauses(doc: Doc) -> list[tuple[Candidate, Span, bool]]:
    """Every purpose clause in the goal, in order, with whether it only restates the goal;
    found once per Doc and deadline (the detector and the checks both ask)."""
    deadline = doc._.gs_deadline if Doc.has_extension("gs_deadline") else None
    bound = (deadline.start, deadline.end) if deadline is not None else None
    cached = doc.user_data.get(PURPOSES_KEY)
    if cached is None or cached[0] != bound:
        # Plain tuples, so that the Doc still serialises (msgpack) with its user data.
        found = [((c.start, c.kind, c.confidence, c.width), span.start, span.end, restating)
                 for c, span, restating in _purpose_clauses(doc, deadline)]
        cached = (bound, found)
        doc.user_data[PURPOSES_KEY] = cached
    return [(Candidate(*fields), doc[start:end], restating)
            for fields, start, end, restating in cached[1]]


def _purpose_clauses(doc: Doc, deadline: Part | None) -> Iterator[tuple[Candidate, Span, bool]]:
    for cand in candidates(doc):
        if cand.kind == "to" and not _has_verb_before(doc, cand.start):
            # A verbless goal: the infinitive is its purpose when it opens a leading clause,
            # or comes after the goal's number ('Average discount ≤ 18% by EOQ to protect
            # margin'), not before it ('Team to close ₹12 crore ARR').
            _, seg_end = segment_of(doc, cand.start)
            leading = clause_start(doc, cand.start) and any(
                t.text in LEADING_ENDS for t in doc[cand.start : seg_end])
            # ... or comes right after its time bound ('Gym sessions three times a week until
            # March to get ready for the half marathon').
            after_time = cand.start > 0 and _in_time(doc, doc[cand.start - 1])
            if not (leading or after_time) and _first_in_segment(doc, "number")[
                    cand.start] >= cand.start:
                continue
        labelled = cand.kind in {"why", "objective"}
        start, end = extent(doc, cand.start + (cand.width if labelled else 0), deadline)
        if labelled:
            end = _field_end(doc, end, deadline)
        if cand.kind == "to" and _prefixed_verb_end(doc, start + 1) + 1 >= end:
            continue  # 'certified in H1 to co-sell by April 30': a bare verb links to nothing
        if (cand.kind == "to" or (cand.kind == "so" and _written_level(doc, start, end))) and \
                _holds_the_target(doc, start, end):
            continue
        if cand.kind == "arrow":
            start = cand.start  # the arrow is the connector, kept like 'to' or 'so that'
        if end - start >= 2:
            skip = 0 if labelled else cand.width
            yield cand, doc[start:end], restates_goal(doc, start, end, skip)


def _field_end(doc: Doc, end: int, deadline: Part | None) -> int:
    """'Linked to: Company OKR 3 – Enterprise Expansion', 'Why: Series C story - show
    efficient growth': a field's value runs on past a spaced dash on its line, which names
    the objective's title or what it asks for; not into a field of its own ('– Due: ...')."""
    while end + 1 < len(doc) and doc[end].text in DASHES and doc[end - 1].whitespace_ and (
            doc[end].whitespace_ == " ") and not _field_label_at(doc, end + 1):
        end = extent(doc, end + 1, deadline)[1]
    return end


def _field_label_at(doc: Doc, i: int) -> bool:
    """A label and its colon open the words at token i ('Due: Jan 31')."""
    return next((t.text == ":" for t in doc[i : i + 4] if not t.is_alpha), False)


def _holds_the_target(doc: Doc, start: int, end: int) -> bool:
    """'reduce the avg number of touches to book a meeting from 14 to 9', 'publish the page
    3 weeks before each event so registrations reach 400': the clause holds the goal's
    first level, so it is part of what is measured, not why."""
    first_number = _first_in_segment(doc, "number")[start]
    return first_number >= start and first_number < end and not clause_start(
        doc, start) and not _word_level_before(doc, start)


def _word_level_before(doc: Doc, start: int) -> bool:
    """'Halve approval escalations by June so the desk can sign off 40 quotes a day', 'Cut
    onboarding time in half ... so customers go live within 14 days': the goal's level is
    written in words before the clause, so the clause's number is none of it."""
    seg_start = segment_of(doc, start)[0]
    verbs = phrases().multiplier_verbs
    if any(t.lemma_.lower() in verbs for t in doc[seg_start:start]):
        return True
    factor = quantity_patterns().factor  # 'in half', 'by a third', 'threefold'
    return factor.search(doc_text(doc), doc[seg_start].idx, doc[start].idx) is not None


def _written_level(doc: Doc, start: int, end: int) -> bool:
    """The clause holds a level written with digits or a currency ("reach 400", "hits
    $800k"), not only words ("seven-figure deals")."""
    return any(is_numeric(t) and not t.text[:1].isalpha() for t in doc[start:end])


def find_relevance(doc: Doc) -> Part | None:
    """The first clause that links the goal to a broader objective, or None."""
    for cand, span, restating in purpose_clauses(doc):
        if not restating:
            text = span.text[:-1] if span.text.endswith(".") and len(span[-1]) <= 3 else span.text
            text += _closing_quote(doc_text(doc), text, span.start_char + len(text))
            return Part(span.start_char, span.start_char + len(text), text, cand.confidence)
    return None


def _closing_quote(text: str, clause: str, end: int) -> str:
    """The quotation mark right after the clause that closes one opened inside it
    ('aligned to: company goal "Be a place great people stay"'), else ''."""
    after = text[end : end + 1]
    opened = any(clause.count(mark) % 2 for mark in ('"', "'")) or clause.count("“") > clause.count(
        "”")
    return after if opened and after in ('"', "'", "”") else ""


def restating_clause(doc: Doc) -> Span | None:
    """The first purpose clause that only says the goal again ('Increase sales to increase
    sales'), which the detector passed over."""
    return next((span for _, span, restating in purpose_clauses(doc) if restating), None)


class RelevanceDetector:
    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_relevance = find_relevance(doc)
        return doc


@Language.factory("goalsmith/relevance", assigns=["doc._.gs_relevance"])
def make_relevance(nlp: Language, name: str) -> RelevanceDetector:
    return RelevanceDetector()
