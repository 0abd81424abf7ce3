"""The `goalsmith/quantities` pipeline component: every quantity, and the goal's target."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .quantity import find_quantities
from .target import choose_target

Doc.set_extension("gs_quantities", default=None, force=True)
Doc.set_extension("gs_target", default=None, force=True)


class QuantitiesComponent:
    """Sets `doc._.gs_quantities` (list[Part[Quantity]]) and `doc._.gs_target`
    (Part[TargetValue] | None). Runs after goalsmith/temporal and goalsmith/relevance."""

    def __call__(self, doc: Doc) -> Doc:
        quantities = find_quantities(doc)
        doc._.gs_quantities = quantities
        doc._.gs_target = choose_target(doc, quantities)
        return doc


@Language.factory(
    "goalsmith/quantities",
    assigns=["doc._.gs_quantities", "doc._.gs_target"],
    requires=["token.dep", "token.pos"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()
