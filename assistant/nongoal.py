"""Texts that are not goals at all: a greeting, a question, an email signature, a pasted
email (GUIDELINE.md v1.1). Such a text has no components and no vague words: the detector
clears what the others found, so that every surface reads the same verdict."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import load_data, near, word_set
from .parts import Part
from .quantities.lexicon import scoring, units
from .result import TargetValue
from .segments import (
    AMOUNT_OPENERS,
    LABEL_MARKS,
    SUBJECTS,
    bracket_open,
    by_first_word,
    is_goal_verb,
    is_pictograph,
    lower_words,
    segments,
)
from .spans import doc_text, span_text
from .temporal.lexicon import lexicon

Doc.set_extension("gs_not_goal", default=None, force=True)

DATA = "nongoal.json"
# The most words of a label before a colon ('Kick-off notes 30/11:').
LABEL_WORDS = 5
# The most words of a label that opens with a recap's word or names a forecast or a status
# ('quick recap from today's call with Contoso:', '2027 enrollment projection (v2):').
LONG_LABEL_WORDS = 10
# Dashes that end a heading on the same line ('November to date - 38 shipments late').
HEADING_DASHES = frozenset({"-", "–", "—"})
# The most words of a greeting before its comma ('Hello everyone,').
GREETING_WORDS = 4
# The most tokens of a heading line above a report's items ('CS leadership sync – notes 11/25').
HEADING_TOKENS = 8
# Tags of a word that cannot be an imperative ('Drinks', 'Sent', 'Following').
INFLECTED = frozenset({"NNS", "NNPS", "VBZ", "VBD", "VBG", "VBN", "CD"})
CLEARED = ("gs_metric", "gs_target", "gs_deadline", "gs_relevance")
# A phone number: with a country code, an area code in brackets, or a leading 0.
PHONE = re.compile(r"\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}"
                   r"|\(\d{3}\) ?\d{3}[ .-]\d{4}|\b0\d{3,4} \d{5,6}\b")
# The fewest lines of a signature block; tags of a verb that a signature's lines lack.
SIGNATURE_LINES = 3
VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "MD"})
# Marks that open a quotation: a signature's motto.
QUOTES = frozenset({"“", '"', "„", "«", "‘"})
# Words before a joke's mark that deny it ('not kidding this time').
DENIALS = frozenset({"not", "no", "n't"})
# The most words between 'my' and the goal word it owns ('my Q3 sales goal').
OWNER_WORDS = 3
# Marks that end a notice's label: a form field's, but not a hyphen or '=' (a spaced hyphen
# joins chat: 'Thurs - QBR prep').
NOTICE_MARKS = LABEL_MARKS - {"-", "="}
# Modals that announce what comes rather than set a goal ('Will share more Monday').
# Words after 'got' that make it an obligation, not a past ('got to finish', 'got 2 finish').
OBLIGED = frozenset({"to", "2", "ta"})
ANNOUNCING = frozenset({"will", "shall"})
# Tags of a word that opens a question ('should', 'what', 'how', 'whose').
QUESTION_TAGS = frozenset({"MD", "WP", "WRB", "WDT", "WP$"})
# Words by which a statement names the writer's own aim ('mine is 20 new logos').
OWN_WORDS = frozenset({"i", "we", "my", "our", "mine", "ours", "me", "us"})
# Words between a place and its state ('the office is closed', "we're closed").
CLOSURE_LINKS = frozenset({"is", "are", "'re", "will", "be", "remains", "remain", "stays"})
# Words after 'down' that make it a level's move, no closure ('site down to 2s load time').
LEVEL_MOVES = frozenset({"to", "from", "by", "below", "under"})
# Tags of a bare verb that opens a step the writer proposes ('maybe sit in on 4 calls?').
STEP_TAGS = frozenset({"VB", "VBP"})
# A record's id ('PR-3317', 'INV-7731', '7730-114'; not a date, '2026-11-27').
RECORD_ID = re.compile(r"(?<![\w/-])(?:[A-Z]{1,5}-\d{3,}|\d{3,}-\d{3,})(?![\w/-])")
# A match score between two names ('Eagles 21–14 Hawks', 'Final score 98–91,').
SCORE = re.compile(r"(?:\b[A-Z][a-z]+|\bscore)\s+\d{1,3}\s?[–-]\s?\d{1,3}(?=\s+[A-Z]|\s*[,.;]|$)")
# Words that make the writer or the reader commit to something ('we', 'my', 'you').
COMMITTED = frozenset({"i", "we", "my", "our", "me", "us", "you"})
# Characters a web or email address holds one of (spaCy's `like_url` wants a dot or a scheme,
# `like_email` an '@'): a segment without any needs no token asked.
LINK_CHARS = frozenset(".@:")
# Dashes a record's id or a match score holds one of: without any, neither pattern is tried.
ID_DASHES = frozenset("-–")
# Money signs a forecast's sum opens with ('calling $780k').
MONEY_OPENERS = AMOUNT_OPENERS - {"+"}


@cache
def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_data("assistant", DATA)[key])


def reason(shape: str) -> str:
    """What a text of this shape reads as, for the finding's message."""
    return str(load_data("assistant", DATA)["reasons"][shape])


@cache
def _phrase_set(key: str) -> frozenset[str]:
    return frozenset(load_data("assistant", DATA)[key])


@cache
def _openers(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases under `key` by their first word."""
    return by_first_word(_phrase_set(key))


def _opens_with(segment: Span, key: str) -> bool:
    """The segment opens with one of the phrases under `key` (only those that start with its
    first word are tried: every segment is asked about five lists)."""
    words = lower_words(segment.doc)[segment.start : min(segment.end, segment.start + 6)]
    phrases = _openers(key).get(words[0], ())
    return any(tuple(words[: len(p)]) == p for p in phrases)


def _past_chat(segment: Span) -> Span:
    """The segment from its first word that is no interjection, punctuation or hedge ('Hmm, I
    want ...' -> 'I want ...', 'idk maybe aim for 10 SQLs a week?' -> 'aim for ...')."""
    hedges = _phrase_set("hedges")
    start = next((t.i for t in segment
                  if t.pos_ not in ("INTJ", "PUNCT") and t.lower_ not in hedges), segment.start)
    return segment.doc[start : segment.end]


def _question(segment: Span) -> bool:
    """A segment asked as a question, unless it is the writer's own goal asked with doubt:
    a wish opening it and the goal's level inside it ('i want to close 10 deals by xmas,
    doable??'; not 'is 30% a good win rate or should i aim higher?')."""
    doc = segment.doc
    after = doc[segment.end].text if segment.end < len(doc) else ""
    if "?" not in after and "?" not in segment[-1].text:
        return False
    target, chat = doc._.gs_target, _past_chat(segment)
    if target is None or not segment.start_char <= target.start < segment.end_char:
        return not _wished_change(chat)
    return not _own_level(segment, chat, target)


def _own_level(segment: Span, chat: Span, target: Part[TargetValue]) -> bool:
    """The level asked about is the writer's own goal: a wish, a proposal or the goal's name
    opens the segment (past chat words), or the question proposes the level."""
    return any(_opens_with(chat, key) for key in (
        "wishes", "bare_wishes", "proposals", "self_notes")) or (
        _names_own_goal(chat)) or _proposes_level(segment, target) or (
        _hedged_step(segment, chat, target.start)) or _offers_level(segment, target) or (
        _asks_to_aim(chat)) or (
        chat.start_char == target.start)  # 'hopefully 40 callbacks done by wed?': a headline


def _wished_change(chat: Span) -> bool:
    """'i'd kinda like to push my show rate up a little?', 'hoping to get my upsell revenue
    higher next quarter?': a wish opening the segment and a goal verb after it set a goal
    with no level yet, asked with doubt; not 'I'd like to know who owns the renewal?'."""
    verbs = word_set("assistant", "verbs.json", "goal_verbs")
    wish = _opens_with(chat, "wishes") or _opens_with(chat, "bare_wishes")
    return wish and any(t.tag_ == "VB" and near(t.lower_, verbs) for t in chat)


def _offers_level(segment: Span, target: Part[TargetValue]) -> bool:
    """'is 90% a realistic target for me?', 'would 250 calls/wk be a fair goal for a new
    SDR?': the level asked about is called a goal after it; not 'should my goal be 120% of
    quota?' (which asks for one) nor 'is 12 a typical number of touches?'."""
    names = _phrase_set("own_goal_names")
    return any(t.lower_ in names and t.idx > target.start and t.dep_ == "attr"
               and t.head.lemma_ == "be" and not any(c.lower_ == "of" for c in t.children)
               for t in segment)


def _asks_to_aim(chat: Span) -> bool:
    """'Can we aim for a 20% lift by H1 end?', 'could I go for 30 demos?': a modal and the
    writer asking leave for a proposal, whatever kind of level it names."""
    return len(chat) > 2 and chat[0].tag_ == "MD" and chat[1].lower_ in _phrase_set(
        "first_persons") and _opens_with(chat[2:], "proposals")


def _hedged_step(segment: Span, chat: Span, target: int) -> bool:
    """'idk maybe shoot for 8 a day?', 'trying to get sharper at demos, maybe sit in on 4
    calls by thursday?': the segment, past chat words, or the clause holding the target (from
    the last comma before it) opens with a bare verb heading a clause. A segment that opens as
    a question to someone does not ('could you pull 5 accounts, maybe check them by friday?')."""
    if chat[0].tag_ in QUESTION_TAGS or (chat[0].pos_ == "AUX" and chat[0].tag_ != "VBN"):
        return False  # 'could you ...?', 'is it ...?'; not 'been sketching ..., maybe ...?'
    commas = [t.i for t in segment if t.text == "," and t.idx < target]
    clause = _past_chat(segment.doc[commas[-1] + 1 : segment.end]) if commas else chat
    return any(verb.tag_ in STEP_TAGS and verb.dep_ in ("ROOT", "conj")
               for verb in (chat[0], clause[0]))


def _proposes_level(segment: Span, target: Part[TargetValue]) -> bool:
    """'can we get lead-to-opp conversion back up to 18% by end of jan?', 'could we hit 45
    demos in January?': the writer (we, I) asks to reach a level, a share or a count won by
    the verb; not a request for more things ('Can we get 5 more seats on the contract?',
    'Can I have 2 laptops by Monday?') nor someone else's task ('can you send ...?')."""
    verb = segment.root
    value, doc = target.value, segment.doc
    mine = any(t.dep_ in SUBJECTS and t.lower_ in _phrase_set("first_persons")
               for t in verb.children)
    if not mine or value is None or value.relative or value.unit == "other" or (
            segment[0].tag_ in QUESTION_TAGS - {"MD"}):
        return False  # not 'should i aim higher?', 'How do I ...', 'push our 1:1 to 3:30?'
    first = doc.char_span(target.start, target.end, alignment_mode="expand")
    if first is None or not verb.left_edge.i <= first.start < verb.right_edge.i + 1:
        return False
    level = value.unit == "percent" or target.text.split()[0].lower() in _phrase_set(
        "level_words")
    return level or verb.lemma_.lower() not in _phrase_set("request_verbs")


def _names_own_goal(segment: Span) -> bool:
    """'thinking my Q3 goal should be ~$1.1M?', 'my goal this term could be 80%??': the
    segment names the writer's own goal (a goal word at most `OWNER_WORDS` words after 'my'), and
    does not open as a question does ('should my goal be 120% of quota?' asks for one)."""
    names, owners = _phrase_set("own_goal_names"), _phrase_set("owners")
    if segment[0].pos_ == "AUX" or segment[0].tag_ in QUESTION_TAGS:
        return False
    words = lower_words(segment.doc)
    return any(words[i] in names and not owners.isdisjoint(
        words[max(i - OWNER_WORDS, segment.start) : i]) for i in range(segment.start, segment.end))


def _notice(segment: Span) -> bool:
    """'Reminder – decks due Thursday', 'Kick-off notes 30/11: ...', 'H2 recap: ...': a notice
    word opening the segment or in the short label before its colon (a label word only
    there: 'Recap every discovery call' sets a goal), unless the metric is that word
    ('Webinar attendees: 250 per session')."""
    if _opens_with(segment, "self_notes") or _names_own_goal(_past_chat(segment)):
        return False  # 'reminder to self: forecast ...', 'lol ok my goal for Jan: 3x ...'
    colon, doc = _label_end(segment, _recap_words(segment)), segment.doc
    if colon is not None and _introduces_goal(segment, colon):
        return False
    if _opens_with(segment, "notices") or _opens_with(segment, "events"):
        return True
    notices = _notice_words()
    metric = doc._.gs_metric
    return colon is not None and any(
        t.lower_ in notices and not (metric and metric.start <= t.idx < metric.end)
        for t in doc[segment.start : colon])


@cache
def _notice_words() -> frozenset[str]:
    """The words that make a label a notice's: a notice's or a notice label's first word, a
    list heading's last."""
    return frozenset({p[0] for p in _phrases("notices") + _phrases("notice_labels")} | {
        p[-1] for p in _phrases("list_headings")})


@cache
def _ahead_words() -> frozenset[str]:
    """The first words of the phrases that turn to what comes next ('so', 'then')."""
    return frozenset(p[0] for p in _phrases("forward_words"))


def _introduces_goal(segment: Span, end: int) -> bool:
    """'omg ok new goal: ...', 'Heads up on my plan: ...', 'Update: new goal for Q1 — ...',
    'Update from the ward: we're aiming to ...', 'Q1 update: close 12 deals by March 31', 'hr
    update: nothing new, but i need 10 referrals by wed': the label names the writer's goal,
    or what follows it opens with a goal, a goal verb, a wish or a proposal, or turns to a
    wish."""
    doc, goals = segment.doc, _phrase_set("own_goal_names")
    if end + 1 >= segment.end:
        return False  # a label with nothing after it
    if any(t.lower_ in goals for t in doc[segment.start : end]):
        return True
    rest = _past_chat(doc[end + 1 : segment.end])
    turns = [rest.start - 1] + [t.i for t in rest if t.lower_ in _phrase_set("turns")]
    # a status label before an imperative ('Q1 update: close 12 deals'); a reminder's
    # imperative is a task for others ('reminder to all reps: log your calls')
    commanded = _imperative([rest]) and not _opens_with(segment, "notices")
    return _names_own_goal(rest) or commanded or any(
        _opens_with(doc[i + 1 : segment.end], key) for i in turns if i + 1 < segment.end
        for key in ("wishes", "proposals", "goal_openers"))


def _label_end(segment: Span, words: int = LABEL_WORDS) -> int | None:
    """The colon or dash that ends a short label opening the segment ('Sprint status 11/26:',
    'Weekly update — 38 of 50 interviews done'), or the end of a heading line ('Weekly status
    (w/e 11/27)⏎- ...'), if any; `words` is the most words the label may have."""
    # ('2027 enrollment projection (v2):': the tokenizer glues the colon to the bracket)
    mark = None if NOTICE_MARKS.isdisjoint(span_text(segment)) else next(
        (t.i for t in segment[1 : words + 1] if t.text.lstrip(")") in NOTICE_MARKS), None)
    return segment.end if mark is None and _heading_line(segment) else mark


def _recap_words(segment: Span) -> int:
    """How many words a label may have: more when a recap's word opens it ('quick recap from
    today's call with Contoso:', 'Summary of the Initech discovery call:')."""
    recaps = _phrase_set("recaps")
    opening = lower_words(segment.doc)[segment.start : min(segment.end, segment.start + 2)]
    return LABEL_WORDS if recaps.isdisjoint(opening) else LONG_LABEL_WORDS


def _dash_heading(segment: Span) -> bool:
    """A short segment with no verb that a spaced dash ends ('November to date - ...')."""
    doc = segment.doc
    return segment.end < len(doc) and doc[segment.end].text in HEADING_DASHES and len(
        segment) <= LABEL_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in segment)


def _past_greeting(segment: Span) -> Span:
    """The segment past a greeting and its comma or emoji ('Hi all, quick recap from ...' ->
    'quick recap from ...', 'Happy holidays everyone 🎉 I'm off ...' -> 'I'm off ...'); the
    whole segment when it opens with none."""
    if not _opens_with(segment, "salutations"):
        return segment
    comma = next((t.i for t in segment[1 : GREETING_WORDS + 1] if t.text == "," or (
        is_pictograph(t))), None)
    return segment.doc[comma + 1 : segment.end] if comma is not None and (
        comma + 1 < segment.end) else segment


def _forecast_or_status(segment: Span) -> bool:
    """'FY27 outlook (draft): revenue €48–52M', 'q4 so far: 87% to plan', 'YTD: 212 hires',
    'my forecast for q4 is 1.1M commit': a label naming a forecast or a status so far, or a
    forecast as the subject of 'be', reports numbers; it sets no goal. 'Forecast accuracy:
    90% by Q2' measures a forecast; a label followed by a goal sets one."""
    nouns, doc = _phrase_set("forecast_nouns"), segment.doc
    reason = doc._.gs_relevance  # 'so the Q1 forecast starts clean' is the goal's reason
    named = not nouns.isdisjoint(lower_words(doc)[segment.start : segment.end])
    if named and any(t.lower_ in nouns and t.dep_ in SUBJECTS and t.head.lemma_ == "be" and not (
            reason and reason.start <= t.idx < reason.end) for t in segment):
        return True
    colon = _label_end(segment, LONG_LABEL_WORDS)
    if colon is None and _dash_heading(segment):
        colon = segment.end  # 'November to date - 38 shipments late'
    ahead = _ahead_words()
    if colon is None or _introduces_goal(segment, colon) or any(
            t.lower_ in ahead and (t.pos_ != "NOUN" or t.dep_ in SUBJECTS) and _goal_word(t, ahead)
            for t in doc[colon + 1 : segment.end]):
        return False  # 'Q1 so far: 40 demos, so push for 60'; not 'time-to-fill', '61% of target''
    label = doc[segment.start : colon]
    words = [t.lower_ for t in label]
    marks = (tuple(p.split()) for p in _phrase_set("status_marks"))
    return any(t.lower_ in nouns and t.dep_ != "compound" for t in label) or any(
        tuple(words[i : i + len(m)]) == m for m in marks for i in range(len(words)))


def _heading_line(segment: Span) -> bool:
    """A short line that opens with no goal verb, holds no target and that more text follows,
    after a line break or a spaced dash ('Weekly status (w/e 11/27)⏎- Pipeline: ...', 'Sprint
    41 review – velocity 38 pts'; not 'Review 40 accounts⏎- ...')."""
    doc = segment.doc
    if segment.end >= len(doc) - 1 or len(segment) > HEADING_TOKENS:
        return False
    after = doc[segment.end]
    if "\n" not in after.text and after.text not in NOTICE_MARKS:
        return False
    target = doc._.gs_target
    holds_target = target is not None and segment.start_char <= target.start < segment.end_char
    return not holds_target and not _imperative([segment])


def segment_shape(segment: Span, first: bool) -> str | None:
    """The non-goal shape a segment has, if any."""
    if first and ((any(t.text == ":" for t in segment[:3]) and _opens_with(
            segment, "headers")) or _opens_with(
            _past_chat(segment), "opening_lines")):
        return "header"
    checks = (("away", lambda s: _opens_with(_past_greeting(s), "away")), ("question", _question),
              ("sign_off", lambda s: _opens_with(s, "sign_offs")),
              ("salutation", _salutation),
              ("notice", lambda s: _notice(_past_greeting(s))),
              ("notice", lambda s: _reader_news(_past_greeting(s))),
              ("notice", lambda s: _closure(_past_greeting(s))), ("report", _report),
              ("report", lambda s: _forecast_or_status(_past_greeting(s))),
              ("report", lambda s: _opens_with(_past_chat(s), "forecasts")),
              ("report", _forecast_call),
              ("contact", _contact))
    return next((name for name, test in checks if test(segment)), None)


def _closure(segment: Span) -> bool:
    """'office closed 12/24 to 12/26', 'Office reopens Jan 4', "We're closed 24 Dec – 2 Jan":
    a place or service and, right after it, a state of being shut or open again (not
    'tickets closed', nor 'site down to 2s load time')."""
    words, states = lower_words(segment.doc), _phrase_set("closure_states")
    for i in range(segment.start + 1, segment.end):
        if words[i] not in states or (words[i] == "down" and i + 1 < segment.end and (
                words[i + 1] in LEVEL_MOVES)):
            continue
        k = i - 1
        while k > segment.start and words[k] in CLOSURE_LINKS:
            k -= 1
        if segment.doc[k].pos_ == "PRON" and k == i - 1:
            continue  # 'We closed 9 deals': a pronoun's verb, where a place is 'closed'
        if words[k] in _phrase_set("closure_subjects"):  # and no goal set after it
            return not any(t.tag_ == "VB" and is_goal_verb(t) for t in segment.doc[i:segment.end])
    return False


def _reader_news(segment: Span) -> bool:
    """'Your exam is confirmed for 12/09/2026', 'your order #55120 has shipped', 'Your
    subscription renews on March 1': news of the reader's booking, order or account, told
    by whoever keeps it (its verb a form of one of 'reader_news', not the base form of a
    request: 'your team will book 40 demos' sets a goal)."""
    if not _opens_with(segment, "reader_owners"):
        return False
    verbs = _phrase_set("reader_news")
    return any(t.dep_ == "ROOT" and t.tag_ != "VB" and t.lemma_.lower() in verbs
               for t in segment)


def _forecast_call(segment: Span) -> bool:
    """'I'm calling $780k for Dec', 'Committing $1.1M for Q4': a forecasting verb, not in its
    base form, right before a sum of money calls a forecast; it sets no goal ('I'm committing
    to 50 calls a day' does)."""
    doc, verbs = segment.doc, _phrase_set("forecast_verbs")
    return not MONEY_OPENERS.isdisjoint(span_text(segment)) and any(
        t.lemma_.lower() in verbs and t.tag_ != "VB" and t.i + 1 < segment.end
        and doc[t.i + 1].text[:1] in MONEY_OPENERS for t in segment)


def _joke(doc: Doc) -> bool:
    """'My Q1 goal: 1,000,000 steps to the coffee machine (kidding, real goals Monday)': a
    joke's mark after every part of the goal takes them back; not '(not kidding this time)'
    nor 'kidding aside, my goal is ...'."""
    lowered, marks = doc_text(doc).lower(), _phrase_set("joke_marks")
    if not any(mark in lowered for mark in marks):
        return False  # a mark's token, lower-cased, is a piece of the Doc's text lower-cased
    starts = [p.start for p in (doc._.gs_metric, doc._.gs_target) if p is not None]
    return any(t.lower_ in marks and all(s < t.idx for s in starts)
               and not (t.i > 0 and doc[t.i - 1].lower_ in DENIALS) for t in doc)


def _record(doc: Doc, parts: list[Span]) -> bool:
    """'Invoice #88214, 12 days @ €950/day', 'Proposal PR-3317: 120 licences at $42/user/mo',
    'Eagles 21–14 Hawks', 'CAC payback = S&M spend ÷ (new ARR × gross margin)', 'Refunds over
    €200 require sign-off from Finance': the fields of a record, a score, a definition or a
    rule hold numbers but set no goal, when no segment states one ('Sell 200 seats at
    $38/user/month by Jan 31', 'Q1: 40 SQOs @ 30% conversion, my number')."""
    return any(_record_mark(part) for part in parts) and not any(
        _states_goal(part) for part in parts)


def _states_goal(part: Span) -> bool:
    """A goal verb, a wish, the writer or the reader ('we', 'my', 'you'), a goal's name ('Team
    goal:', not the count in 'Okafor 2 goals'), a level of change or a bound in the segment.
    A noun the tagger reads as a verb names a record ('Invoice #88214', 'Offer valid until
    ...'), so only a goal verb counts."""
    names = _phrase_set("own_goal_names")
    verbs = word_set("assistant", "verbs.json", "goal_verbs")
    named = any(t.lower_ in names and not (t.i > 0 and t.nbor(-1).like_num) for t in part)
    return named or _changes_level(part) or _bound_goal(part) or _imperative([part]) or any(
        t.lower_ in COMMITTED or (t.tag_ == "VB" and near(t.lower_, verbs)) for t in part) or any(
        _opens_with(_past_chat(part), key) for key in ("wishes", "bare_wishes", "goal_openers"))


def _changes_level(part: Span) -> bool:
    """The goal's level, in the segment, is a change ('by 20%', 'from 18% to 25%')."""
    target = part.doc._.gs_target
    return target is not None and target.value is not None and part.start_char <= (
        target.start) < part.end_char and (target.value.relative or (
            target.value.baseline is not None))


def _bound_goal(part: Span) -> bool:
    """A bound sets a goal ('Invoices: 98% paid within 30 days net by end of Q2', 'Ticket
    #4471 closed by Friday'), unless it is a record's field ('Offer valid until 15 Jan'), as
    does a period heading the segment ('Q2: 25 new logos @ $30k ACV')."""
    deadline = part.doc._.gs_deadline
    if deadline is None:
        return False
    return deadline.start == part.start_char or (_bound_ahead(part) and not any(
        f.start_char <= deadline.start < f.end_char for f in _fields(part)))


def _record_mark(part: Span) -> bool:
    """A record's sign, field or id, a price per a unit that is no period ('$29/seat'), a
    match score, a definition or a rule."""
    signs = _phrase_set("record_signs")
    text = span_text(part)
    marked = not _sign_chars(signs).isdisjoint(text) and any(
        _sign(t, signs) or _times(t) for t in part)
    scored = not ID_DASHES.isdisjoint(text) and (
        RECORD_ID.search(text) is not None or SCORE.search(text) is not None)
    return marked or scored or bool(_fields(part)) or (
        _unit_price(part) or _definition(part) or _rule(part))


@cache
def _sign_chars(signs: frozenset[str]) -> frozenset[str]:
    """The characters of a record's signs and of the 'x' between a count and an amount: a
    segment without any holds neither."""
    return frozenset("".join(signs)) | {"x", "X"}


def _fields(part: Span) -> list[Span]:
    """The record's fields in the segment ('valid until', 'due 30 days net')."""
    words = lower_words(part.doc)[part.start : part.end]
    present = set(words)  # only the fields whose first word the segment holds are scanned for
    return [part[i : i + len(p)] for p in _phrases("record_fields") if p[0] in present
            for i in range(len(words)) if tuple(words[i : i + len(p)]) == p]


def _sign(token: Token, signs: frozenset[str]) -> bool:
    """A record's sign; '#' only before a number ('#88214', not '# of expansion opps' nor the
    hashtag '#q1'; an id with letters, '#A-55102', is read as an id)."""
    doc = token.doc
    return token.text in signs and (token.text != "#" or (
        token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isdigit()))


def _times(token: Token) -> bool:
    """An 'x' between a count and an amount ('300 seats x $55/seat')."""
    doc = token.doc
    return token.lower_ == "x" and 0 < token.i < len(doc) - 1 and doc[token.i - 1].pos_ in (
        "NOUN", "NUM") and doc[token.i + 1].text[:1] in AMOUNT_OPENERS | set("0123456789")


@cache
def _units(*keys: str) -> frozenset[str]:
    """The lower-cased words under `keys` in the quantities' unit lexicon."""
    return frozenset(word.lower() for key in keys for word in getattr(units(), key))


def _unit_price(part: Span) -> bool:
    """An amount of money per a unit that is no period ('$42/user/mo', 'CHF 38/user/month',
    '$2,410/oz'; not a cadence: '$40k/month'), or a currency pair ('USD/JPY at 151.3')."""
    if "/" not in span_text(part):
        return False
    periods = _units("time_units", "time_units_attached")
    money, doc = _units("currency_symbols", "currency_codes"), part.doc
    return any(t.text == "/" and part.start < t.i < part.end - 1 and (
        (_priced(doc[part.start : t.i]) and doc[t.i + 1].lower_ not in periods)
        or (doc[t.i - 1].lower_ in money and doc[t.i + 1].lower_ in money)) for t in part)


def _priced(before: Span) -> bool:
    """The span ends with an amount of money ('$ 42', 'CHF 38')."""
    money = _units("currency_symbols", "currency_codes")
    return len(before) > 1 and before[-1].like_num and before[-2].lower_ in money


def _definition(part: Span) -> bool:
    """'NRR = (starting ARR + expansion − churn) ÷ starting ARR': a name, '=' and a formula
    define a measure; not 'my goal = pipeline coverage ≥3x'."""
    if "=" not in span_text(part):
        return False
    sign = next((t.i for t in part if t.text == "="), None)
    names, doc = _phrase_set("own_goal_names"), part.doc
    return sign is not None and not any(t.lower_ in names for t in doc[part.start : sign]) and any(
        t.lower_ in _phrase_set("operators") for t in doc[sign + 1 : part.end])


def _rule(part: Span) -> bool:
    """'Refunds over €200 require sign-off from Finance', 'All POs above $10k must be
    countersigned by the CFO': a rule's verb, or a modal of obligation before a passive, puts
    an obligation on others."""
    words = lower_words(part.doc)  # (the modal, a child of the root, may stand outside the part)
    if _phrase_set("rule_modals").isdisjoint(words) and _phrase_set("rule_verbs").isdisjoint(
            words[part.start : part.end]):
        return False  # the part's root is no rule's verb and no modal of obligation is near
    root = part.root
    passive = any(c.dep_ == "auxpass" for c in root.children) and any(
        c.dep_ == "aux" and c.lower_ in _phrase_set("rule_modals") for c in root.children)
    return passive or (root.lower_ in _phrase_set("rule_verbs") and any(
        c.dep_ in SUBJECTS for c in root.children))


def _contact(segment: Span) -> bool:

    """An email address, a web address or a phone number ('+49 30 1234 5678', '(415)
    555-0142', 'Mob: 07700 900456')."""
    text = span_text(segment)
    linked = not LINK_CHARS.isdisjoint(text) and any(t.like_email or t.like_url for t in segment)
    return linked or PHONE.search(text) is not None


def _quoted_reply(doc: Doc) -> bool:
    """The text opens with the line of a quoted reply ('> On Tue, 24 Nov 2026 at 15:12, Dana
    Kim wrote:')."""
    first = doc_text(doc).lstrip("> \n").split("\n", 1)[0].strip().rstrip(":").lower()
    return first.startswith("on ") and any(first.endswith(f" {verb}")
                                           for verb in _phrase_set("quote_verbs"))


def _signature_block(doc: Doc, parts: list[Span], shapes: list[str | None]) -> bool:
    """The text is only a signature: at least three lines, one a signature mark ('--'),
    contact details or a sign-off, and no other line with a verb (a name, a job title, an
    address) but a quoted motto ('“Quota is a floor, not a ceiling.”')."""
    lines = [line.strip() for line in doc_text(doc).split("\n") if line.strip()]
    if len(lines) < SIGNATURE_LINES:
        return False
    marked = any(line in _phrase_set("signature_marks") for line in lines) or any(
        shape in {"contact", "sign_off"} for shape in shapes) or any(
        t.like_email or t.like_url for t in doc)  # an address makes no segment of its own
    return marked and not any(
        shape is None and part[0].text not in QUOTES and (
            any(t.tag_ in VERB_TAGS for t in part) or _imperative([part]))
        for part, shape in zip(parts, shapes, strict=True))


def _salutation(segment: Span) -> bool:
    """'Hi all', 'Morning team': a greeting, unless the goal's metric or level follows it in
    the same segment ('hey team 👋 my goal for Q1: get GRR to 94%', 'Hey team, so the plan is
    to close $2M by Q2')."""
    doc = segment.doc
    # ('Happy Friday folks 🎉 drinks at 5': a "metric" made of the greeting itself is none)
    return _opens_with(segment, "salutations") and not any(
        part is not None and segment.start_char < part.start < segment.end_char
        for part in (doc._.gs_metric, doc._.gs_target))


def _report(segment: Span) -> bool:
    """'we closed Q3 at 104% of plan', 'Last month we did a lot better', 'ran 5.2k this
    morning': a pronoun subject (or none, in a diary) and a verb in the past tense report a
    result; they set no goal ('Demos delivered: 45' is a headline)."""
    root = segment.root
    ahead = _ahead_words()
    goal = any(_goal_word(t, ahead) for t in segment)  # "; close 18", "so book 60 in 2027"
    # '9% by March (it was 5.2% in October)': a past verb in brackets is a baseline aside
    if goal or bracket_open(root) is not None:
        return False
    if root.tag_ != "VBD":
        return _status(root) and not _bound_ahead(segment)
    # 'Groceries were $412': a past 'be' states a result whatever its subject; 'ran 5.2k this
    # morning': a diary's past verb opens the segment with no subject ('cut', 'hit' and 'set'
    # read the same in the present, so only a verb whose form shows the past)
    opening = _past_chat(segment).start
    diary = root.i == opening and root.lower_ != root.lemma_.lower() and not (
        root.i + 1 < len(root.doc) and root.doc[root.i + 1].lower_ in OBLIGED)  # 'got 2 finish'
    return diary or any(c.dep_ in SUBJECTS and (c.pos_ == "PRON" or (
        root.lemma_ == "be" and c.left_edge.i == opening and not any(
            t.is_punct for t in root.doc[opening : root.i]))) for c in root.children)


def _goal_word(token: Token, ahead: frozenset[str]) -> bool:
    """A verb in its base form ('close 18') or a word turning to what comes next ('so book
    60'); not 'so far', the time left in 'two weeks to go' nor the subject of a past verb."""
    doc = token.doc
    if token.lower_ in ahead:  # 'the goal was 30 demos in October' reports a past goal
        return not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "far") and not (
            token.dep_ in SUBJECTS and token.head.tag_ == "VBD")
    return token.pos_ == "VERB" and token.tag_ in ("VB", "VBP") and not (
        token.lemma_ == "go" and any(c.tag_ == "TO" for c in token.children))


def _bound_ahead(segment: Span) -> bool:
    """The goal's deadline starts in the segment with a preposition of a bound ('it's 40
    renewals closed by Jan 31'): the present states the level to reach, not where things
    are ('it's 84 demos this quarter so far')."""
    deadline = segment.doc._.gs_deadline
    return deadline is not None and segment.start_char <= deadline.start < segment.end_char and (
        getattr(deadline.value, "prep", None) in lexicon().cue("label", "keeps_bound"))


def _status(root: Token) -> bool:
    """'we're at 71% renewal so far', 'I'm sitting at 9 demos': a pronoun subject and a verb
    of standing in the present, with no modal, say where things are; they set no goal."""
    if root.tag_ not in ("VBP", "VBZ", "VBG") or root.lemma_.lower() not in (
            scoring().stative_verbs):
        return False
    children = list(root.children)
    pronoun = any(c.dep_ in SUBJECTS and c.pos_ == "PRON" for c in children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in children)
    return pronoun and not modal and any(t.like_num for t in root.subtree)


def _holds_components(segment: Span) -> bool:
    """The goal's metric or its level starts in the segment."""
    doc = segment.doc
    parts = (doc._.gs_metric, doc._.gs_target)
    return any(part is not None and segment.start_char <= part.start < segment.end_char
               for part in parts)


def _sets_goal(segment: Span) -> bool:
    """A verb in its base form sets a goal ('this quarter close 18 and lift ASP to $40k', 'we
    should focus on ...'); after 'will' it announces something ('Will share more Monday'). A
    lone word sets none (a name signing off, '- Sam', that the tagger reads as a verb)."""
    return len(segment) > 1 and any(
        t.pos_ == "VERB" and t.tag_ == "VB" and t.dep_ != "xcomp" and not any(
            c.dep_ == "aux" and c.lemma_.lower() in ANNOUNCING for c in t.children)
        for t in segment)


def _inherited(parts: list[Span], shapes: list[str | None]) -> list[str | None]:
    """A verbless segment split off by a dash inside the sentence of a shaped one shares its
    shape ('Congrats to Aisha on closing Stark — $1.4M TCV, biggest in company history'); not
    a greeting's ('hey all - my q1 focus: 25 net new logos'). A reason for asking after a
    question is part of it ('are we measuring NPS at 30 or 90 days? want my q1 numbers to line
    up')."""
    result = list(shapes)
    for n in range(1, len(parts)):
        before, part = parts[n - 1], parts[n]
        same = part[0].sent.start == before[0].sent.start
        if result[n] is None and result[n - 1] not in (None, "salutation") and same and not any(
                t.pos_ in ("VERB", "AUX") for t in part):
            result[n] = result[n - 1]
        elif result[n] is None and result[n - 1] == "question" and (
                _asks_why(part) or _describes_asked(part)):
            result[n] = "question"
    return result


def _describes_asked(part: Span) -> bool:
    """'Who owns the Globex renewal? It's $240k and expires 3/31/27', 'Do we have a number
    for Q1 yet? Q4 was $3.2M': after a question, a statement of what was asked about, with
    no goal set and nobody's own ('mine is 20 new logos', 'I need to book 15 meetings')."""
    rest = _past_chat(part)
    if _sets_goal(rest) or any(t.lower_ in OWN_WORDS for t in rest):
        return False
    root = next((t for t in rest if t.dep_ == "ROOT"), None)
    return root is None or root.lemma_ == "be" or root.tag_ in {"VBD", "VBZ", "VBP"}


def _asks_why(part: Span) -> bool:
    """'need to set my own number', 'asking for my OKR sheet': a segment that, past chat
    words, opens with a reason for asking and holds neither the metric nor the level."""
    return not _holds_components(part) and _opens_with(_past_chat(part), "ask_reasons")


def _imperative(parts: list[Span]) -> bool:
    """A segment opens with a goal verb in its base form ('Improve onboarding — thoughts?',
    'Close 10 deals by Q1?'), whatever tag the tagger gave it short of an inflected one."""
    verbs = word_set("assistant", "verbs.json", "goal_verbs")
    # not the auxiliary opening a question ('Do we have a number for Q1 yet?')
    return any(s[0].tag_ not in INFLECTED and s[0].dep_ != "aux" and near(s[0].lower_, verbs)
               and not _opens_with(s, "notices") and not _opens_with(s, "events")
               for s in parts)  # not 'Save the date: ...', 'Lunch & learn Wednesday: ...'


def not_a_goal(doc: Doc) -> str | None:
    """The shape that makes the text no goal ('header', 'question', ...), or None. Correspondence
    decides alone; otherwise a text stated as a goal (opening with a goal verb) stays one, and
    any other shape decides when every segment has one, when no metric or target is found, or
    when those found lie only in shaped segments and no other segment sets a goal."""
    parts = segments(doc)
    if not parts and any(t.like_url or t.like_email for t in doc):
        return "contact"  # a bare link
    shapes = _inherited(parts, [segment_shape(s, n == 0) for n, s in enumerate(parts)])
    if _quoted_reply(doc):
        return "header"
    if _signature_block(doc, parts, shapes):
        return "contact"
    if _joke(doc):
        return "joke"
    if _record(doc, parts):
        return "record"
    found = [s for s in shapes if s is not None]
    if not found:
        return None
    if _correspondence(parts, shapes):
        return found[0]
    if _imperative(parts):
        return None
    # A question names no goal by naming a measure ('is there a way to bulk-update close
    # dates?'); it takes a level to ask about one.
    metric = doc._.gs_metric is not None and "question" not in found
    # 'I want our managers better at giving feedback. Could we run some workshops?': a wish
    # stated in a segment of its own is a goal, whether or not it names a measure.
    # So is a segment naming the goal ('December so far: 9 booked; goal is 20 by Dec 18').
    wished = any(shape is None and (any(_opens_with(_past_chat(part), key) for key in (
        "wishes", "goal_openers")) or _wished_change(_past_chat(part)))
        for part, shape in zip(parts, shapes, strict=True))
    components = metric or doc._.gs_target is not None or wished
    # What was found lies only in segments of these shapes ('H1 recap: 212 SQLs ... Full
    # deck in the drive.'): no goal is stated anywhere else.
    stated = wished or any(shape is None and (_holds_components(part) or _sets_goal(part))
                           for part, shape in zip(parts, shapes, strict=True))
    return found[0] if len(found) == len(shapes) or not components or not stated else None


def _correspondence(parts: list[Span], shapes: list[str | None]) -> bool:
    """A text that is correspondence whatever numbers it holds: it opens with an email
    header ('FW: ...'), a sign-off on a line of its own (a signature block: 'Best
    regards,⏎name, phone') or a notice heading a list ('Agenda:⏎1. ...'), or it opens with
    a greeting and closes with a sign-off, unless the greeting opens a line of chat around
    the writer's goal ('Hi team! my goal for this half is ... Thx!')."""
    first = parts[0]
    line_ends = first.end < len(first.doc) and "\n" in first.doc[first.end].text
    # a greeting on a line of its own heads a letter whatever it says ('Hi Jordan,⏎⏎...my
    # goal for Q1 is ...⏎⏎Best,'); one in the line of chat greets around a goal
    chat_goal = any(shape is None and _states_own_goal(part)
                    for part, shape in zip(parts, shapes, strict=True))
    letter = shapes[0] == "salutation" and "sign_off" in shapes[1:] and (
        line_ends or not chat_goal)
    # 'Agenda for Thursday's call:⏎1. ...', 'Action items:⏎- ...': a notice heading its own
    # line heads a list of topics, unless a line states a wish
    # ('Sprint 41 review – velocity 38 pts, 5 bugs carried over': a dash ends it as well)
    heading_ends = line_ends or (first.end < len(first.doc) and first.doc[
        first.end].text in NOTICE_MARKS)
    listed = _heads_list(first) and not _opens_with(
        first, "self_notes") and heading_ends and len(parts) > 1 and not any(
        _opens_with(_past_chat(part), key) for part in parts[1:]
        for key in ("wishes", "goal_openers")) and not (  # '- my goal: 6 new partner opps'
        _imperative(parts[1:]))  # 'Pipeline review – get coverage to 3x by Q1'
    # 'Your exam is confirmed for 12/09. Please arrive 15 minutes early': a notice of the
    # reader's booking opens a message to them, whatever it asks after it
    news = _reader_news(_past_greeting(first))
    return shapes[0] == "header" or (shapes[0] == "sign_off" and line_ends) or letter or (
        listed or news)


def _states_own_goal(part: Span) -> bool:
    """'my plan for December is to close 4 renewals', 'quick one: I want to get our
    first-response time under 2 hours': the segment holds the goal's level and, past chat
    words or a short label, names the writer's goal or opens with a wish or a goal's opener."""
    target, colon = part.doc._.gs_target, _label_end(part)
    if target is None or not part.start_char <= target.start < part.end_char:
        return False
    starts = [part] if colon is None or colon + 1 >= part.end else [
        part, part.doc[colon + 1 : part.end]]
    return any(_names_own_goal(chat) or _opens_with(chat, "wishes") or _opens_with(
        chat, "goal_openers") for chat in map(_past_chat, starts))


def _heads_list(first: Span) -> bool:
    """The first line opens with a list heading or holds one in its label ('Agenda:', 'Meeting
    notes 12/3:', 'Forecast call notes 11/24:', 'Board meeting recap 25.11.:')."""
    if _opens_with(first, "list_headings"):
        return True
    end = _label_end(first)
    headings, goals = {p[-1] for p in _phrases("list_headings")}, _phrase_set("own_goal_names")
    label = first.doc[first.start : end] if end is not None else first[:0]
    return any(t.lower_ in headings for t in label) and not any(
        t.lower_ in goals for t in label)  # 'Performance review goals:⏎- ...


class NotAGoalDetector:
    def __call__(self, doc: Doc) -> Doc:
        doc._.gs_not_goal = not_a_goal(doc)
        if doc._.gs_not_goal is not None:
            for name in CLEARED:
                setattr(doc._, name, None)
            doc._.gs_vague = []
        return doc


@Language.factory("goalsmith/nongoal",
                  assigns=["doc._.gs_not_goal", *(f"doc._.{n}" for n in CLEARED), "doc._.gs_vague"])
def make_not_a_goal(nlp: Language, name: str) -> NotAGoalDetector:
    return NotAGoalDetector()
