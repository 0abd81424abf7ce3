"""Choosing the goal's target among its quantities: a weighted sum of features per candidate.

Each feature is a pure function of the parsed goal and one candidate; its weight lives in
data/scoring.toml. The best candidate above the threshold is the target (earlier text breaks
ties); a number inside the purpose clause only counts when the goal has no other.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..grid import column_cell
from ..lexicon import word_set
from ..parts import Part
from ..result import TargetValue
from ..segments import (
    LABEL_MARKS,
    REFERRING_OBJECTS,
    boundary_at,
    bracket_open,
    in_hashtag,
    is_numeric,
    label_width,
    lower_words,
    segment_bounds,
    segment_of,
    stated_goal,
)
from ..spans import doc_text, token_span
from .baseline import stated_baseline
from .deals import sizes_deal
from .direction import direction, governing_verb, is_relative, lexicon_direction, number_span
from .grammar import numbered_heading
from .lexicon import phrases, scoring, spent_time_unit, units
from .quantity import Quantity, find_quantities, is_cadence, is_clock, time_parts

MARKED_UNITS = ("currency", "percent", "percentage_points", "basis_points", "multiplier")
# Dependencies that make a noun phrase an argument of its verb.
ARGUMENT_DEPS = ("dobj", "attr", "oprd", "nsubjpass", "npadvmod", "dative", "appos", "ROOT")
# Dependencies that tie a number to the noun it counts or qualifies.
NUMBER_DEPS = ("nummod", "compound", "quantmod", "nmod", "amod", "advmod")
# "Goal 1:", "2)": a number that numbers a list item; "1. " does at the start of a line.
ENUMERATION = re.compile(r"[:)]")
LIST_NUMBER = re.compile(r"\.\s")
LINE_INDENT = 8
NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
# Verb forms that report where things stand ("we closed 14", "we've booked 20").
REPORT_VERB_TAGS = ("VBD", "VBN")
# How many words either side of a number in brackets are read for a past-tense verb.
ASIDE_WORDS = 8
PURPOSE_MARKERS = frozenset({"to", "so", "that", "because", "since"})
# How far back a confidence word reaches ("confidence level: 70%", "my confidence: 6/10").
RATING_REACH = 4
# How far after a number its team may be named ("3 SEs on the team").
TEAM_REACH = 4
# What may stand between a length and the cadence it is held on: a comma, or a count of
# occasions ("for 45 minutes, two evenings a week").
OCCASIONS_BEFORE_CADENCE = re.compile(
    r"[\s,]*(?:\w+\s+(?:times|days|mornings|afternoons|evenings|nights|weekends)\s+)?")
# What may stand between a count and its cadence: the thing counted ("5 nights a week").
OCCASIONS = re.compile(r"\s+(?:[A-Za-z-]+\s+)?")
# "of my 7", "of the 20": the whole a count is taken out of.
COUNT_OF = re.compile(r"\s+of\s+(?:(?:the|my|our|their|your|his|her|all)\s+)?\d")
NUMBERED_SENTENCES_KEY = "goalsmith.numbered_sentences"
CUED_GOAL_KEY = "goalsmith.first_cued_goal"
# How far back a stretch word reaches ("stretch: 180", "with a stretch of £1.4M").
STRETCH_REACH = 3
# How many words after a bound may show it qualifies ("over $75k ACV each").
QUALIFIER_REACH = 3
# Words allowed between a goal cue and its number ("goal is 14", "Target: 25%", "aim for 95%").
CUE_GLUE = (":", "is", "=", "-", "–", "—", "for", "be")
# How many words before a number a word of the present may stand ("current PB 26:41").
CUE_REACH = 3
# The words that may separate two goals in one text (commas, slashes, "and"; see
# `_first_goal`).
SEPARATOR_WORDS = frozenset({",", "/", "and", "&"})
# A per-Doc cache (plain values, so that a Doc still serialises with its user data).
FEATURES_KEY = "goalsmith.target_features"


@dataclass(frozen=True)
class Candidate:
    """A quantity in its goal, with what scoring needs to know about the context."""

    doc: Doc
    text: str
    part: Part[Quantity]
    quantity: Quantity
    number: Span
    purpose: Part | None

    @cached_property
    def before(self) -> list[Token]:
        """The tokens of the segment (sentence or bullet) before the phrase, nearest first."""
        first = token_span(self.doc, self.part.start, self.part.end)
        start = first.start if first is not None else self.number.start
        segment_start = min(segment_of(self.doc, start)[0], start)
        return [self.doc[i] for i in range(start - 1, segment_start - 1, -1)]

    @cached_property
    def following(self) -> Token | None:
        """The token right after the phrase (None when the phrase ends the goal)."""
        end = token_span(self.doc, self.part.start, self.part.end)
        return self.doc[end.end] if end is not None and end.end < len(self.doc) else None

    @cached_property
    def root(self) -> Token:
        """The syntactic root of the number's tokens (asked by many features)."""
        return self.number.root

    @cached_property
    def verb(self) -> Token | None:
        """The verb that governs the number (see `direction.governing_verb`)."""
        return governing_verb(self.doc, self.quantity, self.number)


def _nominal(token: Token) -> Token:
    """The noun a number counts ("50 cold calls" -> calls), else the number itself."""
    if token.dep_ in NUMBER_DEPS and token.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM"):
        return token.head
    return token


def has_unit(c: Candidate) -> float:
    return float(c.quantity.unit in MARKED_UNITS)


def time_unit(c: Candidate) -> float:
    return float(c.quantity.unit == "other")


def lead(c: Candidate) -> float:
    """Lead or tail words frame the number ("by", "to", "at least", "or more"); "top" before
    a noun only picks a group ("our top 10 accounts", see `scope`)."""
    return float(c.quantity.bound is not None and not _ranked_group(c))


def _ranked_group(c: Candidate) -> bool:
    following = c.following
    named = following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ")
    return c.quantity.lead in scoring().rank_leads and named


def verb_argument(c: Candidate) -> float:
    if c.quantity.kind == "verb":
        return 1.0
    noun = _nominal(c.root)
    head = noun.head
    if noun.dep_ in ARGUMENT_DEPS and (head.pos_ in ("VERB", "AUX") or noun.dep_ == "ROOT"):
        return 1.0
    if noun.dep_ in NUMBER_DEPS and head.tag_ == "VB" and head.i < noun.i:
        return 1.0  # 'Book 30 demos': the parser hung the count on the verb itself
    # "to 25%" is already rewarded as a lead; "for 50 accounts" is not a lead.
    through_prep = noun.dep_ == "pobj" and head.dep_ in ("prep", "dative")
    through_prep = through_prep and c.quantity.lead is None
    return float(through_prep and head.head.pos_ in ("VERB", "AUX"))


def root_clause(c: Candidate) -> float:
    verb = c.verb
    if verb is None:
        return 0.0
    return float(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def purpose_verb(c: Candidate) -> float:
    """The number hangs off a purpose or result clause ("... to cover 40% of plan",
    "... so partners can source 15%"), even where no purpose clause was found."""
    verb = c.verb
    if verb is None or verb.dep_ != "advcl" or c.quantity.kind == "verb":
        return 0.0
    markers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "mark")}
    return float(bool(markers & PURPOSE_MARKERS))


def current_state(c: Candidate) -> float:
    """The number describes today or the past, not the goal: "Since January I average 9
    meetings", "I closed 8 deals last quarter", "We have 150 customers"."""
    verb = c.verb
    if c.quantity.kind != "verb" and (_past_aside(c.root) or _baseline_field(
            c.root) or _cued_state(c)):
        return 1.0  # "(it was 3.1% in Q3)", "CURRENT: 9h": a baseline beside the goal
    if verb is None or c.quantity.kind == "verb":
        return 0.0
    words = scoring()
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    # Not when the number is the subject ("12 deals is my target") or the subject names the
    # goal ("goal is 14 a month").
    subject = bool(subjects) and not any(
        s.lower_ in words.goal_cues or c.root in s.subtree for s in subjects
    )
    # "500 trial signups this month, we're at 310": a number before the subject is no part
    # of the state the subject's verb reports
    subject = subject and c.root.i > min(s.left_edge.i for s in subjects)
    past = verb.tag_ == "VBD" and verb.lower_ != verb.lemma_.lower()
    if past and (subject or (not subjects and (_opens_line(verb) or _goal_stated_after(verb)))):
        return 1.0  # "I closed 8", "What went well: closed 4 of my 6"; not "hit", "set", "cut"
    # "is sitting at 9%", "has been hovering at 40" state where things stand; "will be",
    # "needs to have" do not
    modal = any(child.dep_ == "aux" and child.tag_ in ("MD", "TO") for child in verb.children)
    if subject and not modal and verb.lemma_.lower() in words.stative_verbs:
        return 1.0
    if verb.dep_ == "ROOT" or words.baseline_cues.isdisjoint(lower_words(c.doc)):
        return 0.0  # (with no cue anywhere in the goal, the verb's subtree is not read)
    return float(any(t.lower_ in words.baseline_cues for t in verb.subtree))


def _opens_line(verb: Token) -> bool:
    """The verb opens its segment or follows a label's colon ('What went well: closed 4')."""
    doc = verb.doc
    return verb.i == segment_of(doc, verb.i)[0] or (verb.i > 0 and doc[verb.i - 1].text == ":")


def _goal_stated_after(token: Token) -> bool:
    """A later sentence states the goal with its level ('Q4 has been rough, lost two big
    renewals. ... my goal should be 15 executive touchpoints'): what the token's sentence
    tells before it is what happened."""
    doc = token.doc
    first = doc.user_data.get(CUED_GOAL_KEY)
    if first is None:
        cues = scoring().goal_cues
        first = next((segment_of(doc, i)[0] for i, word in enumerate(lower_words(doc))
                      if word in cues and any(
            is_numeric(n) for n in doc[i + 1 : segment_of(doc, i)[1]])), len(doc))
        doc.user_data[CUED_GOAL_KEY] = first
    return segment_of(doc, token.i)[1] <= first


def _cued_state(c: Candidate) -> bool:
    """"(currently 84 kg)", "current PB 26:41", "now at 71": a word of the present right
    before the number, with no verb between, says where things stand."""
    cues = scoring().state_words
    before = c.before[:CUE_REACH]
    cued = [t for t in before if t.lower_ in cues]
    return bool(cued) and not any(t.pos_ in ("VERB", "AUX") for t in before[: before.index(
        cued[0])])


def _baseline_field(token: Token) -> bool:
    """The token is the value of a form field that holds where things stand ('CURRENT: 9h',
    '| now: 3.1%')."""
    doc = token.doc
    start = segment_of(doc, token.i)[0]
    if start == token.i and start > 1 and doc[start - 1].text in LABEL_MARKS:
        start = segment_of(doc, start - 2)[0]  # 'Current - 420': a spaced dash ends a segment
    labels = scoring().baseline_labels  # 'Current | Goal⏎58 | 45': the baseline's column
    return (start < token.i and label_width(doc, start, labels) > 0) or column_cell(
        doc, token.i, labels) is not None


def _past_aside(token: Token) -> bool:
    """The token lies in brackets that hold a verb in the past tense."""
    doc = token.doc
    text = doc_text(doc)
    opening = bracket_open(token)
    if opening is None:
        return False
    closing = text.find(")", token.idx)
    closing = len(text) if closing < 0 else closing
    near = doc[max(token.i - ASIDE_WORDS, 0) : token.i + ASIDE_WORDS]  # bounded work
    return any(t.tag_ == "VBD" and opening < t.idx < closing for t in near)


def goal_cue(c: Candidate) -> float:
    cues = scoring().goal_cues
    for token in c.before:
        if token.lower_ in cues:
            return 1.0
        if token.lower_ not in CUE_GLUE:
            return 0.0
    return 0.0


def number_word(c: Candidate) -> float:
    return float(c.quantity.spelled)


def _previous_word(c: Candidate) -> Token | None:
    return c.before[0] if c.before else None


def scope(c: Candidate) -> float:
    """"my 18 accounts", "our 10 largest", "the top 50 accounts": the number says which
    things the goal is about; "a team of 6 SDRs" says who does the work. A rank is a target:
    "reach the top 3", "top 10% of reps"."""
    previous = _previous_word(c)
    if previous is not None and previous.lower_ == "all":
        return 0.0  # "Renew all 14 of my Q1 renewals", "plans for all top 15 accounts": the
        # goal covers the whole it counts (GUIDELINE v1.1: "all 9 of them" -> 9)
    if c.quantity.lead in scoring().rank_leads:
        return float(_ranked_group(c))
    if _team_size(c) or _aside(c) or _definition(c) or _deal_size(c):
        return 1.0
    if c.quantity.lead is not None or previous is None or previous.lower_ not in scoring().scope:
        return 0.0
    if previous.lower_ == "the" and _definite_object(c):
        return 0.0  # "Close the 4 deals in late stage by Dec 18": the goal's only count
    # "pass the 1,000 user milestone": a threshold named with "the" is still a target.
    milestone = any(t.lower_ in scoring().milestone_words for t in c.doc[c.number.end :][:3])
    return float(not milestone)


def _deal_size(c: Candidate) -> bool:
    """"Close the Halvorsen renewal (€240k ARR)": the amount sizes the deal to win (see
    `deals.sizes_deal`)."""
    span = token_span(c.doc, c.part.start, c.part.end)
    return span is not None and sizes_deal(span, c.quantity)


def _definite_object(c: Candidate) -> bool:
    """'Close the 4 deals in late stage', 'Sign the six pending agreements': a count named
    with 'the' as the goal verb's object, with no other number in its segment, is the
    level the goal reaches ('Win 4 of the 6 open deals' takes a share of it, 'the 3 biggest
    accounts' ranks a scope)."""
    noun = _nominal(c.root)
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # 'the 8 case studies'
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or (
            len(c.before) > 1 and c.before[1].pos_ == "ADP") or any(
            t.tag_ == "JJS" for t in c.doc[c.number.end : noun.i]):
        return False  # 'Renew the 3 biggest accounts': a ranked scope
    start, end = segment_of(c.doc, c.number.start)
    times = c.doc._.gs_times or []
    return not any(
        is_numeric(t) and not c.number.start <= t.i < c.number.end  # not 'P1 bugs'
        and not any(p.start <= t.idx < p.end for p in times) for t in c.doc[start:end])


def _line_start(text: str, start: int) -> bool:
    """Only spaces stand between the start of a line (or text) and `start`."""
    before = text[max(0, start - LINE_INDENT) : start]
    line = before.rsplit("\n", 1)
    return not line[-1].strip() and (len(line) == 2 or start <= LINE_INDENT)


def label(c: Candidate) -> float:
    """"stage 4", "Tier 1", "Fortune 500", "Dec 31": a bare number naming, not counting."""
    previous = _previous_word(c)
    if c.quantity.bound is not None or c.quantity.unit != "count" or c.quantity.unit_text or (
            _scaled(c.number.text)):
        return 0.0  # "twice", "3 times", "8/10" count or score; "MRR 120k" is an amount
    # "(goal 40)", "(target: 9)": a bracket after a goal word states the level, it numbers
    # no list item ("Goal 1:" does)
    closed_cue = c.text.startswith(")", c.part.end) and goal_cue(c)
    if (ENUMERATION.match(c.text, c.part.end) and not closed_cue) or (
            LIST_NUMBER.match(c.text, c.part.end) and _line_start(c.text, c.part.start)) or (
            _place_name(c)):
        return 1.0  # "Goal 1:", "2)", "1. $250k new logo ARR", "retention on 4 West"
    if previous is None or in_hashtag(c.doc, previous.i):
        return 0.0  # "#sdr 200 sequences": a tag names no number
    if previous.lower_ in scoring().label_words:
        return 1.0
    if c.quantity.spelled or not previous.is_alpha or previous.is_sent_start or (
            segment_of(c.doc, previous.i)[0] == previous.i):
        return 0.0  # 'Sprint 8 - migrate 40 customers': a segment opens with its verb
    if lexicon_direction(previous) is not None or previous.lower_ in scoring().goal_cues:
        return 0.0
    return float(previous.pos_ in ("NOUN", "PROPN"))


def _place_name(c: Candidate) -> bool:
    """"nurse retention on 4 West to 90%", "Q1 goals – 5 North⏎": a ward or a wing named by
    its number and a compass word, the whole name (not "4 East Coast deals")."""
    following = c.following
    if following is None or not following.is_title or (
            following.lower_ not in scoring().place_words):
        return False
    after = c.doc[following.i + 1] if following.i + 1 < len(c.doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def _scaled(number: str) -> bool:
    """The number carries an attached magnitude ('120k', '1.5M', '2bn'): an amount."""
    digits = number.rstrip()
    return any(digits.endswith(m) and digits[: -len(m)][-1:].isdigit()
               for m in units().magnitudes_attached)


def qualifier(c: Candidate) -> float:
    """"Close 5 deals over $50k", "deals above $100k", "logos worth at least $100k each",
    "accounts with 10k+ seats": a bound on the things counted qualifies them; it is not the
    target."""
    if _age_threshold(c) or _glued_class(c):
        return 1.0
    lead = c.quantity.lead or ""
    if c.quantity.bound not in ("min", "max") or lead == "at" or lead.startswith("to "):
        return 0.0  # "to below 50", "at 90% or higher" set the level of the goal's metric
    if c.quantity.unit not in ("currency", "count") or (
            c.quantity.unit == "count" and c.quantity.unit_text):
        return 0.0  # "close rate on proposals above 40%", "4/5 or better": levels
    if _qualifying_words(c) or _size_class(c):
        return 1.0
    previous = _previous_word(c)
    if previous is None or previous.pos_ != "NOUN":
        return 0.0
    counted = any(child.dep_ == "nummod" for child in previous.children)
    # "deals above $100k": the comparator hangs off a plural noun, not off the verb;
    # "accounts above $1B revenue", "deals > $75k ACV": a measure of each thing follows.
    plural = previous.tag_ == "NNS"
    following = c.following
    measured = following is not None and following.pos_ in ("NOUN", "PROPN")
    # "opps over $50k", "contracts above €100k": a sum after deals sizes each one
    sized = plural and c.quantity.unit == "currency" and (
        previous.lemma_.lower() in scoring().deal_nouns)
    return float(counted or sized or (
        plural and (c.root.head.head == previous or measured)))


def _glued_class(c: Candidate) -> bool:
    """"sub-$20k opportunities", "Sub-₹10 lakh deals": a glued bound before a plural names a
    size class of the things counted, and so does one before a noun in a scope phrase ("churn
    in the sub-$10k ARR cohort"); "a sub-25 parkrun" is a level to reach."""
    following = c.following
    if (c.quantity.lead or "") not in phrases().glued_leads or following is None or (
            not following.is_alpha):
        return False
    # ('sub-$5k accounts': the tagger may read a plural after the bound as a verb)
    return following.tag_ in ("NNS", "NNPS") or (
        (following.pos_ in ("NOUN", "PROPN") or following.tag_ == "VBZ") and _in_scope_phrase(c))


def _in_scope_phrase(c: Candidate) -> bool:
    """The bound opens a prepositional phrase, maybe past a determiner ('in the', 'from
    our'), that picks which things the goal is about (not 'at', 'by': 'at sub-4 pace')."""
    words = [t for t in c.before[:2] if t.tag_ not in ("DT", "PRP$")]
    return bool(words) and words[0].tag_ == "IN" and (
        words[0].lower_ not in scoring().level_preps)


def _age_threshold(c: Candidate) -> bool:
    """"invoices aged 60+ days", "backlog >14 days old", "tickets older than 30 days": an age
    picks the things the goal is about; it is no level of the goal."""
    if c.quantity.unit != "other" or (c.quantity.lead or "").startswith("to"):
        return False
    ages = scoring().age_words
    following = c.following
    return (following is not None and following.lower_ in ages) or any(
        t.lower_ in ages for t in c.before[:2])


def _size_class(c: Candidate) -> bool:
    """'12 new 10k+ seat accounts', '10k+ seat accounts': a bound before a noun that modifies
    the counted noun names a size class of the things (another count of them may stand
    before it)."""
    root = c.root
    following = c.following
    head = root.head
    counted_before = any(t.dep_ == "nummod" and t.i < root.i for t in head.children)
    # ('≥ 30 customer calls': a comparator before the number sets the level)
    return root.dep_ == "nummod" and head.pos_ == "NOUN" and (counted_before or (
        not c.quantity.lead and following is not None and following.dep_ == "compound"
        and following.head == head))


def _qualifying_words(c: Candidate) -> bool:
    """"worth at least", "with ARR under", "every opp over" before the bound; "each" after.
    A gerund qualifies only the plural right before it ("accounts spending over $1M", not
    "my monthly takeaway spending under £200")."""
    words, before = scoring(), c.before[:3]
    # Right before the bound, or before the noun right before it ("every opp over").
    if before and before[0].pos_ in ("NOUN", "PROPN"):
        before = before[1:]
    if before and before[0].lower_ in words.qualifier_words:
        return before[0].tag_ != "VBG" or (len(before) > 1 and before[1].tag_ in ("NNS", "NNPS"))
    return any(t.lower_ in words.each_words for t in c.doc[c.number.end :][:QUALIFIER_REACH])


def _self_rating(c: Candidate) -> bool:
    """"(confidence 80%)", "conf: 7/10": how sure the writer is, not a level to reach."""
    words = scoring().rating_words
    return any(t.lower_ in words for t in c.before[:RATING_REACH])


def _aside(c: Candidate) -> bool:
    """"Recruiting (2 recruiters): ...": a count alone in brackets describes."""
    if c.quantity.unit != "count" or not c.before or c.before[0].text != "(":
        return False
    return any(t.text.startswith(")") for t in c.doc[c.number.end :][:TEAM_REACH])


def _definition(c: Candidate) -> bool:
    """"stale opps (no activity in 45 days)", "senior engineers (8+ yrs experience)": a number
    in brackets right after a noun defines the things counted ("Expansion ARR (+20%)" and
    "(up 15%)" are changes to reach)."""
    if c.quantity.lead is not None or c.quantity.sign is not None:
        return False
    for n, token in enumerate(c.before):
        if ")" in token.text:
            return False
        if token.text == "(":
            # an open-ended threshold ("3+ years") or words before the number ("open 30
            # days"); "(82 kg)", "(+20%)" name the level itself
            # ("(target: €2M)" states the level)
            defines = c.quantity.bound == "min" or (n > 0 and not goal_cue(c))
            return defines and token.i > 0 and c.doc[token.i - 1].pos_ in ("NOUN", "PROPN")
    return False


def _team_size(c: Candidate) -> bool:
    """"a team of 6 SDRs", "(team of 12)", "with 3 SEs on the team"."""
    words, before = scoring().team_words, c.before
    if len(before) >= 2 and before[0].lower_ == "of" and before[1].lower_ in words:
        return True
    if c.quantity.unit != "count" or c.quantity.unit_text:
        return False
    after = c.doc[c.number.end :][:TEAM_REACH]
    return any(t.lower_ in words for t in after) and any(t.lower_ in ("on", "in") for t in after)


def duration(c: Candidate) -> float:
    """"within 6 weeks", "over two years", "3 week push": a span of time, not a level of it;
    "at 9:15 daily", "every Monday from 8:30": the time of day something repeats, not a level
    either ("by 9:30", "AHT at 4:30" are levels)."""
    previous = _previous_word(c)
    before = c.quantity.lead or (previous.lower_ if previous is not None else "")
    if is_clock(c.quantity.unit_text):
        # A time of day ("10:30 am") or a repeating schedule; not "AHT at 4:30 or below".
        timed = c.quantity.unit_text != "clock" or any(is_cadence(t) for t in time_parts(c.doc))
        scheduled = before in scoring().schedule_preps or (
            before.rsplit(" ", 1)[-1] in scoring().done_by_preps and _occasions_counted(c))
        return float(scheduled and c.part.end <= c.quantity.number_end and timed)
    return float(c.quantity.unit == "other" and (
        (before in scoring().duration_preps and not (before == "for" and _repeated(c)))
        or _period_length(c)))


def _period_length(c: Candidate) -> bool:
    """'3 week push: close 5 deals', '10 day blitz', '90-day retention': a length of time
    right before a noun names a period or a measure by its length; it is no level."""
    unit = (c.quantity.unit_text or "").lower()
    if c.quantity.lead or not (unit in units().time_units or unit in units().time_units_attached):
        return False  # (the cheap tests first: most numbers have no time unit)
    following, previous = c.following, _previous_word(c)
    return following is not None and following.pos_ in ("NOUN", "PROPN") and following.is_alpha \
        and following.lower_ not in word_set("assistant", "metric.json", "statistics") and not (
            previous is not None and previous.pos_ in ("ADP", "DET"))  # 'into the 6–8 min band'


def _quantities(doc: Doc) -> list[Part[Quantity]]:
    """The Doc's quantities (`find_quantities`), none before that component has run."""
    found = doc._.gs_quantities if Doc.has_extension("gs_quantities") else None
    return found or []


def _occasions_counted(c: Candidate) -> bool:
    """Another number counts the occasions of a cadence ("Lights out by 22:30 on at least 5
    nights a week"): that count is the goal, and a clock time says when each occasion ends."""
    quantities = _quantities(c.doc)
    cadences = [t for t in time_parts(c.doc) if is_cadence(t)]
    return any(q.start != c.part.start and OCCASIONS.fullmatch(c.text, q.end, t.start)
               for q in quantities for t in cadences if t.start >= q.end)


def _repeated(c: Candidate) -> bool:
    """"Meditate for 10 minutes every morning", "for 20 minutes, 7 days a week": a length
    held on each occasion of a cadence right after it is a level, not a span of time (a
    window is: "within 4 hours, seven days a week"), also past a count of occasions ("for 45
    minutes two evenings a week")."""
    return any(is_cadence(t) and t.start >= c.part.end
               and OCCASIONS_BEFORE_CADENCE.fullmatch(c.text, c.part.end, t.start) is not None
               for t in time_parts(c.doc))


def scale(c: Candidate) -> float:
    """"(out of 5)", "a 1-5 scale": the number is a scale's end, not a level; "(confidence
    80%)", "conf: 7/10": a self-rating on a scale, not a level either."""
    if _self_rating(c):
        return 1.0
    before = c.text[: c.part.start].lower().rstrip()
    after = NEXT_WORD.match(c.text, c.part.end)
    return float(any(before.endswith(words) for words in scoring().scale_leads)
                 or bool(after and after[1].lower() in scoring().scale_words))


def count_of(c: Candidate) -> float:
    """"4 of my 7 reps", "18 of the 20 renewals": a count out of a stated whole is what the
    goal must reach (GUIDELINE v1.1: "2 of the 5" -> "2")."""
    return float(c.quantity.unit == "count" and COUNT_OF.match(c.text, c.part.end) is not None)


def stretch(c: Candidate) -> float:
    """"$750k, stretch $900k", "(stretch: 180)", "moonshot is 800": a second, optional level
    beside the goal's own (not the verb in "Stretch 15 minutes after each session"). A lone
    level under a stretch label is the goal's own ("Stretch: 2x expansion opps in Q1")."""
    return float(_stretched(c.before) and _other_level(c))


def _stretched(before: list[Token]) -> bool:
    """A stretch word stands in reach before a number (`before` nearest first)."""
    return any(t.lower_ in scoring().stretch_words and not _opening_verb(t)
               for t in before[:STRETCH_REACH])


def _other_level(c: Candidate) -> bool:
    """Another quantity of the text stands under no stretch word ('Stretch: 12 webinars, base
    plan 8 webinars')."""
    quantities = _quantities(c.doc)
    for q in quantities:
        span = token_span(c.doc, q.start, q.end)
        if span is None or c.part.overlaps(q.start, q.end):
            continue
        first = segment_of(c.doc, span.start)[0]
        if not _stretched([c.doc[i] for i in range(span.start - 1, first - 1, -1)]):
            return True
    return False


def _opening_verb(token: Token) -> bool:
    """The first word of its segment, with no colon after it, is the goal's verb."""
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return segment_of(token.doc, token.i)[0] == token.i and not (after and after.text == ":")


def in_purpose(c: Candidate) -> float:
    return float(c.purpose is not None and c.purpose.overlaps(c.part.start, c.part.end))


def later_sentence(c: Candidate) -> float:
    """Sentences before the candidate's that hold a number: an OKR block's objective line or
    a greeting ahead of the goal does not make its first number a later one."""
    return float(_numbered_sentences_before(c.doc)[c.number.start])


def side_condition(c: Candidate) -> float:
    """The number sits in a condition kept beside a goal that has its own number before it:
    after "with", "while" or "without" ("Hire 25 engineers while keeping offer-accept above
    80%", "Migrate 300 customers by April with churn below 2%"; not "Close 5 deals with ARR
    over $1M", which `qualifier` reads), or after "at" and an article ("Book 60 demos at a
    cost per meeting under $150")."""
    side = next((t for t in c.before if _side_word(t)), None)
    if side is None or c.before[0] == side:
        return 0.0
    quantities = _quantities(c.doc)
    segment = segment_of(c.doc, side.i)[0]
    first = c.doc[segment].idx
    return float(any(first <= q.start and q.end <= side.idx for q in quantities))


def _side_word(token: Token) -> bool:
    """A word that opens a condition beside the goal (see `side_condition`)."""
    words = scoring()
    if token.lower_ in words.side_words:
        return True
    if token.lower_ not in words.side_article_words:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in words.side_articles


def _numbered_sentences_before(doc: Doc) -> list[int]:
    """For every token, how many sentences before its own hold a number; worked out once per
    Doc (every candidate asks)."""
    cached = doc.user_data.get(NUMBERED_SENTENCES_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached
    counts, done, numbered = [], 0, False
    for token in doc:
        if token.is_sent_start and token.i > 0:
            done, numbered = done + numbered, False
        numbered = numbered or token.like_num or token.text[:1].isdigit()
        counts.append(done)
    doc.user_data[NUMBERED_SENTENCES_KEY] = counts
    return counts


FEATURES: dict[str, Callable[[Candidate], float]] = {
    f.__name__: f
    for f in (has_unit, time_unit, lead, verb_argument, root_clause, goal_cue, number_word,
              scope, label, qualifier, duration, scale, stretch, count_of,
              in_purpose, purpose_verb, current_state, later_sentence, side_condition)
}


def features(c: Candidate) -> dict[str, float]:
    """Every feature's value for one candidate (for scoring, debugging and learned models)."""
    return {name: feature(c) for name, feature in FEATURES.items()}


def candidate_rows(doc: Doc, quantities: list[Part[Quantity]],
                   found: list[Candidate] | None = None) -> list[tuple[int, int, dict[str, float]]]:
    """The phrase bounds and `features` of each of `candidates(doc, quantities)` (`found`
    when the caller has them), worked out once per Doc, purpose clause and quantities: the
    target's choice and the learned confidence both ask, and the second then needs neither
    the candidates nor their features again."""
    purpose = purpose_part(doc)
    key = ((purpose.start, purpose.end) if purpose is not None else None,
           tuple((q.start, q.end) for q in quantities[:MAX_CANDIDATES]))
    cached = doc.user_data.get(FEATURES_KEY)
    if cached is None or cached[0] != key:
        found = candidates(doc, quantities) if found is None else found
        cached = (key, [(c.part.start, c.part.end, features(c)) for c in found])
        doc.user_data[FEATURES_KEY] = cached
    rows: list[tuple[int, int, dict[str, float]]] = cached[1]
    return rows


def score(values: dict[str, float]) -> float:
    """A candidate's score from its `features`."""
    settings = scoring()
    weights = settings.weights  # zero values skipped: their products change no bit of the sum
    return settings.base + sum([weights[name] * v for name, v in values.items() if v])


def purpose_part(doc: Doc) -> Part | None:
    """The purpose clause the relevance component found (None before it runs)."""
    if Doc.has_extension("gs_relevance"):
        part: Part | None = doc._.gs_relevance
        return part
    return None


def _place_preposition(c: Candidate) -> bool:
    """"Reach out to 100 prospects", "present at 2 conferences", "respond to 95% of requests":
    "to"/"at" head the people or places, not a level (after a dative verb, or before a plural
    noun)."""
    quantity, verb = c.quantity, c.verb
    if quantity.unit not in ("count", "percent") or c.part.end > quantity.number_end:
        return False  # "at 50 or above"
    if quantity.lead == "to":
        return _dative(c, verb)
    if quantity.unit != "count":
        return False
    counted = _nominal(c.root)
    return quantity.lead == "at" and counted.tag_ in ("NNS", "NNPS")


def _verb_particle(c: Candidate) -> bool:
    """"Clean up 400 duplicates", "Sign up 200 users", "Line up 8 references": "up" right
    after the verb opening the goal finishes it, it says no direction ("Bump MQLs up 20%",
    "ACV up 15%" do)."""
    before = c.before  # the words before the phrase, "up" being its lead
    return c.quantity.lead == "up" and len(before) == 1 and before[0].pos_ == "VERB"


def _dative(c: Candidate, verb: Token | None) -> bool:
    """The governing verb, the word right before "to" (the tagger misreads an opening
    "Respond" or "Pitch" as a noun) or the goal's opening verb is a verb of reaching
    people."""
    datives = scoring().dative_verbs
    if verb is not None and verb.lemma_.lower() in datives:
        return True
    words = [t.lower_ for t in c.before[:2]]
    # the verb that opens the goal, with no other verb before "to" ("Upsell the analytics
    # add-on to 20 customers", where the tagger takes "add" for the verb)
    opening = [t for t in reversed(c.before) if t.is_alpha]
    first = [t.lower_ for t in opening[:2]]
    alone = not any(t.pos_ in ("VERB", "AUX") and not _in_compound(t) for t in opening[1:])
    return (bool(words) and (words[0] in datives or " ".join(reversed(words)) in datives)) or (
        alone and bool(first) and (first[0] in datives or " ".join(first) in datives))


def _in_compound(token: Token) -> bool:
    """A word joined to the next or the previous one by a hyphen ("add-on", "check-in")."""
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


def _without_lead(c: Candidate) -> Candidate:
    """The candidate with its span cut down to the number itself."""
    start = c.quantity.number_start
    quantity = replace(c.quantity, lead=None, bound=None)
    part = Part(start=start, end=c.part.end, text=c.part.text[start - c.part.start :],
                confidence=c.part.confidence, value=quantity)
    return replace(c, part=part, quantity=quantity)


def candidates(doc: Doc, quantities: list[Part[Quantity]]) -> list[Candidate]:
    """The first MAX_CANDIDATES quantities as target candidates: a goal names a handful of
    numbers, and scoring each looks back through its sentence, so a pasted table of
    thousands of numbers must not cost quadratic time. A heading's index is none ('Goal 1 -
    cut onboarding time from 6 wks to 4 wks')."""
    purpose, text = purpose_part(doc), doc_text(doc)
    found = []
    for part in quantities[:MAX_CANDIDATES]:
        if part.value is None:
            continue
        number = number_span(doc, part.value)
        if numbered_heading(text, number.start_char, number.end_char):
            continue
        first = Candidate(doc=doc, text=text, part=part, quantity=part.value, number=number,
                          purpose=purpose)
        found.append(_without_lead(first) if _place_preposition(first) or _verb_particle(
            first) else first)
    return found


MAX_CANDIDATES = 40


def target_value(
    doc: Doc, part: Part[Quantity], others: list[Part[Quantity]] | None = None
) -> TargetValue:
    """Normalise a chosen quantity into the result schema's TargetValue; `others` are the
    goal's other quantities, where a baseline may be stated ("up from 12")."""
    quantity = part.value
    assert quantity is not None
    moves = direction(doc, part)
    relative = is_relative(doc, part, moves)
    baseline = quantity.baseline
    if baseline is None and others:
        baseline = stated_baseline(doc_text(doc), part, others)
    if baseline is not None and quantity.baseline is None:
        relative = False  # a level with where it starts from ("to 50 (currently 38)")
        if moves == "reach" and baseline != quantity.amount:
            moves = "increase" if quantity.amount > baseline else "decrease"
    return TargetValue(
        amount=quantity.amount,
        unit=quantity.unit,
        currency=quantity.currency,
        direction=moves,
        baseline=baseline,
        relative=relative,
        upper=quantity.upper,
    )


def _first_goal(pool: list[tuple[float, Candidate]],
                best: tuple[float, Candidate]) -> tuple[float, Candidate]:
    """Several goals in one text ("- upsell ARR +€250k\n- keep GRR ≥ 95%", "1,200 MQLs,
    MQL→SQL ≥ 18%"): the first goal's target, when it scores within `first_goal_margin` of
    the best, counts in another unit and a separator (sentence end, line break, bullet, comma)
    comes between them."""
    margin, doc = scoring().first_goal_margin, best[1].doc
    start = token_span(doc, best[1].part.start, best[1].part.end)
    first = start.start if start is not None else best[1].number.start
    levels = {c.part.end for _, c in pool}
    separators = _separators(doc, first, levels)
    if not separators or _main_clause_after_comma(doc, separators[-1], first):
        return best
    # A number in the same unit before a separator is more often where things stand today
    # ("Win rate 18% today, 25% by June") unless the later part names its own metric
    # ("NRR 112%, logo churn below 6%"); another goal in another unit is a goal.
    unit = (best[1].quantity.unit, best[1].quantity.currency)
    after = doc[separators[-1] + 1 : first]
    # "...; keep discounting under 15%": a clause opening with a verb's base form is a goal of
    # its own, unless it refers back ("close rate is 14% - get it to 20%")
    named = any(t.pos_ in ("NOUN", "PROPN") for t in after) or (len(after) > 0 and after[
        0].tag_ == "VB" and not any(t.lower_ in REFERRING_OBJECTS for t in after))
    # After a full stop or line break, a sentence about today or the past is no goal ("I
    # closed 8 deals in Q3. Close $1M in Q4."); a comma list of verbless items is.
    last = doc[separators[-1]]
    listed = last.text == "," or _joins_goals(last, levels) or _spaced_slash(last)
    earlier = [(s, c) for s, c in pool if s >= best[0] - margin
               and c.number.end <= separators[-1] and (listed or not current_state(c))
               and (named or (c.quantity.unit, c.quantity.currency) != unit)]
    return min(earlier, key=lambda sc: sc[1].part.start) if earlier else best


def _separators(doc: Doc, first: int, levels: set[int]) -> list[int]:
    """The tokens before token `first` that may separate two goals (see `_first_goal`); only
    boundaries and the words of `SEPARATOR_WORDS` are read as Tokens."""
    words, bounds = lower_words(doc), segment_bounds(doc)
    return [t.i for t in (doc[i] for i in range(first) if words[i] in SEPARATOR_WORDS
                          or bounds[i][0] == bounds[i][1])  # a boundary (`boundary_at`)
            if t.text == "," or boundary_at(doc, t.i) or _joins_goals(t, levels)
            or _joins_clauses(t) or _spaced_slash(t)]


def _joins_goals(token: Token, levels: set[int]) -> bool:
    """'Inbound lead response under 10 minutes and meeting conversion +4 pts': an 'and'
    right after a candidate level (whose end offsets are `levels`) joins two goals, each
    with its own metric and level."""
    if token.lower_ not in ("and", "&"):
        return False
    before = doc_text(token.doc)[: token.idx].rstrip()
    return len(before) in levels


def _spaced_slash(token: Token) -> bool:
    """'avg 300 registrants / 35% attendance': a slash with spaces around it lists goals (not
    '30/mo' nor '8/10')."""
    doc = token.doc
    return token.text == "/" and bool(token.whitespace_) and token.i > 0 and bool(
        doc[token.i - 1].whitespace_)


def _joins_clauses(token: Token) -> bool:
    """'hit 50 meetings this Q and make sure AEs accept at least 80%': an 'and' before a
    verb in its base form starts a second goal."""
    if token.lower_ not in ("and", "&"):
        return False
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return after is not None and after.tag_ == "VB"


def _added_to(pool: list[tuple[float, Candidate]],
              best: tuple[float, Candidate]) -> tuple[float, Candidate]:
    """"Launch 2 integrations in Q1 and 3 more in Q2": an amount 'more' adds to an earlier
    one in the same unit, which is the goal's first target (not to where things stand
    today: "We have 80 customers; add 25 more")."""
    quantity = best[1].quantity
    if quantity.bound != "change" or not best[1].part.text.lower().endswith("more"):
        return best
    unit = (quantity.unit, quantity.currency)
    earlier = [(s, c) for s, c in pool if c.part.end <= best[1].part.start
               and (c.quantity.unit, c.quantity.currency) == unit and not current_state(c)]
    return min(earlier, key=lambda sc: sc[1].part.start) if earlier else best


def _main_clause_after_comma(doc: Doc, separator: int, start: int) -> bool:
    """"At 12 reps, hit $4M": after a comma, a clause with its own verb is the goal and what
    came before sets the scene ("With 4 partners live, ...", "We closed 14 last quarter, ...");
    a verbless "show rate > 80%" is a second goal, and so is the clause after a goal of its
    own ("book 45 demos, and source $900k pipe")."""
    if doc[separator].text != "," or not any(
            t.pos_ in ("VERB", "AUX") for t in doc[separator + 1 : start]):
        return False
    before = [t for t in doc[segment_of(doc, separator)[0] : separator] if not t.is_punct]
    # "With 4 partners live, ...", "Using 2 webinars a month, ..."
    scene = not before or before[0].pos_ in ("ADP", "SCONJ") or before[0].tag_ == "VBG"
    return scene or any(t.tag_ in REPORT_VERB_TAGS for t in before)


def choose_target(
    doc: Doc, quantities: list[Part[Quantity]] | None = None
) -> Part[TargetValue] | None:
    """The goal's target: the best-scoring quantity above the threshold, or None.
    `quantities` are the goal's `find_quantities(doc)` when the caller has them already."""
    settings = scoring()
    found = find_quantities(doc) if quantities is None else quantities
    found_candidates = candidates(doc, found)
    rows = candidate_rows(doc, found, found_candidates)
    scored = [(score(values), c) for (_, _, values), c in
              zip(rows, found_candidates, strict=True)]
    passing = [(s, c) for s, c in scored if s >= settings.threshold]
    own = [(s, c) for s, c in passing if not in_purpose(c)]
    pool = _stated(passing) or own or passing
    if not pool:
        return None
    best_score, best = _first_goal(pool, _added_to(pool, max(
        pool, key=lambda sc: (sc[0], -sc[1].part.start))))
    confidence = 1.0 / (1.0 + math.exp(-best_score))
    end = _time_of_end(doc, best) or _stock_unit_end(doc, best.part)
    start = best.number.start_char if _scope_rank(best) else best.part.start
    return Part(start=start, end=end, text=doc_text(doc)[start:end],
                confidence=round(confidence, 3), value=target_value(doc, best.part, found))


def _stated(passing: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """The candidates in the sentence that states the goal (`segments.stated_goal`), those
    outside a purpose clause first: a paragraph's other sentences tell what happened
    ('abandonment hit 11% on Black Friday last year') or announce logistics ('Next huddle
    is 7 Dec at 8:15'). Empty when no sentence states the goal or it holds no candidate."""
    bounds = stated_goal(passing[0][1].doc) if passing else None
    if bounds is None:
        return []
    stated = [(s, c) for s, c in passing if bounds[0] <= c.number.start < bounds[1]]
    return [(s, c) for s, c in stated if not in_purpose(c)] or stated


def _time_of_end(doc: Doc, c: Candidate) -> int | None:
    """'7 hours of sleep', '150 minutes of cardio': the time unit (assistant/quantities/
    data/units.json) opens the metric it
    measures ('hours of sleep'), so the span ends with the number (and its direction words,
    '7+'); None when no such unit follows it."""
    span = token_span(doc, c.part.start, c.part.end)
    if span is None or span.end >= len(doc) or doc[span.end].lower_ != "of":
        return None
    unit = doc[span.end - 1]
    if not spent_time_unit(unit.lemma_.lower()) or unit.i <= c.number.start:
        return None
    return doc[unit.i - 1].idx + len(doc[unit.i - 1])


def _scope_rank(c: Candidate) -> bool:
    """'plans for all top 15 accounts': 'top' after 'all' picks the whole, it is no rank to
    reach, so the span is the count alone."""
    previous = _previous_word(c)
    return c.quantity.lead in scoring().rank_leads and previous is not None and (
        previous.lower_ == "all")


def _stock_unit_end(doc: Doc, part: Part[Quantity]) -> int:
    """Where the target span ends: after the plural noun right after its number when that
    noun is the unit of a stock named before it ("backlog to 50 tickets"), else where the
    quantity ends ("Close 50 deals": the counted noun is the metric)."""
    span = token_span(doc, part.start, part.end)
    if span is None or span.end >= len(doc) or doc_text(doc)[part.end : doc[span.end].idx].strip():
        return part.end
    unit = doc[span.end]
    seg_start, _ = segment_of(doc, span.start)
    stocks = scoring().stock_nouns
    # "Cut returns backlog to 200 parcels": the tagger may read the stock as a verb, but
    # not as the base form that opens a goal ("Queue 50 calls")
    if unit.tag_ != "NNS" or not any(t.lower_ in stocks and t.tag_ != "VB"
                                     for t in doc[seg_start : span.start]):
        return part.end
    return unit.idx + len(unit)
