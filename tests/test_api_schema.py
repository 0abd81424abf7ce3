"""Schemathesis against the live server's own OpenAPI document: generated requests, valid and
invalid, must never get a 5xx, and every answer must match the documented status codes,
content types and schemas. Bounded and derandomized, so a run is repeatable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from api_server import LiveServer, running_server
from hypothesis import HealthCheck, settings
from schemathesis import checks

pytestmark = pytest.mark.server

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with running_server() as live:
        yield live


@pytest.fixture(scope="module")
def api_schema(server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_as_documented(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, timeout=60)
