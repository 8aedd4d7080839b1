"""The privacy nudge, and what each action counts for anonymous insight."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import insights
from bot.actions.menu import ActionGreet, ActionPrivacyNudge, ActionRephrase
from bot.actions.safety import ActionRespondDisclosure
from bot.actions.trends import ActionShowTopic
from bot.actions.walkthrough import ActionShowStage
from bot.content import Content

MakeTracker = Callable[..., Tracker]
Counted = list[tuple[str, str]]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counted:
    """What the actions record, instead of a database."""
    events: Counted = []
    monkeypatch.setattr(insights, "record", lambda kind, key="": events.append((kind.value, key)))
    return events


def sharing(tracker: Tracker, *placeholders: str) -> Tracker:
    """The latest message as the privacy guard leaves it: details replaced, kinds as entities."""
    tracker.latest_message["entities"] = [
        {"entity": "personal_detail", "value": placeholder} for placeholder in placeholders
    ]
    return tracker


async def texts(action: Any, tracker: Tracker) -> list[str]:
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, {})
    return [message["text"] for message in dispatcher.messages]


async def test_sharing_only_a_name_gets_the_nudge_then_the_menu(
    tracker: MakeTracker, content: Content, counted: Counted
) -> None:
    replies = await texts(ActionPrivacyNudge(), sharing(tracker("share_details"), "[name]"))
    assert replies == [
        "Just so you know, you don't need to tell me names. I don't keep them, and nothing you "
        "type is kept after the chat.",
        content.menu.prompt,
    ]
    assert counted == [("privacy_nudge", "name")]


async def test_several_kinds_are_named_together_once(
    tracker: MakeTracker, counted: Counted
) -> None:
    message = sharing(tracker("share_details"), "[phone]", "[name]", "[phone]", "[school]")
    (nudge, _) = await texts(ActionPrivacyNudge(), message)
    assert "tell me phone numbers, names or the name of your school." in nudge
    assert counted == [
        ("privacy_nudge", "phone"),
        ("privacy_nudge", "name"),
        ("privacy_nudge", "school"),
    ]


async def test_offering_a_detail_without_sharing_it_gets_the_general_nudge(
    tracker: MakeTracker, content: Content
) -> None:
    (nudge, _) = await texts(ActionPrivacyNudge(), tracker("share_details"))
    assert content.privacy.any_details in nudge


async def test_any_reply_ends_with_the_nudge_when_the_message_shared_a_detail(
    tracker: MakeTracker, content: Content
) -> None:
    replies = await texts(ActionGreet(), sharing(tracker("greet"), "[name]"))
    assert replies[0] == content.menu.greeting
    assert replies[-1].startswith("Just so you know")


async def test_a_disclosure_is_answered_before_the_nudge(
    tracker: MakeTracker, content: Content, counted: Counted
) -> None:
    message = sharing(tracker("self_harm"), "[school]")
    replies = await texts(ActionRespondDisclosure(), message)
    assert replies[0] == content.disclosures["self_harm"].about_someone_else
    assert replies[-1].startswith("Just so you know")
    assert ("disclosure", "self_harm") in counted
    assert ("privacy_nudge", "school") in counted


async def test_the_nudge_is_given_once_per_message(tracker: MakeTracker) -> None:
    message = sharing(tracker("stage_hooked"), "[name]")
    message.events.extend(
        [{"event": "user", "text": "[name] here"}, {"event": "action", "name": "action_greet"}]
    )
    replies = await texts(ActionShowStage(), message)
    assert not any(reply.startswith("Just so you know") for reply in replies)


async def test_the_nudge_never_repeats_the_detail(tracker: MakeTracker) -> None:
    replies = await texts(ActionPrivacyNudge(), sharing(tracker("share_details"), "[name]"))
    assert all("[" not in reply for reply in replies)


async def test_viewing_a_stage_counts_it_and_the_services_shown(
    tracker: MakeTracker, content: Content, counted: Counted
) -> None:
    await texts(ActionShowStage(), tracker("stage_hooked"))
    assert counted[0] == ("stage_viewed", "hooked")
    shown = [key for kind, key in counted if kind == "service_shown"]
    assert shown == list(content.stage("hooked").services)


async def test_finishing_the_walkthrough_is_counted(
    tracker: MakeTracker, content: Content, counted: Counted
) -> None:
    last = content.stages[-1].id
    await texts(ActionShowStage(), tracker("next_stage", current_stage=last))
    assert counted == [("walkthrough_completed", "")]


async def test_viewing_a_topic_is_counted(tracker: MakeTracker, counted: Counted) -> None:
    await texts(ActionShowTopic(), tracker("topic_gaming"))
    assert counted[0] == ("topic_viewed", "gaming")


@pytest.mark.parametrize(("intent", "expected"), [("nlu_fallback", 1), ("out_of_scope", 0)])
async def test_not_understanding_is_counted_as_a_fallback(
    tracker: MakeTracker, counted: Counted, intent: str, expected: int
) -> None:
    await texts(ActionRephrase(), tracker(intent))
    assert counted.count(("fallback", "")) == expected


async def test_replies_go_out_when_the_insights_database_is_unavailable(
    tracker: MakeTracker, monkeypatch: pytest.MonkeyPatch, tmp_path: Any, caplog: Any
) -> None:
    not_a_database = tmp_path / "insights.sqlite3"
    not_a_database.write_text("this is not a database")
    monkeypatch.setenv("INSIGHTS_DB_URL", f"sqlite:///{not_a_database}")
    insights.close_recorder()  # the next record() reads the environment again
    try:
        for _ in range(3):
            replies = await texts(ActionShowStage(), tracker("stage_hooked"))
            assert replies[0].startswith("Stage 3 of 4: Hooked")
        insights.recorder.recorder().flush(timeout=5)
    finally:
        insights.close_recorder()
    failures = [record for record in caplog.records if record.levelname in {"WARNING", "ERROR"}]
    assert len(failures) == 1, [record.getMessage() for record in failures]


@pytest.mark.parametrize("channel", ["demo", "session"])
async def test_a_disclosure_in_a_demo_or_session_is_answered_but_not_counted(
    tracker: MakeTracker, content: Content, counted: Counted, channel: str
) -> None:
    message = tracker("self_harm")
    message.events.append({"event": "user", "text": "...", "input_channel": channel})
    replies = await texts(ActionRespondDisclosure(), message)
    assert replies[0] == content.disclosures["self_harm"].about_someone_else
    assert counted == []


async def test_the_ordinary_chat_is_still_counted(tracker: MakeTracker, counted: Counted) -> None:
    message = tracker("self_harm")
    message.events.append({"event": "user", "text": "...", "input_channel": "rest"})
    await texts(ActionRespondDisclosure(), message)
    assert ("disclosure", "self_harm") in counted
