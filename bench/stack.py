"""Starting the stacks under test: ours as `make run` does, and the echo-action baseline."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import first_reply
from bench.services import (
    free_port,
    missing,
    nginx,
    nginx_config,
    process_group,
    redis_server,
)
from bench.stats import scaled_name
from bot.launcher import Ports, rasa_server_command, server_environment

STARTUP_TIMEOUT_SECONDS = 240.0


@dataclass
class Stack:
    name: str
    base_url: str
    cold_start_seconds: float | None
    roots: list[int] = field(default_factory=list)


def bench_environment(data_dir: Path) -> dict[str, str]:
    """The environment for servers under test: fake disclosures go to a throwaway insights DB."""
    env = {key: value for key, value in os.environ.items() if key != "INSIGHTS_DB_URL"}
    env.update({"DATA_DIR": str(data_dir), "RASA_TELEMETRY_ENABLED": "false"})
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    return env


@contextmanager
def process(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """One of our servers (or a launcher): stopped with Ctrl-C's signal, as a person would."""
    with process_group(command, log, env, stop_signal=signal.SIGINT) as child:
        yield child


def _cold_start(base_url: str, child: subprocess.Popen[bytes], started: float, log: Path) -> float:
    try:
        return (
            first_reply(base_url, STARTUP_TIMEOUT_SECONDS, lambda: child.poll() is None) - started
        )
    except RuntimeError as error:
        raise SystemExit(f"{error}; its log: {log}") from None


@contextmanager
def ours(work: Path) -> Iterator[Stack]:
    """`python -m bot run` on free ports, as `make run` starts it."""
    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    env = bench_environment(work / "ours-data")
    env.update(RASA_PORT=str(ports.rasa), ACTIONS_PORT=str(ports.actions), WEB_PORT=str(ports.web))
    log = work / "ours.log"
    started = time.monotonic()
    with process([sys.executable, "-m", "bot", "run"], env, log) as child:
        base_url = f"http://localhost:{ports.rasa}"
        cold = _cold_start(base_url, child, started, log)
        yield Stack("ours", base_url, round(cold, 2), [child.pid])


@contextmanager
def baseline(work: Path) -> Iterator[Stack]:
    """The same Rasa server and model, its action endpoint the echo server."""
    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    env = {**server_environment(ports), **bench_environment(work / "baseline-data")}
    env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{ports.actions}/webhook"
    echo_command = [sys.executable, "-m", "bench.echo", str(ports.actions)]
    with ExitStack() as stack:
        echo = stack.enter_context(process(echo_command, env, work / "echo.log"))
        log = work / "baseline.log"
        started = time.monotonic()
        rasa = stack.enter_context(process(rasa_server_command(ports, False), env, log))
        base_url = f"http://localhost:{ports.rasa}"
        cold = _cold_start(base_url, rasa, started, log)
        yield Stack("baseline", base_url, round(cold, 2), [rasa.pid, echo.pid])


@contextmanager
def scaled(work: Path, instances: int) -> Iterator[Stack]:
    """`instances` copies of `python -m bot run` sharing one Redis, behind deploy/nginx.conf:
    deploy/README.md's set-up on one machine."""
    needed = missing("redis-server", "nginx")
    if needed:
        raise SystemExit(
            f"--instances {instances} needs {' and '.join(needed)}: apt-get install "
            f"{' '.join(needed)} (or run one instance: make bench INSTANCES=1)"
        )
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server(free_port(), work / "redis"))
        started = time.monotonic()
        launched = []
        for number in range(instances):
            ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
            env = bench_environment(work / f"scaled-{number}-data")
            env.update(RASA_PORT=str(ports.rasa), ACTIONS_PORT=str(ports.actions),
                       WEB_PORT=str(ports.web), REDIS_URL=redis_url)  # fmt: skip
            log = work / f"scaled-{number}.log"
            command = [sys.executable, "-m", "bot", "run"]
            launched.append((ports, stack.enter_context(process(command, env, log)), log))
        cold = max(
            _cold_start(f"http://localhost:{ports.rasa}", child, started, log)
            for ports, child, log in launched
        )
        nginx_port = free_port()
        config = nginx_config(nginx_port, [ports.rasa for ports, _, _ in launched],
                              launched[0][0].web)  # fmt: skip
        url = stack.enter_context(nginx(config, nginx_port, work / "nginx"))
        roots = [child.pid for _, child, _ in launched]
        yield Stack(scaled_name(instances), url, round(cold, 2), roots)


@contextmanager
def running(url: str) -> Iterator[Stack]:
    """A stack someone else started: no cold start, no memory figures."""
    yield Stack("ours", url.rstrip("/"), None, [])
