"""The Jinja2 environment for rewrite text: plain text (no autoescape), StrictUndefined so
that a slot a template names but the code does not fill fails loudly."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")
DOUBLED_STOP = re.compile(r"([.!?])\.$")


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("assistant.rewrite", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        auto_reload=False,  # packaged templates do not change while the process runs
    )


def render(shape: str, slots: dict[str, Any]) -> str:
    """One rewrite as a single tidy line."""
    raw = environment().get_template(f"{shape}.j2").render(**slots)
    text = SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(raw.split()))
    text = DOUBLED_STOP.sub(r"\1", text.replace(",,", ","))
    return text[:1].upper() + text[1:]
