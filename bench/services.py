"""Throwaway Redis, nginx and PostgreSQL servers on loopback, for the benchmark and the tests.

They come from Debian's packages (redis-server, nginx, postgresql), which `make test` installs
when CI=true. Each server keeps its files in a folder of the caller's and is stopped on the way
out; Redis is started with persistence off, as deploy/README.md asks of a real one, so no
conversation ever reaches a disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bot.paths import ROOT

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
STARTUP_SECONDS = 30.0

# What to install when a server is missing: the Debian package for each program.
PACKAGES = {"redis-server": "redis-server", "nginx": "nginx", "initdb": "postgresql"}


class ServiceError(RuntimeError):
    """A server could not be started; the message says which and why."""


def program(name: str) -> Path | None:
    """Where a server program is, or None. PostgreSQL's live in a versioned folder off PATH."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found:
        return Path(found)
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return versions[-1] if versions else None


def missing(*names: str) -> list[str]:
    """The Debian packages to install for the programs that are not here."""
    return [PACKAGES.get(name, name) for name in names if program(name) is None]


def free_port() -> int:
    """A loopback port no one is using now, for a server about to start."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], what: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServiceError(f"{what} stopped while starting: {tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise ServiceError(f"{what} did not listen on port {port} within {STARTUP_SECONDS:.0f} s")


def tail(log: Path, lines: int = 5) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    return " | ".join(text.strip().splitlines()[-lines:]) or "(no output)"


@contextmanager
def process_group(
    command: Sequence[str],
    log: Path,
    env: dict[str, str] | None = None,
    stop_signal: signal.Signals = signal.SIGTERM,
) -> Iterator[subprocess.Popen[bytes]]:
    """A child in its own process group, its output in `log`; the whole group stopped after,
    politely (`stop_signal`), then firmly."""
    with log.open("ab") as output:
        child = subprocess.Popen(
            list(command), cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        yield child
    finally:
        stop_group(child, stop_signal)


def stop_group(child: subprocess.Popen[bytes], stop_signal: signal.Signals) -> None:
    """Signal the whole group even if its leader has exited: a launcher's servers may not have."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, stop_signal)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):  # whatever is left of the group
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()


@contextmanager
def server_process(
    command: Sequence[str], port: int, what: str, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """A server in its own process group, ready once it listens on `port`; stopped after."""
    with process_group(command, log) as child:
        wait_for_port(port, child, what, log)
        yield child


def require(name: str) -> Path:
    found = program(name)
    if found is None:
        raise ServiceError(f"{name} is not installed (apt-get install {PACKAGES.get(name, name)})")
    return found


@contextmanager
def redis_server(port: int, folder: Path) -> Iterator[str]:
    """A Redis that keeps nothing on disk; yields its redis:// URL."""
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        str(require("redis-server")),
        "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
        "--save", "", "--appendonly", "no", "--daemonize", "no",
    ]  # fmt: skip
    with server_process(command, port, "Redis", folder / "redis.log"):
        yield f"redis://127.0.0.1:{port}/0"


def nginx_config(listen_port: int, rasa_ports: Sequence[int], web_port: int) -> str:
    """deploy/nginx.conf with these ports in its `listen` and upstream `server` lines."""
    text = NGINX_CONF.read_text()
    servers = "".join(f"        server 127.0.0.1:{port};\n" for port in rasa_ports)
    text, rasa = re.subn(
        r"(upstream rasa \{\n(?:\s*#.*\n)*\s*least_conn;\n)(?:\s*server .*;\n)+",
        lambda match: match.group(1) + servers,
        text,
    )
    text, web = re.subn(
        r"(upstream web \{\n\s*server )127\.0\.0\.1:\d+;", rf"\g<1>127.0.0.1:{web_port};", text
    )
    text, listen = re.subn(r"listen \d+;", f"listen 127.0.0.1:{listen_port};", text)
    # Every temporary folder under the server's own folder, not /var/lib/nginx, so a user who is
    # not root can run it too.
    temp_paths = "".join(
        f"    {kind}_temp_path {kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text, http = re.subn(r"\nhttp \{\n", "\nhttp {\n" + temp_paths, text)
    if (rasa, web, listen, http) != (1, 1, 1, 1):
        raise ServiceError(f"{NGINX_CONF} no longer has the upstream and listen lines expected")
    return text


@contextmanager
def nginx(config: str, port: int, folder: Path) -> Iterator[str]:
    """nginx running `config` (from nginx_config), its files under `folder`; yields its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(config)
    # -p makes the relative paths (pid, temp files) land in `folder`.
    base = [str(require("nginx")), "-p", f"{folder}/", "-c", str(conf), "-g", "pid nginx.pid;"]
    check = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise ServiceError(f"nginx rejects the configuration: {check.stderr.strip()}")
    command = [*base[:-1], "daemon off; pid nginx.pid;"]
    with server_process(command, port, "nginx", folder / "nginx.log"):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def postgres_server(port: int) -> Iterator[str]:
    """A fresh PostgreSQL cluster in a temporary folder; yields its `postgres` database's URL.

    PostgreSQL refuses to run as root, so under root (as CI runs) it runs as the `postgres` user
    the Debian package creates, in a folder of its own under the system temp folder (a test's
    tmp_path is private to root). The folder is deleted afterwards."""
    initdb, pg_ctl = require("initdb"), require("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="assistant-postgres-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "postgres.log"
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    try:
        _run([*as_user, str(initdb), "-D", str(data), "-A", "trust", "-U", "postgres", "-N"])
        _run([*as_user, str(pg_ctl), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"])
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if data.exists():
            stop = [*as_user, str(pg_ctl), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(stop, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ServiceError(f"{' '.join(command)} failed: {done.stderr.strip() or done.stdout}")
