"""Request and response examples for the OpenAPI document, kept as data in `data/`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant import load_data

EXAMPLES_FILE = "examples.json"


@lru_cache(maxsize=1)
def _examples() -> dict[str, Any]:
    return dict(load_data(__package__, EXAMPLES_FILE))


def request_examples(name: str) -> dict[str, Any]:
    """Named examples for `Body(openapi_examples=...)`."""
    return dict(_examples()[name])


def json_response(example: Any, description: str = "Successful answer.") -> dict[str, Any]:
    """A `responses={200: ...}` entry showing one example JSON body."""
    return {"description": description, "content": {"application/json": {"example": example}}}


def example(name: str) -> Any:
    return _examples()[name]
