"""The lock store: one message at a time per conversation, across every Rasa instance.

Configured in endpoints.yml (`type: bot.rasa_ext.lock_store.ConversationLockStore`). Behind a load
balancer two messages of one conversation can reach two instances at once; the lock makes the
second wait for the first, so replies keep their order and neither overwrites the other's turn.
With REDIS_URL set the locks live in Redis, shared by every instance; otherwise in this process.
A lock holds only the conversation's random id and queue tickets, never message text.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from typing import Any, TypeVar

import redis  # type: ignore[import-untyped]
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)

from bot.rasa_ext.redis_config import configured_redis_url, connection_options

logger = logging.getLogger(__name__)

Result = TypeVar("Result")


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store, with every change to a lock made as one Redis transaction.

    Rasa's own store reads a lock, changes it and writes it back in separate calls. Two instances
    doing that to one conversation at the same moment can both take the first ticket and run
    together, or one can write back a lock the other has just changed and lose its ticket. Here
    each change is retried until no other instance touched the lock in between (WATCH/MULTI).
    """

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            ticket: int | None = self._change(
                conversation_id, lambda lock: lock.issue_ticket(lock_lifetime), create=True
            )
        except (redis.RedisError, ValueError) as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        assert ticket is not None  # with create=True there is always a lock to issue from
        return ticket

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Give up the ticket, and delete the lock if no one else is waiting: in one step, so a
        ticket another instance issued in between is never deleted with it."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # Rasa's cleanup finishes serving, then deletes the lock in a second call;
        # finish_serving already does both at once.
        self.finish_serving(conversation_id, ticket_number)

    def _change(
        self, conversation_id: str, change: Callable[[TicketLock], Result], create: bool = False
    ) -> Result | None:
        """Apply `change` to the stored lock (a new one if `create`) and store the result, or
        delete the lock once it holds no ticket. Nothing happens to a missing lock otherwise."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as transaction:
            while True:
                try:
                    transaction.watch(key)
                    stored = transaction.get(key)
                    if stored is None and not create:
                        return None
                    lock = (
                        TicketLock.from_dict(json.loads(stored))
                        if stored is not None
                        else self.create_lock(conversation_id)
                    )
                    result = change(lock)
                    transaction.multi()
                    if lock.is_someone_waiting():
                        # Expires with its last ticket, so a crashed instance leaves nothing.
                        transaction.set(key, lock.dumps(), ex=_seconds_left(lock))
                    else:
                        transaction.delete(key)
                    transaction.execute()
                    return result
                except redis.WatchError:
                    continue  # another instance changed this lock first: read it again


def _seconds_left(lock: TicketLock) -> int:
    latest = max(float(ticket.expires) for ticket in lock.tickets)
    return max(1, math.ceil(latest - time.time()))


class ConversationLockStore(LockStore):
    """Rasa's in-memory lock store, or the atomic Redis one when REDIS_URL is set; Rasa calls it
    with the endpoints.yml entry as `endpoint_config`."""

    def __init__(self, endpoint_config: Any = None) -> None:
        settings = getattr(endpoint_config, "kwargs", None) or {}
        redis_url = configured_redis_url(settings.get("redis_url"))
        self.backend: LockStore = (
            AtomicRedisLockStore(**connection_options(redis_url))
            if redis_url
            else InMemoryLockStore()
        )
        logger.info("Conversation locks are kept %s.", "in Redis" if redis_url else "in memory")
        super().__init__()

    # Everything that reads or changes a lock goes to the backend, so its atomic versions are
    # the ones used; `lock()` itself (wait for the ticket's turn) is Rasa's, built on these.
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        lock: TicketLock | None = self.backend.get_lock(conversation_id)
        return lock

    def delete_lock(self, conversation_id: str) -> None:
        self.backend.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.backend.save_lock(lock)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        ticket: int = self.backend.issue_ticket(conversation_id, lock_lifetime)
        return ticket

    def update_lock(self, conversation_id: str) -> None:
        self.backend.update_lock(conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.backend.finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.backend.cleanup(conversation_id, ticket_number)
