"""Reply building from content, with no Rasa involved."""

from __future__ import annotations

import pytest

from bot.content import Content
from bot.content.programme import STAGE_ORDER
from bot.dialogue import help, menu, trends, walkthrough
from bot.dialogue.places import stage_place, topic_place
from bot.dialogue.replies import Button
from bot.dialogue.services import service_line


def intents(buttons: tuple[Button, ...]) -> list[str]:
    return [button.intent for button in buttons]


def all_text(replies: list) -> str:  # type: ignore[type-arg]
    return "\n".join(reply.text for reply in replies)


def test_greeting_says_it_is_a_bot_and_offers_the_four_choices(content: Content) -> None:
    replies = menu.greeting(content)
    assert "chatbot, not a person" in replies[0].text
    assert intents(replies[-1].buttons) == ["learn_stages", "learn_trends", "worried", "get_help"]


@pytest.mark.parametrize("stage_id", STAGE_ORDER)
def test_a_stage_shows_its_summary_every_sign_with_an_example_and_what_to_do(
    content: Content, stage_id: str
) -> None:
    stage = content.stage(stage_id)
    replies = walkthrough.stage(content, stage_id)
    text = all_text(replies)
    assert f"Stage {stage.number} of 4: {stage.title}" in text
    assert stage.summary in text
    for sign in stage.signs:
        assert sign.sign in text
        assert sign.example in text
    assert stage.what_you_can_do in text
    for service_id in stage.services:
        assert content.services[service_id].name in text


def test_stage_buttons_go_back_forward_and_to_the_menu(content: Content) -> None:
    first, middle, last = (
        walkthrough.stage(content, s)[-1] for s in ("targeting", "hooked", "trapped")
    )
    assert intents(first.buttons) == ["stage_experience", "menu"]
    assert intents(middle.buttons) == ["stage_experience", "stage_trapped", "menu"]
    assert intents(last.buttons) == ["stage_hooked", "next_stage", "menu"]
    assert [button.label for button in middle.buttons] == [
        "Back: Experience", "Next: Trapped", "Menu",
    ]  # fmt: skip


def test_next_and_previous_move_from_the_current_stage(content: Content) -> None:
    assert walkthrough.respond(content, "next_stage", "experience").stage_id == "hooked"
    assert walkthrough.respond(content, "previous_stage", "experience").stage_id == "targeting"


def test_next_with_no_stage_yet_starts_at_targeting(content: Content) -> None:
    shown = walkthrough.respond(content, "next_stage", None)
    assert shown.stage_id == "targeting"
    assert shown.place == stage_place("targeting")


def test_next_after_the_last_stage_finishes_the_walkthrough(content: Content) -> None:
    shown = walkthrough.respond(content, "next_stage", "trapped")
    assert [reply.text for reply in shown.replies] == [content.journey.finished]
    assert shown.stage_id is None
    assert intents(shown.replies[0].buttons) == ["stage_targeting", "learn_trends", "menu"]


def test_previous_before_the_first_stage_shows_the_overview(content: Content) -> None:
    shown = walkthrough.respond(content, "previous_stage", "targeting")
    assert shown.replies == [walkthrough.overview(content)]


def test_overview_explains_grooming_and_starts_at_stage_one(content: Content) -> None:
    reply = walkthrough.overview(content)
    assert "Grooming" in reply.text
    assert [(b.label, b.intent) for b in reply.buttons] == [
        ("Start with stage 1: Targeting", "stage_targeting")
    ]


def test_help_lists_core_services_and_offers_the_way_back(content: Content) -> None:
    replies = help.get_help(content, stage_place("hooked"))
    text = all_text(replies)
    for number in ("999", "55", "0800 1111", "fearless.org"):
        assert number in text
    assert "can't contact anyone for you" in text
    back, to_menu = replies[-1].buttons
    assert (back.label, back.intent) == ("Back to stage 3: Hooked", "stage_hooked")
    assert to_menu.intent == "menu"


def test_help_from_a_topic_goes_back_to_the_topic(content: Content) -> None:
    back = help.get_help(content, topic_place("gaming"))[-1].buttons[0]
    assert back.intent == "topic_gaming"


@pytest.mark.parametrize("place", [None, "", "stage:nonsense", "somewhere"])
def test_help_from_nowhere_offers_only_the_menu(content: Content, place: str | None) -> None:
    assert intents(help.get_help(content, place)[-1].buttons) == ["menu"]


def test_trends_menu_lists_every_topic_in_order_then_menu(content: Content) -> None:
    reply = trends.trends_menu(content)
    assert intents(reply.buttons) == [
        "topic_knife_crime", "topic_gaming", "topic_peer_abuse", "topic_images", "topic_car_crime",
        "menu",
    ]  # fmt: skip


def test_a_topic_shows_summary_points_and_services(content: Content) -> None:
    topic = content.topic("knife_crime")
    text = all_text(trends.topic(content, "knife_crime"))
    assert topic.summary in text
    assert all(point in text for point in topic.points)
    assert "Fearless" in text


def test_service_line_says_how_to_reach_it_privacy_and_hours(content: Content) -> None:
    line = service_line(content, "samaritans")
    assert line.startswith("Samaritans, for anyone who is struggling")
    assert "call 116 123 (free) or email jo@samaritans.org" in line
    assert "It's confidential." in line
    assert line.endswith("Open 24 hours a day, every day.")


def test_services_without_confirmed_hours_state_none(content: Content) -> None:
    assert "Open" not in service_line(content, "fearless")


@pytest.mark.parametrize("intent", [None, "nlu_fallback", "out_of_scope", "stage_hooked"])
def test_rephrase_never_shows_an_intent_name(content: Content, intent: str | None) -> None:
    reply = menu.rephrase(content, intent)
    assert "_" not in reply.text
    assert "Did you mean" not in reply.text
    assert intents(reply.buttons) == ["learn_stages", "learn_trends", "worried", "get_help"]


def test_out_of_scope_has_its_own_kind_wording(content: Content) -> None:
    assert menu.rephrase(content, "out_of_scope").text == content.menu.out_of_scope


@pytest.mark.parametrize("intent", ["thanks", "goodbye", "who_made_you", "how_are_you"])
def test_every_small_talk_intent_has_a_reply(content: Content, intent: str) -> None:
    reply = menu.small_talk(content, intent)
    assert reply is not None and reply.text
