"""`goalsmith eval`: score the detectors against gold-labelled goals."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis import check_many
from ..evaluation import GUIDELINE_REFERENCE_DATE, read_gold, score, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="score against gold records (GUIDELINE.md)")
    parser.add_argument("file", type=Path,
                        help="gold JSONL file, or a folder whose *.jsonl files are all read "
                             "(data/training, data/examples)")
    parser.add_argument("--reference-date", default=GUIDELINE_REFERENCE_DATE,
                        help="reference date of the gold dates (default: the guideline's)")
    parser.add_argument("--show-errors", action="store_true", help="list every disagreement")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    records = read_gold(args.file)
    analyses = check_many((r["text"] for r in records), reference_date=args.reference_date)
    scores = score(zip(records, analyses, strict=True))
    print(f"{len(records)} goals from {args.file}")
    for line in table(scores):
        print(line)
    if args.show_errors:
        print()
        for error in scores.errors:
            print(error)
    return 0
