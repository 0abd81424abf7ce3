"""The history routes of the API in-process (real app, real pipeline, real databases):
saving from `POST /reports`, listing, reading, trend, compare, delete, alignment, the key."""

from __future__ import annotations

from collections.abc import Awaitable

import httpx
import pytest
from api_server import run_in_app
from pydantic import SecretStr
from spacy.language import Language

from api.settings import ApiSettings

KEY = "k-history-test-only"
TEAM = "Revenue EMEA"
BASE = f"/api/v1/teams/{TEAM}"
Q1 = (b"Owner,Goal\nAiko,Renew 95% of my customer accounts by June 30 2027\n"
      b"Aiko,Tidy up the shared calendar naming\n"
      b"Bram,Hire 12 backend engineers by June 2027\n"
      b"Bram,Hire twelve backend engineers by June 2027\n")
Q2 = (b"Owner,Goal\nAiko,Renew 97% of my customer accounts by Dec 31 2027 to protect NRR\n"
      b"Bram,Hire backend engineers\n")
PARENTS = (b"Team goal\nGrow net revenue retention by renewing customer accounts\n"
           b"Hire and onboard 60 backend engineers\n")


def save(client: httpx.AsyncClient, cycle: str, data: bytes, **query: str
         ) -> Awaitable[httpx.Response]:
    files = {"file": (f"{cycle}.csv", data, "text/csv"),
             "parents": ("parents.csv", PARENTS, "text/csv")}
    params = {"save": "true", "team": TEAM, "cycle": cycle, **query}
    return client.post("/api/v1/reports", params=params, files=files,
                       data={"reference_date": "2026-11-27"})


@pytest.fixture
def settings(database_url: str, monkeypatch: pytest.MonkeyPatch, nlp: Language) -> ApiSettings:
    monkeypatch.setenv("GOALSMITH_DATABASE_URL", database_url)
    return ApiSettings(analysis_processes=0)


def test_two_saved_cycles_list_trend_compare_and_delete(settings: ApiSettings) -> None:
    async def calls(client: httpx.AsyncClient) -> dict[str, httpx.Response]:
        answers = {"q1": await save(client, "2027-Q1", Q1), "q2": await save(client, "2027-Q2", Q2)}
        for name, path in (("list", "/cycles"), ("trend", "/trend"),
                           ("csv", "/trend?format=csv"), ("show", "/cycles/2027-Q1"),
                           ("compare", "/compare?before=2027-Q1&after=2027-Q2")):
            answers[name] = await client.get(BASE + path)
        answers["delete"] = await client.delete(BASE + "/cycles/2027-Q1")
        answers["after"] = await client.get(BASE + "/cycles")
        answers["gone"] = await client.get(BASE + "/cycles/2027-Q1")
        return answers

    answers = run_in_app(settings, calls)
    assert answers["q1"].status_code == answers["q2"].status_code == 200
    cycles = answers["list"].json()["cycles"]
    assert [(c["cycle"], c["goals"]) for c in cycles] == [("2027-Q1", 4), ("2027-Q2", 2)]
    assert [p["mean_score"] for p in answers["trend"].json()["points"]] == [
        c["mean_score"] for c in cycles]
    assert answers["csv"].headers["content-type"].startswith("text/csv")
    alignment = answers["show"].json()["alignment"]
    assert [g["parent_index"] for g in alignment["goals"]] == [0, 0, 1, 1]
    assert [g["orphan"] for g in alignment["goals"]] == [False, True, False, False]
    assert [pair["rows"] for pair in alignment["duplicates"]] == [[4, 5]]
    bram = next(o for o in answers["compare"].json()["owners"] if o["owner"] == "Bram")
    assert bram["score_change"] < 0
    assert answers["delete"].json()["cycle"] == "2027-Q1"
    assert [c["cycle"] for c in answers["after"].json()["cycles"]] == ["2027-Q2"]
    assert (answers["gone"].status_code, answers["gone"].json()["error"]["code"]) == (
        404, "cycle_not_found")


def test_saving_a_taken_name_answers_409_unless_replace(settings: ApiSettings) -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        return [await save(client, "2027-Q1", Q1), await save(client, "2027-Q1", Q2),
                await save(client, "2027-Q1", Q2, replace="true"),
                await client.get(BASE + "/cycles/2027-Q1")]

    first, taken, replaced, shown = run_in_app(settings, calls)
    assert (first.status_code, taken.status_code, replaced.status_code) == (200, 409, 200)
    assert taken.json()["error"]["code"] == "cycle_exists"
    assert len(shown.json()["cycle"]["entries"]) == 2


@pytest.mark.parametrize(
    "query",
    [pytest.param({"save": "true", "cycle": "2027-Q1"}, id="no-team"),
     pytest.param({"save": "true", "team": "a/b", "cycle": "2027-Q1"}, id="slash-in-team")],
)
def test_a_save_without_a_valid_name_is_refused(settings: ApiSettings,
                                                query: dict[str, str]) -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        files = {"file": ("team.csv", Q1, "text/csv")}
        return [await client.post("/api/v1/reports", params=query, files=files),
                await client.get(BASE + "/cycles")]

    refused, listing = run_in_app(settings, calls)
    assert refused.status_code == 422
    assert listing.json() == {"cycles": []}


def test_alignment_of_two_uploads_saves_nothing(settings: ApiSettings) -> None:
    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        files = {"file": ("q1.csv", Q1, "text/csv"), "parents": ("p.csv", PARENTS, "text/csv")}
        return [await client.post("/api/v1/alignment", files=files),
                await client.get(BASE + "/cycles")]

    aligned, listing = run_in_app(settings, calls)
    assert aligned.status_code == 200
    assert aligned.json()["orphans"] == 1
    assert listing.json() == {"cycles": []}


STORED_DATA_ROUTES = [
    pytest.param("GET", f"{BASE}/cycles", id="list"),
    pytest.param("GET", f"{BASE}/cycles/2027-Q1", id="show"),
    pytest.param("DELETE", f"{BASE}/cycles/2027-Q1", id="delete"),
    pytest.param("GET", f"{BASE}/trend", id="trend"),
    pytest.param("GET", f"{BASE}/compare?before=a&after=b", id="compare"),
    pytest.param("POST", "/api/v1/reports?save=true&team=T&cycle=C", id="save"),
    pytest.param("POST", "/api/v1/alignment", id="alignment"),
]


@pytest.mark.parametrize(("method", "path"), STORED_DATA_ROUTES)
def test_with_an_api_key_every_history_route_needs_it(
    database_url: str, monkeypatch: pytest.MonkeyPatch, nlp: Language, method: str, path: str
) -> None:
    monkeypatch.setenv("GOALSMITH_DATABASE_URL", database_url)
    settings = ApiSettings(analysis_processes=0, api_key=SecretStr(KEY))

    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        files = {"file": ("q1.csv", Q1, "text/csv"), "parents": ("p.csv", PARENTS, "text/csv")}
        upload = {"files": files} if method == "POST" else {}
        return [await client.request(method, path, **upload),  # type: ignore[arg-type]
                await client.request(method, path, headers={"X-API-Key": KEY},
                                     **upload)]  # type: ignore[arg-type]

    without, with_key = run_in_app(settings, calls)
    assert without.status_code == 401
    assert with_key.status_code in {200, 404}


def test_parent_goals_can_be_a_column_of_the_uploaded_file(settings: ApiSettings) -> None:
    data = (b"Owner,Goal,Team goals\n"
            b"Aiko,Renew 95% of my customer accounts by June 30 2027,Grow net revenue retention\n"
            b"Bram,Hire 12 backend engineers by June 2027,Hire and onboard 60 engineers\n")

    async def calls(client: httpx.AsyncClient) -> list[httpx.Response]:
        params = {"save": "true", "team": TEAM, "cycle": "2027-Q1"}
        return [await client.post("/api/v1/reports", params=params,
                                  files={"file": ("q1.csv", data, "text/csv")},
                                  data={"goal_column": "Goal", "parents_column": "Team goals"}),
                await client.get(BASE + "/cycles/2027-Q1")]

    saved, shown = run_in_app(settings, calls)
    assert saved.status_code == 200
    assert shown.json()["cycle"]["parents"] == ["Grow net revenue retention",
                                                "Hire and onboard 60 engineers"]
    assert [goal["parent_index"] for goal in shown.json()["alignment"]["goals"]] == [0, 1]
