"""Nouns the tagger reads as other words are read as nouns after the words that make them
nouns, and '1:1s' as a plural noun (assistant/nouns.py, data/metric.json 'noun_readings')."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.pipeline import get_base_nlp

NOUNS = [
    ("Shorten the month-end close to 5 working days", "close"),
    ("Cut month-end close from 9 to 5 days by Q2", "close"),
    ("Get the close down to 4 days by March", "close"),
]
PLURALS = [
    ("Run pipeline inspection 1:1s with each of my 7 reps twice a month", "1:1s"),
    ("Do 2 coaching 1:1s per rep per month in H1.", "1:1s"),
]
# Left as the English model tagged them: no noun-making word before them.
LEFT = [
    ("Get close to 40 demos booked by Friday", "close"),
    ("Revenue came close to plan in Q3", "close"),
    ("Close 12 deals by March", "Close"),
]


@pytest.mark.parametrize(("text", "word"), NOUNS, ids=[c[0][:40] for c in NOUNS])
def test_noun_after_its_cue(nlp: Language, text: str, word: str) -> None:
    ours = next(t for t in nlp(text) if t.text == word)
    bare = next(t for t in get_base_nlp()(text) if t.text == word)
    assert (bare.tag_ != "NN", ours.tag_, ours.pos_) == (True, "NN", "NOUN")


@pytest.mark.parametrize(("text", "word"), PLURALS, ids=[c[0][:40] for c in PLURALS])
def test_one_on_ones_are_a_plural_noun(nlp: Language, text: str, word: str) -> None:
    ours = next(t for t in nlp(text) if t.text == word)
    bare = next(t for t in get_base_nlp()(text) if t.text == word)
    assert (bare.tag_, ours.tag_, ours.pos_) == ("CD", "NNS", "NOUN")


@pytest.mark.parametrize(("text", "word"), LEFT, ids=[c[0][:40] for c in LEFT])
def test_other_words_keep_their_tag(nlp: Language, text: str, word: str) -> None:
    ours = next(t for t in nlp(text) if t.text == word)
    bare = next(t for t in get_base_nlp()(text) if t.text == word)
    assert ours.tag_ == bare.tag_
