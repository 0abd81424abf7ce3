"""The spaCy pipeline: the pinned English model plus Goalsmith's registered components.

Built once per process and cached by its settings; use `nlp.pipe` for many texts.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from .heap import keep_heap
from .lexicon import alternation, load_data
from .quantities.lexicon import phrases, units
from .settings import get_settings
from .tokenizer import (
    BoundedTokenizer,
    keep_whole,
    special_cases_last,
    split_emphasis,
    split_label_marks,
    split_prefix,
)

# Modules whose import registers the `goalsmith/...` factories, in pipeline order:
# time expressions first (their digits are never targets), then the purpose clause,
# the target (which must not sit inside the purpose clause), the metric (anchored on
# the target), the metric's period as a fallback deadline, vague language, and last the
# verdict that a text is no goal at all (it clears the others' findings).
COMPONENT_MODULES = (
    "assistant.lines",
    "assistant.spelling",
    "assistant.distributive",
    "assistant.nouns",
    "assistant.chat",
    "assistant.temporal.component",
    "assistant.relevance",
    "assistant.quantities.component",
    "assistant.metric",
    "assistant.temporal.metric_period",
    "assistant.vague",
    "assistant.nongoal",
)
GOALSMITH_PIPES = (
    "goalsmith/temporal",
    "goalsmith/relevance",
    "goalsmith/quantities",
    "goalsmith/metric",
    "goalsmith/metric_period",
    "goalsmith/vague",
    "goalsmith/nongoal",
)


def register_components() -> None:
    for module in COMPONENT_MODULES:
        importlib.import_module(module)


def build_nlp(model: str, exclude: tuple[str, ...] = ()) -> Language:
    """Load the English pipeline (local package, no network) without the components in
    `exclude`, and add Goalsmith's components. The process keeps its freed heap from then on
    (`heap.keep_heap`): it is about to analyse goals in batches."""
    register_components()
    keep_heap()
    nlp = spacy.load(model, exclude=list(exclude))
    with special_cases_last(nlp.tokenizer):
        keep_whole(nlp.tokenizer, load_data("assistant", "segments.json")["whole_words"])
        split_emphasis(nlp.tokenizer)
        split_label_marks(nlp.tokenizer)
        # currency marks as written; glued leads in any case ('sub-25', 'Sub-$20k')
        split_prefix(nlp.tokenizer,
                     f"{units().prefix_marks}|(?i:{alternation(phrases().glued_leads)})")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("goalsmith/lines", before="parser")
    nlp.add_pipe("goalsmith/opening_verbs", before="parser")
    nlp.add_pipe("goalsmith/distributive_verbs", before="parser")
    nlp.add_pipe("goalsmith/noun_readings", before="parser")
    nlp.add_pipe("goalsmith/chat_to", before="parser")
    for name in GOALSMITH_PIPES:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None) -> Language:
    """The process-wide pipeline for `model` (default: the configured English model)."""
    settings = get_settings()
    return build_nlp(model or settings.spacy_model, settings.spacy_exclude)


@lru_cache(maxsize=2)
def get_base_nlp(model: str | None = None) -> Language:
    """The bare English pipeline without Goalsmith's components (benchmarks, golden tests)."""
    return spacy.load(model or get_settings().spacy_model)


def pipeline_info() -> dict[str, object]:
    """Load the pipeline (if not yet loaded) and say what it is: the English model's name and
    version, spaCy's version and the components in order."""
    settings = get_settings()
    nlp = get_nlp()
    return {
        "name": settings.spacy_model,
        "version": str(nlp.meta.get("version", "")),
        "spacy_version": spacy.__version__,
        "components": list(nlp.pipe_names),
    }
