"""The listening layer's actions, run as the action server runs them, with trackers whose latest
message carries what the safety net decided (bot/rasa_ext/safety_net.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import insights
from bot.actions.listening import ActionRespondMoment
from bot.actions.safety import ActionRespondDisclosure
from bot.content import Content
from bot.safety.listening import State

MakeTracker = Callable[..., Tracker]


def heard(tracker: Tracker, moment: str | None, kind: str | None = None, **state: Any) -> Tracker:
    tracker.latest_message["listening"] = {
        "moment": moment,
        "kind": kind,
        "state": State(**state).to_dict(),
    }
    return tracker


def disclosed(tracker: Tracker, category: str, **found: Any) -> Tracker:
    tracker.latest_message["disclosure"] = {"category": category, "about": "self", **found}
    return tracker


async def run(action: Any, tracker: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    assert await action.run(dispatcher, tracker, {}) == []
    return dispatcher.messages


def said(messages: list[dict[str, Any]]) -> str:
    return "\n".join(message["text"] for message in messages)


async def test_a_trust_question_gets_the_honest_answer(
    tracker: MakeTracker, content: Content
) -> None:
    messages = await run(ActionRespondMoment(), heard(tracker("trust_question"), "trust"))
    assert said(messages).startswith(content.listening.trust)
    assert content.menu.rephrase not in said(messages)


async def test_are_you_a_bot_gets_the_trust_answer_too(
    tracker: MakeTracker, content: Content
) -> None:
    messages = await run(ActionRespondMoment(), tracker("bot_challenge"))  # no NLU: a button
    assert said(messages).startswith(content.listening.trust)


async def test_a_feeling_inside_a_disclosure_keeps_its_help(
    tracker: MakeTracker, content: Content
) -> None:
    track = heard(tracker("worried"), "feeling", "scared", thread="image_abuse", thread_left=3)
    messages = await run(ActionRespondMoment(), track)
    assert said(messages).startswith(
        next(f.say for f in content.listening.feelings if f.id == "scared")
    )
    assert content.services["ceop"].name in said(messages)


async def test_a_follow_up_gives_the_disclosures_next_steps(
    tracker: MakeTracker, content: Content
) -> None:
    track = disclosed(heard(tracker("ask_what_to_do"), "follow_up"), "image_abuse", follow_up=True)
    messages = await run(ActionRespondMoment(), track)
    assert content.disclosures["image_abuse"].follow_up in said(messages)
    assert messages[-1]["buttons"]


async def test_a_check_in_is_counted_as_its_own_event(
    tracker: MakeTracker, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[tuple[insights.EventKind, str]] = []
    monkeypatch.setattr(insights, "record", lambda kind, key="": counted.append((kind, key)))
    messages = await run(
        ActionRespondMoment(), heard(tracker("hyperbole"), "check_in", "self_harm")
    )
    assert messages[0]["text"] == content.listening.check_in.text
    assert [button["payload"] for button in messages[0]["buttons"]] == [
        "/checkin_ok",
        "/checkin_not_ok",
    ]
    assert (insights.EventKind.CHECK_IN, "self_harm") in counted


async def test_an_emergency_reply_lists_999_first_and_answers_a_fear(
    tracker: MakeTracker, content: Content
) -> None:
    track = disclosed(
        tracker("immediate_danger"), "criminal_exploitation", urgent=True, fear="arrest"
    )
    messages = await run(ActionRespondDisclosure(), track)
    text = said(messages)
    assert "Modern Slavery Act 2015" in text
    services = text.split(content.safety.honest, 1)[1]
    assert services.strip().startswith("• Police (999)")


async def test_a_welsh_disclosure_is_bilingual_welsh_first_with_meic(
    tracker: MakeTracker, content: Content
) -> None:
    messages = await run(
        ActionRespondDisclosure(), disclosed(tracker("self_harm"), "self_harm", welsh=True)
    )
    reply = content.disclosures["self_harm"]
    assert messages[0]["text"].startswith(reply.welsh.about_you)
    assert reply.about_you in messages[0]["text"]
    assert "Meic" in said(messages)


async def test_a_follow_up_disclosure_is_not_counted_again(
    tracker: MakeTracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[tuple[insights.EventKind, str]] = []
    monkeypatch.setattr(insights, "record", lambda kind, key="": counted.append((kind, key)))
    await run(ActionRespondDisclosure(), disclosed(tracker("missing"), "missing", follow_up=True))
    assert not any(kind is insights.EventKind.DISCLOSURE for kind, _ in counted)
    await run(ActionRespondDisclosure(), disclosed(tracker("missing"), "missing"))
    assert (insights.EventKind.DISCLOSURE, "missing") in counted
