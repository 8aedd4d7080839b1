"""Start the action server, the Rasa server and the demo page together; stop all on Ctrl-C.

`make run` and `make shell` call this through `python -m bot run|shell`. Ports come from the
environment (RASA_PORT, ACTIONS_PORT, WEB_PORT) and default to Rasa's own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from bot.paths import CREDENTIALS, ENDPOINTS, MODEL, ROOT
from bot.web.server import SiteError, serving, site_from_environment

STARTUP_TIMEOUT_SECONDS = 180.0


@dataclass(frozen=True)
class Ports:
    rasa: int
    actions: int
    web: int

    @classmethod
    def from_environment(cls) -> Ports:
        return cls(
            rasa=_port("RASA_PORT", 5005),
            actions=_port("ACTIONS_PORT", 5055),
            web=_port("WEB_PORT", 8080),
        )

    @property
    def action_endpoint(self) -> str:
        return f"http://localhost:{self.actions}/webhook"

    @property
    def demo_origin(self) -> str:
        return f"http://localhost:{self.web}"


def _port(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SystemExit(f"{name} must be a port number between 1 and 65535, not {value!r}")
    return int(value)


# LOG_LEVEL chooses how much both servers log. At every level, no line holds message text
# (bot/log_privacy.py).
LOG_LEVEL_FLAGS = {"DEBUG": ["--debug"], "INFO": [], "WARNING": ["--quiet"], "ERROR": ["--quiet"]}


def log_level_flags() -> list[str]:
    level = os.environ.get("LOG_LEVEL", "INFO").upper()
    if level not in LOG_LEVEL_FLAGS:
        raise SystemExit(f"LOG_LEVEL must be one of {', '.join(LOG_LEVEL_FLAGS)}, not {level!r}")
    return LOG_LEVEL_FLAGS[level]


# One thread each for TensorFlow and numpy's BLAS when serving. A message is a few small matrix
# products: more threads make no reply faster, but their pools spin on the second core, so one
# Rasa server burnt both cores (190% CPU) for the throughput one core gives, and two instances on
# one machine gained nothing. Measured with `make bench` (README, Performance). Set any of these
# in the environment to override. Training is not started from here and keeps every core.
SERVING_THREADS = {
    "TF_INTRA_OP_PARALLELISM_THREADS": "1",
    "TF_INTER_OP_PARALLELISM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}


def server_environment(ports: Ports) -> dict[str, str]:
    """The environment both servers run with: our action endpoint, Rasa telemetry off, and one
    thread per maths library unless the environment says otherwise."""
    return {
        **SERVING_THREADS,
        **os.environ,
        "ACTION_ENDPOINT_URL": ports.action_endpoint,
        "RASA_TELEMETRY_ENABLED": "false",
    }


def action_server_command(ports: Ports) -> list[str]:
    return [
        sys.executable,
        "-m",
        "rasa_sdk",
        "--actions",
        "bot.actions",
        "--port",
        str(ports.actions),
        *log_level_flags(),
    ]


def rasa_server_command(ports: Ports, enable_api: bool) -> list[str]:
    command = [
        sys.executable, "-m", "rasa", "run",
        "--model", str(MODEL),
        "--endpoints", str(ENDPOINTS),
        "--credentials", str(CREDENTIALS),
        "--port", str(ports.rasa),
        # Only the demo page may call the assistant from a browser unless CORS_ORIGINS says more.
        "--cors", *os.environ.get("CORS_ORIGINS", ports.demo_origin).split(),
        *log_level_flags(),
    ]  # fmt: skip
    if enable_api:
        command.append("--enable-api")
    return command


def wait_until_up(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The {what} stopped while starting (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit(f"The {what} did not start within {STARTUP_TIMEOUT_SECONDS:.0f} s.")


@contextmanager
def running(command: Sequence[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """A child process that is stopped (politely, then firmly) however we leave."""
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def action_server(ports: Ports) -> Iterator[subprocess.Popen[bytes]]:
    env = server_environment(ports)
    with running(action_server_command(ports), env) as actions:
        wait_until_up(f"http://localhost:{ports.actions}/health", actions, "action server")
        yield actions


def stop_on_sigterm() -> None:
    """`kill`, a service manager or a container stop sends SIGTERM: stop the servers as Ctrl-C does.

    Without this the launcher would die alone and leave both servers running, holding the ports.
    """
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def run(enable_api: bool = False) -> int:
    stop_on_sigterm()
    ports = Ports.from_environment()
    env = server_environment(ports)
    try:
        site = site_from_environment(ports.rasa, os.environ)
    except SiteError as error:
        raise SystemExit(str(error)) from None
    try:
        with (
            action_server(ports),
            running(rasa_server_command(ports, enable_api), env) as rasa,
            serving(site, ports.web),
        ):
            wait_until_up(f"http://localhost:{ports.rasa}/", rasa, "Rasa server")
            print(_how_to_chat(ports), flush=True)
            return rasa.wait()
    except KeyboardInterrupt:
        print("\nStopped the assistant.", flush=True)
        return 0


def shell() -> int:
    """Chat in the terminal: the action server in the background, `rasa shell` in front."""
    stop_on_sigterm()
    ports = Ports.from_environment()
    env = server_environment(ports)
    command = [
        sys.executable, "-m", "rasa", "shell",
        "--model", str(MODEL), "--endpoints", str(ENDPOINTS), "--port", str(ports.rasa),
    ]  # fmt: skip
    try:
        with action_server(ports):
            return subprocess.call(command, cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0


def _how_to_chat(ports: Ports) -> str:
    url = f"http://localhost:{ports.rasa}/webhooks/rest/webhook"
    return (
        "\nThe assistant is running.\n"
        f"  Chat in your browser:  {ports.demo_origin}/\n"
        f'  Or send a message:     curl -s {url} -d \'{{"sender": "demo", "message": "hi"}}\'\n'
        "  Stop it with Ctrl-C. To chat in this terminal instead, stop it and run: make shell\n"
    )
