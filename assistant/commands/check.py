"""`goalsmith check`: one goal as readable text or JSON, or many as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..analysis import BATCH_SIZE, analyze_doc
from ..errors import GoalsmithError, InputError
from ..iterate import batched
from ..options import Options, check_text, make_options
from ..pipeline import get_nlp
from ..render import render_text
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
    doc = get_nlp()(check_text(args.text))
    analysis = analyze_doc(doc, options)
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
    """Analyse the lines batch by batch through nlp.pipe, one output line per input line in
    order; a bad line gets an error record in its place and the exit code is 1 at the end."""
    failed = False
    for batch in batched(_parse_lines(lines, options), BATCH_SIZE):
        valid = [item for item in batch if "error" not in item]
        docs = iter(get_nlp().pipe(item["text"] for item in valid))
        for item in batch:
            if "error" in item:
                failed = True
                _write(item)
            else:
                analysis = analyze_doc(next(docs), item["options"])
                _write({"id": item["id"], "analysis": analysis.model_dump(mode="json")})
    return 1 if failed else 0


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
        item_options = options if reference is None else make_options(
            reference_date=reference, date_order=options.date_order,
            fiscal_year_start=options.fiscal_year_start)
        return {"id": record_id, "text": check_text(record.get("text")), "options": item_options}
    except json.JSONDecodeError as exc:
        error = {"code": "invalid_json", "message": f"not JSON: {exc.msg}", "line": number}
    except GoalsmithError as exc:
        error = {"code": exc.code, "message": exc.message, "line": number}
    return {"id": record_id, "error": error}
