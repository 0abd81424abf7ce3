"""The HTML Jinja environment: autoescaped, strict about missing names, macros in `_*.html`."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from .highlight import placeholder_pieces
from .view import ui_text


def html_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["ui"] = ui_text()
    env.filters["placeholder_pieces"] = placeholder_pieces
    return env


templates = Jinja2Templates(env=html_environment())
