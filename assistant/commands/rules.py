"""`goalsmith rules`: print the rule reference (Markdown; `make rules` writes docs/rules.md)."""

from __future__ import annotations

import argparse

from ..checks.reference import rule_reference


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="print the rule reference as Markdown")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(rule_reference(), end="")
    return 0
