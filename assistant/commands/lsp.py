"""`goalsmith lsp`: the language server over stdio (the server lives in `editors.server`)."""

from __future__ import annotations

import argparse

from .common import add_analysis_options, options_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lsp",
        help="run the language server over stdio (for VS Code, Neovim, Helix, ...)",
        description="Run a Language Server Protocol server on standard input and output. "
        "Every goal line of the configured files gets diagnostics, hover and quick fixes. "
        "The flags are defaults; the client's settings (initializationOptions, "
        "workspace/didChangeConfiguration: referenceDate, dateOrder, fiscalYearStart, rules, "
        "fileTypes) override them.",
    )
    parser.add_argument("--stdio", action="store_true",
                        help="accepted for clients that pass it; stdio is the only transport")
    parser.add_argument("--file-types", metavar="GLOBS",
                        help="comma-separated file name patterns to check "
                        "(default: *.goals,*.md,*.txt)")
    add_analysis_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: pygls is only needed by this command.
    from editors.lsp import EditorSettings
    from editors.server import serve_stdio

    settings = EditorSettings(options=options_from(args))
    if args.file_types:
        patterns = tuple(t.strip() for t in args.file_types.split(",") if t.strip())
        settings = EditorSettings(options=settings.options, file_types=patterns)
    serve_stdio(settings)
    return 0
