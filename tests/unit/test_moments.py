"""What a young person reads at the moments around telling (bot/dialogue/moments.py), built
from the shipped content: honest, kind, never "say it another way", never asking for details."""

from __future__ import annotations

import re

import pytest

from bot.content import Content
from bot.dialogue import disclosure, moments
from bot.dialogue.replies import Reply
from bot.safety.listening import Moment
from bot.safety.patterns import GENERAL_FEAR

PROBING = re.compile(
    r"what('s| is) your name|how old|your age|where do you live|which school|your address",
    re.IGNORECASE,
)


def said(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def test_a_trust_question_is_answered_honestly_and_briefly(content: Content) -> None:
    text = said(moments.respond(content, Moment.TRUST, None, None, None))
    assert "chatbot" in text
    assert "can't tell anyone" in text and "can't\ncontact anyone" not in text
    assert "Nothing you type is kept" in text
    assert "Childline" in text and "life is in danger" in text  # what Childline does with it
    assert content.menu.rephrase not in text


@pytest.mark.parametrize("moment", list(Moment))
def test_no_moment_asks_for_details_or_to_say_it_another_way(
    content: Content, moment: Moment
) -> None:
    text = said(moments.respond(content, moment, None, "image_abuse", None))
    assert text
    assert not PROBING.search(text)
    assert content.menu.rephrase not in text


def test_each_feeling_is_acknowledged_in_its_own_words_then_invited(content: Content) -> None:
    for feeling in content.listening.feelings:
        [reply] = moments.respond(content, Moment.FEELING, feeling.id, None, None)
        assert reply.text.startswith(feeling.say)
        assert content.listening.feeling_invite in reply.text


def test_each_fear_is_answered_as_a_fear_of_telling_then_with_its_facts_and_services(
    content: Content,
) -> None:
    # "will he go prison n everyone hate me": the fear of telling at all comes with the fear of
    # his arrest, so both are answered, the general one first.
    for fear in content.listening.fears:
        [reply] = moments.respond(content, Moment.FEAR, fear.id, None, None)
        assert reply.text.startswith(content.listening.fear), fear.id
        assert fear.say in reply.text, fear.id
        assert reply.services == tuple(fear.services or content.listening.fear_services)


def test_the_arrest_fear_says_what_is_true_without_promising_no_trouble(content: Content) -> None:
    [reply] = moments.respond(content, Moment.FEAR, "arrest", None, None)
    assert "Modern Slavery Act 2015" in reply.text and "section 45" in reply.text
    assert "solicitor" in reply.text and "appropriate adult" in reply.text
    assert "won't be in trouble" not in reply.text


def test_a_check_in_offers_ok_and_not_ok(content: Content) -> None:
    [reply] = moments.respond(content, Moment.CHECK_IN, "self_harm", None, None)
    assert [button.intent for button in reply.buttons] == ["checkin_ok", "checkin_not_ok"]
    assert "checking" in reply.text.lower()


def test_inside_a_disclosure_a_moment_keeps_its_help_in_view(content: Content) -> None:
    replies = moments.respond(content, Moment.FEELING, "scared", "image_abuse", None)
    assert replies[-1].services == tuple(content.disclosures["image_abuse"].services)


def test_a_feeling_while_an_emergency_is_live_keeps_999_in_view(content: Content) -> None:
    replies = moments.respond(
        content, Moment.FEELING, "care", "weapons_violence", None, urgent=True
    )
    texts = [reply.text for reply in replies]
    assert texts[0] == content.listening.still_in_danger and "999" in texts[0]
    assert texts[1].startswith(next(k.say for k in content.listening.feelings if k.id == "care"))
    assert replies[-1].services == tuple(content.disclosures["weapons_violence"].services)
    calm = moments.respond(content, Moment.FEELING, "care", "weapons_violence", None)
    assert content.listening.still_in_danger not in [reply.text for reply in calm]


def test_a_trust_question_while_an_emergency_is_live_keeps_999_in_view(content: Content) -> None:
    replies = moments.respond(content, Moment.TRUST, None, "self_harm", None, urgent=True)
    texts = [reply.text for reply in replies]
    assert texts[0] == content.listening.still_in_danger
    assert texts[1].startswith(content.listening.trust)


def test_a_trust_question_that_voices_a_fear_gets_both_answers_and_the_ways_on_once(
    content: Content,
) -> None:
    replies = moments.respond(content, Moment.TRUST, "found_out", None, None)
    found_out = next(kind for kind in content.listening.fears if kind.id == "found_out")
    assert replies[0].text.startswith(content.listening.trust) and not replies[0].buttons
    assert replies[1].text.startswith(content.listening.fear) and replies[1].buttons
    assert found_out.say in replies[1].text
    [general] = moments.respond(content, Moment.TRUST, "general", None, None)[1:]
    assert general.text.startswith(content.listening.fear)


def test_a_follow_up_while_an_emergency_is_live_leads_with_999(content: Content) -> None:
    replies = moments.respond(content, Moment.FOLLOW_UP, None, "self_harm", None, urgent=True)
    assert replies[0].text == content.listening.still_in_danger
    assert content.disclosures["self_harm"].follow_up in said(replies)
    calm = moments.respond(content, Moment.FOLLOW_UP, None, "self_harm", None)
    assert content.listening.still_in_danger not in said(calm)


def test_a_follow_up_gives_the_categorys_next_steps_and_services(content: Content) -> None:
    replies = moments.respond(content, Moment.FOLLOW_UP, None, "image_abuse", None)
    text = said(replies)
    assert content.disclosures["image_abuse"].follow_up in text
    assert "Don't pay" in text
    assert replies[-1].buttons  # the next steps stay on offer


def test_in_welsh_a_moment_without_its_own_welsh_starts_with_meic(content: Content) -> None:
    replies = moments.respond(content, Moment.FEELING, "alone", None, None, welsh=True)
    assert replies[0].text == content.listening.welsh.meic
    trust = moments.respond(content, Moment.TRUST, None, None, None, welsh=True)
    assert trust[0].text.startswith(content.listening.welsh.trust)


def test_an_urgent_disclosure_lists_999_first_and_in_welsh_adds_meic_after_childline(
    content: Content,
) -> None:
    replies = disclosure.respond(content, "self_harm", "self", None, urgent=True, welsh=True)
    services = next(reply.services for reply in replies if reply.services)
    assert services[0] == "police_emergency"
    assert services.index("meic") == services.index("childline") + 1
    assert replies[0].text.startswith(content.disclosures["self_harm"].welsh.about_you)


def test_a_disclosure_that_voices_a_fear_answers_it_straight_after_the_opening(
    content: Content,
) -> None:
    replies = disclosure.respond(content, "criminal_exploitation", "self", None, fear="arrest")
    fear = next(kind for kind in content.listening.fears if kind.id == "arrest")
    assert replies[1].text == f"{content.listening.fear}\n\n{fear.say}"


def test_a_fear_of_no_particular_kind_gets_the_general_answer_everywhere(content: Content) -> None:
    # "if i tell a teacher theyll exclude me": listening.yml's fear_patterns, kind "general"
    [alone] = moments.respond(content, Moment.FEAR, GENERAL_FEAR, None, None)
    assert alone.text.startswith(content.listening.fear)
    told = disclosure.respond(content, "weapons_violence", "self", None, fear=GENERAL_FEAR)
    assert told[1].text == content.listening.fear
    again = moments.respond(content, Moment.FOLLOW_UP, GENERAL_FEAR, "weapons_violence", None)
    assert content.listening.fear in said(again)


def test_the_static_replies_lead_with_999_in_every_variation(content: Content) -> None:
    responses = disclosure.static_responses(content)
    for variation in responses["utter_urgent_first"]:
        assert "999" in variation["text"].split("\n\n")[0]
    welsh = responses["utter_safety_first"][0]
    assert welsh["condition"] == [{"type": "slot", "name": "language", "value": "cy"}]
    assert welsh["text"].endswith(content.safety.first_response)
