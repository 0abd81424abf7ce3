"""The `goalsmith/temporal` pipeline component: time expressions and the deadline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .choose import choose_deadline
from .find import find_times

Doc.set_extension("gs_times", default=[], force=True)
Doc.set_extension("gs_deadline", default=None, force=True)


class TemporalComponent:
    """Sets `doc._.gs_times` (every time expression) and `doc._.gs_deadline`."""

    def __call__(self, doc: Doc) -> Doc:
        times = find_times(doc)
        doc._.gs_times = times
        doc._.gs_deadline = choose_deadline(doc, times)
        return doc


@Language.factory("goalsmith/temporal", assigns=["doc._.gs_times", "doc._.gs_deadline"])
def make_temporal(nlp: Language, name: str) -> TemporalComponent:
    return TemporalComponent()
