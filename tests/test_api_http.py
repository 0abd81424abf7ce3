"""The JSON API over real HTTP: a uvicorn server in a subprocess, spoken to with httpx."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from api_server import LiveServer
from workbooks import xlsx_bytes

from assistant.options import MAX_BATCH_GOALS, MAX_TEXT_CHARS

pytestmark = pytest.mark.server

REFERENCE = "2026-11-27"
CHECK = "/api/v1/check"
BATCH = "/api/v1/check/batch"


def assert_envelope(response: httpx.Response, status: int, code: str | None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "details"}
    assert error["message"]
    if code is not None:
        assert error["code"] == code


# --- the contract ------------------------------------------------------------------------


def test_complete_goal_resolves(client: httpx.Client) -> None:
    text = "Lift the renewal rate from 82% to 90% by June 30, 2027 so that churn funds hiring"
    response = client.post(CHECK, json={"text": text, "reference_date": REFERENCE})
    assert response.status_code == 200, response.text
    analysis = response.json()
    assert analysis["text"] == text
    assert analysis["reference_date"] == REFERENCE
    deadline = analysis["components"]["deadline"]
    assert deadline["present"] is True
    assert deadline["value"]["date"] == "2027-06-30"
    assert text[deadline["start"]:deadline["end"]] == deadline["text"]
    assert analysis["components"]["target"]["present"] is True


@pytest.mark.parametrize(
    ("options", "expected_date"),
    [
        pytest.param({}, "2027-04-03", id="month-first-by-default"),
        pytest.param({"date_order": "DMY"}, "2027-03-04", id="day-first-when-asked"),
    ],
)
def test_options_reach_the_analysis(
    client: httpx.Client, options: dict[str, Any], expected_date: str
) -> None:
    body = {"text": "Publish 12 case studies by 04/03/2027", "reference_date": REFERENCE, **options}
    response = client.post(CHECK, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["components"]["deadline"]["value"]["date"] == expected_date


def test_batch_keeps_ids_and_order(client: httpx.Client) -> None:
    goals: list[dict[str, Any]] = [
        {"id": "b-3", "text": "Answer 95% of support tickets within 4 hours by the end of Q2"},
        {"id": 7, "text": "Be a better partner to the sales team"},
        {"text": "Reduce cloud spend by $40k per month by September 2027"},
        {"id": "b-1", "text": "Run a monthly design review"},
    ]
    response = client.post(BATCH, json={"goals": goals, "reference_date": REFERENCE})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["b-3", 7, 2, "b-1"]
    assert [r["analysis"]["text"] for r in results] == [g["text"] for g in goals]


def test_batch_matches_single_checks(client: httpx.Client) -> None:
    texts = ["Sign 5 new reseller agreements in EMEA by March 2027", "Improve onboarding"]
    batch = client.post(BATCH, json={"goals": [{"text": t} for t in texts],
                                     "reference_date": REFERENCE}).json()
    singles = [client.post(CHECK, json={"text": t, "reference_date": REFERENCE}).json()
               for t in texts]
    assert [r["analysis"] for r in batch["results"]] == singles


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(CHECK, id="check"),
        pytest.param(BATCH, id="batch"),
        pytest.param("/api/v1/reports", id="reports"),
        pytest.param("/api/v1/health", id="health"),
        pytest.param("/api/v1/meta", id="meta"),
    ],
)
def test_openapi_lists_route_with_examples(client: httpx.Client, path: str) -> None:
    spec = client.get("/openapi.json").json()
    assert path in spec["paths"]
    for operation in spec["paths"][path].values():
        assert operation.get("description")
        ok = operation["responses"]["200"]["content"]
        assert any("example" in media or "examples" in media for media in ok.values())


def test_docs_page_is_served(client: httpx.Client) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "openapi.json" in response.text


def test_health_says_pipeline_loaded(client: httpx.Client) -> None:
    assert client.get("/api/v1/health").json()["pipeline_loaded"] is True


def test_meta_lists_limits_and_rules(client: httpx.Client) -> None:
    meta = client.get("/api/v1/meta").json()
    assert meta["limits"]["max_text_chars"] == MAX_TEXT_CHARS
    assert meta["limits"]["max_batch_goals"] == MAX_BATCH_GOALS
    assert meta["model"]["version"]
    assert meta["rules"]
    assert meta["auth_required"] is False


def test_rule_switched_off_by_id(client: httpx.Client) -> None:
    text = "Improve onboarding"
    meta_rules = client.get("/api/v1/meta").json()["rules"]
    found = client.post(CHECK, json={"text": text, "reference_date": REFERENCE}).json()
    rule_id = found["findings"][0]["id"]
    assert rule_id in meta_rules
    quiet = client.post(
        CHECK, json={"text": text, "reference_date": REFERENCE, "rules": {rule_id: "off"}}
    ).json()
    assert rule_id not in [finding["id"] for finding in quiet["findings"]]


def test_goal_text_is_not_logged(client: httpx.Client, server: LiveServer) -> None:
    marker = "Quintuple the zebra-crossing audits by May 2027"
    assert client.post(CHECK, json={"text": marker}).status_code == 200
    assert client.post(CHECK, json={"text": marker + "\x00"}).status_code == 422
    assert "zebra" not in server.log_text()


# --- bad input: every case answers 4xx with the envelope, and the server stays healthy ---

LONG_TEXT = "Grow revenue " * (MAX_TEXT_CHARS // 13 + 1)
NESTED = "[" * 100_000 + "]" * 100_000
JSON = {"content-type": "application/json"}

BAD_JSON_REQUESTS = [
    ("empty-text", {"text": ""}, 422, "empty_text"),
    ("whitespace-text", {"text": " \n\t  "}, 422, "empty_text"),
    ("nul-character", {"text": "Grow revenue\x00 by 5%"}, 422, "invalid_characters"),
    ("escape-character", {"text": "\x1b[2JGrow revenue"}, 422, "invalid_characters"),
    ("text-too-long", {"text": LONG_TEXT}, 413, "text_too_long"),
    ("text-number", {"text": 42}, 422, "validation_error"),
    ("text-null", {"text": None}, 422, "validation_error"),
    ("text-list", {"text": ["Grow revenue"]}, 422, "validation_error"),
    ("text-missing", {"reference_date": REFERENCE}, 422, "validation_error"),
    ("unknown-field", {"text": "Grow revenue", "lang": "en"}, 422, "validation_error"),
    ("impossible-date", {"text": "Grow revenue", "reference_date": "2026-02-30"}, 422, None),
    ("date-words", {"text": "Grow revenue", "reference_date": "next week"}, 422, None),
    ("date-year-9999", {"text": "Grow revenue by next week", "reference_date": "9999-12-30"},
     422, "validation_error"),
    ("date-number", {"text": "Grow revenue", "reference_date": 20261127}, 422, None),
    ("date-order", {"text": "Grow revenue", "date_order": "YMD"}, 422, None),
    ("fiscal-month-13", {"text": "Grow revenue", "fiscal_year_start": 13}, 422, None),
    ("fiscal-month-text", {"text": "Grow revenue", "fiscal_year_start": "4"}, 422, None),
    ("fiscal-month-bool", {"text": "Grow revenue", "fiscal_year_start": True}, 422, None),
    ("rule-setting", {"text": "Grow revenue", "rules": {"vague.hedge": "loud"}}, 422, None),
    ("rule-unknown", {"text": "Grow revenue", "rules": {"no.such.rule": "off"}}, 422,
     "invalid_option"),
    ("rules-nested", {"text": "Grow revenue", "rules": {"a": {"b": {"c": "off"}}}}, 422, None),
    ("body-is-list", ["Grow revenue"], 422, "validation_error"),
    ("body-is-string", "Grow revenue", 422, "validation_error"),
]

BAD_BATCHES = [
    ("batch-empty", {"goals": []}, 422, "validation_error"),
    ("batch-over-limit", {"goals": [{"text": "Ship it"}] * (MAX_BATCH_GOALS + 1)}, 413,
     "batch_too_large"),
    ("batch-blank-goal", {"goals": [{"text": "Ship it by May"}, {"text": "  "}]}, 422,
     "empty_text"),
    ("batch-goal-not-object", {"goals": ["Ship it by May"]}, 422, "validation_error"),
    ("batch-id-object", {"goals": [{"id": {"x": 1}, "text": "Ship it"}]}, 422,
     "validation_error"),
]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_JSON_REQUESTS],
)
def test_bad_check_body_is_refused(
    client: httpx.Client, body: Any, status: int, code: str | None
) -> None:
    assert_envelope(client.post(CHECK, json=body), status, code)
    assert client.get("/api/v1/health").status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_BATCHES],
)
def test_bad_batch_is_refused(client: httpx.Client, body: Any, status: int, code: str) -> None:
    assert_envelope(client.post(BATCH, json=body), status, code)
    assert client.get("/api/v1/health").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "content", "headers", "status", "code"),
    [
        pytest.param("POST", CHECK, b'{"text": "Grow revenue"', JSON, 400, "malformed_json",
                     id="malformed-json"),
        pytest.param("POST", CHECK, b'{"text": "Grow \xff\xfe revenue"}', JSON, 400, None,
                     id="invalid-utf8"),
        pytest.param("POST", CHECK, NESTED.encode(), JSON, 400, None, id="deeply-nested-json"),
        pytest.param("POST", CHECK, b'{"text": "Grow \\ud800 revenue"}', JSON, 422,
                     "invalid_characters", id="lone-surrogate-escape"),
        pytest.param("POST", CHECK, b'{"text": "Ship it", "\\ud800": 1}', JSON, 422,
                     "validation_error", id="surrogate-field-name"),
        pytest.param("POST", CHECK, b'{"text": "Ship it", "rules": {"\\udfff": "off"}}', JSON,
                     422, "invalid_option", id="surrogate-rule-id"),
        pytest.param("POST", BATCH, b'{"goals": [{"id": "\\ud800", "text": "Ship it"}]}', JSON,
                     422, "validation_error", id="surrogate-goal-id"),
        pytest.param("POST", CHECK, b"", JSON, 422, "validation_error", id="empty-body"),
        pytest.param("POST", CHECK, b'{"text": "Grow revenue"}', {"content-type": "text/plain"},
                     415, "unsupported_media_type", id="text-plain"),
        pytest.param("POST", CHECK, b"text=Grow+revenue",
                     {"content-type": "application/x-www-form-urlencoded"}, 415,
                     "unsupported_media_type", id="form-encoded"),
        pytest.param("POST", CHECK, b'{"text": "Grow revenue"}', {}, 415,
                     "unsupported_media_type", id="no-content-type"),
        pytest.param("POST", BATCH, b'{"goals": [', JSON, 400, "malformed_json",
                     id="batch-malformed-json"),
        pytest.param("GET", "/api/v1/no-such-route", b"", {}, 404, "not_found",
                     id="unknown-route"),
        pytest.param("GET", CHECK, b"", {}, 405, "method_not_allowed", id="get-on-check"),
        pytest.param("DELETE", "/api/v1/meta", b"", {}, 405, "method_not_allowed",
                     id="delete-on-meta"),
    ],
)
def test_bad_request_is_refused(
    client: httpx.Client, method: str, path: str, content: bytes, headers: dict[str, str],
    status: int, code: str | None,
) -> None:
    response = client.request(method, path, content=content, headers=headers)
    assert_envelope(response, status, code)
    assert client.get("/api/v1/health").status_code == 200


def test_oversized_body_is_refused_before_parsing(client: httpx.Client) -> None:
    padding = " " * (40 * 1024 * 1024)
    content = ('{"text": "Grow revenue"' + padding + "}").encode()
    assert_envelope(client.post(CHECK, content=content, headers=JSON), 413, "payload_too_large")
    assert client.get("/api/v1/health").status_code == 200


def test_oversized_chunked_body_is_refused(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "Grow revenue"'
        for _ in range(48):
            yield b" " * (1024 * 1024)
        yield b"}"

    assert_envelope(client.post(CHECK, content=chunks(), headers=JSON), 413, "payload_too_large")
    assert client.get("/api/v1/health").status_code == 200


# --- load: 400 checks from 20 concurrent clients -----------------------------------------

SUBJECTS = ["qualified leads", "NPS", "p95 latency", "test coverage", "trial conversions"]


def _goal(number: int) -> str:
    subject = SUBJECTS[number % len(SUBJECTS)]
    return f"Raise {subject} by {number % 40 + 5}% by the end of Q{number % 4 + 1} 2027"


async def _client_run(base_url: str, first: int, count: int) -> list[tuple[int, str, str]]:
    async with httpx.AsyncClient(base_url=base_url, timeout=120.0) as http:
        answers = []
        for number in range(first, first + count):
            text = _goal(number)
            response = await http.post(CHECK, json={"text": text, "reference_date": REFERENCE})
            answers.append((response.status_code, text, response.json().get("text", "")))
        return answers


async def _load(base_url: str, clients: int, per_client: int) -> list[tuple[int, str, str]]:
    runs = [_client_run(base_url, i * per_client, per_client) for i in range(clients)]
    return [answer for run in await asyncio.gather(*runs) for answer in run]


def test_concurrent_clients_all_succeed(server: LiveServer) -> None:
    answers = asyncio.run(_load(server.url, clients=20, per_client=20))
    assert len(answers) == 400
    assert all(status == 200 for status, _, _ in answers)
    assert all(sent == echoed for _, sent, echoed in answers)


# --- team reports --------------------------------------------------------------------------

REPORTS = "/api/v1/reports"
TEAM_CSV = (
    "Owner;Objective;Team\n"
    "Maya;Grow self-serve signups by 30% by June 30, 2027 to fund the mobile launch;Growth\n"
    "Tomás;=HYPERLINK(\"http://x.example\",\"Improve morale\");People\n"
    "Maya;Cut the average build time to under 8 minutes by the end of Q1 2027;Platform\n"
).encode("cp1252")


def test_report_answers_in_json(client: httpx.Client) -> None:
    response = client.post(REPORTS, files={"file": ("team.csv", TEAM_CSV, "text/csv")},
                           data={"reference_date": REFERENCE})
    assert response.status_code == 200, response.text
    report = response.json()
    assert [goal["owner"] for goal in report["goals"]] == ["Maya", "Tomás", "Maya"]
    assert report["goals"][0]["analysis"]["components"]["deadline"]["value"]["date"] == "2027-06-30"
    assert report["summary"]["goals"] == 3
    assert {owner["owner"] for owner in report["summary"]["owners"]} == {"Maya", "Tomás"}


def test_report_downloads_as_safe_csv(client: httpx.Client) -> None:
    response = client.post(REPORTS, params={"format": "csv"},
                           files={"file": ("team.csv", TEAM_CSV, "text/csv")})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Owner", "Objective", "Team"]
    assert len(rows) == 4
    assert rows[2][1].startswith("'=")


def test_report_readsxlsx_bytes(client: httpx.Client) -> None:
    data = xlsx_bytes([["Goal", "Owner"], ["Publish 6 customer case studies by May 2027", "Ade"]])
    response = client.post(REPORTS, files={"file": ("team.xlsx", data)})
    assert response.status_code == 200, response.text
    assert response.json()["goals"][0]["owner"] == "Ade"


def _rows_csv(count: int) -> bytes:
    return ("goal\n" + "Answer every ticket within a day\n" * count).encode()


BAD_UPLOADS = [
    ("binary-file", {"file": ("team.csv", bytes(range(256)) * 64)}, {}, 422, None),
    ("empty-file", {"file": ("team.csv", b"")}, {}, 422, "empty_file"),
    ("header-only-blank", {"file": ("team.csv", b"\n\n  \n")}, {}, 422, "empty_file"),
    ("no-goal-column", {"file": ("team.csv", b"name,team\nAda,Core\n")}, {}, 422,
     "no_goal_column"),
    ("named-column-missing", {"file": ("team.csv", b"goal\nShip it\n")},
     {"goal_column": "Objective"}, 422, "no_goal_column"),
    ("broken-xlsx", {"file": ("team.xlsx", b"PK\x03\x04" + b"\x00" * 300)}, {}, 422,
     "invalid_file"),
    ("legacy-xls", {"file": ("team.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 300)},
     {}, 422, "invalid_file"),
    ("over-size-file", {"file": ("team.csv", b"goal\n" + b"Grow revenue by 5%\n" * 300_000)},
     {}, 413, "payload_too_large"),
    ("too-many-rows", {"file": ("team.csv", _rows_csv(10_001))}, {}, 413, "too_many_rows"),
    # A file part under any other name is refused (issue 16: one file part per upload).
    ("no-file-field", {"notes": ("notes.txt", b"goal\nShip it\n")}, {}, 400, "malformed_body"),
    ("bad-fiscal-month", {"file": ("team.csv", b"goal\nShip it\n")},
     {"fiscal_year_start": "13"}, 422, "validation_error"),
    ("rules-not-json", {"file": ("team.csv", b"goal\nShip it\n")}, {"rules": "{off"}, 422,
     "validation_error"),
    ("bad-reference-date", {"file": ("team.csv", b"goal\nShip it\n")},
     {"reference_date": "31/12/2026"}, 422, "validation_error"),
]


@pytest.mark.parametrize(
    ("files", "data", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_UPLOADS],
)
def test_bad_upload_is_refused(
    client: httpx.Client, files: dict[str, Any], data: dict[str, str], status: int,
    code: str | None,
) -> None:
    assert_envelope(client.post(REPORTS, files=files, data=data), status, code)
    assert client.get("/api/v1/health").status_code == 200


@pytest.mark.parametrize(
    ("content", "headers", "status", "code"),
    [
        pytest.param(b'{"file": "goal\\nShip it"}', JSON, 415, "unsupported_media_type",
                     id="json-instead-of-upload"),
        pytest.param(b"--x\r\nbroken", {"content-type": "multipart/form-data; boundary=x"},
                     422, "validation_error", id="truncated-multipart"),
        pytest.param(b"goal\nShip it\n", {"content-type": "multipart/form-data"}, 400,
                     "malformed_body", id="multipart-without-boundary"),
    ],
)
def test_bad_report_body_is_refused(
    client: httpx.Client, content: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    assert_envelope(client.post(REPORTS, content=content, headers=headers), status, code)
    assert client.get("/api/v1/health").status_code == 200


def test_unknown_report_format_is_refused(client: httpx.Client) -> None:
    response = client.post(REPORTS, params={"format": "xml"},
                           files={"file": ("team.csv", b"goal\nShip it\n")})
    assert_envelope(response, 422, "validation_error")
