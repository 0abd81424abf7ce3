"""Nouns the small English model reads as other words: 'Shorten the month-end close to 5
working days', 'Cut month-end close from 9 to 5 days'. After a period's end ('month-end',
'quarter-end') or a determiner, 'close' names the accounting close, but the tagger takes
'close to' for the adverb ('close to 5 days') and the goal loses its metric. Before the
parser runs, a word listed in data/metric.json 'noun_readings' is tagged as a singular noun
right after one of the words listed with it; the attribute ruler then gives it its part of
speech.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import load_data


class NounReadings:
    def __init__(self, readings: dict[str, frozenset[str]]) -> None:
        self.readings = readings

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            after = self.readings.get(token.lower_)
            if after is not None and token.tag_ != "NN" and doc[token.i - 1].lower_ in after:
                token.tag_ = "NN"
        return doc


@Language.factory("goalsmith/noun_readings")
def make_noun_readings(nlp: Language, name: str) -> NounReadings:
    table = load_data("assistant", "metric.json")["noun_readings"]
    return NounReadings({word: frozenset(before) for word, before in table.items()
                         if not word.startswith("_")})
