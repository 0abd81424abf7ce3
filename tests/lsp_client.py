"""A small JSON-RPC client that drives `goalsmith lsp` over stdio, for the language server
tests: it frames messages with Content-Length headers, answers nothing, and collects the
server's notifications for the tests to wait on."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
COMMAND = (sys.executable, "-m", "assistant.cli", "lsp", "--stdio")
# Loading the language pipeline on a busy two-core machine can take a while.
TIMEOUT_S = 120.0

Message = dict[str, Any]


def read_message(stream: IO[bytes]) -> Message | None:
    """One framed message, or None at the end of the stream."""
    length = None
    while True:
        header = stream.readline()
        if not header:
            return None
        if header in (b"\r\n", b"\n"):
            break
        name, _, value = header.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    assert length is not None, "a message without Content-Length"
    loaded: Message = json.loads(stream.read(length).decode("utf-8"))
    return loaded


class LspClient:
    """Sends requests and notifications; the server's messages arrive on a reader thread."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.ids = itertools.count(1)
        self.incoming: queue.Queue[Message] = queue.Queue()
        self.responses: dict[int, Message] = {}
        self.notifications: list[Message] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while (message := read_message(self.process.stdout)) is not None:
            self.incoming.put(message)

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        """Send a request and wait for its result (an error response fails the test)."""
        number = next(self.ids)
        self.send({"id": number, "method": method, "params": params})
        self._pump_until(lambda: number in self.responses)
        response = self.responses.pop(number)
        assert "error" not in response, response["error"]
        return response.get("result")

    def wait_for(self, method: str, accept: Callable[[Any], bool]) -> Any:
        """The params of the first notification `method` (not yet taken) that `accept`s."""
        found: list[Any] = []

        def arrived() -> bool:
            for index, note in enumerate(self.notifications):
                if note.get("method") == method and accept(note.get("params")):
                    found.append(self.notifications.pop(index)["params"])
                    return True
            return False

        self._pump_until(arrived)
        return found[0]

    def diagnostics(self, uri: str, version: int | None = None) -> list[Message]:
        """The next diagnostics published for `uri` (for `version` when given)."""
        params = self.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
        )
        found: list[Message] = params["diagnostics"]
        return found

    def _pump_until(self, done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no answer from the server in {TIMEOUT_S:.0f}s")
            try:
                message = self.incoming.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                if self.process.poll() is not None:
                    code = self.process.returncode
                    raise RuntimeError(f"the server exited with {code}") from None
                continue
            if "id" in message and "method" not in message:
                self.responses[message["id"]] = message
            elif "method" in message:
                self.notifications.append(message)


@contextmanager
def running_lsp(command: Sequence[str] = COMMAND) -> Iterator[LspClient]:
    """`goalsmith lsp` in a subprocess until the block ends (killed if still running)."""
    process = subprocess.Popen(
        list(command), cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield LspClient(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def utf16_slice(line: str, start: int, end: int) -> str:
    """The characters of `line` between two UTF-16 columns (LSP's default unit)."""
    return line.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def apply_edit(text: str, edit: Message) -> str:
    """`text` after one LSP TextEdit (positions in UTF-16 units; lines split on \\n)."""
    lines = text.split("\n")

    def index(position: Message) -> int:
        line = lines[position["line"]]
        before = utf16_slice(line, 0, position["character"])
        return sum(len(earlier) + 1 for earlier in lines[: position["line"]]) + len(before)

    start, end = index(edit["range"]["start"]), index(edit["range"]["end"])
    return text[:start] + edit["newText"] + text[end:]
