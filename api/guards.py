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

# The bodies HTML forms (and LanguageTool clients) send.
FORM_MEDIA_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

bearer_scheme = HTTPBearer(auto_error=False, description="`Authorization: Bearer <key>`")
key_header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="The API key.")
# The HTTP-only, same-site cookie that carries the key for the web pages (set by their unlock
# form): the check page's live feedback calls the API with it. Browsers never send a strict
# same-site cookie with another site's requests, so it opens nothing to other origins.
KEY_COOKIE = "goalsmith_key"


def key_matches(given: str | None, expected: SecretStr) -> bool:
    """Constant-time comparison, so the answer time does not leak the key."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.get_secret_value().encode("utf-8"))


def api_key_guard(
    expected: SecretStr, *, form_field: str | None = None
) -> Callable[..., Awaitable[None]]:
    """A dependency that accepts the key as a bearer token, in `X-API-Key`, in the pages'
    cookie (`KEY_COOKIE`) or, when `form_field` is named, in that field of a form body (as
    LanguageTool clients send it)."""
    where = "Authorization: Bearer <key> or X-API-Key" + (
        f" or the {form_field} form field" if form_field else ""
    )

    async def require_api_key(
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
        header_key: Annotated[str | None, Security(key_header_scheme)],
    ) -> None:
        given = [bearer.credentials if bearer else None, header_key,
                 request.cookies.get(KEY_COOKIE)]
        if form_field:
            given.append(await form_value(request, form_field))
        if not any(key_matches(key, expected) for key in given):
            raise HTTPException(
                401, f"A valid API key is required ({where}).",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return require_api_key


async def form_value(request: Request, field: str) -> str | None:
    """A text field of a form body (parsed once per request), or None."""
    if media_type(request) not in FORM_MEDIA_TYPES:
        return None
    value = (await request.form()).get(field)
    return value if isinstance(value, str) else None


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


def single_files(*fields: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency answering 400 unless the form's file parts are at most one in each of
    `fields` and none elsewhere (a request of 1,000 file parts is refused, not read from its
    last part)."""

    async def check_file_parts(request: Request) -> None:
        if media_type(request) != "multipart/form-data":
            return
        form = await request.form()
        named = [key for key, value in form.multi_items() if not isinstance(value, str)]
        if any(key not in fields for key in named) or len(named) != len(set(named)):
            raise HTTPException(
                400, f"An upload holds exactly one file part for each of: {', '.join(fields)}."
            )

    return check_file_parts
