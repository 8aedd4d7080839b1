"""What a young person reads after a disclosure, for every category (no Rasa involved)."""

from __future__ import annotations

import re

import pytest

from bot.content import Content
from bot.dialogue import disclosure
from bot.dialogue.places import stage_place
from bot.safety.categories import CATEGORIES

# Questions that probe for detail or identity. Nothing the assistant says may ask these.
PROBING = re.compile(
    r"what('s| is) your name|how old|your age|where do you live|which school|what school|"
    r"your address|who (did|is doing) (this|it)|tell me more|what happened\?",
    re.IGNORECASE,
)


def everything_said(content: Content, category: str) -> str:
    replies = disclosure.respond(content, category, "self", None)
    replies += disclosure.respond(content, category, "someone_else", None)
    return "\n".join([content.safety.first_response, *(reply.text for reply in replies)])


def test_the_first_response_thanks_says_not_their_fault_and_gives_999_and_childline(
    content: Content,
) -> None:
    first = content.safety.first_response
    assert first.startswith("Thank you for telling me.")
    assert "not your fault" in first
    assert "999" in first and "press 55" in first
    assert "Childline" in first and "0800 1111" in first


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_reply_is_safe(content: Content, category: str) -> None:
    text = everything_said(content, category)
    assert not PROBING.search(text), PROBING.search(text)
    reply = content.disclosures[category]
    for opening in (reply.about_you, reply.about_someone_else):
        assert "?" not in opening  # no questions at all in what this harm is
    assert "can't contact anyone" in text  # honest about being a bot


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_lists_two_or_three_services_with_how_to_reach_them(
    content: Content, category: str
) -> None:
    services = content.disclosures[category].services
    assert 2 <= len(services) <= 3
    text = disclosure.respond(content, category, "self", None)[1].text
    for service_id in services:
        service = content.services[service_id]
        assert service.name in text
        assert all(contact.text in text for contact in service.contacts)
        assert service.privacy in text  # whether it is anonymous, in plain words


def test_immediate_danger_leads_with_999_and_the_silent_solution_then_childline(
    content: Content,
) -> None:
    opening, services, _ = disclosure.respond(content, "immediate_danger", "self", None)
    assert "999" in opening.text and "55" in opening.text
    lines = services.text.splitlines()[1:]
    assert lines[0].startswith("• Police (999)")
    assert lines[1].startswith("• Silent Solution") and "press 55" in lines[1]
    assert lines[2].startswith("• Childline")


@pytest.mark.parametrize(
    ("category", "services"),
    [
        ("criminal_exploitation", {"fearless"}),
        ("online_grooming", {"ceop"}),
        ("image_abuse", {"report_remove", "take_it_down"}),
        ("missing", {"missing_people"}),
        ("trafficking", {"modern_slavery_helpline"}),
        ("self_harm", {"samaritans", "shout"}),
    ],
)
def test_categories_point_to_the_services_that_fit(
    content: Content, category: str, services: set[str]
) -> None:
    assert services <= set(content.disclosures[category].services)


def test_about_a_friend_the_reply_includes_someone_you_know(content: Content) -> None:
    opening = disclosure.respond(content, "criminal_exploitation", "someone_else", None)[0]
    assert "you or someone you know" in opening.text
    unclear = disclosure.respond(content, "criminal_exploitation", "unclear", None)[0]
    assert unclear == opening
    about_you = disclosure.respond(content, "criminal_exploitation", "self", None)[0]
    assert "someone you know" not in about_you.text


def test_next_steps_offer_childline_anonymous_reporting_an_adult_going_back_and_a_correction(
    content: Content,
) -> None:
    buttons = disclosure.respond(content, "peer_abuse", "self", stage_place("hooked"))[-1].buttons
    assert [button.intent for button in buttons] == [
        "ask_childline", "ask_anonymous_report", "ask_trusted_adult", "stage_hooked",
        "not_what_i_meant",
    ]  # fmt: skip


def test_with_nowhere_to_go_back_to_the_menu_is_offered(content: Content) -> None:
    buttons = disclosure.respond(content, "peer_abuse", "self", None)[-1].buttons
    assert buttons[3].intent == "menu"


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("ask_childline", "counsellor"),
        ("ask_anonymous_report", "Fearless"),
        ("ask_trusted_adult", "teacher"),
    ],
)
def test_follow_ups_answer_and_keep_the_other_steps(
    content: Content, intent: str, expected: str
) -> None:
    [reply] = disclosure.follow_up(content, intent, None)
    assert expected in reply.text
    offered = [button.intent for button in reply.buttons]
    assert intent not in offered
    assert "not_what_i_meant" in offered


def test_anonymous_reporting_lists_anonymous_services(content: Content) -> None:
    [reply] = disclosure.follow_up(content, "ask_anonymous_report", None)
    assert "fearless.org" in reply.text and "0800 555 111" in reply.text
    assert all(content.services[s].anonymous for s in content.safety.anonymous_services)


def test_not_what_i_meant_apologises_and_goes_back(content: Content) -> None:
    reply = disclosure.not_what_i_meant(content, stage_place("trapped"))
    assert reply.text.startswith("Sorry, I got that wrong.")
    assert [button.intent for button in reply.buttons] == ["stage_trapped"]
