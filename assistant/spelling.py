"""British verb spellings opening a goal: 'Standardise order forms', 'Prioritise the top 20
accounts'. The small English model tags many '-ise' verbs it rarely saw as adjectives or
nouns, so the goal reads as verbless. Before the parser runs, a word that opens a segment
(or follows a heading's colon), ends in '-ise' and whose '-ize' spelling is an English verb
(the lemmatizer's index) is tagged as a base-form verb; the attribute ruler then gives it
its part of speech. Chat short forms of goal verbs ('incr win rate', 'decr churn', listed in
data/verbs.json) are tagged the same way where they open a goal.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import word_set
from .segments import is_boundary

BRITISH, AMERICAN = "ise", "ize"


class BritishVerbs:
    def __init__(self, verbs: frozenset[str], short_forms: frozenset[str]) -> None:
        self.verbs = verbs
        self.short_forms = short_forms

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if self._opening_verb(token):
                token.tag_ = "VB"
        return doc

    def _opening_verb(self, token: Token) -> bool:
        lower = token.lower_
        short = lower in self.short_forms
        if not (short or lower.endswith(BRITISH)) or token.tag_ == "VB":
            return False  # first: the cheaper tests
        before = token.doc[token.i - 1] if token.i > 0 else None
        opens = before is None or before.text == ":" or is_boundary(before)  # 'Q1: Centralise'
        return opens and (short or lower[: -len(BRITISH)] + AMERICAN in self.verbs)


def verb_index(nlp: Language) -> frozenset[str]:
    """The English verbs' base forms the lemmatizer knows (empty without its tables)."""
    tables = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if (
        "lemmatizer" in nlp.pipe_names) else None
    if tables is None or not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("verb", ()))


@Language.factory("goalsmith/british_verbs")
def make_british_verbs(nlp: Language, name: str) -> BritishVerbs:
    return BritishVerbs(verb_index(nlp), word_set("assistant", "verbs.json", "verb_abbreviations"))
