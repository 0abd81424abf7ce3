"""Serving: `goalsmith serve` answers, and the server keeps answering when an analysis
worker process dies."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_server import GOALSMITH_SERVE, LiveServer, running_server

pytestmark = pytest.mark.server

WORKERS = 2


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    env = {"GOALSMITH_ANALYSIS_PROCESSES": str(WORKERS)}
    with running_server(env, command=GOALSMITH_SERVE) as live:
        yield live


def test_goalsmith_serve_answers_checks(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/api/v1/check", timeout=60.0,
                          json={"text": "Renew 90% of expiring contracts by Q2 2027"})
    assert response.status_code == 200
    assert response.json()["components"]["deadline"]["present"] is True


def worker_pids(server_pid: int) -> list[int]:
    """The server's spawned analysis processes (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    return [int(pid) for pid in children
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]


async def _checks(base_url: str, count: int) -> list[int]:
    async with httpx.AsyncClient(base_url=base_url, timeout=180.0) as http:
        calls = [http.post("/api/v1/check", json={"text": f"Onboard {n + 2} new suppliers by June"})
                 for n in range(count)]
        return [response.status_code for response in await asyncio.gather(*calls)]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_server_recovers_when_a_worker_dies(server: LiveServer) -> None:
    workers = worker_pids(server.pid)
    assert len(workers) == WORKERS
    os.kill(workers[0], signal.SIGKILL)
    assert asyncio.run(_checks(server.url, 8)) == [200] * 8
    assert httpx.get(f"{server.url}/api/v1/health").json()["pipeline_loaded"] is True
    assert workers[0] not in worker_pids(server.pid)
    assert "worker process died" in server.log_text()
