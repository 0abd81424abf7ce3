"""Which way a target moves the metric, and whether it is a change or a level."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..parts import Part
from ..result import Direction
from ..segments import segment_of
from ..spans import token_span
from .lexicon import phrases, verbs
from .quantity import Quantity, is_clock

VERB_POS = ("VERB", "AUX")
# A "verb" in these roles is an auxiliary or a noun the tagger misread ("keep logo churn at
# 1%": "churn" as a verb object).
COMPLEMENT_DEPS = ("ccomp", "xcomp")
NOT_A_CLAUSE = ("aux", "auxpass", "dobj", "nsubj", "nsubjpass", "pobj", "compound", "attr")
CHANGE_UNITS = ("percent", "percentage_points", "basis_points", "multiplier")
SIGNS: dict[str, Direction] = {"+": "increase", "−": "decrease"}
NOUN_PHRASE_WORDS = 3
# A per-Doc cache (plain values, so that a Doc still serialises with its user data).
GOVERNING_VERBS_KEY = "goalsmith.governing_verbs"


def number_span(doc: Doc, quantity: Quantity) -> Span:
    """The tokens of the quantity's (last) number, for reading the parse."""
    span = token_span(doc, quantity.number_start, quantity.number_end)
    return span if span is not None else doc[0:1]


def _keys(token: Token) -> list[str]:
    """Lexicon keys of a verb: with its particle first ("bring down"), then lemma and form."""
    lemma, form = token.lemma_.lower(), token.lower_
    particles = [c.lower_ for c in token.rights if c.dep_ == "prt"] if token.n_rights else []
    return [f"{lemma} {p}" for p in particles] + [lemma, form]


def lexicon_direction(token: Token) -> Direction | None:
    """The direction the verbs lexicon gives a word, if it lists it."""
    lexicon = verbs().verbs
    for key in _keys(token):
        if key in lexicon:
            return lexicon[key]
    return None


def misread_opener(doc: Doc, i: int) -> Token | None:
    """The opening imperative of token i's segment (sentence or bullet) when the tagger
    misread it ("Lift team win rate by 5 pct": "Lift" as a noun, "win" as the verb) and the
    lexicon gives it a direction."""
    start, end = segment_of(doc, i)
    opener = next((doc[k] for k in range(start, end) if doc[k].is_alpha), None)
    if opener is None or lexicon_direction(opener) in (None, "reach"):
        return None
    parsed_as_verb = opener.pos_ == "VERB" and opener.dep_ in ("ROOT", "conj")
    return None if parsed_as_verb else opener


def governing_verb(doc: Doc, quantity: Quantity, number: Span | None = None) -> Token | None:
    """The verb that governs the number: a misread opening imperative (see `misread_opener`);
    else the nearest verb heading a clause above the number; else the nearest earlier word of the
    sentence that the verbs lexicon lists (fragments, lower-case starts). `number` is the
    quantity's `number_span` when the caller has it. Worked out once per number and Doc (the
    target's candidates ask, then its direction)."""
    span = number or number_span(doc, quantity)
    key = (span.start, span.end, quantity.number_start, quantity.kind == "verb")
    found: dict[tuple[int, int, int, bool], int | None] = doc.user_data.setdefault(
        GOVERNING_VERBS_KEY, {})
    if key not in found:
        verb = _governing_verb(doc, quantity, span.root)
        found[key] = verb.i if verb is not None else None
    index = found[key]
    return doc[index] if index is not None else None


def _governing_verb(doc: Doc, quantity: Quantity, root: Token) -> Token | None:
    """`governing_verb` of the number whose root token is `root`."""
    if quantity.kind == "verb":
        return root
    opener = misread_opener(doc, root.i)
    if opener is not None and opener.i < root.i:
        return opener
    # Only verbs of the number's own segment: in "- ARR $400k\n- keep GRR ≥ 92%" the parse
    # may hang the first bullet off the second's verb.
    segment = segment_of(doc, root.i)
    above = [a for a in root.ancestors if a.pos_ in VERB_POS and a.dep_ not in NOT_A_CLAUSE
             and segment[0] <= a.i < max(segment[1], root.i + 1)]
    listed = [a for a in above if lexicon_direction(a) is not None]
    if above:
        nearest = above[0]
        # An unlisted complement under a listed verb is usually a misread metric noun
        # ("hold logo churn below 2%": "churn" as a clause under "hold").
        complement = nearest.dep_ in COMPLEMENT_DEPS and lexicon_direction(nearest) is None
        return listed[0] if complement and listed else nearest
    segment_start = min(segment_of(doc, root.i)[0], root.i)
    for token in reversed(doc[segment_start : root.i]):
        if token.idx < quantity.number_start and lexicon_direction(token) is not None:
            return token
    return None


def _words_after(doc: Doc, part: Part[Quantity]) -> list[Token]:
    """The words right after the phrase, skipping punctuation."""
    span = token_span(doc, part.start, part.end)
    following = doc[span.end :] if span is not None else doc[len(doc) :]
    return [t for t in following[: NOUN_PHRASE_WORDS * 2] if not t.is_punct]


def _change_word(doc: Doc, part: Part[Quantity]) -> Direction | None:
    """"25% growth", "20% more", "5% churn reduction": a change word in the noun phrase
    right after the number, or ending its span ("25 more"), says the direction."""
    change = verbs().change_words
    last = part.text.split()[-1].lower() if part.text.split() else ""
    if last in change and part.value is not None and part.value.bound == "change":
        return change[last]
    for token in _words_after(doc, part)[:NOUN_PHRASE_WORDS]:
        if token.lower_ in change and not _names_metric(token):
            return change[token.lower_]
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
    return None


def _names_metric(token: Token) -> bool:
    """"€300k expansion ARR", "$2M growth pipeline": a change word that modifies the noun
    after it names the metric."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound" and token.head.i > token.i


def _from_words(quantity: Quantity) -> Direction | None:
    """Direction the number's own words give: from/to values, up/down, a sign, a factor."""
    if quantity.baseline is not None:
        if quantity.amount == quantity.baseline:
            return "maintain"
        return "increase" if quantity.amount > quantity.baseline else "decrease"
    if quantity.kind == "verb":
        return "increase" if quantity.amount > 1 else "decrease"
    if quantity.sign == "±":
        return "maintain"  # a tolerance: "within ±5%"
    if is_clock(quantity.unit_text) and quantity.lead == "by":
        return "reach"  # "by 9:30": a time of day to be done by
    lead = phrases().leads.get(quantity.lead or "", {})
    if "direction" in lead:
        return lead["direction"]  # type: ignore[return-value]
    return SIGNS.get(quantity.sign or "") if quantity.lead is None else None


def _verb_direction(doc: Doc, verb: Token, quantity: Quantity) -> Direction | None:
    """What the governing verb says: "hold" maintains only a bound ("hold churn below 2%");
    "improve" lowers a metric where lower is better ("improve response time to 2 hours")."""
    lex, lemma = verbs(), verb.lemma_.lower()
    if quantity.bound in ("min", "max", "level") and lemma in lex.maintain_with_bound:
        return "maintain"
    said = lexicon_direction(verb)
    if said == "increase" and lemma in lex.improve_verbs:
        between = doc[min(verb.i + 1, len(doc)) : number_span(doc, quantity).start]
        if any(t.lower_ in lex.lower_is_better for t in between):
            return "decrease"
    return said


def direction(doc: Doc, part: Part[Quantity]) -> Direction:
    """increase / decrease / maintain / reach, from the words of the number first, then the
    governing verb, then a change word after it, then the bound ("under 2 hours" lowers)."""
    quantity = part.value
    assert quantity is not None
    own = _from_words(quantity)
    if own is not None:
        return own
    verb = governing_verb(doc, quantity)
    said = _verb_direction(doc, verb, quantity) if verb is not None else None
    if said in ("increase", "decrease", "maintain"):
        return said
    change = _change_word(doc, part)
    if change is not None:
        return change
    if quantity.kind == "factor":
        return "increase" if quantity.amount > 1 else "decrease"
    if quantity.bound == "max":
        return "decrease"
    return "reach"


def is_relative(doc: Doc, part: Part[Quantity], moves: Direction) -> bool:
    """True for a change ("by 20%", "+25%", "double", "20% more", "25 more customers"),
    False for a level ("to 25%", "$450k", "50 calls", "30% of deals")."""
    quantity = part.value
    assert quantity is not None
    if quantity.kind in ("from_to", "by_to", "between") or is_clock(quantity.unit_text):
        return False  # a time of day ("by 9:30") is never a change
    lead = phrases().leads.get(quantity.lead or "", {})
    if quantity.kind in ("verb", "factor") or "change" in (quantity.bound, lead.get("bound")):
        return True
    if quantity.bound is not None:
        return False
    after = _words_after(doc, part)[:1]
    if after and after[0].lower_ in verbs().change_words and not _names_metric(after[0]):
        return True  # "25 more customers", "20% growth"
    if quantity.unit not in CHANGE_UNITS or (after and after[0].lower_ == "of"):
        return False
    return moves in ("increase", "decrease") or _change_word(doc, part) is not None
