"""Tokens the pipeline's tokenizer keeps or splits beyond spaCy's English rules: a weekday
that its exceptions would split as a contraction ('Wed' as "we'd"), markdown emphasis
around a form field's label, and a currency mark of letters before '$' ('R$', 'HK$') or a
glued lead ('sub-') before its amount. Wording of our own, in no gold set."""

from __future__ import annotations

import pytest
from spacy.language import Language

CASES = [
    ("close 9 approvals by Wed. This unblocks the commit call",
     ["close", "9", "approvals", "by", "Wed", ".", "This", "unblocks", "the", "commit", "call"]),
    ("book 5 demos by wed", ["book", "5", "demos", "by", "wed"]),
    ("**Why:** the pods sit idle", ["*", "*", "Why", ":", "**", "the", "pods", "sit", "idle"]),
    ("__By__: 28 Feb", ["_", "_", "By", "__", ":", "28", "Feb"]),
    ("to under HK$38k", ["to", "under", "HK$", "38k"]),
    ("R$89 → R$110", ["R$", "89", "→", "R$", "110"]),
    ("a sub-25 parkrun", ["a", "sub-", "25", "parkrun"]),
    ("Sub-Saharan sales", ["Sub", "-", "Saharan", "sales"]),
    ("grow *net* new ARR", ["grow", "*", "net", "*", "new", "ARR"]),
]


@pytest.mark.parametrize(("text", "tokens"), CASES, ids=[c[0][:30] for c in CASES])
def test_tokens(nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens
