"""Lines as sentences: a text of many lines (a pasted list of goals) is parsed line by line.

Without it the parser reads a list of 400 goal lines as one sentence of 400 coordinated
clauses, and every reading of that tree (goal verbs and their clauses, subtrees) grows with
the whole text. Marking the token after each line break as a sentence start, before the
parser runs, keeps each line's parse to the line (the parser respects preset starts).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_lines(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break; a bullet mark opening
    the line ("- Hire 2 SDRs", "• 40% win rate") stays in the line's sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            first = doc[token.i + 1]
            first.is_sent_start = True
            if first.is_punct and first.i + 1 < len(doc):
                doc[first.i + 1].is_sent_start = False
    return doc


@Language.component("goalsmith/lines")
def lines_component(doc: Doc) -> Doc:
    return mark_lines(doc)
