from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_server import LiveServer, running_server
from databases import PostgresServer, start_postgres
from spacy.language import Language

from assistant.pipeline import get_nlp

SHARED_GOALS = Path(__file__).resolve().parents[1].parent / "shared" / "goals"
DEV_SET = SHARED_GOALS / "dev.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return get_nlp()


@pytest.fixture(scope="session")
def dev_records() -> list[dict]:
    if not DEV_SET.exists():
        pytest.skip(f"gold dev set not found at {DEV_SET} (it lives in ../shared/goals/)")
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test session (never a mock), stopped at the end."""
    server = start_postgres()
    if isinstance(server, str):
        pytest.skip(f"no PostgreSQL server could be started: {server}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty history database: a SQLite file, then a PostgreSQL database."""
    from history.store import close_stores

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'history.db'}"
        close_stores()
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        close_stores()
        server.drop_database(name)


# A live API server per test module that asks for one (uvicorn over HTTP), and a client of it.
@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with running_server() as live:
        yield live


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60.0) as http:
        yield http
