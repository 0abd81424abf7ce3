"""The verb of a distributive subject: 'every AE books at least 8 first meetings', 'Each
recruiter screens 25 candidates a week'. After 'every'/'each' and a role noun, the small
English model reads the verb ('books', 'screens') as a plural noun of a compound, so the goal
has no verb and its object no count. Before the parser runs, such a word is tagged as a
third-person verb when it follows 'every'/'each' and one or two nouns at the start of a
segment, its stem is an English verb (the lemmatizer's index), and an object follows it (a
number, a determiner or 'at least ...'); the attribute ruler then gives it its part of speech.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import word_set
from .segments import is_boundary
from .spelling import verb_index

# Nouns that may stand between 'every' and the verb ('every AE', 'each volunteer coordinator').
MAX_SUBJECT_NOUNS = 2
NOUN_TAGS = frozenset({"NN", "NNP", "NNS", "NNPS"})
OBJECT_TAGS = frozenset({"CD", "DT", "PRP$"})


class DistributiveVerbs:
    def __init__(self, verbs: frozenset[str], openers: frozenset[str]) -> None:
        self.verbs = verbs
        self.openers = openers

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ == "NNS" and self._subject_verb(token):
                token.tag_ = "VBZ"
        return doc

    def _subject_verb(self, token: Token) -> bool:
        doc, i = token.doc, token.i
        nouns = 0
        while i - nouns - 1 >= 0 and doc[i - nouns - 1].tag_ in NOUN_TAGS:
            nouns += 1
        opener = i - nouns - 1
        if not 1 <= nouns <= MAX_SUBJECT_NOUNS or opener < 0 or (
                doc[opener].lower_ not in self.openers):
            return False
        if opener > 0 and not (is_boundary(doc[opener - 1]) or doc[opener - 1].text in ":—–-"):
            return False
        after = doc[i + 1] if i + 1 < len(doc) else None
        objected = after is not None and (after.tag_ in OBJECT_TAGS or after.lower_ == "at")
        return objected and _stem(token.lower_) & self.verbs != set()


def _stem(word: str) -> set[str]:
    """The base forms a third-person '-s' verb may have ('books' -> book, 'reaches' -> reach,
    'carries' -> carry)."""
    stems = {word[:-1]}
    if word.endswith("es"):
        stems.add(word[:-2])
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    return stems


@Language.factory("goalsmith/distributive_verbs")
def make_distributive_verbs(nlp: Language, name: str) -> DistributiveVerbs:
    return DistributiveVerbs(verb_index(nlp),
                             word_set("assistant", "verbs.json", "distributive_openers"))
