"""The history pages and the team page's Save button, in-process through httpx's ASGI
transport with the real app, pipeline and databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import anyio
import httpx
import pytest
from pydantic import SecretStr
from spacy.language import Language

from api.app import create_app
from api.settings import ApiSettings

T = TypeVar("T")
KEY = "k-history-web-test-only"
TEAM = "Revenue EMEA"
Q1 = (b"Owner,Goal\nAiko,Renew 95% of my customer accounts by June 30 2027\n"
      b"Aiko,Tidy up the shared calendar naming\n"
      b"Bram,Hire 12 backend engineers by June 2027\n"
      b"Bram,Hire twelve backend engineers by June 2027\n")
Q2 = b"Owner,Goal\nAiko,Renew 97% of my customer accounts by Dec 31 2027 to protect NRR\n"
PARENTS = (b"Team goal\nGrow net revenue retention by renewing customer accounts\n"
           b"Hire and onboard 60 backend engineers\n")


def run_pages(calls: Callable[[httpx.AsyncClient], Awaitable[T]],
              settings: ApiSettings | None = None) -> T:
    async def main() -> T:
        transport = httpx.ASGITransport(app=create_app(settings or ApiSettings()))
        async with httpx.AsyncClient(transport=transport, base_url="http://pages.test",
                                     timeout=120) as client:
            return await calls(client)

    # A thread of its own: Playwright's sync API may hold an event loop on the main thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, main).result()


def upload(client: httpx.AsyncClient, cycle: str, data: bytes, action: str = "save",
           **fields: str) -> Awaitable[httpx.Response]:
    files = {"file": (f"{cycle}.csv", data, "text/csv"),
             "parents": ("parents.csv", PARENTS, "text/csv")}
    form = {"reference_date": "2026-11-27", "team": TEAM, "cycle": cycle, "action": action,
            **fields}
    return client.post("/team", files=files, data=form)


@pytest.fixture(autouse=True)
def database(database_url: str, monkeypatch: pytest.MonkeyPatch, nlp: Language) -> str:
    monkeypatch.setenv("GOALSMITH_DATABASE_URL", database_url)
    return database_url


def test_the_team_page_offers_parents_and_saving() -> None:
    async def calls(client: httpx.AsyncClient) -> httpx.Response:
        return await client.get("/team")

    page = run_pages(calls)
    assert page.status_code == 200
    assert all(hook in page.text for hook in ('name="parents"', 'name="team"', 'name="cycle"',
                                              "data-save"))


def test_save_then_history_trend_compare_cycle_and_delete() -> None:
    async def calls(client: httpx.AsyncClient) -> dict[str, httpx.Response]:
        answers = {"q1": await upload(client, "2027-Q1", Q1),
                   "q2": await upload(client, "2027-Q2", Q2)}
        answers["list"] = await client.get("/team/history")
        answers["team"] = await client.get("/team/history", params={"team": TEAM})
        answers["cycle"] = await client.get(f"/team/history/{TEAM}/2027-Q1")
        answers["csv"] = await client.get(f"/team/history/{TEAM}/trend.csv")
        answers["delete"] = await client.post(f"/team/history/{TEAM}/2027-Q1/delete",
                                              follow_redirects=True)
        return answers

    answers = run_pages(calls)
    assert "data-saved" in answers["q1"].text
    assert 'data-orphans="1"' in answers["q1"].text
    assert 'data-duplicate="4-5"' in answers["q1"].text
    assert re.findall(r'data-cycle="([^"]+)"', answers["list"].text) == [
        f"{TEAM}/2027-Q1", f"{TEAM}/2027-Q2"]
    assert re.findall(r'data-trend-bar="([^"]+)"', answers["team"].text) == ["2027-Q1", "2027-Q2"]
    assert re.findall(r'data-owner-change="([^"]*)"', answers["team"].text) == ["Aiko", "Bram"]
    assert re.findall(r'data-saved-goal="(\d+)"', answers["cycle"].text) == ["2", "3", "4", "5"]
    assert answers["csv"].text.lstrip("\ufeff").startswith("team,cycle,uploaded_at,owner")
    assert re.findall(r'data-cycle="([^"]+)"', answers["delete"].text) == [f"{TEAM}/2027-Q2"]


def test_analyse_alone_saves_nothing_and_a_taken_name_is_refused() -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        return [await upload(client, "2027-Q1", Q1, action="analyse"),
                await client.get("/team/history"),
                await upload(client, "2027-Q1", Q1), await upload(client, "2027-Q1", Q2),
                await upload(client, "2027-Q1", Q2, replace="true")]

    analysed, listing, first, taken, replaced = run_pages(calls)
    assert "data-saved" not in analysed.text
    assert "data-cycle=" not in listing.text
    assert first.status_code == 200
    assert (taken.status_code, "already has a cycle" in taken.text) == (400, True)
    assert (replaced.status_code, "data-saved" in replaced.text) == (200, True)


def test_with_an_api_key_history_needs_it_once() -> None:
    settings = ApiSettings(api_key=SecretStr(KEY))

    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        locked = await client.get("/team/history")
        refused = await upload(client, "2027-Q1", Q1)
        wrong = await client.post("/team/history/unlock", data={"key": "nope"},
                                  follow_redirects=True)
        right = await client.post("/team/history/unlock", data={"key": KEY},
                                  follow_redirects=True)
        return [locked, refused, wrong, right, await upload(client, "2027-Q1", Q1),
                await client.get(f"/team/history/{TEAM}/trend.json")]

    locked, refused, wrong, right, saved, trend = run_pages(calls, settings)
    assert (locked.status_code, 'name="key"' in locked.text) == (401, True)
    # With a key set the upload's analysis itself needs it (issue 16), saving or not.
    assert (refused.status_code, "needs its API key" in refused.text) == (401, True)
    assert wrong.status_code == 401
    assert (right.status_code, "data-cycle=" in right.text) == (200, False)
    assert "data-saved" in saved.text
    assert [point["cycle"] for point in trend.json()["points"]] == ["2027-Q1"]


def test_trend_download_of_a_team_named_in_any_script() -> None:
    async def calls(client: httpx.AsyncClient) -> httpx.Response:
        await client.post("/team", files={"file": ("q.csv", Q2, "text/csv")},
                          data={"team": '销售 "West"', "cycle": "2027-Q1", "action": "save"})
        return await client.get('/team/history/销售 "West"/trend.csv')

    download = run_pages(calls)
    assert download.status_code == 200
    assert '销售 ""West""' in download.content.decode("utf-8-sig")
