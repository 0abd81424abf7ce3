"""Chat spellings of 'to': 'need 2 book 15 mtgs b4 xmas', 'Goal is 2 get my SQLs up 2 at
least 20'. The digit is no number there, yet the tagger reads it as one, and the goal then
has '2' as its target and 'book 15 mtgs' as its metric. Before the parser runs, a '2' between
a word that takes 'to' (data/verbs.json 'chat_to_after': 'need', 'is', 'up') and a verb or
a level word is tagged as the particle 'to' (and a goal verb after it as a verb); the
quantities read no number there.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import load_data

CHAT_TO = "2"
TO_TAG = "TO"


class ChatTo:
    def __init__(self, after: frozenset[str], before: frozenset[str],
                 verbs: frozenset[str]) -> None:
        self.after = after
        self.before = before
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.text == CHAT_TO and self._spells_to(token):
                token.tag_ = TO_TAG
                verb = doc[token.i + 1]  # read as a noun after a number ('2 finish')
                if verb.lower_ in self.verbs:
                    verb.tag_ = "VB"
        return doc

    def _spells_to(self, token: Token) -> bool:
        doc, i = token.doc, token.i
        if i == 0 or i + 1 >= len(doc) or doc[i - 1].lower_ not in self.after:
            return False
        nxt = doc[i + 1]
        return nxt.is_lower and (nxt.lower_ in self.verbs or nxt.lower_ in self.before)


def is_chat_to(token: Token) -> bool:
    """The token is a '2' tagged as the particle 'to' by goalsmith/chat_to."""
    return token.text == CHAT_TO and token.tag_ == TO_TAG


@Language.factory("goalsmith/chat_to")
def make_chat_to(nlp: Language, name: str) -> ChatTo:
    data = load_data("assistant", "verbs.json")
    return ChatTo(frozenset(data["chat_to_after"]), frozenset(data["chat_to_before"]),
                  frozenset(data["goal_verbs"]))
