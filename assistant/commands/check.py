"""`goalsmith check`: one goal as readable text or JSON, or many as JSON lines."""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from .. import (
    GoalsmithError,
    InputError,
    Options,
    check_batch,
    parse_reference_date,
    render_text,
)
from .common import add_analysis_options, options_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="check one goal, or many as JSON lines")
    parser.add_argument("text", nargs="?", help="the goal text (omit with --jsonl)")
    parser.add_argument("--json", action="store_true", help="print the GoalAnalysis as JSON")
    parser.add_argument("--jsonl", nargs="?", const="-", metavar="FILE",
                        help='read lines {"id", "text", "reference_date"?} from FILE or - (stdin)')
    add_analysis_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    if args.jsonl is not None:
        return _run_jsonl(args.jsonl, options)
    if args.text is None:
        raise InputError("give the goal text, or --jsonl FILE")
    [analysis] = check_batch([(args.text, options)])
    if isinstance(analysis, GoalsmithError):
        raise analysis
    if args.json:
        print(analysis.model_dump_json(indent=2))
    else:
        print(render_text(analysis))
    return 0


def _run_jsonl(path: str, options: Options) -> int:
    if path == "-":
        return _stream(sys.stdin.buffer, options)
    try:
        with open(path, "rb") as handle:
            return _stream(handle, options)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc


def _stream(lines: BinaryIO, options: Options) -> int:
    """Analyse the lines through the core's batch path, one output line per input line in
    order; a bad line gets an error record in its place and the exit code is 1 at the end."""
    failed = False
    parsed, pending = itertools.tee(_parse_lines(lines, options))
    outcomes = check_batch((i["text"], i["options"]) for i in parsed if "error" not in i)
    for item in pending:
        outcome = item if "error" in item else next(outcomes)
        if isinstance(outcome, GoalsmithError):
            outcome = {"id": item["id"], "error": _error(outcome, item["line"])}
        if isinstance(outcome, dict):
            failed = True
            _write(outcome)
        else:
            # the analysis serialised by pydantic itself (several times faster than a dict
            # dumped again by json)
            sys.stdout.write(f'{{"id": {json.dumps(item["id"], ensure_ascii=False)}, '
                             f'"analysis": {outcome.model_dump_json()}}}\n')
    return 1 if failed else 0


def _error(exc: GoalsmithError, line: int) -> dict:
    return {"code": exc.code, "message": exc.message, "line": line}


def _write(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _parse_lines(lines: BinaryIO, options: Options) -> Iterator[dict]:
    """Each line decoded on its own, so one badly encoded line loses nothing else."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            message = f"line is not UTF-8 ({exc.reason} at byte {exc.start})"
            yield {"id": None, "error": {"code": "invalid_encoding", "message": message,
                                         "line": number}}
            continue
        yield _parse_line(line, number, options)


def _parse_line(line: str, number: int, options: Options) -> dict:
    record_id = None
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise InputError("each line must be a JSON object")
        record_id = record.get("id")
        reference = record.get("reference_date")
        item_options = options if reference is None else dataclasses.replace(
            options, reference_date=parse_reference_date(reference))
        # The text is validated once, by check_batch; its error takes this line's place.
        return {"id": record_id, "text": record.get("text"), "options": item_options,
                "line": number}
    except json.JSONDecodeError as exc:
        error = {"code": "invalid_json", "message": f"not JSON: {exc.msg}", "line": number}
    except GoalsmithError as exc:
        error = _error(exc, number)
    return {"id": record_id, "error": error}
