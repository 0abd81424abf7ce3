"""Real databases for the history tests: a SQLite file per test, and a PostgreSQL server that
the test session starts in a temporary folder (the system's `initdb`/`pg_ctl`, else the
`pgserver` package) and stops at the end. Each test gets a fresh PostgreSQL database."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

# PostgreSQL refuses to run as root; the tests then start it as this unprivileged user.
UNPRIVILEGED_USER = "nobody"
SUPERUSER = "postgres"
START_TIMEOUT_S = 120


@dataclass
class PostgresServer:
    """A running PostgreSQL server reachable on a Unix socket in `socket_dir`."""

    socket_dir: Path
    stop_server: contextlib.ExitStack
    names: Iterator[int] = field(default_factory=itertools.count)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname="postgres",
                               autocommit=True)

    def create_database(self) -> str:
        name = f"goalsmith_test_{os.getpid()}_{next(self.names)}"
        with self._admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.stop_server.close()


def _as_unprivileged(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", UNPRIVILEGED_USER, "--", *argv]


def start_system_postgres() -> PostgresServer:
    """initdb + pg_ctl in a fresh temporary folder; the socket lives in that folder and TCP
    is off, so concurrent test sessions never meet."""
    folder = Path(tempfile.mkdtemp(prefix="goalsmith-pg-"))
    stack = contextlib.ExitStack()
    stack.callback(shutil.rmtree, folder, ignore_errors=True)
    if os.geteuid() == 0:
        shutil.chown(folder, UNPRIVILEGED_USER)
    data = folder / "data"
    run = functools.partial(_run, folder)
    options = f"-k {folder} -c listen_addresses='' -F"
    try:
        run(["initdb", "-D", str(data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8"])
        run(["pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
             "-t", str(START_TIMEOUT_S), "start"])
    except BaseException:
        stack.close()  # the folder goes again when the server does not start
        raise
    stack.callback(run, ["pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"])
    return PostgresServer(folder, stack)


def _run(folder: Path, argv: list[str]) -> None:
    subprocess.run(_as_unprivileged(argv), cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start_pgserver() -> PostgresServer:
    """The `pgserver` package's bundled PostgreSQL, for machines without one installed."""
    import pgserver  # only where the system has no PostgreSQL of its own

    folder = Path(tempfile.mkdtemp(prefix="goalsmith-pgserver-"))
    server = pgserver.get_server(folder, cleanup_mode="delete")
    stack = contextlib.ExitStack()
    stack.callback(server.cleanup)
    return PostgresServer(Path(server.get_postmaster_info().socket_dir), stack)


def start_postgres() -> PostgresServer | str:
    """A running server, or why none could be started."""
    reasons = []
    if shutil.which("pg_ctl") and shutil.which("initdb"):
        try:
            return start_system_postgres()
        except (OSError, subprocess.CalledProcessError) as exc:
            reasons.append(f"pg_ctl failed: {_why(exc)}")
    else:
        reasons.append("no initdb/pg_ctl on PATH")
    try:
        return start_pgserver()
    except Exception as exc:  # any failure here means "no server", reported in the skip
        reasons.append(f"pgserver failed: {_why(exc)}")
    return "; ".join(reasons)


def _why(exc: BaseException) -> str:
    if isinstance(exc, subprocess.CalledProcessError) and exc.stderr:
        return exc.stderr.decode(errors="replace").strip()[-300:]
    return f"{type(exc).__name__}: {exc}"
