"""The verb after a distributive subject ('every AE books ...') is read as a verb, not as a
plural noun of a compound (assistant/distributive.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.pipeline import get_base_nlp

VERBS = [
    ("every AE books at least 8 first meetings per month in January", "books"),
    ("Every recruiter screens at least 25 candidates a week", "screens"),
    ("every recruiter sources 40 candidates a week", "sources"),
    ("every partner manager sources 5 deals a quarter", "sources"),
    ("Every TA partner screens at least 30 resumes a week", "screens"),
]
# Left as the English model tagged them: no distributive subject, no object after the word,
# or no verb stem.
LEFT = [
    ("Review every AE's forecast by Friday", "forecast"),
    ("Every AE books review is due Friday", "books"),
    ("Close 10 deals for each region Fridays", "Fridays"),
    ("every rep's sales calls 40 a week", "calls"),
]


@pytest.mark.parametrize(("text", "word"), VERBS, ids=[c[0][:40] for c in VERBS])
def test_verb_after_distributive_subject(nlp: Language, text: str, word: str) -> None:
    token = next(t for t in nlp(text) if t.text == word)
    assert (token.tag_, token.pos_) == ("VBZ", "VERB")


@pytest.mark.parametrize(("text", "word"), LEFT, ids=[c[0][:40] for c in LEFT])
def test_other_words_keep_their_tag(nlp: Language, text: str, word: str) -> None:
    ours = next(t for t in nlp(text) if t.text == word)
    bare = next(t for t in get_base_nlp()(text) if t.text == word)
    assert ours.tag_ == bare.tag_
