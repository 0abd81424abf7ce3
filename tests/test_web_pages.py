"""The page routes without a browser: the no-JavaScript form posts, served in-process by the
real app through httpx's ASGI transport, with the real pipeline and report module."""

from __future__ import annotations

import base64
import csv
import io
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import openpyxl
import pytest
from markupsafe import escape
from spacy.language import Language

from api.app import create_app

WEAK = "Try to be a bit more visible in key accounts"
COMPLETE = "Cut average response time to 4 hours by March 31, 2027 so renewals stay on track."
PAYLOAD = '<svg onload="alert(1)">Lift NPS to 60 by Q3 2027</svg>'


def request(method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://pages.test") as client:
            return await client.request(method, path, **kwargs)

    # In a thread of its own: Playwright's sync API (other test modules) keeps an event
    # loop running on the main thread, where anyio.run would refuse to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, send).result()


def check_form(text: str, **fields: str) -> httpx.Response:
    return request("POST", "/", data={"text": text, "reference_date": "2026-11-27", **fields})


def presence(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-check="(\w+)" data-present="(true|false)"', page))


def test_empty_page_has_a_labelled_editor_and_no_result() -> None:
    response = request("GET", "/")
    assert response.status_code == 200
    assert '<label for="goal-text"' in response.text
    assert "data-score=" not in response.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(COMPLETE, {"metric": "true", "target": "true", "deadline": "true",
                                "relevance": "true"}, id="complete-goal"),
        pytest.param(WEAK, {"target": "false", "deadline": "false"}, id="weak-goal"),
    ],
)
def test_form_post_renders_the_checklist(nlp: Language, text: str, expected: dict) -> None:
    page = check_form(text).text
    assert presence(page).items() >= expected.items()
    assert re.search(r'data-score="\d+"', page)


def test_form_post_escapes_markup(nlp: Language) -> None:
    page = check_form(PAYLOAD).text
    assert "<svg onload" not in page
    assert str(escape(PAYLOAD)) in page


def test_form_post_reports_empty_text_as_an_error() -> None:
    response = check_form("   ")
    assert response.status_code == 400
    assert 'role="alert"' in response.text and "empty" in response.text


def test_form_post_reads_numeric_dates_in_the_chosen_order(nlp: Language) -> None:
    page = check_form("Sign 5 new partners by 02/03/2027.", date_order="DMY").text
    assert "due Mar 2, 2027" in page


TEAM_CSV = [
    ("Name", "Objective"),
    ("Ana", COMPLETE),
    ("Ana", WEAK),
    ("Ben", "@SUM(A1:A3) raise upsell revenue"),
    ("Ben", PAYLOAD),
]


def upload(rows: list[tuple[str, str]] | None, content: bytes | None = None) -> httpx.Response:
    if content is None:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows or [])
        content = buffer.getvalue().encode("utf-8")
    return request("POST", "/team", data={"reference_date": "2026-11-27"},
                   files={"file": ("goals.csv", content, "text/csv")})


def test_team_upload_renders_rows_chart_and_safe_download(nlp: Language) -> None:
    response = upload(TEAM_CSV)
    assert response.status_code == 200
    page = response.text
    assert page.count("data-goal-row") == len(TEAM_CSV) - 1
    assert "data-chart" in page and "<svg" in page
    assert "<svg onload" not in page
    href = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)" download=', page)
    assert href, "download link missing"
    exported = base64.b64decode(href.group(1)).decode("utf-8-sig")
    objectives = [row["Objective"] for row in csv.DictReader(io.StringIO(exported))]
    assert objectives[2].endswith("@SUM(A1:A3) raise upsell revenue")
    assert not objectives[2].startswith("@")


def test_team_upload_without_any_goal_text_charts_nothing() -> None:
    page = upload([("Owner", "Goal"), ("Ana", ""), ("Ben", "  ")]).text
    assert page.count("data-goal-row") == 2
    assert "nothing to chart" in page
    assert 'class="bar' not in page


def test_team_upload_reads_xlsx(nlp: Language) -> None:
    workbook = openpyxl.Workbook()
    for row in TEAM_CSV:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = request("POST", "/team", files={"file": ("goals.xlsx", buffer.getvalue())}).text
    assert page.count("data-goal-row") == len(TEAM_CSV) - 1
    assert 'data-owner="Ben"' in page


def test_team_upload_of_a_non_table_says_why() -> None:
    response = upload(None, content=b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "data-goal-row" not in response.text
