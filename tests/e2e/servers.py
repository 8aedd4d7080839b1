"""Starting `python -m bot run` (what `make run` starts) for a test, and talking to it over HTTP."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bench.services import free_port
from bot.paths import ROOT

READY = "The assistant is running"


@dataclass
class Assistant:
    process: subprocess.Popen[str]
    rasa_port: int
    actions_port: int
    web_port: int

    @property
    def demo_url(self) -> str:
        return f"http://localhost:{self.web_port}/"

    @property
    def rasa_url(self) -> str:
        return f"http://localhost:{self.rasa_port}"

    def say(self, sender: str, message: str, **fields: Any) -> list[dict[str, Any]]:
        return post(self.rasa_port, sender, message, **fields)

    def get(self, path: str) -> Any:
        url = f"http://localhost:{self.rasa_port}{path}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def interrupt(self) -> int:
        """Ctrl-C, as a terminal sends it to the whole process group; the exit status."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=60)


def refuses_connections(port: int) -> bool:
    """Nothing listens on the port any more (an HTTP error reply would mean something does)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return False
    except ConnectionRefusedError:
        return True


def post(port: int, sender: str, message: str, **fields: Any) -> list[dict[str, Any]]:
    request = urllib.request.Request(
        f"http://localhost:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message, **fields}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        replies: list[dict[str, Any]] = json.load(response)
        return replies


@contextmanager
def assistant(
    *args: str, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[Assistant]:
    """`python -m bot run ARGS` on free ports, its output piped (or written to `log`)."""
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    environment = {
        **os.environ,
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "WEB_PORT": str(web_port),
        **(env or {}),
    }
    output: IO[str] | int = log.open("w") if log else subprocess.PIPE
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", *args],
        cwd=ROOT,
        env=environment,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # so a test can press Ctrl-C on the whole group
    )
    try:
        if log:
            wait_for_file_line(log, process, READY, timeout=240)
        else:
            wait_for_line(process, READY, timeout=240)
        yield Assistant(process, rasa_port, actions_port, web_port)
    finally:
        # The whole group, even if the launcher already exited: its servers may not have.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if not isinstance(output, int):
            output.close()


def wait_for_line(process: subprocess.Popen[str], needle: str, timeout: float) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if needle in line:
            return lines
    raise AssertionError(f"{needle!r} never printed:\n{''.join(lines[-40:])}")


def wait_for_file_line(
    log: Path, process: subprocess.Popen[str], needle: str, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-4000:]
    raise AssertionError(f"{needle!r} never printed:\n{tail}")
