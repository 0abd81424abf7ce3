"""Clause-level helpers shared by the detectors: segment bounds, trimming, goal verbs."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import near, word_set
from .spans import doc_text, token_offsets

# Tokens that end a segment: sentence punctuation, dashes used as separators, line breaks.
# En dashes written without spaces join a range ('Jul–Sep') rather than separate clauses.
RANGE_DASHES = frozenset({"–"})
BOUNDARY_TEXTS = frozenset({".", "!", "?", ";", "—", "–", "!!", "!!!", "...", "…", "•", "|"})
# The characters one of which every boundary token holds (the texts above, '-', a line break,
# a tab): a token without any needs no test.
BOUNDARY_CHARS = re.compile(r"[.!?;—–…•|\n\t-]")


# The most glued words a hashtag runs on through ('#cs-team').
HASHTAG_WORDS = 4
HASHTAGS_KEY = "goalsmith.hashtags"
# Pronouns by which a clause refers back to the goal or its object ('need it for ...').
REFERRING_OBJECTS = frozenset({"this", "that", "it", "them", "these"})
# A list item's number or letter ('1', 'b', 'iv'), with its dot or bracket when glued.
LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]?")
SEGMENTS_KEY = "goalsmith.segments"
LOWERS_KEY = "goalsmith.lowers"
WORDED_KEY = "goalsmith.worded_segments"
# First characters that make a token an amount: a digit, a currency sign, a sign of change.
AMOUNT_OPENERS = frozenset("$€£₹+")


def is_numeric(token: Token) -> bool:
    """The token is a number or an amount: '12', 'twelve', '3x', '$5k', '+4'."""
    first = token.text[:1]
    return token.like_num or first.isdigit() or first in AMOUNT_OPENERS


def is_pictograph(token: Token) -> bool:
    """An emoji or other pictograph ('★', '✅', '🚀'): decoration, no word; in chat it
    also sets a clause off ('25 demos in january 👀 that's my ticket to club')."""
    text = token.text
    if text and text[0] < "\x80":
        return False  # no ASCII character is a pictograph (most tokens are asked)
    return all(unicodedata.category(ch) == "So" or ch == "\ufe0f" for ch in text)


def bracket_open(token: Token) -> int | None:
    """Character offset of the '(' the token stands inside ('9% by March (it was 5.2% in
    October)'), None when it stands in none."""
    text = doc_text(token.doc)
    opening = text.rfind("(", 0, token.idx)
    return opening if opening > text.rfind(")", 0, token.idx) else None


def is_boundary(token: Token) -> bool:
    """The token ends a segment (see `_ends_segment`); read from the Doc's segment bounds,
    worked out once (the detectors ask about many tokens)."""
    return boundary_at(token.doc, token.i)


def boundary_at(doc: Doc, i: int) -> bool:
    """`is_boundary` of token i, asked by its index (no Token made)."""
    start, end = segment_bounds(doc)[i]
    return start == end


def _ends_segment(token: Token) -> bool:
    """The token is one of `BOUNDARY_TEXTS`, a line break, a tab or a spaced hyphen."""
    if token.text in RANGE_DASHES and _unspaced(token):
        return False  # 'Jul–Sep', '(April–March)': a range, not a separator
    if abbreviation_stop(token):
        return False  # 'Avg. deal size', '€3,4 Mio. | stretch'
    if token.is_space and "\t" in token.text:
        return True  # a tab parts the cells of a row pasted from a sheet
    return token.text in BOUNDARY_TEXTS or "\n" in token.text or (
        token.text == "-" and token.whitespace_ != "" and token.i > 0
        and token.doc[token.i - 1].whitespace_ != ""
    )


def abbreviation_stop(token: Token) -> bool:
    """The full stop of an abbreviation glued to it ('Avg.', 'Mio.'), where no sentence ends:
    always after a modifier's abbreviation, after a unit's unless a capitalised word follows."""
    if modifier_stop(token):
        return True
    if not (_glued_stop(token, "unit_abbreviations") or word_stop(token)):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and not following.is_title


def word_stop(token: Token) -> bool:
    """The full stop of an abbreviated word of a metric's name ('conv.', 'resp.')."""
    return _glued_stop(token, "word_abbreviations")


def modifier_stop(token: Token) -> bool:
    """The full stop of an abbreviated modifier ('Avg.' in 'Avg. deal size', 'approx.')."""
    return _glued_stop(token, "modifier_abbreviations")


def _glued_stop(token: Token, key: str) -> bool:
    if token.text != "." or token.i == 0 or token.doc[token.i - 1].whitespace_:
        return False
    return token.doc[token.i - 1].lower_ in word_set("assistant", "segments.json", key)


def _unspaced(token: Token) -> bool:
    return token.i > 0 and not token.whitespace_ and not token.doc[token.i - 1].whitespace_


def list_marker_end(doc: Doc, i: int) -> int:
    """'1)', '(a)', 'ii)', '3.' opening a list item at token i: the index after the marker;
    i when there is none."""
    j = i + 1 if i < len(doc) and doc[i].text == "(" else i
    if j + 1 >= len(doc) or not LIST_MARKER.fullmatch(doc[j].lower_):
        return i
    if doc[j].text[-1] in ".)":
        return j + 1
    return j + 2 if doc[j + 1].text in {")", "."} and not doc[j].whitespace_ else i


def lower_words(doc: Doc) -> list[str]:
    """The tokens' lower-cased texts, listed once per Doc (a rule that scans words then makes
    no Token objects)."""
    cached = doc.user_data.get(LOWERS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = [t.lower_ for t in doc]
        doc.user_data[LOWERS_KEY] = cached
    return cached


def segment_of(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds [start, end) of the segment (sentence or bullet) holding token i."""
    return segment_bounds(doc)[i]


def segment_bounds(doc: Doc) -> list[tuple[int, int]]:
    """For every token, the bounds of its segment; computed once per Doc (the detectors ask
    for them many times). A boundary token belongs to no segment and maps to (i, i)."""
    cached = doc.user_data.get(SEGMENTS_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in _boundary_indices(doc):
        bounds.extend([(start, i)] * (i - start))
        bounds.append((i, i))
        start = i + 1
    bounds.extend([(start, len(doc))] * (len(doc) - start))
    doc.user_data[SEGMENTS_KEY] = bounds
    return bounds


def _boundary_indices(doc: Doc) -> list[int]:
    """The indices of the boundary tokens, in order: only the tokens holding one of
    `BOUNDARY_CHARS` are tested."""
    hits = [m.start() for m in BOUNDARY_CHARS.finditer(doc_text(doc))]
    if not hits:
        return []
    starts = token_offsets(doc)[0]
    candidates = sorted({bisect_right(starts, pos) - 1 for pos in hits})
    return [i for i in candidates if _ends_segment(doc[i])]


def segments(doc: Doc) -> list[Span]:
    """The segments of the doc that hold a word or a number, in order; their bounds are
    worked out once per Doc."""
    cached = doc.user_data.get(WORDED_KEY)
    if cached is None or cached[0] != len(doc):
        bounds = sorted({b for b in segment_bounds(doc) if b[0] < b[1]})
        worded = [b for b in bounds if any(t.is_alpha or t.like_num for t in doc[b[0] : b[1]])]
        cached = (len(doc), worded)
        doc.user_data[WORDED_KEY] = cached
    return [Span(doc, start, end) for start, end in cached[1]]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends on punctuation, space or symbols."""
    while end > start and not _wordlike(doc[end - 1]) and not _closes_bracket(doc, start, end):
        end -= 1
    while start < end and not _wordlike(doc[start]):
        start += 1
    return start, end


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """The span ends on the ')' of a '(' it holds: '(FY27 OKR 3)' keeps its bracket."""
    texts = [t.text for t in doc[start:end]]
    return texts[-1] == ")" and texts.count("(") == texts.count(")")


def _wordlike(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text) or token.text in {"%", "$", "€", "£", "+"}


def is_verb(token: Token) -> bool:
    """A content verb (not an auxiliary), trusting the tag where the parse is unsure."""
    return token.pos_ == "VERB" or (token.tag_ == "VB" and token.dep_ != "aux")


def is_goal_verb(token: Token) -> bool:
    """A verb that opens a goal: tagged as one, or a known goal verb the tagger missed."""
    tag = token.tag_
    if tag in {"NNS", "NNPS", "CD", "DT", "IN"} or not token.is_alpha:
        return False
    return (is_verb(token) and (tag == "VB" or token.dep_ != "amod")) or near(
        token.lower_, word_set("assistant", "verbs.json", "goal_verbs"))


def timed_activity(doc: Doc, to_index: int) -> bool:
    """'(the average) time to fill open roles', 'speed to lead': this 'to' names the activity
    a time metric measures. Not so after a compound ('handle time to increase efficiency': a
    purpose)."""
    if not 1 <= to_index < len(doc) or doc[to_index].lower_ != "to" or (
        doc[to_index - 1].lower_ not in word_set("assistant", "segments.json", "timed_heads")
    ):
        return False
    before = doc[to_index - 2] if to_index >= 2 else None
    return before is None or modifier_stop(before) or before.pos_ not in {"NOUN", "PROPN"}


# Dependencies of a clause's subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Marks after a form field's label ('Why:', 'KPI -', 'Referral hires = 30%').
LABEL_MARKS = frozenset({":", "=", "-", "–", "—"})
# Brackets around a form field's label, in place of its mark ("[Why] ...", "<Goal> ...").
LABEL_BRACKETS = {"[": "]", "<": ">"}
# The most words a label in brackets holds ('[Key result]', '[Why it matters]').
LABEL_WORDS = 3
# Markdown emphasis marks around a form field's label ("**Why:**", "__By__:").
EMPHASIS_MARKS = frozenset("*_")


@lru_cache(maxsize=16)
def by_first_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples by their first word, longest first (a scan that asks at every
    token then only tries the phrases that can start there)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for label in sorted(phrases, key=len, reverse=True):
        words = tuple(label.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in by_first.items()}


def label_width(doc: Doc, i: int, labels: frozenset[str]) -> int:
    """The tokens of a form field's label (one of `labels`, longest first) at token i and of
    the mark after it ('Why:', 'Key metric -') or the bracket closing it ('[Why] ...', '<Due>
    ...'), 0 when none."""
    close = LABEL_BRACKETS.get(doc[i - 1].text) if i > 0 else None
    for words in by_first_word(labels).get(doc[i].lower_, ()):
        n = len(words)
        mark = i + n
        while mark + 1 < len(doc) and is_emphasis(doc[mark]):
            mark += 1  # '__Why__:', '**Metric**:'
        if mark + 1 >= len(doc) or not _words_at(doc, i, words):
            continue
        if doc[mark].text in LABEL_MARKS or doc[mark].text == close:
            end = mark + 1
            while end + 1 < len(doc) and is_emphasis(doc[end]):
                end += 1  # '**Why:** ...': the bold mark closing the label
            return end - i
    return 0


def opens_label(token: Token) -> bool:
    """An opening bracket of a form field's label ('[' in '[Why] ...')."""
    return token.text in LABEL_BRACKETS


def label_start(doc: Doc, i: int) -> int:
    """Where a form field's label may start in a line that opens at token i: past a bullet
    dash, markdown emphasis, an opening bracket and spaces ('- **Target:** 30%', '[KR] ...',
    'Goal - 25 demos.  Why - ...')."""
    while i < len(doc) and (is_emphasis(doc[i]) or opens_label(doc[i]) or doc[i].text == "-" or (
            doc[i].is_space)):
        i += 1
    return i


def bracketed_label_end(doc: Doc, i: int) -> int:
    """'[Goal] quote turnaround < 1 business day', '<By> end of January': the index after a
    label of words in brackets at token i; i when there is none."""
    close = LABEL_BRACKETS.get(doc[i].text) if i < len(doc) else None
    for k in range(i + 1, min(i + 2 + LABEL_WORDS, len(doc))):
        if doc[k].text == close and k > i + 1:
            return k + 1
        if not doc[k].is_alpha:
            break
    return i


def _words_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return tuple(lower_words(doc)[i : i + len(words)]) == words


def is_emphasis(token: Token) -> bool:
    """A markdown emphasis mark ('*', '**', '_', '__')."""
    text = token.text
    return bool(text) and text[0] in EMPHASIS_MARKS and set(text) <= EMPHASIS_MARKS


def in_hashtag(doc: Doc, i: int) -> bool:
    """Token i is a hashtag's '#' or one of the words glued to it ('#okr', '#cs-team'): a
    tag, which names no measure and no number."""
    return i in _hashtag_tokens(doc)


def _hashtag_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the hashtags' tokens, found once per Doc (the metric's phrase scan asks
    at every token)."""
    cached = doc.user_data.get(HASHTAGS_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    found: set[int] = set()
    if "#" in doc_text(doc):
        for token in doc:
            if token.text != "#" or token.whitespace_:
                continue
            found.add(token.i)
            k = token.i + 1
            while k < len(doc) and k - token.i <= HASHTAG_WORDS:
                found.add(k)
                if doc[k].whitespace_:
                    break
                k += 1
    result = frozenset(found)
    doc.user_data[HASHTAGS_KEY] = (len(doc), result)
    return result


STATED_GOAL_KEY = "goalsmith.stated_goal"


def stated_goal(doc: Doc) -> tuple[int, int] | None:
    """Token bounds of the one sentence of a paragraph that states the goal, None when the
    text has one sentence or not exactly one states it. An email, a memo or huddle notes tell
    what happened ('Warehouse 3 had a rough October (mis-picks at 1.9%)'), greet and announce
    logistics ('Next huddle is 7 Dec at 8:15') around the sentence that sets the level: the
    one holding a number and a goal's cue ('Our goal is', 'asked that we cut', 'each store
    should lift', 'I want', 'please hold') or opening with a goal verb in its base form
    ('This year, keep the abandon rate under 6%'). A list's verbless item with a number
    ('1. $250k new logo ARR') is a goal of its own, so a list (or lines of fields, 'KR1: ...⏎KR2:
    ...') has none. Worked out once per
    Doc."""
    cached = doc.user_data.get(STATED_GOAL_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    parts = segments(doc)
    stating = [p for p in parts if _states_goal(p)] if len(parts) > 1 else []
    found = (stating[0].start, stating[0].end) if len(stating) == 1 and not _listed(
        doc, parts) else None
    doc.user_data[STATED_GOAL_KEY] = (len(doc), found)
    return found


def _listed(doc: Doc, parts: list[Span]) -> bool:
    """The segments are a list's items or lines of fields (see `stated_goal`)."""
    lines = sum(p.start > 0 and "\n" in doc[p.start - 1].text for p in parts)
    return lines > 1 or any(any(is_numeric(t) for t in p) and not any(
        is_verb(t) or t.pos_ == "AUX" for t in p) for p in parts)


def _states_goal(segment: Span) -> bool:
    """The segment holds a number and a goal's cue (see `stated_goal`): a goal word as the
    subject or the head of its clause ('Our goal is', not 'the company goal of 110%'), and not
    under a verb in the past tense ('we missed our target of 12% in Q3')."""
    if not any(is_numeric(t) for t in segment):
        return False
    cues = word_set("assistant", "segments.json", "stated_goal_cues")
    cued = any(t.lemma_.lower() in cues and (t.pos_ != "NOUN" or (
        t.dep_ in SUBJECTS | {"attr", "ROOT"} and t.head.tag_ != "VBD")) for t in segment)
    return cued or any(_commands(t) for t in segment)


def _commands(token: Token) -> bool:
    """A goal verb in its base form opening the segment, or its clause after a colon or a
    comma, with no auxiliary: an imperative ('keep the abandon rate under 6%', 'Plan for Jan:
    visit 12 dealers')."""
    doc = token.doc
    start = segment_of(doc, token.i)[0]
    opens = token.i == start or (token.i > start and doc[token.i - 1].text in (":", ","))
    return opens and token.tag_ == "VB" and token.dep_ not in SUBJECTS | {"compound"} and \
        is_goal_verb(token) and not any(
        c.dep_ == "aux" for c in token.children)
