"""`python -m bot run` (what `make run` starts), driven over HTTP as the widget will drive it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.paths import ENDPOINTS, ROOT
from tests.conftest import free_port

pytestmark = pytest.mark.model


def test_endpoints_yml_sends_rasa_to_the_action_server_the_launcher_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://localhost:6123/webhook")
    endpoint = read_endpoint_config(str(ENDPOINTS), "action_endpoint")
    assert endpoint is not None
    assert endpoint.url == "http://localhost:6123/webhook"


def post(port: int, sender: str, message: str) -> list[dict[str, Any]]:
    request = urllib.request.Request(
        f"http://localhost:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        replies: list[dict[str, Any]] = json.load(response)
        return replies


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


@pytest.fixture(scope="module")
def running_assistant(trained_model: Path) -> Iterator[tuple[subprocess.Popen[str], int, int]]:
    rasa_port, actions_port = free_port(), free_port()
    env = {**os.environ, "RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # so the test can press Ctrl-C on the whole group
    )
    try:
        wait_for_line(process, "The assistant is running", timeout=240)
        yield process, rasa_port, actions_port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_make_run_answers_over_the_rest_channel_with_its_custom_actions(
    running_assistant: tuple[subprocess.Popen[str], int, int],
) -> None:
    _, rasa_port, _ = running_assistant
    greeting = post(rasa_port, "e2e-run", "hi")
    assert "chatbot, not a person" in greeting[0]["text"]
    assert [b["payload"] for b in greeting[-1]["buttons"]][-1] == "/get_help"
    stage = post(rasa_port, "e2e-run", "/stage_hooked")
    assert stage[0]["text"].startswith("Stage 3 of 4: Hooked")


def test_rasa_http_api_is_off_unless_asked(
    running_assistant: tuple[subprocess.Popen[str], int, int],
) -> None:
    _, rasa_port, _ = running_assistant
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://localhost:{rasa_port}/conversations/x/tracker", timeout=5)
    assert refused.value.code == 404


@pytest.mark.parametrize(
    ("origin", "allowed"), [("http://localhost:8080", True), ("https://elsewhere.example", False)]
)
def test_only_the_demo_page_origin_may_call_from_a_browser(
    running_assistant: tuple[subprocess.Popen[str], int, int], origin: str, allowed: bool
) -> None:
    _, rasa_port, _ = running_assistant
    request = urllib.request.Request(
        f"http://localhost:{rasa_port}/webhooks/rest/webhook",
        data=json.dumps({"sender": "e2e-cors", "message": "/menu"}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        granted = response.headers.get("Access-Control-Allow-Origin")
    assert (granted == origin) is allowed


# Keep this last in the module: it stops the servers the tests above share.
def test_ctrl_c_stops_both_servers(
    running_assistant: tuple[subprocess.Popen[str], int, int],
) -> None:
    process, rasa_port, actions_port = running_assistant
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends the group on Ctrl-C
    assert process.wait(timeout=60) == 0
    for port in (rasa_port, actions_port):
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://localhost:{port}/", timeout=2)
