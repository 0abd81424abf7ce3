"""British '-ise' verbs and chat short forms of goal verbs ('incr', 'decr') opening a goal are
read as verbs (assistant/spelling.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.pipeline import get_base_nlp

OPENING = [
    ("Standardise order forms across EMEA", "Standardise"),
    ("Prioritise the top 20 expansion accounts", "Prioritise"),
    ("Q1: Centralise contract storage in one system", "Centralise"),
    ("Grow revenue; standardise the quote template", "standardise"),
    ("incr win rate vs competitor Y to 35 pct by 30/06", "incr"),
    ("decr churn to 2% by EOY", "decr"),
]
# Left as the English model tagged them: no '-ize' verb, or not opening a segment.
LEFT = [
    ("Enterprise deals over $50k", "Enterprise"),
    ("We standardise quotes every quarter", "standardise"),
    ("Franchise revenue up 10%", "Franchise"),
    ("Win rate incr of 5 pts", "incr"),
]


@pytest.mark.parametrize(("text", "word"), OPENING, ids=[c[0][:40] for c in OPENING])
def test_opening_british_verb_is_a_verb(nlp: Language, text: str, word: str) -> None:
    token = next(t for t in nlp(text) if t.text == word)
    assert (token.tag_, token.pos_) == ("VB", "VERB")


@pytest.mark.parametrize(("text", "word"), LEFT, ids=[c[0][:40] for c in LEFT])
def test_other_words_keep_their_tag(nlp: Language, text: str, word: str) -> None:
    ours = next(t for t in nlp(text) if t.text == word)
    bare = next(t for t in get_base_nlp()(text) if t.text == word)
    assert ours.tag_ == bare.tag_
