"""`python -m bot run` (what `make run` starts), driven over HTTP as the widget will drive it."""

from __future__ import annotations

import json
import signal
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.paths import ENDPOINTS
from tests.e2e.servers import Assistant, assistant, refuses_connections

pytestmark = pytest.mark.model


def test_endpoints_yml_sends_rasa_to_the_action_server_the_launcher_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://localhost:6123/webhook")
    endpoint = read_endpoint_config(str(ENDPOINTS), "action_endpoint")
    assert endpoint is not None
    assert endpoint.url == "http://localhost:6123/webhook"


@pytest.fixture(scope="module")
def running_assistant(trained_model: Path) -> Iterator[Assistant]:
    with assistant() as running:
        yield running


def test_make_run_answers_over_the_rest_channel_with_its_custom_actions(
    running_assistant: Assistant,
) -> None:
    greeting = running_assistant.say("e2e-run", "hi")
    assert "chatbot, not a person" in greeting[0]["text"]
    assert [b["payload"] for b in greeting[-1]["buttons"]][-1] == "/get_help"
    stage = running_assistant.say("e2e-run", "/stage_hooked")
    assert stage[0]["text"].startswith("Stage 3 of 4: Hooked")


def test_rasa_http_api_is_off_unless_asked(running_assistant: Assistant) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{running_assistant.rasa_url}/conversations/x/tracker", timeout=5)
    assert refused.value.code == 404


@pytest.mark.parametrize("from_demo_page", [True, False], ids=["demo page", "elsewhere"])
def test_only_the_demo_page_origin_may_call_from_a_browser(
    running_assistant: Assistant, from_demo_page: bool
) -> None:
    demo_origin = running_assistant.demo_url.rstrip("/")
    origin = demo_origin if from_demo_page else "https://elsewhere.example"
    request = urllib.request.Request(
        f"{running_assistant.rasa_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": "e2e-cors", "message": "/menu"}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        granted = response.headers.get("Access-Control-Allow-Origin")
    assert (granted == origin) is from_demo_page


def test_make_run_serves_the_demo_page_with_the_widget(running_assistant: Assistant) -> None:
    with urllib.request.urlopen(running_assistant.demo_url, timeout=5) as response:
        page = response.read().decode()
    assert '<script src="/widget.js"' in page
    assert f'data-rasa-url="{running_assistant.rasa_url}"' in page


def test_sigterm_to_the_launcher_alone_stops_every_server(tmp_path: Path) -> None:
    # What `kill PID`, a service manager or a container stop does: only the launcher is signalled.
    with assistant(log=tmp_path / "run.log") as running:
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(timeout=60) == 0
        for port in (running.rasa_port, running.actions_port, running.web_port):
            assert refuses_connections(port)


# Keep this last in the module: it stops the servers the tests above share.
def test_ctrl_c_stops_every_server(running_assistant: Assistant) -> None:
    assert running_assistant.interrupt() == 0
    running = running_assistant
    for port in (running.rasa_port, running.actions_port, running.web_port):
        assert refuses_connections(port)
