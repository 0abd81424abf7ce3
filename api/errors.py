"""One error envelope for every failure: `{"error": {"code", "message", "details"}}`.

Codes are stable and machine-readable; the HTTP status follows from the code. Handlers
never log or echo the goal text a client sent.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from assistant import (
    AnalysisFailedError,
    AnalysisTimeoutError,
    EmptyTextError,
    GoalsmithError,
    InputError,
    InvalidCharactersError,
    InvalidOptionError,
    TextTooLongError,
    TooManyRowsError,
)
from history.errors import CycleExistsError, CycleNotFoundError

logger = logging.getLogger("goalsmith.api")

# The API's own codes, beside the core's (`assistant.errors`).
BATCH_TOO_LARGE = "batch_too_large"
MALFORMED_JSON = "malformed_json"
PAYLOAD_TOO_LARGE = "payload_too_large"
VALIDATION_ERROR = "validation_error"
# Codes of the errors that mean "over a documented limit" (HTTP 413).
LIMIT_CODES = frozenset(
    {TextTooLongError.code, TooManyRowsError.code, BATCH_TOO_LARGE, PAYLOAD_TOO_LARGE}
)
# Field validators (see api.schemas) raise errors whose type is one of these codes.
FIELD_CODES = frozenset(
    {EmptyTextError.code, TextTooLongError.code, InvalidOptionError.code,
     InvalidCharactersError.code,
     BATCH_TOO_LARGE}
)
# Errors of the history store (`history.errors`) with a status of their own.
HISTORY_STATUS = {CycleNotFoundError.code: 404, CycleExistsError.code: 409}
# An analysis stopped at its time budget: the server's limit, not a malformed request.
OWN_STATUS = {**HISTORY_STATUS, AnalysisTimeoutError.code: 503}
HTTP_CODES = {
    400: "malformed_body",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: PAYLOAD_TOO_LARGE,
    415: "unsupported_media_type",
}


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable error code.", examples=["empty_text"])
    message: str = Field(description="What went wrong, for people.")
    details: Any = Field(default=None, description="Structured context, e.g. field errors.")


class ErrorEnvelope(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: ErrorBody


class EnvelopeResponse(JSONResponse):
    """JSON escaped to ASCII: an error may quote a client's key or value, and a lone
    surrogate in it (valid in JSON, not in UTF-8) must not break the answer."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def envelope(
    status: int, code: str, message: str, details: object = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorEnvelope(error=ErrorBody(code=code, message=message, details=details))
    return EnvelopeResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def status_for_code(code: str) -> int:
    return 413 if code in LIMIT_CODES else 422


def status_for_error(exc: GoalsmithError) -> int:
    """Client mistakes are 4xx, and so is a goal the analysis fails on (sending it again will
    not help; the fault is logged for the maintainers); a saved cycle that is missing or
    taken is 404 or 409; an analysis stopped at its budget is 503; any other error is the
    server's."""
    if exc.code in OWN_STATUS:
        return OWN_STATUS[exc.code]
    return status_for_code(exc.code) if isinstance(exc, InputError | AnalysisFailedError) else 500


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
    code = next((t for t in types if t in FIELD_CODES), VALIDATION_ERROR)
    first = details[0] if details else {"loc": [], "message": "invalid request"}
    where = ".".join(first["loc"][1:]) or "body"
    return envelope(status_for_code(code), code, f"{where}: {first['message']}", details)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return envelope(exc.status_code, code, str(exc.detail), headers=exc.headers)


def log_fault(context: str, exc: BaseException) -> None:
    """Log an unexpected exception by type and stack frames only: its message could quote
    the goal text a client sent."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("%s: %s\n%s", context, type(exc).__name__, frames)


async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log_fault(f"unhandled error on {request.method} {request.url.path}", exc)
    return envelope(500, "internal_error", "The server failed to answer; please report this.")


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
NOT_FOUND_RESPONSE: dict[str, Any] = {
    "model": ErrorEnvelope, "description": "No saved cycle of that team and name.",
}
UNAUTHORIZED_RESPONSE: dict[str, Any] = {
    "model": ErrorEnvelope, "description": "The API key is missing or wrong.",
}
