"""Request body size limits, enforced while the body streams in (pure ASGI middleware).

A declared `Content-Length` over the limit is refused before any byte is read; a chunked
body is counted as it arrives and refused as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import PAYLOAD_TOO_LARGE, envelope


class BodyLimitMiddleware:
    """Caps JSON bodies at `max_json_bytes` and multipart uploads at `max_upload_bytes`."""

    def __init__(self, app: ASGIApp, *, max_json_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_json_bytes = max_json_bytes
        self.max_upload_bytes = max_upload_bytes

    def limit_for(self, headers: Headers) -> int:
        is_upload = headers.get("content-type", "").lower().startswith("multipart/")
        return self.max_upload_bytes if is_upload else self.max_json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limit_for(headers)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large(limit)(scope, receive, send)
            return
        await self.app(scope, counting_receive(receive, limit), send)


def too_large_message(limit: int) -> str:
    return f"The request body is larger than {limit:,} bytes."


def too_large(limit: int) -> ASGIApp:
    return envelope(413, PAYLOAD_TOO_LARGE, too_large_message(limit), {"limit_bytes": limit})


def counting_receive(receive: Receive, limit: int) -> Receive:
    """Wrap `receive` so that a body growing past `limit` raises a 413 where it is read."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise HTTPException(413, too_large_message(limit))
        return message

    return receive_within_limit
