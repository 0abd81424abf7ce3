from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from assistant.pipeline import get_nlp

SHARED_GOALS = Path(__file__).resolve().parents[1].parent / "shared" / "goals"
DEV_SET = SHARED_GOALS / "dev.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return get_nlp()


@pytest.fixture(scope="session")
def dev_records() -> list[dict]:
    if not DEV_SET.exists():
        pytest.skip(f"gold dev set not found at {DEV_SET} (it lives in ../shared/goals/)")
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
