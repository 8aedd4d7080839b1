"""How `make run` starts the servers: ports, CORS, the HTTP API and telemetry."""

from __future__ import annotations

import pytest

from bot.launcher import Ports, rasa_server_command, server_environment


def test_ports_default_to_rasas_own(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT"):
        monkeypatch.delenv(name, raising=False)
    assert Ports.from_environment() == Ports(rasa=5005, actions=5055, web=8080)


def test_ports_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PORT", "6005")
    monkeypatch.setenv("ACTIONS_PORT", "6055")
    monkeypatch.setenv("WEB_PORT", "9090")
    ports = Ports.from_environment()
    assert ports.action_endpoint == "http://localhost:6055/webhook"
    assert ports.demo_origin == "http://localhost:9090"


@pytest.mark.parametrize("value", ["abc", "0", "70000", "-1"])
def test_a_bad_port_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("RASA_PORT", value)
    with pytest.raises(SystemExit, match="RASA_PORT must be a port number"):
        Ports.from_environment()


def test_rasa_runs_with_the_api_off_and_cors_for_the_demo_page_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CORS_ORIGINS", raising=False)
    command = rasa_server_command(Ports(5005, 5055, 8080), enable_api=False)
    assert "--enable-api" not in command
    assert command[command.index("--cors") + 1 :] == ["http://localhost:8080"]
    assert "--enable-api" in rasa_server_command(Ports(5005, 5055, 8080), enable_api=True)


def test_cors_origins_can_be_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example https://b.example")
    command = rasa_server_command(Ports(5005, 5055, 8080), enable_api=False)
    assert command[command.index("--cors") + 1 :] == ["https://a.example", "https://b.example"]


def test_servers_run_with_telemetry_off_and_our_action_server() -> None:
    env = server_environment(Ports(5005, 6055, 8080))
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert env["ACTION_ENDPOINT_URL"] == "http://localhost:6055/webhook"


def test_servers_use_one_maths_thread_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("TF_INTRA_OP_PARALLELISM_THREADS", "OPENBLAS_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    env = server_environment(Ports(5005, 5055, 8080))
    assert env["TF_INTRA_OP_PARALLELISM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert server_environment(Ports(5005, 5055, 8080))["OPENBLAS_NUM_THREADS"] == "2"
