"""Decide what each time expression does in the goal: bound it (deadline), compare with
the past (baseline), repeat (cadence), name something (label) or stay vague."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import alternation, word_set
from ..segments import bracket_open
from ..spans import doc_text
from .expr import Role, TimeExpr
from .lexicon import lexicon, window_start
from .patterns import patterns

# Expressions that only look ahead ("within 30 days", "by Friday") never date the past.
FORWARD_KINDS = frozenset({"duration", "weekday", "near_day", "holiday", "unresolvable"})
# Period names that often qualify a noun written right after them ("Q3 results").
NAME_KINDS = frozenset({"quarter", "half", "year", "fiscal_year"})
KIND_ROLES: dict[str, Role] = {"cadence": "cadence", "vague": "vague", "comparison": "baseline"}
# The start of a line or sentence, where a heading begins.
LINE_START = re.compile(r"(?:^|[\n.!?;•*-])[^\w.!?;]*$")
# The start of a line, past bullets and emoji: a period name there heads the whole goal
# ("Q1 SQLs ≥ 75", "🚀 Q1 goal: ...").
OPENS_LINE = re.compile(r"(?:^|\n)[^\w\n]*$")
# Dependencies of a clause's own verb: a "to" complement of such a verb is the goal's
# action ("I need to close 5 deals by Q2"), not a purpose.
MAIN_DEPS = frozenset({"ROOT", "csubj", "ccomp", "conj"})
# How far back an opening parenthesis or purpose word still encloses an expression.
ASIDE_WINDOW = 160
# A sentence that opens with its purpose or reason, up to the comma that ends it ("To reach
# break-even in 2028, close 6 deals by June 30", "In line with the FY28 plan, ..."), which
# the parse often misses.
LEADING_PURPOSE = re.compile(r"(?:^|[\n.!?;])[^\w\n]*(?:in\s+order\s+to|so\s+that|to|because"
                             r"|given\s+that|as\s+part\s+of|in\s+line\s+with|aligned\s+with"
                             r"|in\s+support\s+of)\s+[^,.;:\n()]*$", re.IGNORECASE)
# A "so", "because" or ", which" clause after the goal's number, up to the expression ("105%
# for Q4 so we protect headcount next year", "to 3 minutes because call volume doubles in
# January", "to 20 days, which means customers see value before their first QBR"): its
# times date the reason ("so far", "so much" open none; "ok so my goal for Q1 is ..."
# opens the goal).
# A form field's colon right after a label ("Today: 31").
FIELD_COLON = re.compile(r"[ \t]*:")
# The words since the start of a line, sentence or clause.
CLAUSE_START = re.compile(r"(?:^|[\n.!?;:,()–—]|\s-\s)(?P<words>[^\n.!?;:,()–—]*)$")
# "from $4M in 2026 to $5M": the time of the starting level is a baseline.
PAST_LEVEL = re.compile(r"\bfrom\s+[$€£]?\d[\w.,%]*(?:\s+(?:%|percent|pct|[a-z]+))?\s*$",
                        re.IGNORECASE)

# The rest of a clause up to the comma that closes it ("Since our renewals land in Q2, ...").
CLAUSE_COMMA = re.compile(r"[^,.;:!?\n()]*,")

def role_of(doc: Doc, text: str, start: int, end: int, expr: TimeExpr) -> Role:
    """The role of the expression at original offsets [start, end) of `doc`, whose text
    is `text`."""
    lex = lexicon()
    if expr.kind in KIND_ROLES:
        return KIND_ROLES[expr.kind]
    if expr.role != "deadline":
        return expr.role
    if expr.kind == "near_day" and FIELD_COLON.match(text, end):
        return "baseline"  # 'Today: 31⏎Target: 45': the label of where things stand
    past = expr.kind == "relative_period" and (expr.offset or 0) < 0
    bound = expr.prep in lex.cue("label", "keeps_bound")
    if past or expr.prep in lex.cue("prepositions", "baseline") or (
        not bound and PAST_LEVEL.search(text, window_start(start), start)
    ) or (not bound and tells_the_past(doc, start, end, expr)):
        return "baseline"
    if reviews_later(doc, start, end):
        return "label"
    names = modifies_noun(doc, text, start, end) or names_process(text, end, expr) or (
        expr.prep is None and expr.kind in NAME_KINDS and precedes_noun(doc, text, end)
    )
    if not bound and names and not is_heading(doc, text, start, end):
        return "deadline" if _opens_goal(text, start, end, expr) or \
            names_own_plan(text, start, end, expr) else "label"
    weak = expr.prep in lex.cue("prepositions", "weak") or (
        expr.prep is None and expr.kind in NAME_KINDS)
    if weak and in_purpose(doc, start, end):
        return "label"
    if expr.kind == "duration" and expr.prep in lex.cue("label", "condition_preps") and \
            not counts_ahead(text, start, end) and qualifies_noun(doc, start):
        return "label"
    return "deadline"


def reviews_later(doc: Doc, start: int, end: int) -> bool:
    """True for a time that dates another look at the goal ("(will revisit in March)",
    "check back on this in Feb", "We'll review it at the January QBR"): its verb is a review
    verb whose only objects are pronouns, so it schedules a look, not a result ("review 50
    accounts by Friday", "check in on 3/4 of accounts by EOM" keep their bound)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head  # a look someone will take: not "reviewed monthly"
    if verb.tag_ not in ("VB", "VBP") or verb.i in range(span.start, span.end):
        return False
    lemma = verb.lemma_.lower()
    forms = {lemma, *(f"{lemma} {child.lower_}" for child in verb.children)}
    if not forms & set(lexicon().cue("label", "review_verbs")):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i not in range(span.start,
                                                                                span.end)]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        t for prep in preps for t in prep.children if t.dep_ == "pobj"]
    return all(t.pos_ == "PRON" for t in objects)


@lru_cache(maxsize=1)
def _ahead_words() -> re.Pattern[str]:
    ahead = (word for word, offset in lexicon().relative.items() if offset > 0)
    return re.compile(rf"(?<![a-z])(?:{alternation(ahead)})(?![a-z])", re.IGNORECASE)


def counts_ahead(text: str, start: int, end: int) -> bool:
    """True for a duration counted from now ("for the next 30 days"): a bound even where
    its preposition hangs on a noun."""
    return _ahead_words().search(text, start, end) is not None


@lru_cache(maxsize=1)
def _process_noun() -> re.Pattern[str]:
    nouns = alternation(lexicon().cue("label", "process_nouns"))
    return re.compile(rf"[-\s]+(?:{nouns})(?![a-z])", re.IGNORECASE)


def names_process(text: str, end: int, expr: TimeExpr) -> bool:
    """True for a bare period end naming a process ("the month-end close")."""
    return expr.prep is None and expr.edge == "end" and _process_noun().match(text, end) is not None


def qualifies_noun(doc: Doc, start: int) -> bool:
    """True when the preposition at `start` hangs on a noun ("no activity for 30 days")
    rather than on the goal's verb ("grow 5% a month for 6 months")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].head.pos_ in ("NOUN", "PROPN", "PRON")


def tells_the_past(doc: Doc, start: int, end: int, expr: TimeExpr) -> bool:
    """True when the expression dates a past-tense statement by someone ("In Q3 we missed
    by 20%", "I booked 40 meetings in 2026"): a point of comparison."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or expr.kind in FORWARD_KINDS or (expr.offset or 0) > 0:
        return False
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.tag_ == "VBD" and not span.start <= verb.i < span.end and any(
        child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "PRON" and child.i < verb.i
        for child in verb.children
    )


def _opens_goal(text: str, start: int, end: int, expr: TimeExpr) -> bool:
    """A bare period name or period end opening the text or a line ("Q1 bookings target =
    $320k", "EOQ push!!! 9 deals to close"): the goal's (weak) bound, written where a
    heading would be."""
    if expr.prep is not None or OPENS_LINE.search(text, window_start(start), start) is None:
        return False
    return expr.kind in NAME_KINDS or (expr.kind == "relative_period" and _end_word().fullmatch(
        text[start:end].lower()) is not None)  # not a process: "Month-end close time ..."


@lru_cache(maxsize=1)
def _end_word() -> re.Pattern[str]:
    """The written end of a period ("EOQ", "e.o.y", "EOFY")."""
    return next(p.regex for p in patterns() if p.name == "eo")


@lru_cache(maxsize=1)
def _plan_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    label = lexicon().cues["label"]
    nouns, others = alternation(label["plan_nouns"]), alternation(label["others_plan"])
    # at most one word (a team or metric word) between the period and the plan noun
    return (re.compile(rf"\s+(?:[a-z]+\s+)?(?:{nouns})(?![a-z])", re.IGNORECASE),
            re.compile(rf"(?<![a-z])(?:{others})(?![a-z])|\w['’]s?(?!\w)|\d", re.IGNORECASE))


def names_own_plan(text: str, start: int, end: int, expr: TimeExpr) -> bool:
    """A bare period naming the writer's own plan ("my Q1 plan:", "Our 2027 goal is ...",
    "Renewals Q3 target:"): the goal's (weak) bound. The words since the start of the
    clause (at most four) give the plan to no one else ("its Q1 target") and hold no
    amount ("3x Q1 target")."""
    if expr.prep is not None or expr.kind not in NAME_KINDS:
        return False
    noun, others = _plan_words()
    if noun.match(text, end) is None:
        return False
    opening = CLAUSE_START.search(text, window_start(start), start)
    return opening is not None and len(opening["words"].split()) <= 4 and \
        others.search(opening["words"]) is None


def aside(doc: Doc, text: str, start: int, end: int) -> bool:
    """True for a time inside a parenthesis, a purpose or a relative clause ("(all accounts
    up for renewal in H1)", "To reach break-even in 2028, ..."): it bounds the goal only
    when the main clause gives none."""
    window = max(0, start - ASIDE_WINDOW)
    opened = text.rfind("(", window, start)
    return opened > text.rfind(")", window, start) or \
        LEADING_PURPOSE.search(text, window, start) is not None or \
        trailing_reason().search(text, window, start) is not None or \
        in_clause(doc, start, end, "purpose_markers") or \
        in_clause(doc, start, end, "condition_markers") or \
        trailing_purpose(doc, start, end) or in_relative_clause(doc, start, end)


@lru_cache(maxsize=1)
def why_field() -> re.Pattern[str]:
    """A form field that says why the goal matters ("| why: protect base ahead of the price
    increase", "[Why] the covenant resets in March"), with the labels the relevance detector
    reads (assistant/data/relevance.json)."""
    labels = alternation(word_set("assistant", "relevance.json", "why_labels"))
    # a field opens a line, follows a bar, a bracket, a dash, a sentence's end or a run of
    # spaces ("Goal - 25 demos.  Why - team needs pipe for the Q1 close")
    return re.compile(rf"(?:^|[|\n(;]|\s[-–—]\s|[.!?]\s|\s\s|\t)\s*[\[<]?(?:{labels})\s*"
                      r"[:\-–—\]>][^\n|()]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def trailing_reason() -> re.Pattern[str]:
    """A "so", "because" (or its chat forms) or ", which" clause after a number, or after a
    vague time that is the goal's own ("sign them ASAP so we can start selling in Q2"), up
    to the end of the text searched."""
    reasons = alternation(lexicon().cue("label", "reason_markers"))
    vague = alternation(lexicon().cue("vague", "phrases"))
    return re.compile(rf"(?:\d|(?<![a-z])(?:{vague})(?![a-z]))[^.;:!?\n]*"
                      r"(?:\bso\s+(?!(?:far|much|many|on|as|long|to)\b)"
                      rf"(?:that\s+)?|\b(?:{reasons})\s+|,\s*which\s+)(?P<first>\w)"
                      r"[^.;:!?\n()]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def leading_reason() -> re.Pattern[str]:
    """A reason clause opening its sentence, up to the end of the text searched, with no
    comma yet ("Since our renewals land in " + "Q2, book QBRs ...", "As the audit starts
    in " + "February, close ..."); not 'as of', 'as soon as'."""
    label = lexicon().cues["label"]
    openers = alternation((*label["reason_markers"], *label["time_reason_markers"]))
    return re.compile(rf"(?:^|[.;!?\n]\s*)(?:{openers})\s+(?!(?:of|soon|early|late|long|far|"
                      r"many|much|well)\b)[^,.;:!?\n]*$", re.IGNORECASE)


def in_reason(doc: Doc, start: int) -> bool:
    """True for a time in a "so", "because" or ", which" clause after the goal's number ("to
    2 days so renewals don't slip at quarter end") or in a "why:" field: it dates the reason,
    never the goal. After a statement of the past ("In 2026 I booked 40 meetings, so book 60
    in 2027") the "so" draws the goal from it."""
    text = doc_text(doc)
    if why_field().search(text, max(0, start - ASIDE_WINDOW), start) or (
            leading_reason().search(text, max(0, start - ASIDE_WINDOW), start)
            and CLAUSE_COMMA.match(text, start)):
        return True
    found = trailing_reason().search(text, max(0, start - ASIDE_WINDOW), start)
    if found is None:
        return False
    opener = doc.char_span(found.start("first") - 1, found.start("first"),
                           alignment_mode="expand")
    if opener is None:
        return True
    return not any(_states_past(t) for t in doc[opener.sent.start : opener.start])


def _states_past(token: Token) -> bool:
    """A past-tense verb with its subject ("In 2026 I booked 40 meetings"), not the result
    a base-form verb asks for ("Get the contracts signed ASAP", tagged VBD too)."""
    return token.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in token.children) and not (
        token.dep_ == "ccomp" and token.head.tag_ == "VB")


def in_relative_clause(doc: Doc, start: int, end: int) -> bool:
    """True inside a relative clause ("the 14 contracts which expire in January"), a
    participle or adjective phrase after a noun ("accounts expiring in Q1", "customers
    onboarded in 2026", "invoices due in December"): the time narrows a noun, or dates a
    consequence (", which lets the team start Q2 ..."), and bounds the goal only when the
    main clause gives none. A bound that closes the goal ("done by Jan 15", "demos booked by
    Friday") is no narrowing, wherever the parser hangs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    # not a word in a bracket closed before the time, where the parse may hang it
    # ("(renewals signed before the expiry date) in the twelve months to November")
    ancestors = [a for a in span.root.ancestors if not _closed_before(a, start)]
    if any(a.dep_ == "relcl" for a in ancestors):
        return True
    if not any(a.dep_ == "acl" or (a.dep_ == "amod" and a.i < span.start) for a in ancestors):
        return False
    words = " ".join(span.text.lower().split()) + " "
    return not any(words.startswith(f"{p} ") for p in lexicon().cue("prepositions", "event"))


def _closed_before(token: Token, start: int) -> bool:
    """True when the token stands in a bracket that closes before the character `start`."""
    return bracket_open(token) is not None and doc_text(token.doc).find(")", token.idx, start) != -1


def trailing_purpose(doc: Doc, start: int, end: int) -> bool:
    """True inside a "to" clause hanging off a word of the goal's clause rather than its
    main verb ("cut onboarding to 14 days for 6 months to reach break-even in 2028"; not
    "I need to close 5 deals by Q2"), which the parse gives as a complement."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        ancestor.dep_ == "xcomp" and ancestor.head.dep_ not in MAIN_DEPS and any(
            child.dep_ == "aux" and child.lower_ == "to" for child in ancestor.children)
        for ancestor in span.root.ancestors
    )


def is_heading(doc: Doc, text: str, start: int, end: int) -> bool:
    """True for a time that opens a heading ("EOY goal:", "Q1 priorities:"): it bounds
    the goal only when nothing firmer follows."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not LINE_START.search(text, window_start(start), start):
        return False
    head = next((t.head for t in span if t.head.i >= span.end), None)
    return head is not None and head.i + 1 < len(doc) and doc[head.i + 1].text == ":"


def modifies_noun(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when the expression is a modifier of the noun right after it ("the Q3
    carryover deals", "our 2026 win rate", "next quarter's number")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    # 'next yr bc the seed money runs out', 'send the deck EOD pls': chat 'bc' and a sign-off
    # read as nouns; 'in Q1 vs Q4': a comparison word the parse reads as a name
    if text[end:following.idx].strip(" -") or following.lower_ in _reason_words() or \
            following.lower_ in word_set("assistant", "metric.json", "sign_offs") or \
            _comparison().match(text, end) is not None:
        return False
    if following.lower_ in ("'s", "’s"):
        return True
    deps = lexicon().cue("label", "modifier_deps")
    worded = any(ch.isalpha() for ch in following.text)  # not an emoji tagged as a noun
    return worded and following.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and any(
        token.dep_ in deps and token.head.i >= span.end for token in span
    )


def precedes_noun(doc: Doc, text: str, end: int) -> bool:
    """True when a content word follows right after `end` ("Q3 results", "Q4 wins"), which
    a bare period name qualifies even where the parse misses it."""
    span = doc.char_span(end, len(text), alignment_mode="expand")
    if span is None or text[end:span.start_char].strip() or not len(span):
        return False
    following = span[0]
    return following.is_alpha and following.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and \
        following.tag_ not in ("VB", "VBD", "VBN", "MD") and \
        following.lower_ not in _reason_words()


@lru_cache(maxsize=1)
def _comparison() -> re.Pattern[str]:
    """A baseline word right after an expression ("Q1 vs Q4", "March compared to Feb")."""
    words = alternation(lexicon().cue("prepositions", "baseline"))
    return re.compile(rf"\s+(?:{words})(?![a-z])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _reason_words() -> frozenset[str]:
    return frozenset(lexicon().cue("label", "reason_markers"))


def in_purpose(doc: Doc, start: int, end: int) -> bool:
    """True inside a purpose clause ("to be on track for H1", "so we keep the headcount
    promised for 2027"): a weakly bound time there names the purpose's horizon."""
    return in_clause(doc, start, end, "purpose_markers")


def in_clause(doc: Doc, start: int, end: int, markers_cue: str) -> bool:
    """True inside an adverbial clause opened by one of the `markers_cue` words (purpose:
    "to", "so"; condition: "if", "once"), written before the expression ("for December
    so the board deck ..." stays in the goal, whatever the parse hung it on)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    markers = lexicon().cue("label", markers_cue)
    return any(
        ancestor.dep_ == "advcl" and any(
            child.dep_ in ("aux", "mark", "advmod") and child.lower_ in markers and
            child.i < span.start for child in ancestor.children
        )
        for ancestor in span.root.ancestors
    )
