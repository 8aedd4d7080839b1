"""Two Rasa instances and one action server behind nginx, sharing conversations through Redis.

What deploy/README.md describes, on loopback: the shipped deploy/nginx.conf (with these ports), a
real Redis with persistence off, and the servers `make run` starts, each given REDIS_URL.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from bench.services import free_port, nginx, nginx_config, redis_server
from bot.launcher import (
    Ports,
    action_server_command,
    rasa_server_command,
    running,
    server_environment,
    wait_until_up,
)
from tests.e2e.servers import post, refuses_connections
from tests.services import need

pytestmark = pytest.mark.model

FORGET_AFTER_SECONDS = 6
DETAILS = ["Zephyrine", "07700 900321", "zeph.k@example.com"]
TYPED = "older lads make me hold stuff"


@dataclass
class Cluster:
    rasa_ports: tuple[int, int]
    servers: list[subprocess.Popen[bytes]]
    nginx_url: str
    redis: redis.Redis
    log_folder: Path

    def say(self, instance: int, sender: str, message: str) -> list[str]:
        replies = post(self.rasa_ports[instance], sender, message)
        return [reply.get("text", "") for reply in replies]

    def say_through_nginx(self, sender: str, message: str) -> list[str]:
        port = int(self.nginx_url.rsplit(":", 1)[1])
        return [reply.get("text", "") for reply in post(port, sender, message)]

    def stored(self) -> dict[str, str]:
        """Every key in Redis and its value (or its type, for non-strings)."""
        kept = {}
        for key in self.redis.scan_iter():
            name = key.decode()
            kind = self.redis.type(key).decode()
            kept[name] = self.redis.get(key).decode() if kind == "string" else kind
        return kept


@pytest.fixture(scope="module")
def cluster(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    need("redis-server", "nginx")
    folder = tmp_path_factory.mktemp("scale-out")
    first = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    second = Ports(rasa=free_port(), actions=first.actions, web=free_port())
    nginx_port = free_port()
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server(free_port(), folder / "redis"))
        env = {
            **server_environment(first),
            "REDIS_URL": redis_url,
            "FORGET_AFTER_MINUTES": str(FORGET_AFTER_SECONDS / 60),
            "DATA_DIR": str(folder / "data"),
            "LOG_LEVEL": "WARNING",
        }
        actions = stack.enter_context(running(action_server_command(first), env))
        wait_until_up(f"http://localhost:{first.actions}/health", actions, "action server")
        servers = [
            stack.enter_context(running(rasa_server_command(ports, False), env))
            for ports in (first, second)
        ]
        for ports, server in zip((first, second), servers, strict=True):
            wait_until_up(f"http://localhost:{ports.rasa}/", server, "Rasa server")
        config = nginx_config(nginx_port, [first.rasa, second.rasa], first.web)
        url = stack.enter_context(nginx(config, nginx_port, folder / "nginx"))
        yield Cluster((first.rasa, second.rasa), servers, url, redis.from_url(redis_url), folder)


def stage_heading(replies: list[str]) -> str:
    return replies[0].splitlines()[0]


def test_a_conversation_continues_when_its_messages_alternate_between_instances(
    cluster: Cluster,
) -> None:
    cluster.say(0, "alternating", "/learn_stages")
    assert stage_heading(cluster.say(1, "alternating", "/stage_targeting")) == (
        "Stage 1 of 4: Targeting"
    )
    assert stage_heading(cluster.say(0, "alternating", "/next_stage")) == (
        "Stage 2 of 4: Experience"
    )
    assert stage_heading(cluster.say(1, "alternating", "/next_stage")) == "Stage 3 of 4: Hooked"
    assert stage_heading(cluster.say(0, "alternating", "/next_stage")) == "Stage 4 of 4: Trapped"


def test_nginx_passes_a_whole_conversation_through(cluster: Cluster) -> None:
    assert cluster.say_through_nginx("via-nginx", "hi")
    cluster.say_through_nginx("via-nginx", "/learn_stages")
    replies = cluster.say_through_nginx("via-nginx", "/stage_hooked")
    assert stage_heading(replies) == "Stage 3 of 4: Hooked"
    assert stage_heading(cluster.say_through_nginx("via-nginx", "/next_stage")) == (
        "Stage 4 of 4: Trapped"
    )


def test_redis_holds_the_conversation_but_no_message_text_or_detail(cluster: Cluster) -> None:
    cluster.say(0, "private", "hi my name is Zephyrine, my number is 07700 900321")
    cluster.say(1, "private", f"{TYPED}, email me at zeph.k@example.com")
    stored = cluster.stored()
    tracker = json.loads(stored["tracker:private"])
    turns = [event for event in tracker["events"] if event["event"] == "user"]
    assert len(turns) == 2, "both instances' turns are in the one shared conversation"
    assert turns[0]["parse_data"]["intent"]["name"] == "share_details"
    everything = json.dumps(stored)
    assert "[name]" in everything  # the placeholder entity: the conversation was kept
    for typed in [*DETAILS, TYPED, "my name is", "email me"]:
        assert typed not in everything
    # Locks are released once each message is answered.
    assert not [key for key in stored if key.startswith("lock:")]


def test_conversations_expire_in_redis(cluster: Cluster) -> None:
    cluster.say(1, "expiring", "hi")
    ttl = cluster.redis.ttl("tracker:expiring")
    assert 0 < ttl <= FORGET_AFTER_SECONDS
    time.sleep(FORGET_AFTER_SECONDS + 1.5)
    assert cluster.redis.exists("tracker:expiring") == 0


# Keep this last in the module: it kills one of the instances the tests above share.
def test_when_an_instance_dies_nginx_sends_the_conversation_to_the_other(
    cluster: Cluster,
) -> None:
    cluster.say_through_nginx("failover", "/learn_stages")
    cluster.say_through_nginx("failover", "/stage_targeting")
    crashed = cluster.servers[0]
    crashed.kill()  # a crash: no chance to finish anything
    crashed.wait()
    assert refuses_connections(cluster.rasa_ports[0])
    for expected in ("Stage 2 of 4: Experience", "Stage 3 of 4: Hooked"):
        assert stage_heading(cluster.say_through_nginx("failover", "/next_stage")) == expected
