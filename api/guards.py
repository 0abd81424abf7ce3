"""Route dependencies that refuse a request before its body is read: API key, media type."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from email.message import Message
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr
from starlette.exceptions import HTTPException

bearer_scheme = HTTPBearer(auto_error=False, description="`Authorization: Bearer <key>`")
key_header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="The API key.")


def key_matches(given: str | None, expected: SecretStr) -> bool:
    """Constant-time comparison, so the answer time does not leak the key."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.get_secret_value().encode("utf-8"))


def api_key_guard(expected: SecretStr) -> Callable[..., Awaitable[None]]:
    """A dependency that accepts the key as a bearer token or in `X-API-Key`."""

    async def require_api_key(
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
        header_key: Annotated[str | None, Security(key_header_scheme)],
    ) -> None:
        token = bearer.credentials if bearer else None
        if not (key_matches(token, expected) or key_matches(header_key, expected)):
            raise HTTPException(
                401, "A valid API key is required (Authorization: Bearer <key> or X-API-Key).",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return require_api_key


def media_type(request: Request) -> str:
    """The request's media type without parameters ("" when absent); `+json` counts as JSON."""
    raw = request.headers.get("content-type")
    if not raw:
        return ""
    message = Message()
    message["content-type"] = raw
    kind = message.get_content_type()
    is_json = kind.startswith("application/") and kind.endswith("+json")
    return "application/json" if is_json else kind


def require_media_type(*accepted: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency answering 415 unless the body is sent as one of `accepted`."""

    async def check_media_type(request: Request) -> None:
        given = media_type(request)
        if given not in accepted:
            raise HTTPException(
                415, f"Content-Type must be {' or '.join(accepted)}, not {given or 'absent'}."
            )

    return check_media_type
