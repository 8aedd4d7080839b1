"""Whole conversations through the trained model and the real action server (rasa.core.agent)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Content

pytestmark = pytest.mark.model

Messages = list[dict[str, Any]]


async def say(agent: Any, sender: str, text: str) -> Messages:
    messages: Messages = await agent.handle_text(text, sender_id=sender) or []
    assert messages, f"no reply to {text!r}"
    return messages


def button(messages: Messages, title_start: str) -> str:
    """The payload of the button whose title starts with `title_start`, as a click sends it."""
    for message in messages:
        for candidate in message.get("buttons", []):
            if candidate["title"].startswith(title_start):
                return str(candidate["payload"])
    titles = [b["title"] for m in messages for b in m.get("buttons", [])]
    raise AssertionError(f"no button starting {title_start!r} in {titles}")


def text(messages: Messages) -> str:
    return "\n".join(message.get("text", "") for message in messages)


async def test_full_walkthrough_of_all_four_stages_by_buttons(
    agent: Any, sender: str, content: Content
) -> None:
    greeting = await say(agent, sender, "hi")
    assert "chatbot, not a person" in text(greeting)

    overview = await say(agent, sender, button(greeting, "Learn the 4 stages"))
    assert "Grooming" in text(overview)

    shown = await say(agent, sender, button(overview, "Start with stage 1"))
    headings = [shown[0]["text"].splitlines()[0]]
    for _ in range(3):
        shown = await say(agent, sender, button(shown, "Next:"))
        headings.append(shown[0]["text"].splitlines()[0])
    assert headings == [
        "Stage 1 of 4: Targeting",
        "Stage 2 of 4: Experience",
        "Stage 3 of 4: Hooked",
        "Stage 4 of 4: Trapped",
    ]
    for sign in content.stage("trapped").signs:
        assert sign.example in text(shown)

    finished = await say(agent, sender, button(shown, content.journey.finish_button))
    assert text(finished) == content.journey.finished


async def test_back_button_goes_to_the_previous_stage(agent: Any, sender: str) -> None:
    hooked = await say(agent, sender, "/stage_hooked")
    experience = await say(agent, sender, button(hooked, "Back:"))
    assert experience[0]["text"].startswith("Stage 2 of 4: Experience")


@pytest.mark.parametrize(
    ("message", "heading"),
    [
        ("what's the hooked stage", "Stage 3 of 4: Hooked"),
        ("what happens when you're trapped", "Stage 4 of 4: Trapped"),
        ("signs someone is being targeted", "Stage 1 of 4: Targeting"),
    ],
)
async def test_entering_at_a_stage_by_free_text(
    agent: Any, sender: str, message: str, heading: str
) -> None:
    shown = await say(agent, sender, message)
    assert shown[0]["text"].startswith(heading)


async def test_entering_at_hooked_then_saying_next_carries_on(agent: Any, sender: str) -> None:
    await say(agent, sender, "what's the hooked stage")
    shown = await say(agent, sender, "next")
    assert shown[0]["text"].startswith("Stage 4 of 4: Trapped")


async def test_what_does_grooming_mean_explains_and_offers_stage_one(
    agent: Any, sender: str
) -> None:
    shown = await say(agent, sender, "what does grooming mean")
    assert "Grooming is" in text(shown)
    assert button(shown, "Start with stage 1") == "/stage_targeting"


async def test_help_from_the_middle_of_a_stage_and_back(agent: Any, sender: str) -> None:
    await say(agent, sender, "/greet")
    await say(agent, sender, "/stage_experience")
    helped = await say(agent, sender, "I need help")
    assert "999" in text(helped) and "0800 1111" in text(helped) and "Fearless" in text(helped)

    back = await say(agent, sender, button(helped, "Back to stage 2"))
    assert back[0]["text"].startswith("Stage 2 of 4: Experience")
    onward = await say(agent, sender, "next stage")
    assert onward[0]["text"].startswith("Stage 3 of 4: Hooked")


@pytest.mark.parametrize("message", ["help", "who can I talk to"])
async def test_help_by_free_text_at_the_start(agent: Any, sender: str, message: str) -> None:
    helped = await say(agent, sender, message)
    assert "Childline" in text(helped)


@pytest.mark.parametrize(
    ("message", "topic_id"),
    [
        ("why do people carry knives", "knife_crime"),
        ("is it safe to talk to people on xbox", "gaming"),
        ("what is sextortion", "images"),
        ("car crime", "car_crime"),
        ("what is peer on peer abuse", "peer_abuse"),
    ],
)
async def test_trend_topics_by_free_text(
    agent: Any, sender: str, message: str, topic_id: str, content: Content
) -> None:
    shown = await say(agent, sender, message)
    assert shown[0]["text"].startswith(content.topic(topic_id).title)


async def test_trend_topics_by_button(agent: Any, sender: str) -> None:
    trends = await say(agent, sender, "/learn_trends")
    topic = await say(agent, sender, button(trends, "Knife crime"))
    assert "Why young people might carry a knife" in text(topic)


@pytest.mark.parametrize("message", ["can you order me a pizza", "asdfghjkl"])
async def test_out_of_scope_gets_a_kind_prompt_not_an_intent_name(
    agent: Any, sender: str, message: str, content: Content
) -> None:
    replies = await say(agent, sender, message)
    assert text(replies) in (content.menu.out_of_scope, content.menu.rephrase)
    assert "Did you mean" not in text(replies)
    assert [b["payload"] for b in replies[0]["buttons"]] == [
        "/learn_stages", "/learn_trends", "/worried", "/get_help",
    ]  # fmt: skip


async def test_small_talk(agent: Any, sender: str, content: Content) -> None:
    # "Are you a bot?" is a trust question: it gets the honest answer about what the bot keeps.
    assert content.listening.trust.split("\n\n")[0] in text(
        await say(agent, sender, "are you a bot")
    )
    assert text(await say(agent, sender, "thanks")) == content.smalltalk.replies["thanks"]
