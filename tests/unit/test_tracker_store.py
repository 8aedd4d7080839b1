"""The tracker store keeps only redacted events, drops metadata and forgets idle conversations."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.paths import DOMAIN, ENDPOINTS
from bot.rasa_ext.tracker_store import (
    ForgetfulInMemoryTrackerStore,
    ForgetfulRedisTrackerStore,
    PrivateTrackerStore,
)

DETAILS = ["Kayden", "07700 900123", "kayden.smith@example.com", "SW1A 1AA", "Oakfield Academy"]
MESSAGE = (
    "my name is Kayden, text me on 07700 900123 or kayden.smith@example.com, "
    "i live at SW1A 1AA and go to Oakfield Academy"
)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN))


def conversation(domain: Domain, sender: str = "canary") -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, domain.slots)
    tracker.update(SessionStarted(metadata={"page": "https://school.example/kayden"}))
    tracker.update(SlotSet("session_started_metadata", {"page": "https://school.example/kayden"}))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(
        UserUttered(
            MESSAGE,
            intent={"name": "share_details", "confidence": 0.9},
            entities=[{"entity": "name", "value": "Kayden", "start": 11, "end": 17}],
            parse_data={"text": MESSAGE, "intent": {"name": "share_details"}, "entities": []},
            metadata={"user_agent": "Kayden's phone"},
        )
    )
    return tracker


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_nothing_identifying_is_kept(domain: Domain) -> None:
    store = ForgetfulInMemoryTrackerStore(domain, forget_after=1800, sweep_every=None)
    await store.save(conversation(domain))
    kept = store.store["canary"]
    for detail in DETAILS:
        assert detail not in kept
    assert "school.example" not in kept and "Kayden's phone" not in kept
    assert not any(event.get("metadata") for event in json.loads(kept)["events"])
    retrieved = await store.retrieve("canary")
    assert retrieved is not None
    assert retrieved.latest_message.text == ""  # what they typed is not kept at all
    assert "text me on" not in kept
    assert retrieved.latest_message.intent["name"] == "share_details"
    assert retrieved.get_slot("session_started_metadata") is None


async def test_idle_conversations_are_forgotten_and_activity_keeps_them(domain: Domain) -> None:
    clock = Clock()
    store = ForgetfulInMemoryTrackerStore(domain, forget_after=1800, clock=clock, sweep_every=None)
    await store.save(conversation(domain, "quiet"))
    await store.save(conversation(domain, "chatty"))
    clock.now += 1700
    await store.save(conversation(domain, "chatty"))
    clock.now += 200  # 31 minutes since "quiet" last spoke, 3 since "chatty" did
    assert await store.retrieve("quiet") is None
    assert await store.retrieve("chatty") is not None
    assert list(await store.keys()) == ["chatty"]


async def test_a_conversation_that_spoke_again_does_not_shield_older_idle_ones(
    domain: Domain,
) -> None:
    clock = Clock()
    store = ForgetfulInMemoryTrackerStore(domain, forget_after=1800, clock=clock, sweep_every=None)
    await store.save(conversation(domain, "first"))
    clock.now += 10
    await store.save(conversation(domain, "second"))
    clock.now += 990
    await store.save(conversation(domain, "first"))
    clock.now += 815  # "second" has been quiet for 1805 s, "first" for 815 s
    store.forget_idle()
    assert list(store.store) == ["first"]


def test_forgetting_happens_without_anyone_talking(domain: Domain) -> None:
    clock = Clock()
    store = ForgetfulInMemoryTrackerStore(domain, forget_after=60, clock=clock, sweep_every=None)
    store.store["idle"] = "{}"
    store._last_active["idle"] = clock.now
    clock.now += 61
    store.forget_idle()  # what the sweeper thread calls every 30 seconds
    assert store.store == {}


def test_endpoints_yml_gives_rasa_our_store(
    domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rasa quietly uses its own in-memory store when a custom one fails to import.
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://localhost:5055/webhook")
    config = read_endpoint_config(str(ENDPOINTS), "tracker_store")
    store = TrackerStore.create(config, domain)
    assert isinstance(store, PrivateTrackerStore)
    assert isinstance(store.backend, ForgetfulInMemoryTrackerStore)
    assert store.backend.forget_after == 30 * 60


def test_forget_after_can_be_set_and_bad_values_are_refused(
    domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PrivateTrackerStore(domain, forget_after_minutes=5)
    assert isinstance(store.backend, ForgetfulInMemoryTrackerStore)
    assert store.backend.forget_after == 300
    monkeypatch.setenv("FORGET_AFTER_MINUTES", "0.5")
    store = PrivateTrackerStore(domain, forget_after_minutes=5)
    assert isinstance(store.backend, ForgetfulInMemoryTrackerStore)
    assert store.backend.forget_after == 30
    monkeypatch.setenv("FORGET_AFTER_MINUTES", "soon")
    with pytest.raises(ValueError, match="positive number of minutes"):
        PrivateTrackerStore(domain)


def test_there_is_never_an_event_broker(domain: Domain) -> None:
    with pytest.raises(ValueError, match="no event broker"):
        PrivateTrackerStore(domain, event_broker=object())  # type: ignore[arg-type]


def test_a_new_domain_reaches_the_backend(domain: Domain) -> None:
    store = PrivateTrackerStore(Domain.empty())
    store.domain = domain
    assert store.backend.domain is domain


class FakeRedis:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.expiries: dict[str, Any] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str, ex: Any = None) -> None:
        if not isinstance(ex, int):  # redis-py refuses anything but whole seconds
            raise TypeError(f"ex must be an int, not {ex!r}")
        self.values[key], self.expiries[key] = value, ex


async def test_redis_keeps_redacted_conversations_that_expire(
    domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://localhost:6399/2")
    store = PrivateTrackerStore(domain)
    assert isinstance(store.backend, ForgetfulRedisTrackerStore)
    fake = FakeRedis()
    store.backend.red = fake
    await store.save(conversation(domain))
    (key,) = fake.values
    assert fake.expiries[key] == 30 * 60
    for detail in DETAILS:
        assert detail not in fake.values[key]


def test_redis_url_must_be_a_redis_url(domain: Domain) -> None:
    with pytest.raises(ValueError, match="redis://"):
        PrivateTrackerStore(domain, redis_url="http://localhost:6379")
