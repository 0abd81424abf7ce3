"""Nouns the small English model reads as other words: 'Shorten the month-end close to 5
working days', 'Cut month-end close from 9 to 5 days', 'Run pipeline 1:1s with each rep'.
After a period's end ('month-end', 'quarter-end') or a determiner, 'close' names the
accounting close, but the tagger takes 'close to' for the adverb ('close to 5 days') and the
goal loses its metric. Before the parser runs, a word listed in data/metric.json
'noun_readings' is tagged as a singular noun right after one of the words listed with it,
meetings written '1:1s' as a plural noun (not a number), and chat short forms and lower-cased
acronyms of measures ('territory rev', 'csat at 92 pct', listed in 'chat_nouns') as nouns
wherever the tagger read them as verbs or modals; the attribute ruler then gives them their part of
speech.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import load_data

# One-on-one meetings written with digits ("1:1s"): a plural noun.
ONE_ON_ONES = re.compile(r"1:1s", re.IGNORECASE)


class NounReadings:
    def __init__(self, readings: dict[str, frozenset[str]], chat: dict[str, str]) -> None:
        self.readings = readings
        self.chat = chat

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            after = self.readings.get(lower)
            if after is not None and token.i > 0 and token.tag_ != "NN" and (
                    doc[token.i - 1].lower_ in after):
                token.tag_ = "NN"
            elif token.text.startswith("1:1") and ONE_ON_ONES.fullmatch(token.text):
                token.tag_ = "NNS"
            elif lower in self.chat and (token.tag_.startswith("VB") or token.tag_ == "MD"):
                token.tag_ = self.chat[lower]  # 'territory rev', 'Partner rev: $600k'
        return doc


@Language.factory("goalsmith/noun_readings")
def make_noun_readings(nlp: Language, name: str) -> NounReadings:
    data = load_data("assistant", "metric.json")
    table = data["noun_readings"]
    return NounReadings({word: frozenset(before) for word, before in table.items()},
                        dict(data["chat_nouns"]))
