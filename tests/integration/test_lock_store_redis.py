"""Conversation locks in a real Redis, shared by two lock stores as by two Rasa instances."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bench.services import free_port, redis_server
from bot.rasa_ext.lock_store import ConversationLockStore
from tests.services import need

MESSAGES_EACH = 40


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need("redis-server")
    with redis_server(free_port(), tmp_path_factory.mktemp("locks")) as url:
        yield url


def instance(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> ConversationLockStore:
    monkeypatch.setenv("REDIS_URL", redis_url)
    return ConversationLockStore()


class Counter:
    """How many messages of the conversation are being handled at once, at most."""

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0
        self.handled = 0
        self._guard = threading.Lock()

    def enter(self) -> None:
        with self._guard:
            self.inside += 1
            self.most = max(self.most, self.inside)

    def leave(self) -> None:
        with self._guard:
            self.inside -= 1
            self.handled += 1


def handle_messages(store: ConversationLockStore, counter: Counter) -> None:
    """One instance's event loop handling its share of one conversation's messages."""

    async def run() -> None:
        for _ in range(MESSAGES_EACH):
            async with store.lock("shared-conversation", wait_time_in_seconds=0.001):
                counter.enter()
                time.sleep(0.002)  # the work, blocking so the other instance can interleave
                counter.leave()

    asyncio.run(run())


def test_two_instances_never_handle_one_conversation_at_once(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter()
    stores = [instance(redis_url, monkeypatch), instance(redis_url, monkeypatch)]
    threads = [threading.Thread(target=handle_messages, args=(s, counter)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert counter.handled == 2 * MESSAGES_EACH
    assert counter.most == 1
    assert redis.from_url(redis_url).keys("lock:*") == []  # nothing left once all are answered


def test_a_held_lock_expires_with_its_ticket(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = instance(redis_url, monkeypatch)
    store.issue_ticket("crashed-instance", lock_lifetime=5)  # as if its instance then died
    ttl = redis.from_url(redis_url).ttl("lock:crashed-instance")
    assert 0 < ttl <= 5
