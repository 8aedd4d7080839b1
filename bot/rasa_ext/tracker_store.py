"""The assistant's tracker store: keeps only redacted events, and forgets idle conversations.

Configured in endpoints.yml (`type: bot.rasa_ext.tracker_store.PrivateTrackerStore`). Every event is
passed through `bot.privacy.events.redact_event` before it is kept: the text of a young person's
message is not stored at all (only its intent and placeholders such as [name]), slot values are
redacted, and message metadata is dropped. A conversation with no message for
`forget_after_minutes` (default 30; FORGET_AFTER_MINUTES overrides) is deleted.

Conversations are kept in this process's memory, or in Redis when REDIS_URL (or `redis_url`) is
set, so that several Rasa instances can share them; Redis deletes them itself through key expiry.
There is never an event broker: nothing leaves the store.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.events import redact_event
from bot.rasa_ext.redis_config import configured_redis_url, connection_options

logger = logging.getLogger(__name__)

DEFAULT_FORGET_AFTER_MINUTES = 30.0
# How often idle conversations are swept from memory, even when nobody is talking.
SWEEP_INTERVAL_SECONDS = 30.0


def serialise_privately(tracker: DialogueStateTracker) -> str:
    """Rasa's serialised tracker (a JSON dialogue), with every event redacted."""
    dialogue = tracker.as_dialogue().as_dict()
    dialogue["events"] = [redact_event(event) for event in dialogue["events"]]
    return json.dumps(dialogue)


def forget_after_seconds(configured_minutes: Any) -> float:
    value = os.environ.get("FORGET_AFTER_MINUTES") or configured_minutes
    try:
        minutes = float(value if value is not None else DEFAULT_FORGET_AFTER_MINUTES)
    except ValueError:
        minutes = -1.0
    if minutes <= 0:
        raise ValueError(
            f"forget_after_minutes must be a positive number of minutes, not {value!r}"
        )
    return minutes * 60


class ForgetfulInMemoryTrackerStore(InMemoryTrackerStore):
    """Rasa's in-memory store, redacting what it keeps and deleting idle conversations."""

    def __init__(
        self,
        domain: Domain,
        forget_after: float,
        clock: Callable[[], float] = time.monotonic,
        sweep_every: float | None = SWEEP_INTERVAL_SECONDS,
    ) -> None:
        super().__init__(domain)
        self.forget_after = forget_after
        self._clock = clock
        # Least recently active first, so forgetting looks only at conversations that are due,
        # never at every conversation on every message.
        self._last_active: OrderedDict[str, float] = OrderedDict()
        # The sweeper thread and the server's event loop both touch the store.
        self._lock = threading.Lock()
        if sweep_every is not None:
            threading.Thread(
                target=self._sweep_forever, args=(sweep_every,), name="forget-idle", daemon=True
            ).start()

    async def save(self, tracker: DialogueStateTracker) -> None:
        serialised = serialise_privately(tracker)
        with self._lock:
            self.store[tracker.sender_id] = serialised
            self._last_active[tracker.sender_id] = self._clock()
            self._last_active.move_to_end(tracker.sender_id)
        self.forget_idle()

    async def _retrieve(
        self, sender_id: str, fetch_all_sessions: bool
    ) -> DialogueStateTracker | None:
        self.forget_idle()
        tracker: DialogueStateTracker | None = await super()._retrieve(
            sender_id, fetch_all_sessions
        )
        return tracker

    async def keys(self) -> Iterable[str]:
        self.forget_idle()
        with self._lock:
            return list(self.store)

    def forget_idle(self) -> None:
        cutoff = self._clock() - self.forget_after
        with self._lock:
            while self._last_active:
                sender_id, seen = next(iter(self._last_active.items()))
                if seen > cutoff:
                    return
                del self._last_active[sender_id]
                self.store.pop(sender_id, None)

    def _sweep_forever(self, interval: float) -> None:
        while True:
            time.sleep(interval)
            self.forget_idle()


class ForgetfulRedisTrackerStore(RedisTrackerStore):
    """Rasa's Redis store, redacting what it keeps; Redis expires idle conversations."""

    def __init__(self, domain: Domain, redis_url: str, forget_after: float) -> None:
        super().__init__(
            domain,
            **connection_options(redis_url),
            # Rasa sets the expiry again on every save, so this counts from the latest message.
            # Redis takes whole seconds.
            record_exp=max(1, math.ceil(forget_after)),
        )

    def serialise_tracker(self, tracker: DialogueStateTracker) -> str:
        return serialise_privately(tracker)


class PrivateTrackerStore(TrackerStore):
    """What endpoints.yml names: picks the memory or Redis backend and passes everything to it."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        forget_after_minutes: Any = None,
        redis_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if event_broker is not None:
            raise ValueError("This assistant keeps no event broker: remove event_broker.")
        super().__init__(domain)
        forget_after = forget_after_seconds(forget_after_minutes)
        redis_url = configured_redis_url(redis_url)
        self.backend: TrackerStore = (
            ForgetfulRedisTrackerStore(self.domain, redis_url, forget_after)
            if redis_url
            else ForgetfulInMemoryTrackerStore(self.domain, forget_after)
        )
        where = "in Redis" if redis_url else "in memory"
        logger.info(
            "Conversations are kept %s, redacted, and forgotten after %g minutes of silence.",
            where,
            forget_after / 60,
        )

    @property
    def domain(self) -> Domain:
        return self._domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        # The agent sets the domain again when it loads a model: the backend needs it too.
        self._domain = domain or Domain.empty()
        if hasattr(self, "backend"):
            self.backend.domain = self._domain

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.backend.save(tracker)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        tracker: DialogueStateTracker | None = await self.backend.retrieve(sender_id)
        return tracker

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        tracker: DialogueStateTracker | None = await self.backend.retrieve_full_tracker(
            conversation_id
        )
        return tracker

    async def keys(self) -> Iterable[str]:
        keys: Iterable[str] = await self.backend.keys()
        return keys
