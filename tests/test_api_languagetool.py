"""LanguageTool's protocol (`POST /v2/check`, `GET /v2/languages`) over real HTTP: answers
validate against a schema written from LanguageTool's documentation, and offsets count
UTF-16 code units as LanguageTool's (Java) do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from assistant import MAX_BATCH_GOALS, MAX_TEXT_CHARS

pytestmark = pytest.mark.server

CHECK = "/v2/check"
SCHEMAS = Path(__file__).parent / "schemas"
REFERENCE = "2026-11-27"
TWO_GOALS = (
    "Try to close some deals by March 31, 2027 to fund the EMEA team\n"
    "Hopefully sign more resellers by June 30, 2027 to grow the channel"
)
EMOJI_AND_ACCENTS = (
    "Café résumé notes, naïve draft\r\n"
    "- Try to book some demos by Q1 2027 🎯 so that the team hits plan\r\n\r\n"
    "😀😀 Hopefully sign more resellers by June 30, 2027 to grow the channel"
)
LIST_WITH_EMOJI = (
    "1. Zoë’s team: improve NPS a lot by 31/03/2027 🙌\n"
    "2. Work on onboarding stuff etc. by end of Q2"
)


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def check(client: httpx.Client, text: str, **fields: str) -> dict[str, Any]:
    form = {"text": text, "language": "en-US", "referenceDate": REFERENCE, **fields}
    response = client.post(CHECK, data=form)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def utf16_slice(text: str, offset: int, length: int) -> str:
    """What a Java client gets from text.substring(offset, offset + length)."""
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def flagged(text: str, body: dict[str, Any]) -> set[tuple[str, str]]:
    """(rule id, covered text) of every match, read with UTF-16 offsets; the blanks a deletion
    takes with it (editors.document.shared_edit) are not part of the words it covers."""
    return {(m["rule"]["id"], utf16_slice(text, m["offset"], m["length"]).strip())
            for m in body["matches"]}


def assert_envelope(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


# --- the protocol -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(TWO_GOALS, id="two-goals"),
        pytest.param(EMOJI_AND_ACCENTS, id="emoji-accents-crlf"),
        pytest.param(LIST_WITH_EMOJI, id="numbered-list"),
        pytest.param("Meeting notes from Tuesday", id="no-goal"),
    ],
)
def test_answer_validates_against_languagetool_schema(client: httpx.Client, text: str) -> None:
    body = check(client, text, level="picky")
    jsonschema.validate(body, schema("languagetool-check.json"))
    assert body["software"]["name"] == "Goalsmith"


def test_two_goal_text_points_at_flagged_words(client: httpx.Client) -> None:
    body = check(client, TWO_GOALS)
    assert {
        ("vague.hedge", "Try to"), ("vague.quantifier", "some"),
        ("vague.hedge", "Hopefully"), ("vague.comparative", "more"),
    } <= flagged(TWO_GOALS, body)
    hedge = next(m for m in body["matches"] if m["rule"]["id"] == "vague.hedge")
    assert hedge["sentence"] == TWO_GOALS.splitlines()[0]
    assert hedge["context"]["text"][hedge["context"]["offset"]:][:6] == "Try to"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            EMOJI_AND_ACCENTS,
            {("vague.hedge", "Try to"), ("vague.quantifier", "some"),
             ("vague.hedge", "Hopefully"), ("vague.comparative", "more")},
            id="emoji-before-words-and-accents",
        ),
        pytest.param(
            LIST_WITH_EMOJI,
            {("vague.weak_verb", "improve"), ("vague.quantifier", "a lot"),
             ("vague.weak_verb", "Work on"), ("vague.filler", "stuff")},
            id="emoji-ends-first-goal",
        ),
        pytest.param(
            "🚀🚀 Try to close some deals by March 31, 2027 to fund the EMEA team",
            {("vague.hedge", "Try to"), ("vague.quantifier", "some")},
            id="emoji-opens-goal",
        ),
    ],
)
def test_offsets_count_utf16_code_units(
    client: httpx.Client, text: str, expected: set[tuple[str, str]]
) -> None:
    body = check(client, text, level="picky")
    assert expected <= flagged(text, body)


@pytest.mark.parametrize(
    "text", [pytest.param(EMOJI_AND_ACCENTS, id="emoji"), pytest.param(LIST_WITH_EMOJI, id="list")]
)
def test_missing_parts_cover_the_whole_goal_with_a_rewrite(client: httpx.Client, text: str) -> None:
    body = check(client, text)
    missing = [m for m in body["matches"] if m["rule"]["id"].endswith(".missing")]
    assert missing
    for match in missing:
        assert utf16_slice(text, match["offset"], match["length"]) == match["sentence"]
        assert match["rule"]["issueType"] == "omission"
        assert all("[" in r["value"] for r in match["replacements"])


def test_lines_that_are_no_goals_give_no_matches(client: httpx.Client) -> None:
    body = check(client, "Meeting notes from Tuesday\n\n# Q1 goals\n\nCafé résumé, naïve draft\n")
    assert body["matches"] == []


@pytest.mark.parametrize(
    ("fields", "gone", "kept"),
    [
        pytest.param({"disabledRules": "vague.hedge,MORFOLOGIK_RULE_EN_US"}, {"vague.hedge"},
                     {"vague.quantifier", "target.missing"}, id="disabled-rule"),
        pytest.param({"disabledCategories": "GOAL_VAGUE"}, {"vague.hedge", "vague.quantifier"},
                     {"target.missing"}, id="disabled-category"),
        pytest.param({"enabledRules": "vague.hedge", "enabledOnly": "true"},
                     {"vague.quantifier", "target.missing"}, {"vague.hedge"}, id="enabled-only"),
    ],
)
def test_rule_lists_are_honoured(
    client: httpx.Client, fields: dict[str, str], gone: set[str], kept: set[str]
) -> None:
    text = "Try to close some deals by March 31, 2027"
    assert gone | kept <= {m["rule"]["id"] for m in check(client, text)["matches"]}
    ids = {m["rule"]["id"] for m in check(client, text, **fields)["matches"]}
    assert not gone & ids
    assert kept <= ids


def test_hints_only_when_picky(client: httpx.Client) -> None:
    text = "Reach 45 active resellers by June 30, 2027 to grow the channel"
    assert "achievable.unknown" not in {m["rule"]["id"] for m in check(client, text)["matches"]}
    picky = check(client, text, level="picky")["matches"]
    hint = next(m for m in picky if m["rule"]["id"] == "achievable.unknown")
    assert hint["type"]["typeName"] == "Hint"


def test_data_annotation_offsets_count_the_markup(client: httpx.Client) -> None:
    parts = [
        {"markup": "<p>"}, {"text": "Try to close "}, {"markup": "<b>"}, {"text": "some"},
        {"markup": "</b>"}, {"text": " deals by March 31, 2027 🚀"},
        {"markup": "</p><p>", "interpretAs": "\n\n"}, {"text": "Hopefully sign 3 resellers"},
        {"markup": "</p>"},
    ]
    original = "".join(part.get("text") or part.get("markup", "") for part in parts)
    response = client.post(CHECK, data={"data": json.dumps({"annotation": parts}),
                                        "language": "en-US", "referenceDate": REFERENCE})
    assert response.status_code == 200, response.text
    found = flagged(original, response.json())
    assert {("vague.hedge", "Try to"), ("vague.quantifier", "some"),
            ("vague.hedge", "Hopefully")} <= found


def test_languages_validate_and_need_no_key(client: httpx.Client) -> None:
    response = client.get("/v2/languages")
    assert response.status_code == 200
    jsonschema.validate(response.json(), schema("languagetool-languages.json"))
    assert {"en-US", "en-GB"} <= {entry["longCode"] for entry in response.json()}


def test_openapi_documents_the_match_fields(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    match = spec["components"]["schemas"]["Match"]["properties"]
    assert "UTF-16" in match["offset"]["description"]


@pytest.mark.parametrize(
    ("path", "method", "schema_name"),
    [
        pytest.param(CHECK, "post", "languagetool-check.json", id="check"),
        pytest.param("/v2/languages", "get", "languagetool-languages.json", id="languages"),
    ],
)
def test_openapi_example_is_a_valid_answer(
    client: httpx.Client, path: str, method: str, schema_name: str
) -> None:
    operation = client.get("/openapi.json").json()["paths"][path][method]
    assert operation.get("description")
    example = operation["responses"]["200"]["content"]["application/json"]["example"]
    jsonschema.validate(example, schema(schema_name))


# --- limits and errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "status", "code"),
    [
        pytest.param({"language": "en-US"}, 422, "invalid_option", id="no-text-no-data"),
        pytest.param({"text": "Close 5 deals", "language": "de-DE"}, 422, "invalid_option",
                     id="not-english"),
        pytest.param({"text": "x" * (MAX_TEXT_CHARS + 1)}, 413, "text_too_long",
                     id="line-too-long"),
        pytest.param({"text": "Close 5 deals\n" * (MAX_BATCH_GOALS + 1)}, 413, "too_many_rows",
                     id="too-many-goal-lines"),
        pytest.param({"text": "Close 5 deals\x07 by May"}, 422, "invalid_characters",
                     id="control-character"),
        pytest.param({"data": "{not json"}, 422, "validation_error", id="data-not-json"),
        pytest.param({"data": '{"annotation": [{"text": "a", "markup": "b"}]}'}, 422,
                     "validation_error", id="part-text-and-markup"),
        pytest.param({"text": "Close 5 deals", "referenceDate": "27/11/2026"}, 422,
                     "invalid_option", id="bad-reference-date"),
    ],
)
def test_bad_request_is_refused(
    client: httpx.Client, form: dict[str, str], status: int, code: str
) -> None:
    assert_envelope(client.post(CHECK, data=form), status, code)


def test_json_body_is_refused(client: httpx.Client) -> None:
    response = client.post(CHECK, json={"text": "Close 5 deals"})
    assert_envelope(response, 415, "unsupported_media_type")


def test_line_error_names_the_line(client: httpx.Client) -> None:
    response = client.post(CHECK, data={"text": "Close 5 deals\n\n" + "y" * (MAX_TEXT_CHARS + 1)})
    assert_envelope(response, 413, "text_too_long")
    assert response.json()["error"]["details"] == {"line": 3}
