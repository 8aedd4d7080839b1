"""Advice a young person can act on safely: each fact a safeguarding review corrected is pinned
here, so it cannot quietly slip back (issue 14). Each test reads the shipped content."""

from __future__ import annotations

import html
import re

import pytest

from bot.content import Content
from bot.content.session_pack import render_session_pack


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _fear(content: Content, fear_id: str) -> str:
    return _flat(next(fear.say for fear in content.listening.fears if fear.id == fear_id))


def test_the_self_harm_reply_says_what_to_do_after_tablets_have_been_taken(
    content: Content,
) -> None:
    # NHS: after an overdose, harm can show only later; go now even if you feel fine.
    reply = content.disclosures["self_harm"]
    for text in (reply.about_you, reply.about_someone_else):
        flat = _flat(text)
        assert "tablets" in flat and "999 or go to A&E now" in flat
        assert "even if" in flat and "fine" in flat
    assert "tablets" in reply.follow_up and "even if you feel fine" in _flat(reply.follow_up)
    overdose = content.urgent_kind("overdose").first
    assert "A&E" in overdose and "even if you feel OK" in _flat(overdose)


def test_the_fear_of_arrest_is_answered_with_rights_not_a_promise(content: Content) -> None:
    answer = _fear(content, "arrest")
    assert "section 45" in answer and "National Referral Mechanism" in answer
    assert "free solicitor" in answer and "appropriate adult" in answer
    assert "Tell them you were made to do it" in answer
    assert "won't get you in trouble" not in answer


@pytest.mark.parametrize("where", ["stage:trapped", "stage:hooked", "topic:car_crime"])
def test_where_crime_is_involved_the_law_can_treat_a_young_person_as_a_victim(
    content: Content, where: str
) -> None:
    kind, name = where.split(":")
    text = (content.stage(name) if kind == "stage" else content.topic(name)).what_you_can_do
    assert "the law can treat you as a victim" in _flat(text).lower()


def test_sextortion_says_money_boys_fakes_and_not_to_pay_more(content: Content) -> None:
    # NCA alert (2024) and IWF figures: money demands, mostly aimed at boys aged 14 to 18.
    topic = content.topic("images")
    text = _flat(" ".join([topic.summary, *topic.points, topic.what_you_can_do]))
    assert "money, gift cards or more pictures" in text
    assert "Boys aged 14 to 18" in text and "AI" in text
    assert "If you've already paid, don't pay any more" in text
    assert "save the messages" in text and "CEOP" in text
    assert "not money" not in text


def test_anonymous_reporting_says_what_fearless_cannot_do(content: Content) -> None:
    answer = _flat(content.safety.anonymous_answer)
    assert "can't help you or contact you back" in answer
    assert "details only you know" in answer
    assert "Childline" in answer
    assert "Nobody will know" not in answer


def test_the_silent_solution_steps_are_the_iopcs(content: Content) -> None:
    [contact] = content.services["silent_solution"].contacts
    steps = _flat(contact.text)
    assert "from a mobile" in steps and "whisper, cough or tap" in steps
    assert "press 55" in steps and "tapping" in steps


def test_childline_confidentiality_names_its_exceptions_and_what_stays_private(
    content: Content,
) -> None:
    answer = _flat(content.safety.childline_answer)
    assert "life is in danger" in answer and "position of trust" in answer
    assert "seriously hurting someone else" in answer
    assert "stealing or drugs stay confidential" in answer


def test_consent_under_16_is_said_plainly(content: Content) -> None:
    reply = content.disclosures["sexual_abuse"]
    assert "under 16" in _flat(reply.about_you) and "even if you said yes" in _flat(reply.about_you)
    assert "when you don't want it" not in reply.about_you
    assert "sexually abuse" in reply.about_someone_else


def test_the_knife_example_says_carrying_one_is_a_crime(content: Content) -> None:
    [sign] = [s for s in content.stage("experience").signs if s.id == "gives_you_a_weapon"]
    assert "Carrying a knife is a crime, even for protection or for someone else" in _flat(
        sign.example
    )


def test_nobody_is_told_to_screenshot_a_nude(content: Content) -> None:
    text = _flat(content.topic("peer_abuse").what_you_can_do)
    assert "Never screenshot, save or forward a nude picture of anyone under 18" in text


def test_service_details_match_what_the_services_publish(content: Content) -> None:
    services = content.services
    assert "Child Protection Advisor" in _flat(services["ceop"].privacy)
    helpline = _flat(services["modern_slavery_helpline"].privacy)
    assert "under 18" in helpline and "even if you don't agree" in helpline
    report_remove = services["report_remove"]
    assert report_remove.contacts[0].value == "https://www.childline.org.uk/remove"
    assert "Yoti" in report_remove.privacy
    assert "the_mix" not in services  # its hours and anonymity could not be confirmed


def test_safecall_is_offered_for_criminal_exploitation(content: Content) -> None:
    safecall = content.services["safecall"]
    assert [contact.value for contact in safecall.contacts] == ["116 000", "116 000"]
    assert "safecall" in content.disclosures["criminal_exploitation"].services
    assert "safecall" in content.stage("hooked").services


def test_spotting_grooming_is_not_put_on_the_young_person(content: Content) -> None:
    targeting = content.stage("targeting")
    assert "Trust your gut" not in targeting.what_you_can_do
    assert "It can happen to anyone" in _flat(targeting.summary)


def test_every_scenario_question_has_a_model_answer_in_the_session_pack(content: Content) -> None:
    pack = html.unescape(render_session_pack(content))
    for scenario in content.scenarios:
        for part in scenario.stages:
            assert part.answer.strip()
            assert re.sub(r"\s+", " ", part.answer).split(".")[0] in _flat(pack)
    questions = " ".join(part.question for s in content.scenarios for part in s.stages)
    assert "picks" not in questions  # ask what the abuser does, not why the child was picked
