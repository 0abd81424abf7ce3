"""API key and CORS settings, over HTTP against a server started with them."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from api_server import LiveServer, running_server

pytestmark = pytest.mark.server

KEY = "k-7Hq2-test-only"
ALLOWED_ORIGIN = "https://okr.example"
TEXT = "Cut onboarding time from 10 to 6 days by April 2027"
GOAL = {"text": TEXT, "reference_date": "2026-11-27"}
CSV = f"goal,owner\n{TEXT},Ines\n".encode()


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    env = {
        "GOALSMITH_API_KEY": KEY,
        "GOALSMITH_CORS_ORIGINS": json.dumps([ALLOWED_ORIGIN]),
        "GOALSMITH_ANALYSIS_PROCESSES": "0",  # threads here; the HTTP tests run processes
    }
    with running_server(env) as live:
        yield live


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60.0) as http:
        yield http


def _call(client: httpx.Client, route: str, headers: dict[str, str]) -> httpx.Response:
    if route == "reports":
        return client.post("/api/v1/reports", files={"file": ("team.csv", CSV)}, headers=headers)
    if route == "batch":
        return client.post("/api/v1/check/batch", json={"goals": [{"text": TEXT}]}, headers=headers)
    if route == "meta":
        return client.get("/api/v1/meta", headers=headers)
    if route == "languagetool":
        return client.post("/v2/check", data={"text": TEXT}, headers=headers)
    return client.post("/api/v1/check", json=GOAL, headers=headers)


ROUTES = ["check", "batch", "reports", "meta", "languagetool"]
REFUSED_HEADERS = [
    pytest.param({}, id="no-key"),
    pytest.param({"Authorization": "Bearer wrong-key"}, id="wrong-bearer"),
    pytest.param({"X-API-Key": KEY[:-1]}, id="truncated-header-key"),
    pytest.param({"Authorization": f"Basic {KEY}"}, id="basic-scheme"),
    pytest.param({"Authorization": KEY}, id="no-scheme"),
    pytest.param({"X-API-Key": ""}, id="empty-header-key"),
]
ACCEPTED_HEADERS = [
    pytest.param({"Authorization": f"Bearer {KEY}"}, id="bearer"),
    pytest.param({"X-API-Key": KEY}, id="header-key"),
]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("headers", REFUSED_HEADERS)
def test_without_the_key_is_unauthorized(
    client: httpx.Client, route: str, headers: dict[str, str]
) -> None:
    response = _call(client, route, headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("headers", ACCEPTED_HEADERS)
def test_with_the_key_answers(client: httpx.Client, route: str, headers: dict[str, str]) -> None:
    assert _call(client, route, headers).status_code == 200


def test_health_needs_no_key(client: httpx.Client) -> None:
    assert client.get("/api/v1/health").status_code == 200


@pytest.mark.parametrize(
    ("form", "status"),
    [
        pytest.param({"apiKey": KEY, "username": "ines@example.com"}, 200, id="form-key"),
        pytest.param({"apiKey": KEY[:-1]}, 401, id="wrong-form-key"),
        pytest.param({"username": KEY}, 401, id="key-as-username"),
    ],
)
def test_languagetool_clients_send_the_key_in_the_form(
    client: httpx.Client, form: dict[str, str], status: int
) -> None:
    response = client.post("/v2/check", data={"text": TEXT, **form})
    assert response.status_code == status, response.text


def test_languagetool_languages_need_no_key(client: httpx.Client) -> None:
    assert client.get("/v2/languages").status_code == 200


def test_meta_says_auth_required(client: httpx.Client) -> None:
    meta = client.get("/api/v1/meta", headers={"X-API-Key": KEY}).json()
    assert meta["auth_required"] is True


def test_openapi_documents_the_key(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"HTTPBearer", "APIKeyHeader"} <= set(spec["components"]["securitySchemes"])


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        pytest.param(ALLOWED_ORIGIN, True, id="configured-origin"),
        pytest.param("https://elsewhere.example", False, id="other-origin"),
    ],
)
def test_cors_allows_only_configured_origins(
    client: httpx.Client, origin: str, allowed: bool
) -> None:
    preflight = client.options(
        "/api/v1/check",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type,x-api-key"},
    )
    granted = preflight.headers.get("access-control-allow-origin")
    assert (granted == origin) is allowed
