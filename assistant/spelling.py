"""Verbs opening a goal that the small English model tags as something else, fixed before the
parser runs so that the goal does not read as verbless:

- British spellings: 'Standardise order forms', 'Prioritise the top 20 accounts' (many '-ise'
  verbs it rarely saw come out as adjectives or nouns): a word whose '-ize' spelling is an
  English verb (the lemmatizer's index);
- chat short forms of goal verbs ('incr win rate', 'decr churn', listed in data/verbs.json);
- capitalised verbs read as nouns before their object's count ('Book no fewer than 8 demos',
  'Fill 25 engineering roles', 'Bank 40% of each bonus'): an English verb that names no
  measure (not 'Churn 2%', 'Spend 10% less') and is no plural; in lower case too after a
  purpose clause that opens the goal ('To staff the new hub, place 4 engineers there') or
  a label's colon ('sprint goal: ship 4 features').

A word counts where it opens a segment, follows a heading's colon ('Q1: Centralise') or the
comma after such a purpose clause; it is tagged as a base-form verb and the attribute ruler
then gives it its part of speech.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import word_set
from .segments import is_boundary

BRITISH, AMERICAN = "ise", "ize"
# Tags of a word the tagger read as a noun where a verb opens the goal ('Book', 'Fill').
NOUN_TAGS = frozenset({"NN", "NNP"})
# Words of a count's bound before its number ('at least 18', 'no fewer than 8', 'up to 4',
# 'another 10'): at most this many, with these tags (the parser has not run: no parts of
# speech yet).
BOUND_WORDS = 4
BOUND_TAGS = frozenset({"IN", "TO", "RB", "RBR", "RBS", "JJ", "JJR", "JJS", "$"})
# A count written with an approximation mark glued to it ('~40', '≈1.5k').
APPROXIMATE = re.compile(r"[~≈]\d[\d.,]*[kKmM]?")


class OpeningVerbs:
    def __init__(self, verbs: frozenset[str], short_forms: frozenset[str],
                 measures: frozenset[str], purpose_openers: frozenset[str]) -> None:
        self.verbs = verbs
        self.short_forms = short_forms
        self.measures = measures
        self.purpose_openers = purpose_openers

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ == "VB" and _opens(token) and _approximate_count(token):
                _counted_plural(token)  # 'Log ~50 calls a day': 'calls' is counted
            if token.tag_ == "VB" or not self._verb_word(token):
                continue  # most words are none of these verbs, wherever they stand
            after_purpose = self._after_purpose(token)
            if (_opens(token) or after_purpose) and self._opening_verb(token, after_purpose):
                token.tag_ = "VB"
                _approximate_count(token)
                _counted_plural(token)
        return doc

    def _after_purpose(self, token: Token) -> bool:
        """The word follows the comma that closes a purpose clause opening its segment ('To
        staff the new hub, place ...', 'in order to open on time, staff ...')."""
        doc = token.doc
        comma = token.i - 1
        if comma < 1 or doc[comma].text != ",":
            return False
        start = comma - 1
        while start > 0 and not is_boundary(doc[start - 1]) and doc[start - 1].text != ",":
            start -= 1
        if start > 0 and doc[start - 1].text == ",":
            return False
        words = [t.lower_ for t in doc[start:comma]]
        return any(len(words) > len(opener.split()) and " ".join(
            words[: len(opener.split())]) == opener for opener in self.purpose_openers)

    def _verb_word(self, token: Token) -> bool:
        """A word that can be one of these verbs where it opens a goal: a chat short form, a
        British spelling, or an English verb naming no measure that the tagger read as a noun."""
        lower = token.lower_
        return self._spelled_verb(lower) or (
            token.tag_ in NOUN_TAGS and lower in self.verbs and lower not in self.measures)

    def _spelled_verb(self, lower: str) -> bool:
        return lower in self.short_forms or (
            lower.endswith(BRITISH) and lower[: -len(BRITISH)] + AMERICAN in self.verbs)

    def _opening_verb(self, token: Token, after_purpose: bool) -> bool:
        """A verb word (`_verb_word`) opening the goal is one when spelled so, or when
        capitalised (or after a purpose clause or a label's colon: 'sprint goal: ship 4
        features') before its object's count."""
        return self._spelled_verb(token.lower_) or (
            (token.is_title or after_purpose or _after_colon(token)) and _count_after(
                token) is not None)


def _count_after(token: Token) -> int | None:
    """The index of the count that follows the word, maybe after its bound ('Fill 25 roles',
    'Bank 40% of', 'Book at least 18', 'Book no fewer than 8'); None after a determiner or a
    noun ('Refresh the partner battlecards', 'Demo no-show rate', 'Field sales bookings')."""
    doc = token.doc
    for k in range(token.i + 1, min(token.i + 1 + BOUND_WORDS, len(doc))):
        if doc[k].tag_ == "CD" or APPROXIMATE.fullmatch(doc[k].text):
            return k  # ('Book ~40 meetings': the tagger reads '~40' as a name)
        if not (doc[k].tag_ in BOUND_TAGS or doc[k].lower_ in {"no", "another"}):
            return None  # 'Demo no-show rate', 'Refresh the partner battlecards'
    return None


def _counted_plural(verb: Token) -> None:
    """'Ship 4 features', 'work 35 leads': the word after the count, which the tagger read as
    a verb ('features/VBZ') once it took the opening verb for a noun, is the plural noun
    counted."""
    doc, count = verb.doc, _count_after(verb)
    if count is not None and count + 1 < len(doc) and doc[count + 1].tag_ == "VBZ" and doc[
            count + 1].lower_.endswith("s"):
        doc[count + 1].tag_ = "NNS"


def _approximate_count(verb: Token) -> bool:
    """'Book ~40 meetings': the approximate count after the verb is a number. Says whether
    one was retagged."""
    count = _count_after(verb)
    if count is None or verb.doc[count].tag_ == "CD":
        return False
    verb.doc[count].tag_ = "CD"
    return True


def _after_colon(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ":"


def _opens(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.text == ":" or is_boundary(before)


def verb_index(nlp: Language) -> frozenset[str]:
    """The English verbs' base forms the lemmatizer knows (empty without its tables)."""
    tables = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if (
        "lemmatizer" in nlp.pipe_names) else None
    if tables is None or not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("verb", ()))


@Language.factory("goalsmith/opening_verbs")
def make_opening_verbs(nlp: Language, name: str) -> OpeningVerbs:
    return OpeningVerbs(verb_index(nlp), word_set("assistant", "verbs.json", "verb_abbreviations"),
                        word_set("assistant", "metric.json", "measure_heads"),
                        word_set("assistant", "verbs.json", "purpose_openers"))
