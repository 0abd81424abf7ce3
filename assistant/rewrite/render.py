"""The Jinja2 environment for rewrite text: plain text (no autoescape), StrictUndefined so
that a slot a template names but the code does not fill fails loudly."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

# Marks that take no space before them; once the text's runs of whitespace are single
# spaces, dropping that space is a plain replace, cheaper than a regular expression.
CLOSING_MARKS = ".,;:!?"
# A closing mark the template's own stop doubles ("... soon!." -> "... soon!").
DOUBLED_STOPS = frozenset({"..", "!.", "?."})


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("assistant.rewrite", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        auto_reload=False,  # packaged templates do not change while the process runs
    )


@cache  # fetched and compiled once per process, not once per goal
def template(shape: str) -> Template:
    """The compiled template of one goal shape."""
    return environment().get_template(f"{shape}.j2")


def render(shape: str, slots: dict[str, Any]) -> str:
    """One rewrite as a single tidy line."""
    compiled = template(shape)
    # The slots alone make the context ("shared"): the templates read no Jinja globals, and
    # merging them into every goal's slots cost more than the rendering itself.
    raw = "".join(compiled.root_render_func(compiled.new_context(slots, shared=True)))
    text = " ".join(raw.split())
    for mark in CLOSING_MARKS:
        text = text.replace(" " + mark, mark)
    text = text.replace(",,", ",")
    if text[-2:] in DOUBLED_STOPS:
        text = text[:-1]
    return text[:1].upper() + text[1:]
