"""The disclosure actions, run as the action server runs them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.safety import ActionNotWhatIMeant, ActionRespondDisclosure, ActionSafetyFollowUp
from bot.content import Content
from bot.safety.categories import CATEGORIES

MakeTracker = Callable[..., Tracker]


def with_disclosure(tracker: Tracker, category: str, about: str) -> Tracker:
    tracker.latest_message["disclosure"] = {"category": category, "source": "both", "about": about}
    return tracker


async def run(action: Any, tracker: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    assert await action.run(dispatcher, tracker, {}) == []  # never changes where they were
    return dispatcher.messages


@pytest.mark.parametrize("category", CATEGORIES)
async def test_every_category_gets_its_own_reply(
    tracker: MakeTracker, content: Content, category: str
) -> None:
    messages = await run(
        ActionRespondDisclosure(), with_disclosure(tracker(category), category, "self")
    )
    reply = content.disclosures[category]
    assert messages[0]["text"] == reply.about_you
    assert messages[1]["text"].startswith(content.safety.honest)
    for service_id in reply.services:
        assert content.services[service_id].name in messages[1]["text"]
    assert [b["payload"] for b in messages[2]["buttons"]][-1] == "/not_what_i_meant"


async def test_about_a_friend_uses_the_inclusive_wording(
    tracker: MakeTracker, content: Content
) -> None:
    category = "criminal_exploitation"
    messages = await run(
        ActionRespondDisclosure(), with_disclosure(tracker(category), category, "someone_else")
    )
    assert messages[0]["text"] == content.disclosures[category].about_someone_else


async def test_the_intent_alone_is_enough_when_the_safety_net_left_no_detail(
    tracker: MakeTracker, content: Content
) -> None:
    messages = await run(ActionRespondDisclosure(), tracker("missing"))
    assert messages[0]["text"] == content.disclosures["missing"].about_someone_else


async def test_the_way_back_goes_to_where_they_were(tracker: MakeTracker) -> None:
    category = "peer_abuse"
    messages = await run(
        ActionRespondDisclosure(),
        with_disclosure(tracker(category, place="topic:gaming"), category, "self"),
    )
    assert "/topic_gaming" in [b["payload"] for b in messages[-1]["buttons"]]


async def test_without_a_disclosure_it_still_offers_help(tracker: MakeTracker) -> None:
    messages = await run(ActionRespondDisclosure(), tracker("greet"))
    assert "Childline" in messages[0]["text"]


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("ask_childline", "0800 1111"),
        ("ask_anonymous_report", "fearless.org"),
        ("ask_trusted_adult", "youth worker"),
    ],
)
async def test_follow_ups(tracker: MakeTracker, intent: str, expected: str) -> None:
    messages = await run(ActionSafetyFollowUp(), tracker(intent))
    assert expected in messages[0]["text"]


async def test_not_what_i_meant_returns_gently(tracker: MakeTracker) -> None:
    messages = await run(ActionNotWhatIMeant(), tracker("not_what_i_meant", place="stage:hooked"))
    assert messages[0]["text"].startswith("Sorry, I got that wrong.")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/stage_hooked"]
