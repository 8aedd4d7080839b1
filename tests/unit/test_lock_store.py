"""The lock store: one message at a time per conversation, in memory or in the shared Redis."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import read_endpoint_config

from bot.paths import ENDPOINTS
from bot.rasa_ext.lock_store import ConversationLockStore
from bot.rasa_ext.redis_config import connection_options


def test_endpoints_yml_gives_rasa_our_lock_store_in_memory_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rasa would quietly fall back to its own store if ours failed to import.
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://localhost:5055/webhook")
    store = LockStore.create(read_endpoint_config(str(ENDPOINTS), "lock_store"))
    assert isinstance(store, ConversationLockStore)
    assert isinstance(store.backend, InMemoryLockStore)


def test_redis_url_puts_the_locks_in_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://:secret@cache.internal:6390/3")
    store = ConversationLockStore()
    assert isinstance(store.backend, RedisLockStore)
    connection = store.backend.red.connection_pool.connection_kwargs
    assert (connection["host"], connection["port"], connection["db"]) == ("cache.internal", 6390, 3)
    assert connection["password"] == "secret"


async def test_a_second_message_waits_for_the_first_to_finish() -> None:
    store = ConversationLockStore()
    order: list[str] = []

    async def handle(name: str, seconds: float) -> None:
        async with store.lock("conversation", wait_time_in_seconds=0.01):
            order.append(f"{name} starts")
            await asyncio.sleep(seconds)
            order.append(f"{name} ends")

    first = asyncio.create_task(handle("first", 0.1))
    await asyncio.sleep(0.01)
    await handle("second", 0)
    await first
    assert order == ["first starts", "first ends", "second starts", "second ends"]
    assert store.get_lock("conversation") is None  # finished locks are cleaned up


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://localhost:6379", "must start with redis://"),
        ("redis://localhost:6379/tracker", "database number"),
    ],
)
def test_bad_redis_urls_say_what_is_wrong(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        connection_options(url)


def test_a_tls_url_with_defaults() -> None:
    assert connection_options("rediss://cache.internal") == {
        "host": "cache.internal",
        "port": 6379,
        "db": 0,
        "username": None,
        "password": None,
        "use_ssl": True,
    }
