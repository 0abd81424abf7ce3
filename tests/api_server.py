"""Start the real app under uvicorn in a subprocess, for tests that talk HTTP to it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import anyio
import httpx

from api.app import create_app
from api.settings import ApiSettings

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
HEALTH = "/api/v1/health"
UVICORN = (sys.executable, "-m", "uvicorn", "api.app:app")
GOALSMITH_SERVE = (sys.executable, "-m", "assistant.cli", "serve")
# Loading the language pipeline on a busy two-core machine can take a while.
START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class LiveServer:
    """A running server: where to reach it and where its output goes."""

    url: str
    log: Path
    pid: int

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_healthy(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(base_url + HEALTH, timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise RuntimeError(
        f"uvicorn did not answer {HEALTH} in {START_TIMEOUT_S:.0f}s:\n{log.read_text()}"
    )


@contextmanager
def running_server(
    env: Mapping[str, str] | None = None, *, command: Sequence[str] = UVICORN,
    drop: Sequence[str] = (),
) -> Iterator[LiveServer]:
    """Run the server (`uvicorn api.app:app`, or `command`) on a free local port until the
    block ends, with `env` over this process's environment less the variables in `drop`;
    its access log is on, so tests can read exactly what the server writes."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    argv = [*command, "--host", "127.0.0.1", "--port", str(port)]
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "uvicorn.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                argv, cwd=ROOT,
                env={**{k: v for k, v in os.environ.items() if k not in drop}, **(env or {})},
                stdout=out, stderr=subprocess.STDOUT,
            )
            try:
                wait_until_healthy(base_url, process, log)
                yield LiveServer(url=base_url, log=log, pid=process.pid)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def run_in_app(settings: ApiSettings, calls: Callable[[httpx.AsyncClient], Awaitable[T]]) -> T:
    """`calls` against the app in this process, with its lifespan (analysis workers) running,
    over httpx's ASGI transport."""

    async def main() -> T:
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://app.test",
                                         timeout=120) as client:
                return await calls(client)

    # A thread of its own: Playwright's sync API may hold an event loop on the main thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, main).result()
