"""The `goalsmith check` command end to end, as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOALSMITH = [sys.executable, "-m", "assistant.cli"]
REF = ["--reference-date", "2026-11-27"]


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*GOALSMITH, *args], input=stdin, capture_output=True, timeout=120,
                          check=False)


def test_check_text_marks_components() -> None:
    result = run(["check", "Close 12 deals by March 31, 2027 to support the EMEA plan.", *REF])
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "[metric: deals]" in out and "[target: 12]" in out
    assert "2027-03-31" in out


def test_check_json_is_one_goal_analysis() -> None:
    result = run(["check", "--json", "Book 20 demos within 30 days.", *REF])
    analysis = json.loads(result.stdout)
    assert analysis["components"]["deadline"]["value"]["date"] == "2026-12-27"
    assert set(analysis) >= {"text", "components", "vague", "findings", "smart", "score"}


def test_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [b'{"id": 1, "text": "Close 5 deals by Friday."}', b"not json",
             b'{"id": 3, "text": "  "}', b'{"id": 4, "text": "\xff\xfe bad bytes"}',
             b'{"id": 5, "text": "Grow ARR by 10%.", "reference_date": "2027-01-01"}']
    source = tmp_path / "goals.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    result = run(["check", "--jsonl", str(source), *REF])
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 1
    assert [r.get("id") for r in records] == [1, None, 3, None, 5]
    assert [("analysis" in r) for r in records] == [True, False, False, False, True]
    assert records[1]["error"]["line"] == 2
    assert records[2]["error"]["code"] == "empty_text"
    assert records[3]["error"]["code"] == "invalid_encoding"
    assert records[4]["analysis"]["reference_date"] == "2027-01-01"


def test_jsonl_from_stdin() -> None:
    result = run(["check", "--jsonl", "-", *REF], stdin=b'{"id": "a", "text": "Hit 40 calls."}\n')
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "a"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "   "], "empty"),
        (["check", "x" * 5001], "limit is 5,000"),
        (["check", "Close 5 deals", "--reference-date", "2027-13-01"], "ISO date"),
        (["check", "--jsonl", "/nonexistent/goals.jsonl"], "cannot read"),
        (["eval", "/nonexistent/gold.jsonl"], "cannot read"),
    ],
    ids=["blank", "too-long", "bad-date", "missing-file", "missing-gold"],
)
def test_bad_input_is_a_clear_error(args: list[str], message: str) -> None:
    result = run(args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("own_date", [pytest.param(False, id="command-date"),
                                      pytest.param(True, id="line-own-date")])
def test_jsonl_no_model_gives_the_rules_confidences_on_every_line(own_date: bool) -> None:
    from assistant import analyze

    text = "Book 20 demos within 30 days to fill the Q1 pipeline."
    record = {"id": "a", "text": text, **({"reference_date": "2026-12-01"} if own_date else {})}
    result = run(["check", "--jsonl", "-", "--no-model", *REF],
                 stdin=json.dumps(record).encode() + b"\n")
    analysis = json.loads(result.stdout)["analysis"]
    rules_only = analyze(text, reference_date=analysis["reference_date"], use_model=False)
    with_model = analyze(text, reference_date=analysis["reference_date"])
    confidences = {name: part["confidence"] for name, part in analysis["components"].items()}
    expected = {name: getattr(rules_only.components, name).confidence for name in confidences}
    learned = {name: getattr(with_model.components, name).confidence for name in confidences}
    assert confidences == expected != learned
    assert analysis["reference_date"] == ("2026-12-01" if own_date else "2026-11-27")
