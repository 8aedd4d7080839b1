"""The lock store: one message at a time per conversation, across every Rasa instance.

Configured in endpoints.yml (`type: bot.rasa_ext.lock_store.ConversationLockStore`). Behind a load
balancer two messages of one conversation can reach two instances at once; the lock makes the
second wait for the first, so replies keep their order and neither overwrites the other's turn.
With REDIS_URL set the locks live in Redis, shared by every instance; otherwise in this process.
A lock holds only the conversation's random id and queue tickets, never message text.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

from bot.rasa_ext.redis_config import configured_redis_url, connection_options

logger = logging.getLogger(__name__)


class ConversationLockStore(LockStore):
    """Rasa's in-memory or Redis lock store, chosen by configuration; Rasa calls it with the
    endpoints.yml entry as `endpoint_config`."""

    def __init__(self, endpoint_config: Any = None) -> None:
        settings = getattr(endpoint_config, "kwargs", None) or {}
        redis_url = configured_redis_url(settings.get("redis_url"))
        self.backend: LockStore = (
            RedisLockStore(**connection_options(redis_url)) if redis_url else InMemoryLockStore()
        )
        logger.info("Conversation locks are kept %s.", "in Redis" if redis_url else "in memory")
        super().__init__()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        lock: TicketLock | None = self.backend.get_lock(conversation_id)
        return lock

    def delete_lock(self, conversation_id: str) -> None:
        self.backend.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.backend.save_lock(lock)
