"""Bounded work at the HTTP surface (issue 16): the key covers the pages' analyses, one file
part per upload, a batch character limit, zip bombs refused, and the time budget answered."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from api_server import GOALSMITH_SERVE, run_in_app, running_server
from pydantic import SecretStr
from test_api_workers import worker_pids
from workbooks import blank_rows, huge_cell_bomb

from api.guards import KEY_COOKIE
from api.settings import ApiSettings
from assistant import MAX_BATCH_CHARS

KEY = "k-limits-test-only"
GOAL = "Close 12 new logos by March 31, 2027"
CSV = b"Goal\nClose 12 new logos by March 31, 2027\n"


def threads(**values: object) -> ApiSettings:
    return ApiSettings(analysis_processes=0, **values)  # type: ignore[arg-type]


def test_with_a_key_the_pages_analyse_nothing_without_it() -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        files = {"file": ("goals.csv", CSV, "text/csv")}
        return [await client.post("/", data={"text": GOAL}),
                await client.post("/team", files=files),
                await client.post("/team/history/unlock", data={"key": KEY, "next": "/"}),
                await client.post("/", data={"text": GOAL})]

    check, team, _, unlocked = run_in_app(threads(api_key=SecretStr(KEY)), calls)
    for refused in (check, team):
        assert refused.status_code == 401 and 'name="key"' in refused.text
        assert 'data-present="true"' not in refused.text and "12 new logos" not in team.text
    assert unlocked.status_code == 200
    assert 'data-check="metric" data-present="true"' in unlocked.text


def test_the_unlocked_pages_cookie_opens_the_api_for_live_feedback() -> None:
    """The check page's live feedback calls the API from the browser with the pages' cookie."""
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        before = await client.post("/api/v1/check", json={"text": GOAL})
        await client.post("/team/history/unlock", data={"key": KEY, "next": "/"})
        after = await client.post("/api/v1/check", json={"text": GOAL})
        client.cookies.set(KEY_COOKIE, "not-the-key")
        wrong = await client.post("/api/v1/check", json={"text": GOAL})
        return [before, after, wrong]

    before, after, wrong = run_in_app(threads(api_key=SecretStr(KEY)), calls)
    assert (before.status_code, after.status_code, wrong.status_code) == (401, 200, 401)
    assert after.json()["components"]["metric"]["present"] is True


@pytest.mark.parametrize(
    ("files", "status"),
    [
        pytest.param([("file", ("a.csv", CSV, "text/csv"))], 200, id="one-part"),
        pytest.param([("file", ("a.csv", CSV, "text/csv"))] * 3, 400, id="three-file-parts"),
        pytest.param([("file", ("a.csv", CSV, "text/csv")), ("other", ("b.csv", CSV, "text/csv"))],
                     400, id="unknown-file-field"),
    ],
)
def test_one_file_part_per_upload(files: list, status: int) -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        return [await client.post("/api/v1/reports", files=files),
                await client.post("/team", files=files)]

    api, page = run_in_app(threads(), calls)
    assert (api.status_code, page.status_code) == (status, status)


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        pytest.param(huge_cell_bomb(64 * 1024 * 1024), 422, "invalid_file", id="huge-cell-bomb"),
        pytest.param(blank_rows(100_000), 413, "too_many_rows", id="blank-rows"),
    ],
)
def test_spreadsheet_bombs_refused(data: bytes, status: int, code: str) -> None:
    async def calls(client: httpx.AsyncClient) -> httpx.Response:
        return await client.post("/api/v1/reports", files={"file": ("b.xlsx", data)})

    response = run_in_app(threads(), calls)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_batch_character_limit() -> None:
    text = "Grow ARR 5% by Q3 " * 250  # 4,500 characters
    goals = [{"text": text}] * (MAX_BATCH_CHARS // len(text) + 1)

    async def calls(client: httpx.AsyncClient) -> httpx.Response:
        return await client.post("/api/v1/check/batch", json={"goals": goals})

    response = run_in_app(threads(), calls)
    assert (response.status_code, response.json()["error"]["code"]) == (413, "batch_too_large")


def test_over_budget_answers_analysis_timeout() -> None:
    async def calls(client: httpx.AsyncClient) -> httpx.Response:
        return await client.post("/api/v1/check", json={"text": "$%" * 2500})

    response = run_in_app(threads(analysis_timeout=0.01), calls)
    assert (response.status_code, response.json()["error"]["code"]) == (503, "analysis_timeout")


@pytest.mark.parametrize(("docs", "status"), [(True, 200), (False, 404)])
def test_docs_follow_their_setting(docs: bool, status: int) -> None:
    async def calls(client: httpx.AsyncClient) -> list[int]:
        return [(await client.get(path)).status_code for path in ("/docs", "/openapi.json")]

    assert run_in_app(threads(docs=docs), calls) == [status, status]


@pytest.mark.server
@pytest.mark.timeout(300)
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_over_budget_worker_is_replaced_and_checks_go_on() -> None:
    # The longest legal text of number tokens takes ~0.7 s, 7x this budget; an ordinary goal
    # takes ~5 ms. A budget near the slow text's time made the test depend on machine speed.
    env = {"GOALSMITH_ANALYSIS_PROCESSES": "2", "GOALSMITH_ANALYSIS_TIMEOUT": "0.1"}
    with running_server(env, command=GOALSMITH_SERVE) as server:
        before = set(worker_pids(server.pid))
        slow = httpx.post(f"{server.url}/api/v1/check", json={"text": "1 " * 2500}, timeout=60)
        assert (slow.status_code, slow.json()["error"]["code"]) == (503, "analysis_timeout")
        after = set(worker_pids(server.pid))
        assert len(after) == 2 and len(before - after) == 1  # the busy worker was killed
        ordinary = httpx.post(f"{server.url}/api/v1/check", json={"text": GOAL}, timeout=60)
        assert ordinary.status_code == 200
        assert "ran over its budget" in server.log_text()
