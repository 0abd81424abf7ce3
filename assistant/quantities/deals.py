"""An amount set beside one deal sizes it: 'Close the Halvorsen renewal (€240k ARR) by Dec 18'
is a goal to win that deal (a milestone), and the amount only says how big the deal is.

Read from the parse: the amount stands in brackets, dashes or commas right after a noun (or is
what a deal is: '— deal is $680k,'), with no level word before it and no goal word in its aside,
and the noun is one deal: a deal noun ('renewal', 'contract'; scoring.toml `deal_nouns`) or a
name the goal's verb wins ('Renew Northwind Health, $1.2M TCV,'; `closing_verbs`). A bracket that
states the level is no aside ('(target: €2M)'), nor is an amount after a measure ('Grow ARR
($1.2M)') or after what no one deal is ('Close new business ($500k)').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import word_set
from ..segments import is_boundary, segment_of
from .lexicon import scoring
from .quantity import Quantity

# Marks that open an aside after a noun ("(", ", ", " — ", " - ") and that close it.
OPENING_MARKS = frozenset({"(", ","})
CLOSING_MARKS = frozenset({")", ","})
# Words a deal's aside may hold after its amount ('€240k ARR', '~€500k first-year commitment').
ASIDE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PUNCT", "SYM", "X"})
ASIDE_WORDS = 5
# Forms between a deal and its aside ('get the Brightwater contract signed — £85k —').
PARTICIPLE_TAGS = frozenset({"VBN", "RP"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
OBJECT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})
# Words that may stand between a goal's opening verb and the name it wins ('Renew the ...').
NAME_POS = frozenset({"PROPN", "NOUN", "DET"})


def sizes_deal(span: Span, quantity: Quantity) -> bool:
    """The amount `span` sizes one deal the goal is to win, it is no level to reach.

    'the Halvorsen Logistics renewal (€240k ARR)', 'the Brightwater contract signed — £85k,
    2 yrs —', 'Renew Northwind Health, $1.2M TCV,', '— deal is $680k, biggest in my patch': yes.
    'new-logo bookings in Benelux (target: €2M)', 'the Kessler account ($400k target)', 'Grow
    ARR ($1.2M)', 'Close new business ($500k)', 'Grow the account to $400k': no.
    """
    if quantity.unit != "currency" or quantity.bound is not None or quantity.kind != "single":
        return False
    if not _closed_aside(span):
        return False
    deal = _beside(span) or _copula_subject(span)
    return deal is not None and _one_deal(deal)


def _closed_aside(span: Span) -> bool:
    """After the amount, a few nouns or adjectives at most, then the aside closes (a bracket,
    comma, dash or the end of the segment) with no goal word in it."""
    doc, cues = span.doc, scoring().goal_cues
    for token in doc[span.end : span.end + ASIDE_WORDS]:
        if token.text[:1] in CLOSING_MARKS or is_boundary(token):  # '):' is one token
            return True
        if token.pos_ not in ASIDE_POS or token.lower_ in cues:
            return False
    return span.end + ASIDE_WORDS >= len(doc)


def _beside(span: Span) -> Token | None:
    """The noun right before the mark that opens the amount's aside (past a participle: 'the
    contract signed — £85k'), or None."""
    doc, mark = span.doc, span.start - 1
    if mark < 1 or not (doc[mark].text in OPENING_MARKS or is_boundary(doc[mark])):
        return None
    before = mark - 1
    while before > 0 and doc[before].tag_ in PARTICIPLE_TAGS:
        before -= 1
    noun = doc[before]
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _copula_subject(span: Span) -> Token | None:
    """The subject of 'is' when the amount is what it is ('deal is $680k'), or None."""
    root = span.root
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return None
    return next((t for t in root.head.children if t.dep_ == "nsubj"), None)


def _one_deal(noun: Token) -> bool:
    """One deal: a singular deal noun, or a singular name (not a measure such as 'ARR') that
    the goal's verb closes, signs or wins."""
    if noun.tag_ not in SINGULAR_TAGS or noun.lower_ in word_set(
            "assistant", "metric.json", "measure_heads"):
        return False
    words = scoring()
    if noun.lemma_.lower() in words.deal_nouns:
        return True
    named = any(t.pos_ == "PROPN" for t in (noun, *noun.children) if t.dep_ != "det")
    return named and _won(noun, words.closing_verbs)


def _won(noun: Token, verbs: frozenset[str]) -> bool:
    """The noun is the object of a verb of winning ('Sign Ramesh Textiles'), also where the
    tagger missed the verb that opens the goal ('Renew Northwind Health')."""
    if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in verbs:
        return True
    doc, start = noun.doc, segment_of(noun.doc, noun.i)[0]
    return start < noun.i and doc[start].lower_ in verbs and all(
        t.pos_ in NAME_POS for t in doc[start + 1 : noun.i])
