"""Each action, run as the action server runs it, with CollectingDispatcher and trackers."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.help import ActionShowHelp
from bot.actions.listening import ActionRespondMoment
from bot.actions.menu import ActionGreet, ActionRephrase, ActionShowMenu, ActionSmallTalk
from bot.actions.trends import ActionShowTopic, ActionShowTrends
from bot.actions.walkthrough import ActionShowOverview, ActionShowStage
from bot.content import Content, ContentError, ContentStore

MakeTracker = Callable[..., Tracker]


async def run(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def payloads(message: dict[str, Any]) -> list[str]:
    return [button["payload"] for button in message["buttons"]]


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(message["text"] for message in messages)


async def test_greet_says_it_is_a_bot_and_offers_the_menu(tracker: MakeTracker) -> None:
    messages, events = await run(ActionGreet(), tracker("greet"))
    assert "chatbot, not a person" in messages[0]["text"]
    assert payloads(messages[-1]) == ["/learn_stages", "/learn_trends", "/worried", "/get_help"]
    assert [button["title"] for button in messages[-1]["buttons"]] == [
        "Learn the 4 stages", "Emerging trends", "I'm worried about something", "Get help now",
    ]  # fmt: skip
    assert events == []


async def test_menu_shows_the_four_choices(tracker: MakeTracker) -> None:
    messages, _ = await run(ActionShowMenu(), tracker("menu"))
    assert len(payloads(messages[0])) == 4


async def test_overview_sets_the_place(tracker: MakeTracker) -> None:
    messages, events = await run(ActionShowOverview(), tracker("learn_stages"))
    assert "Grooming" in messages[0]["text"]
    assert payloads(messages[0]) == ["/stage_targeting"]
    assert events == [SlotSet("place", "overview")]


async def test_stage_by_name_shows_it_and_remembers_it(
    tracker: MakeTracker, content: Content
) -> None:
    messages, events = await run(ActionShowStage(), tracker("stage_hooked"))
    assert messages[0]["text"].startswith("Stage 3 of 4: Hooked")
    for sign in content.stage("hooked").signs:
        assert sign.sign in texts(messages)
    assert payloads(messages[-1]) == ["/stage_experience", "/stage_trapped", "/menu"]
    assert events == [SlotSet("place", "stage:hooked"), SlotSet("current_stage", "hooked")]


async def test_next_stage_follows_the_current_stage(tracker: MakeTracker) -> None:
    messages, events = await run(ActionShowStage(), tracker("next_stage", current_stage="hooked"))
    assert messages[0]["text"].startswith("Stage 4 of 4: Trapped")
    assert SlotSet("current_stage", "trapped") in events


async def test_previous_stage_goes_back(tracker: MakeTracker) -> None:
    messages, _ = await run(ActionShowStage(), tracker("previous_stage", current_stage="hooked"))
    assert messages[0]["text"].startswith("Stage 2 of 4: Experience")


async def test_next_after_trapped_finishes(tracker: MakeTracker, content: Content) -> None:
    messages, events = await run(ActionShowStage(), tracker("next_stage", current_stage="trapped"))
    assert texts(messages) == content.journey.finished
    assert events == [SlotSet("place", "stage:trapped")]


async def test_trends_lists_the_topics(tracker: MakeTracker) -> None:
    messages, events = await run(ActionShowTrends(), tracker("learn_trends"))
    assert "/topic_images" in payloads(messages[0])
    assert events == [SlotSet("place", "trends")]


@pytest.mark.parametrize("topic_id", ["knife_crime", "gaming", "peer_abuse", "images", "car_crime"])
async def test_each_topic_is_shown_from_content(
    tracker: MakeTracker, content: Content, topic_id: str
) -> None:
    messages, events = await run(ActionShowTopic(), tracker(f"topic_{topic_id}"))
    assert messages[0]["text"].startswith(content.topic(topic_id).title)
    assert payloads(messages[-1]) == ["/learn_trends", "/menu"]
    assert events == [SlotSet("place", f"topic:{topic_id}")]


async def test_help_shows_core_services_and_the_way_back(tracker: MakeTracker) -> None:
    messages, events = await run(ActionShowHelp(), tracker("get_help", place="stage:hooked"))
    text = texts(messages)
    assert "999" in text and "press 55" in text and "0800 1111" in text and "Fearless" in text
    assert payloads(messages[-1]) == ["/stage_hooked", "/menu"]
    assert messages[-1]["buttons"][0]["title"] == "Back to stage 3: Hooked"
    assert events == []  # where they were is kept, so "next" carries on from there


@pytest.mark.parametrize("intent", ["thanks", "goodbye", "who_made_you", "how_are_you"])
async def test_small_talk_replies_from_content(
    tracker: MakeTracker, content: Content, intent: str
) -> None:
    messages, _ = await run(ActionSmallTalk(), tracker(intent))
    assert texts(messages) == content.smalltalk.replies[intent]


async def test_the_worried_button_invites_them_to_talk_and_lists_help(
    tracker: MakeTracker,
) -> None:
    messages, _ = await run(ActionRespondMoment(), tracker("worried"))
    assert "I won't judge you" in messages[0]["text"]
    assert "won't be in trouble" not in messages[0]["text"]  # not a promise anyone can keep
    assert "999" in messages[0]["text"] and "Childline" in messages[0]["text"]


@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope"])
async def test_rephrase_is_kind_and_never_names_an_intent(
    tracker: MakeTracker, intent: str
) -> None:
    messages, _ = await run(ActionRephrase(), tracker(intent))
    assert "Sorry" in messages[0]["text"] or "can't help" in messages[0]["text"]
    assert intent not in messages[0]["text"]
    assert len(messages[0]["buttons"]) == 4


def touch_later(path: Path) -> None:
    """Make sure the edit has a newer modification time, even on coarse clocks."""
    later = time.time() + 2
    os.utime(path, (later, later))


async def test_edited_content_shows_up_without_retraining_or_restart(
    tracker: MakeTracker, content_dir: Path, actions_read: Callable[[Path], ContentStore]
) -> None:
    actions_read(content_dir)
    before, _ = await run(ActionShowStage(), tracker("stage_hooked"))
    assert "Stage 3 of 4: Hooked" in before[0]["text"]

    journey = content_dir / "journey.yml"
    journey.write_text(
        journey.read_text().replace(
            'stage_heading: "Stage {number} of {total}: {title}"',
            'stage_heading: "Part {number} of {total}: {title}"',
        )
    )
    touch_later(journey)
    after, _ = await run(ActionShowStage(), tracker("stage_hooked"))
    assert after[0]["text"].startswith("Part 3 of 4: Hooked")


async def test_malformed_content_gives_a_clear_error_naming_file_and_line(
    tracker: MakeTracker, content_dir: Path, actions_read: Callable[[Path], ContentStore]
) -> None:
    broken = content_dir / "stages" / "trapped.yml"
    broken.write_text(broken.read_text().replace("number: 4", "number: four"))
    actions_read(content_dir)
    with pytest.raises(ContentError) as raised:
        await run(ActionShowStage(), tracker("stage_trapped"))
    line = broken.read_text().splitlines().index("number: four") + 1
    assert str(raised.value) == f"{broken}:{line}: 'number': value is not a valid integer"


async def test_a_bad_edit_keeps_the_last_good_content_serving(
    tracker: MakeTracker,
    content_dir: Path,
    actions_read: Callable[[Path], ContentStore],
    caplog: pytest.LogCaptureFixture,
) -> None:
    actions_read(content_dir)
    await run(ActionShowStage(), tracker("stage_trapped"))
    broken = content_dir / "stages" / "trapped.yml"
    broken.write_text(broken.read_text().replace("number: 4", "number: four"))
    touch_later(broken)

    messages, _ = await run(ActionShowStage(), tracker("stage_trapped"))
    assert messages[0]["text"].startswith("Stage 4 of 4: Trapped")
    assert f"{broken}:" in caplog.text and "still serving the last good version" in caplog.text
