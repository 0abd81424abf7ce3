"""One error envelope for every failure: `{"error": {"code", "message", "details"}}`.

Codes are stable and machine-readable; the HTTP status follows from the code. Handlers
never log or echo the goal text a client sent.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from assistant.errors import GoalsmithError, InputError, TextTooLongError, TooManyRowsError

logger = logging.getLogger("goalsmith.api")

# Codes of the errors that mean "over a documented limit" (HTTP 413).
LIMIT_CODES = frozenset(
    {TextTooLongError.code, TooManyRowsError.code, "batch_too_large", "payload_too_large"}
)
MALFORMED_JSON = "malformed_json"
VALIDATION_ERROR = "validation_error"
HTTP_CODES = {
    400: "malformed_body",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable error code.", examples=["empty_text"])
    message: str = Field(description="What went wrong, for people.")
    details: Any = Field(default=None, description="Structured context, e.g. field errors.")


class ErrorEnvelope(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: ErrorBody


def envelope(
    status: int, code: str, message: str, details: object = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorEnvelope(error=ErrorBody(code=code, message=message, details=details))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def status_for_code(code: str) -> int:
    return 413 if code in LIMIT_CODES else 422


def status_for_error(exc: GoalsmithError) -> int:
    """Client mistakes are 4xx; any other Goalsmith error is the server's fault."""
    return status_for_code(exc.code) if isinstance(exc, InputError) else 500


def field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Location, message and type of each field error, without echoing the input."""
    return [
        {"loc": [str(part) for part in error.get("loc", ())],
         "message": str(error.get("msg", "")), "type": str(error.get("type", ""))}
        for error in exc.errors()
    ]


def is_malformed_body(exc: RequestValidationError) -> bool:
    """FastAPI reports an unparsable JSON body as a `json_invalid` error located at a character
    position of the body; a JSON-in-a-form-field error is located at the field instead."""
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if error.get("type") == "json_invalid" and len(loc) == 2 and isinstance(loc[1], int):
            return True
    return False


async def on_goalsmith_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GoalsmithError)
    return envelope(status_for_error(exc), exc.code, exc.message, exc.details)


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    if is_malformed_body(exc):
        return envelope(400, MALFORMED_JSON, "The request body is not valid JSON.")
    details = field_errors(exc)
    types = [error["type"] for error in details]
    code = next((t for t in types if t in KNOWN_FIELD_CODES), VALIDATION_ERROR)
    first = details[0] if details else {"loc": [], "message": "invalid request"}
    where = ".".join(first["loc"][1:]) or "body"
    return envelope(status_for_code(code), code, f"{where}: {first['message']}", details)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return envelope(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Frames only: the exception message could quote a client's goal text.
    logger.error(
        "unhandled %s on %s %s\n%s", type(exc).__name__, request.method, request.url.path,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return envelope(500, "internal_error", "The server failed to answer; please report this.")


# Error types raised from request validators that carry a Goalsmith code (see api.schemas).
KNOWN_FIELD_CODES = frozenset(
    {"empty_text", "text_too_long", "invalid_characters", "invalid_option", "unknown_rule",
     "batch_too_large"}
)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(GoalsmithError, on_goalsmith_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected_error)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "Malformed JSON."},
    413: {"model": ErrorEnvelope, "description": "Over a documented limit."},
    415: {"model": ErrorEnvelope, "description": "Wrong content type."},
    422: {"model": ErrorEnvelope, "description": "Invalid input (field errors in `details`)."},
}
