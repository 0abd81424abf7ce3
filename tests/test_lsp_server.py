"""`goalsmith lsp` driven over stdio by a JSON-RPC client: diagnostics on the right UTF-16
ranges, quick fixes that remove what they fix, updates on change and on new settings, hover,
and a clean shutdown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from lsp_client import LspClient, apply_edit, running_lsp, utf16_slice

pytestmark = pytest.mark.server

SETTINGS = {"goalsmith": {"referenceDate": "2026-11-27", "dateOrder": "MDY"}}
GOALS = (
    "# Q1 goals\n"
    "- 🚀 Try to close some deals by March 31, 2027 to fund the EMEA hires\n"
    "Meeting notes from Tuesday\n"
    "* Zoë: grow NRR to 110% by Q3 😀 so that renewals fund hiring\n"
)


def initialize(
    client: LspClient, options: Any = SETTINGS, capabilities: dict[str, Any] | None = None
) -> Any:
    result = client.request("initialize", {
        "processId": None, "rootUri": None, "capabilities": capabilities or {},
        "initializationOptions": options,
    })
    client.notify("initialized", {})
    return result


@pytest.fixture(scope="module")
def client() -> Iterator[LspClient]:
    with running_lsp() as lsp:
        initialize(lsp)
        yield lsp


def open_document(client: LspClient, uri: str, text: str) -> list[dict[str, Any]]:
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    return client.diagnostics(uri, 1)


def change(client: LspClient, uri: str, version: int, change: dict[str, Any]) -> list[Any]:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
    return client.diagnostics(uri, version)


def flagged(text: str, diagnostics: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(rule id, covered text) of each diagnostic, read with UTF-16 columns."""
    lines = text.split("\n")
    found = set()
    for diagnostic in diagnostics:
        start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
        assert start["line"] == end["line"]
        covered = utf16_slice(lines[start["line"]], start["character"], end["character"])
        found.add((diagnostic["code"], covered))
    return found


def test_initialize_announces_the_features() -> None:
    with running_lsp() as lsp:
        result = initialize(lsp)
    capabilities = result["capabilities"]
    assert result["serverInfo"]["name"] == "goalsmith"
    assert capabilities["hoverProvider"]
    assert capabilities["codeActionProvider"]
    assert capabilities.get("positionEncoding", "utf-16") == "utf-16"


def test_diagnostics_cover_the_flagged_words_in_utf16(client: LspClient) -> None:
    uri = "file:///tmp/team.md"
    diagnostics = open_document(client, uri, GOALS)
    found = flagged(GOALS, diagnostics)
    assert {("vague.hedge", "Try to"), ("vague.quantifier", "some")} <= found
    goal = "Zoë: grow NRR to 110% by Q3 😀 so that renewals fund hiring"
    assert {code for code, covered in found if covered == goal} <= {"achievable.unknown"}
    assert {diagnostic["range"]["start"]["line"] for diagnostic in diagnostics} <= {1, 3}
    hedge = next(d for d in diagnostics if d["code"] == "vague.hedge")
    assert hedge["range"]["start"] == {"line": 1, "character": 5}  # "- 🚀 " is 5 UTF-16 units
    assert (hedge["severity"], hedge["source"]) == (2, "goalsmith")
    assert any(d["code"] == "target.missing" and d["severity"] == 1 for d in diagnostics)


def test_quick_fix_applied_removes_its_diagnostic(client: LspClient) -> None:
    uri = "file:///tmp/fix.goals"
    text = "😀 Try to close 5 deals by March 31, 2027 to fund the EMEA hires"
    diagnostics = open_document(client, uri, text)
    hedge = next(d for d in diagnostics if d["code"] == "vague.hedge")
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": hedge["range"],
        "context": {"diagnostics": [hedge]},
    })
    fix = next(a for a in actions if a["diagnostics"][0]["code"] == "vague.hedge")
    assert fix["kind"] == "quickfix"
    (edit,) = fix["edit"]["changes"][uri]
    fixed = apply_edit(text, edit)
    assert "Try to" not in fixed
    after = change(client, uri, 2, {"range": edit["range"], "text": edit["newText"]})
    assert "vague.hedge" not in {d["code"] for d in after}


def test_rewrite_is_offered_for_a_missing_part(client: LspClient) -> None:
    uri = "file:///tmp/rewrite.txt"
    text = "Grow NRR to 110% by Q3"
    diagnostics = open_document(client, uri, text)
    missing = next(d for d in diagnostics if d["code"] == "relevance.missing")
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": missing["range"],
        "context": {"diagnostics": [missing]},
    })
    rewrites = [a for a in actions if a["title"].startswith("Rewrite the goal")]
    assert rewrites
    (edit,) = rewrites[0]["edit"]["changes"][uri]
    assert "[relevance]" in apply_edit(text, edit)


def test_did_change_updates_the_diagnostics(client: LspClient) -> None:
    uri = "file:///tmp/change.md"
    before = open_document(client, uri, "Work on some pipeline stuff")
    assert "vague.weak_verb" in {d["code"] for d in before}
    text = "Close 12 enterprise deals by March 31, 2027 to fund the EMEA hires"
    after = change(client, uri, 2, {"text": text})
    codes = {d["code"] for d in after}
    assert not codes & {"vague.weak_verb", "vague.quantifier", "target.missing"}


def test_hover_shows_the_checklist_and_score(client: LspClient) -> None:
    uri = "file:///tmp/hover.md"
    open_document(client, uri, GOALS)
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}})
    text = hover["contents"]["value"]
    assert "/100" in text
    assert all(label in text for label in ("Specific", "Measurable", "Time-bound"))
    nothing = client.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": 2, "character": 3}})
    assert nothing is None


def test_configuration_change_switches_rules_off(client: LspClient) -> None:
    uri = "file:///tmp/config.md"
    before = open_document(client, uri, "Try to close some deals by March 31, 2027")
    assert "vague.quantifier" in {d["code"] for d in before}
    client.notify("workspace/didChangeConfiguration", {"settings": {"goalsmith": {
        **SETTINGS["goalsmith"], "rules": {"vague.quantifier": "off"}}}})
    after = client.diagnostics(uri)
    assert "vague.quantifier" not in {d["code"] for d in after}
    assert "vague.hedge" in {d["code"] for d in after}
    client.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
    client.diagnostics(uri)


def test_other_file_types_get_no_diagnostics(client: LspClient) -> None:
    assert open_document(client, "file:///tmp/notes.py", "Try to close some deals") == []


def test_utf8_positions_when_the_client_asks_and_bad_settings_are_shown() -> None:
    with running_lsp() as lsp:
        result = initialize(lsp, {"goalsmith": {"referenceDate": "soon"}},
                            {"general": {"positionEncodings": ["utf-8"]}})
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        shown = lsp.wait_for("window/showMessage", lambda p: "reference_date" in p["message"])
        assert shown["type"] == 1  # error
        text = "🚀 Try to close 5 deals by March 31, 2027 to fund the EMEA hires"
        diagnostics = open_document(lsp, "file:///tmp/utf8.goals", text)
    hedge = next(d for d in diagnostics if d["code"] == "vague.hedge")
    assert hedge["range"]["start"]["character"] == len("🚀 ".encode())


def test_shutdown_and_exit_are_clean() -> None:
    with running_lsp() as lsp:
        initialize(lsp)
        assert lsp.request("shutdown", None) is None
        lsp.notify("exit", None)
        assert lsp.process.wait(timeout=30) == 0
