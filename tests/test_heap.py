"""The process keeps its freed heap between batches once the pipeline is built (glibc)."""

from __future__ import annotations

import platform

import pytest
from spacy.language import Language

from assistant.heap import keep_heap


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_building_the_pipeline_keeps_the_heap(nlp: Language) -> None:
    assert keep_heap() is True
