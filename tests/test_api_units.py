"""The API's small pure parts, without a server: key comparison, media types, text checks,
body-size accounting and the `serve` command line."""

from __future__ import annotations

import argparse
import asyncio

import pytest
from pydantic import SecretStr
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Message

from api.errors import status_for_code
from api.guards import key_matches, media_type
from api.limits import counting_receive
from assistant.commands import serve
from assistant.errors import (
    InvalidCharactersError,
)
from assistant.options import check_text

KEY = SecretStr("s3cret-key-ü")


def serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="goalsmith")
    serve.register(parser.add_subparsers(dest="command", required=True))
    return parser


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("s3cret-key-ü", True, id="same-key"),
        pytest.param("s3cret-key-u", False, id="one-letter-off"),
        pytest.param("s3cret", False, id="prefix"),
        pytest.param("s3cret-key-ü ", False, id="trailing-space"),
        pytest.param("", False, id="empty"),
        pytest.param(None, False, id="absent"),
    ],
)
def test_key_matches_only_the_exact_key(given: str | None, expected: bool) -> None:
    assert key_matches(given, KEY) is expected


def _request(content_type: str | None) -> Request:
    headers = [] if content_type is None else [(b"content-type", content_type.encode("latin-1"))]
    return Request({"type": "http", "method": "POST", "path": "/", "headers": headers})


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("application/json", "application/json", id="json"),
        pytest.param("application/json; charset=utf-8", "application/json", id="json-charset"),
        pytest.param("Application/JSON", "application/json", id="json-upper-case"),
        pytest.param("application/problem+json", "application/json", id="json-suffix"),
        pytest.param("multipart/form-data; boundary=x1", "multipart/form-data", id="multipart"),
        pytest.param("text/plain", "text/plain", id="text"),
        pytest.param(None, "", id="absent"),
    ],
)
def test_media_type_ignores_parameters_and_case(header: str | None, expected: str) -> None:
    assert media_type(_request(header)) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Grow renewals\tby 8% by May 2027", id="tab"),
        pytest.param("Grow renewals by 8%\r\nby May 2027", id="line-break"),
        pytest.param("Réduire le churn de 2 points d’ici juin", id="accents-and-quotes"),
        pytest.param("Ship v2 🚀 by Friday", id="emoji"),
    ],
)
def test_ordinary_text_passes(text: str) -> None:
    assert check_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Grow\x00 renewals", id="nul"),
        pytest.param("\x1b[31mGrow renewals", id="escape-sequence"),
        pytest.param("Grow renewals\x7f", id="delete"),
        pytest.param("Grow\x85renewals", id="c1-next-line"),
        pytest.param("Grow \ud800 renewals", id="lone-surrogate"),
    ],
)
def test_control_characters_are_refused(text: str) -> None:
    with pytest.raises(InvalidCharactersError) as caught:
        check_text(text)
    assert caught.value.code == "invalid_characters"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        pytest.param("text_too_long", 413, id="text-too-long"),
        pytest.param("batch_too_large", 413, id="batch-too-large"),
        pytest.param("too_many_rows", 413, id="too-many-rows"),
        pytest.param("empty_text", 422, id="empty-text"),
        pytest.param("invalid_option", 422, id="invalid-option"),
    ],
)
def test_status_follows_code(code: str, status: int) -> None:
    assert status_for_code(code) == status


def _chunks(*sizes: int) -> list[Message]:
    return [
        {"type": "http.request", "body": b"x" * size, "more_body": i < len(sizes) - 1}
        for i, size in enumerate(sizes)
    ]


async def _drain(messages: list[Message], limit: int) -> int:
    queue = iter(messages)

    async def receive() -> Message:
        return next(queue)

    limited = counting_receive(receive, limit)
    return sum([len((await limited()).get("body", b"")) for _ in messages])


@pytest.mark.parametrize(
    ("sizes", "limit"),
    [
        pytest.param((10,), 10, id="one-chunk-at-limit"),
        pytest.param((4, 4, 2), 10, id="chunks-at-limit"),
        pytest.param((0,), 1, id="empty-body"),
    ],
)
def test_body_within_limit_streams_through(sizes: tuple[int, ...], limit: int) -> None:
    assert asyncio.run(_drain(_chunks(*sizes), limit)) == sum(sizes)


@pytest.mark.parametrize(
    ("sizes", "limit"),
    [
        pytest.param((11,), 10, id="one-chunk-over"),
        pytest.param((4, 4, 4), 10, id="third-chunk-over"),
    ],
)
def test_body_over_limit_is_refused_while_streaming(sizes: tuple[int, ...], limit: int) -> None:
    with pytest.raises(HTTPException) as caught:
        asyncio.run(_drain(_chunks(*sizes), limit))
    assert caught.value.status_code == 413


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["serve"], ("127.0.0.1", 8000, 1), id="defaults"),
        pytest.param(
            ["serve", "--host", "0.0.0.0", "--port", "9100", "--workers", "2"],
            ("0.0.0.0", 9100, 2),
            id="all-flags",
        ),
    ],
)
def test_serve_reads_host_port_workers(argv: list[str], expected: tuple[str, int, int]) -> None:
    args = serve_parser().parse_args(argv)
    assert (args.host, args.port, args.workers) == expected
    assert args.func is serve.run


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["serve", "--workers", "0"], id="zero-workers"),
        pytest.param(["serve", "--port", "http"], id="port-not-a-number"),
    ],
)
def test_serve_refuses_bad_flags(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        serve_parser().parse_args(argv)
