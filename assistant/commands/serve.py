"""`goalsmith serve`: the JSON API and the web pages, through uvicorn."""

from __future__ import annotations

import argparse

import uvicorn

from .common import positive_int

APP = "api.app:app"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the JSON API (/api/v1, docs at /docs) and the web pages",
        description="Serve the JSON API and the web pages. Settings come from GOALSMITH_* "
        "environment variables: GOALSMITH_API_KEY, GOALSMITH_CORS_ORIGINS (a JSON list), "
        "GOALSMITH_ANALYSIS_PROCESSES (default 2 worker processes; 0: threads of the "
        "server), GOALSMITH_ANALYSIS_TIMEOUT / BATCH_TIMEOUT / UPLOAD_TIMEOUT (seconds "
        "before an analysis is stopped), GOALSMITH_DOCS.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    parser.add_argument(
        "--workers", type=positive_int, default=1,
        help="HTTP server processes (default: %(default)s), each with its own analysis "
        "workers",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    uvicorn.run(APP, host=args.host, port=args.port, workers=args.workers, access_log=True)
    return 0
