"""Wave-2 vague-language cases (data/examples/wave2-vague.jsonl): relatives of the guideline's
words ('enhance', 'ramp up', 'strive to', 'wherever possible', 'world-class', 'alot'), and words
that are not vague in their place: a comparative after a number ('40 or more', '95% or better'),
'focus' as a noun ('our focus on'), and framing words the gold sets leave alone ('aim to',
'maybe 14', 'ASAP', 'drive 25')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

WAVE2 = Path(__file__).resolve().parents[1] / "data" / "examples" / "wave2-vague.jsonl"
RECORDS = [json.loads(line) for line in WAVE2.read_text(encoding="utf-8").splitlines() if line]
CASES = [pytest.param(r["text"], r["vague"], id=f"{r['id']}-{r['text'][:40]}") for r in RECORDS]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_vague_words(nlp: Language, text: str, expected: list[str]) -> None:
    found = nlp(text)._.gs_vague
    assert [part.text for part in found] == expected
    assert all(part.value.message and part.value.suggestion for part in found)


# Wave 12: a listed word that ends a hyphenated modifier names a kind of thing, no change
# ('SEO-optimized articles'); the word on its own still asks for one.
HYPHENATED = [
    ("Ship 6 AI-enhanced onboarding guides by March", []),
    ("Publish 20 search-optimised landing pages in Q1", []),
    ("Optimise the 20 landing pages for search in Q1", ["Optimise"]),
]


@pytest.mark.parametrize(("text", "expected"), HYPHENATED, ids=[c[0][:40] for c in HYPHENATED])
def test_vague_word_in_hyphenated_modifier(nlp: Language, text: str, expected: list[str]) -> None:
    assert [part.text for part in nlp(text)._.gs_vague] == expected


# Wave 12: 'more' after a number and its scale word ('1.4 Cr more bookings') is anchored.
SCALED = [
    ("Book ₹2 crore more in renewals by March", []),
    ("Add 1.5 million more in pipeline this quarter", []),
]


@pytest.mark.parametrize(("text", "expected"), SCALED, ids=[c[0][:40] for c in SCALED])
def test_comparative_after_scaled_number(nlp: Language, text: str, expected: list[str]) -> None:
    assert [part.text for part in nlp(text)._.gs_vague] == expected
