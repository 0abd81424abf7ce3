"""Schemathesis against the live server's own OpenAPI document: generated requests, valid and
invalid, must never get a 5xx, and every answer must match the documented status codes,
content types, headers and schemas. Bounded and derandomized, so a run is repeatable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from api_server import LiveServer, running_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks
from schemathesis.core.result import Ok

pytestmark = pytest.mark.server

EXAMPLES_PER_OPERATION = 30
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
OPERATIONS = [
    "GET /api/v1/health",
    "GET /api/v1/meta",
    "POST /api/v1/check",
    "POST /api/v1/check/batch",
    "POST /api/v1/reports",
    "GET /api/v1/teams/{team}/cycles",
    "GET /api/v1/teams/{team}/cycles/{cycle}",
    "DELETE /api/v1/teams/{team}/cycles/{cycle}",
    "GET /api/v1/teams/{team}/trend",
    "GET /api/v1/teams/{team}/compare",
    "POST /api/v1/alignment",
    "GET /v2/languages",
    "POST /v2/check",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    history = tmp_path_factory.mktemp("history") / "history.db"
    with running_server({"GOALSMITH_DATABASE_URL": f"sqlite:///{history}"}) as live:
        yield live


@pytest.fixture(scope="module")
def api_schema(server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json")


def test_every_operation_is_fuzzed(api_schema: schemathesis.BaseSchema) -> None:
    results = list(api_schema.get_all_operations())
    assert all(isinstance(result, Ok) for result in results), "an operation's schema is invalid"
    assert {result.ok().label for result in results if isinstance(result, Ok)} == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_answers_as_documented(
    api_schema: schemathesis.BaseSchema, server: LiveServer, label: str
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=server.url, checks=CHECKS, timeout=60)

    answers_as_documented()
