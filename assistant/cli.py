"""The `goalsmith` command line: one module per subcommand in `assistant.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import GoalsmithError

# Each module exposes `register(subparsers)`, which adds its parser and sets `func`.
COMMAND_MODULES = (
    "assistant.commands.check",
    "assistant.commands.evaluate",
    "assistant.commands.bulk",
    "assistant.commands.serve",
    "assistant.commands.lsp",
    "assistant.commands.rules",
    "assistant.commands.train",
    "assistant.commands.history",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goalsmith", description="Check draft goals for metric, target, deadline, relevance."
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GoalsmithError as exc:
        print(f"goalsmith: error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
