"""The English pipeline's weights come from a third-party re-upload: pin its behaviour.

A swapped or changed model changes these tags, dependencies or entities and fails here.
Regenerate only after reviewing a deliberate model change:
    .venv/bin/python tests/test_model_golden.py
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.pipeline import get_base_nlp

HERE = Path(__file__).parent
SENTENCES = (HERE / "golden" / "model_sentences.txt").read_text(encoding="utf-8").splitlines()
GOLDEN = HERE / "golden" / "model_outputs.json"


def describe(text: str) -> dict:
    doc = get_base_nlp()(text)
    return {
        "tags": [t.tag_ for t in doc],
        "deps": [f"{t.dep_}<{t.head.i}" for t in doc],
        "ents": [[e.text, e.label_] for e in doc.ents],
    }


def test_model_meta_is_the_pinned_release() -> None:
    meta = get_base_nlp().meta
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"


@pytest.mark.parametrize("text", SENTENCES, ids=[s[:40] for s in SENTENCES])
def test_model_output_matches_golden(text: str) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert describe(text) == golden[text]


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps({s: describe(s) for s in SENTENCES}, indent=1) + "\n",
                      encoding="utf-8")
