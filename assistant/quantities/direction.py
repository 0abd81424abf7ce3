"""Which way a target moves the metric, and whether it is a change or a level."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..parts import Part
from ..result import Direction
from .lexicon import phrases, verbs
from .quantity import Quantity

VERB_POS = ("VERB", "AUX")
CHANGE_UNITS = ("percent", "percentage_points", "basis_points", "multiplier")
SIGNS: dict[str, Direction] = {"+": "increase", "−": "decrease"}
NOUN_PHRASE_WORDS = 3


def number_span(doc: Doc, quantity: Quantity) -> Span:
    """The tokens of the quantity's (last) number, for reading the parse."""
    span = doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
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
            return lexicon[key]  # type: ignore[return-value]
    return None


def misread_opener(sentence: Span) -> Token | None:
    """The sentence's opening imperative when the tagger misread it ("Lift team win rate by
    5 pct": "Lift" as a noun, "win" as the verb) and the lexicon gives it a direction."""
    opener = next((t for t in sentence if t.is_alpha), None)
    if opener is None or lexicon_direction(opener) in (None, "reach"):
        return None
    parsed_as_verb = opener.pos_ == "VERB" and opener.dep_ in ("ROOT", "conj")
    return None if parsed_as_verb else opener


def governing_verb(doc: Doc, quantity: Quantity) -> Token | None:
    """The verb that governs the number: a misread opening imperative (see `misread_opener`);
    else the nearest verb above the number that the verbs lexicon lists; else the nearest
    earlier listed word of the sentence; else the nearest verb above it."""
    root = number_span(doc, quantity).root
    if quantity.kind == "verb":
        return root
    opener = misread_opener(root.sent)
    if opener is not None and opener.i < root.i:
        return opener
    above = [a for a in root.ancestors if a.pos_ in VERB_POS and a.dep_ not in ("aux", "auxpass")]
    listed = [a for a in above if lexicon_direction(a) is not None]
    if listed:
        return listed[0]
    sentence = root.sent
    for token in reversed(doc[sentence.start : root.i]):
        if token.idx < quantity.number_start and lexicon_direction(token) is not None:
            return token
    return above[0] if above else None


def _words_after(doc: Doc, part: Part[Quantity]) -> list[Token]:
    """The words right after the phrase, skipping punctuation."""
    return [t for t in doc if t.idx >= part.end and not t.is_punct]


def _change_word(doc: Doc, part: Part[Quantity]) -> Direction | None:
    """"25% growth", "20% more", "5% churn reduction": a change word in the noun phrase
    right after the number says the direction."""
    change = verbs().change_words
    for token in _words_after(doc, part)[:NOUN_PHRASE_WORDS]:
        if token.lower_ in change:
            return change[token.lower_]  # type: ignore[return-value]
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
    return None


def _from_words(quantity: Quantity) -> Direction | None:
    """Direction the number's own words give: from/to values, up/down, a sign, a factor."""
    if quantity.baseline is not None:
        if quantity.amount == quantity.baseline:
            return "maintain"
        return "increase" if quantity.amount > quantity.baseline else "decrease"
    if quantity.kind == "verb":
        return "increase" if quantity.amount > 1 else "decrease"
    lead = phrases().leads.get(quantity.lead or "", {})
    if "direction" in lead:
        return lead["direction"]  # type: ignore[return-value]
    return SIGNS.get(quantity.sign or "") if quantity.lead is None else None


def direction(doc: Doc, part: Part[Quantity]) -> Direction:
    """increase / decrease / maintain / reach, from the words of the number first, then the
    governing verb, then a change word after it, then the bound ("under 2 hours" lowers)."""
    quantity = part.value
    assert quantity is not None
    own = _from_words(quantity)
    if own is not None:
        return own
    verb = governing_verb(doc, quantity)
    said = lexicon_direction(verb) if verb is not None else None
    if said in ("increase", "decrease", "maintain"):
        return said
    change = _change_word(doc, part)
    if change is not None:
        return change
    if quantity.bound == "max" or (quantity.kind == "fraction"):
        return "decrease"
    return "reach"


def is_relative(doc: Doc, part: Part[Quantity], moves: Direction) -> bool:
    """True for a change ("by 20%", "+25%", "double", "20% more"), False for a level."""
    quantity = part.value
    assert quantity is not None
    if quantity.kind in ("from_to", "by_to", "between"):
        return False
    lead = phrases().leads.get(quantity.lead or "", {})
    if quantity.kind in ("verb", "fraction") or "change" in (quantity.bound, lead.get("bound")):
        return True
    if quantity.bound is not None or quantity.unit not in CHANGE_UNITS:
        return False
    after = _words_after(doc, part)[:1]
    if after and after[0].lower_ == "of":
        return False
    return moves in ("increase", "decrease") or _change_word(doc, part) is not None
