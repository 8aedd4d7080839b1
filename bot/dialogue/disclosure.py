"""Replies to a worrying disclosure, and to the next steps offered after it.

The first part of every disclosure reply is sent by Rasa itself from domain.yml, so it arrives
even when the action server cannot be reached: thanks, not your fault, 999 and Childline; or, for
an emergency, 999 and the one action that matters now. `static_responses` says exactly what
domain.yml must hold for that. What is built here follows it: what this kind of harm is, who can
help, and what to do next; for a follow-up, what to do now and who can help. A young person who
writes in Welsh reads the Welsh first, then the English, and is offered Meic. Nothing here asks
for details, a name, an age, a school or a location.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.content import Content
from bot.content.schema import FearKind
from bot.dialogue.places import MENU_INTENT, return_button
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import services_block
from bot.safety.categories import IMMEDIATE_DANGER_SERVICES
from bot.safety.listening import ENGLISH, LANGUAGE, URGENCY, WELSH

ASK_CHILDLINE = "ask_childline"
ASK_ANONYMOUS_REPORT = "ask_anonymous_report"
ASK_TRUSTED_ADULT = "ask_trusted_adult"
NOT_WHAT_I_MEANT = "not_what_i_meant"
FOLLOW_UPS = (ASK_CHILDLINE, ASK_ANONYMOUS_REPORT, ASK_TRUSTED_ADULT)

# Who the message seems to be about, as bot.safety.matcher.Subject says it.
ABOUT_SELF = "self"
CHILDLINE = "childline"
# The responses Rasa sends itself, before the action's replies (domain.yml).
FIRST_RESPONSE = "utter_safety_first"
URGENT_FIRST_RESPONSE = "utter_urgent_first"


def respond(
    content: Content,
    category: str,
    about: str | None,
    place: str | None,
    *,
    urgent: bool = False,
    fear: str | None = None,
    welsh: bool = False,
) -> list[Reply]:
    """What this kind of harm is, who can help, and the next steps. An emergency's help starts
    with 999; a fear voiced in the same message is answered straight after the opening."""
    reply = content.disclosures[category]
    safety = content.safety
    opening = reply.about_you if about == ABOUT_SELF else reply.about_someone_else
    if welsh:
        cy = reply.welsh.about_you if about == ABOUT_SELF else reply.welsh.about_someone_else
        opening = bilingual(cy, opening)
    services = _services(content, reply.services, urgent=urgent, welsh=welsh)
    honest = bilingual(safety.welsh.honest, safety.honest) if welsh else safety.honest
    prompt = safety.next_steps_prompt
    if welsh:
        prompt = bilingual(safety.welsh.next_steps_prompt, prompt)
    return [
        Reply(opening),
        *fear_answer(content, fear),
        Reply(f"{honest}\n{services_block(content, services)}", services=services),
        Reply(prompt, next_steps(content, place)),
    ]


def more_about(
    content: Content,
    category: str,
    place: str | None,
    *,
    urgent: bool = False,
    fear: str | None = None,
    welsh: bool = False,
) -> list[Reply]:
    """A follow-up to a disclosure already answered ("what do i do now?"): what they can do
    now, and who can help with this kind of harm, without the whole reply again."""
    reply = content.disclosures[category]
    services = _services(content, reply.services, urgent=urgent, welsh=welsh)
    heading = content.listening.follow_up_services
    return [
        *fear_answer(content, fear),
        Reply(
            f"{reply.follow_up}\n\n{heading}\n{services_block(content, services)}",
            next_steps(content, place),
            services,
        ),
    ]


def bilingual(welsh: str, english: str) -> str:
    """Welsh first, then English."""
    return f"{welsh}\n\n{english}"


def _services(
    content: Content, services: Sequence[str], *, urgent: bool, welsh: bool
) -> tuple[str, ...]:
    """A category's services; an emergency's start with 999; in Welsh, Meic comes after
    Childline (or last)."""
    listed = list(services)
    if urgent:
        listed = [IMMEDIATE_DANGER_SERVICES[0], *listed]
    if welsh:
        extra = list(content.safety.welsh_services)
        at = listed.index(CHILDLINE) + 1 if CHILDLINE in listed else len(listed)
        listed[at:at] = extra
    return tuple(dict.fromkeys(listed))


def fear_answer(content: Content, fear: str | None) -> list[Reply]:
    """The answer to a fear about telling ("will i get arrested?"), when one was voiced."""
    if fear is None:
        return []
    return [Reply(fear_said(content, fear))]


def fear_said(content: Content, fear: str) -> str:
    """What is said to a fear about telling: the general answer first, since the fear of telling
    at all comes with every particular one ("will he go prison n everyone hate me"), then the
    facts for its kind. A fear of no particular kind ("if i tell a teacher theyll exclude me")
    gets the general answer alone."""
    kind = fear_kind(content, fear)
    general = content.listening.fear
    return f"{general}\n\n{kind.say}" if kind else general


def fear_kind(content: Content, fear: str | None) -> FearKind | None:
    """The kind of fear with this id, or None for a fear of no particular kind."""
    return next((kind for kind in content.listening.fears if kind.id == fear), None)


def static_responses(content: Content) -> dict[str, list[dict[str, Any]]]:
    """The responses domain.yml must hold, exactly: Rasa sends them itself, so they reach the
    young person even when the action server is down. The slots `language` and `urgency` (set
    by the safety net for each disclosure) pick the variation."""
    safety = content.safety
    first: list[dict[str, Any]] = [
        {
            "condition": [_slot(LANGUAGE, WELSH)],
            "text": bilingual(safety.welsh.first_response, safety.first_response),
        },
        {"text": safety.first_response},
    ]
    urgent: list[dict[str, Any]] = []
    for kind in content.urgent.kinds:
        urgent += [
            {"condition": [_slot(URGENCY, kind.id), _slot(LANGUAGE, ENGLISH)], "text": kind.first},
            {
                "condition": [_slot(URGENCY, kind.id), _slot(LANGUAGE, WELSH)],
                "text": bilingual(kind.welsh.first, kind.first),
            },
        ]
    urgent.append({"text": content.urgent_kind(None).first})
    return {FIRST_RESPONSE: first, URGENT_FIRST_RESPONSE: urgent}


def _slot(name: str, value: str) -> dict[str, str]:
    return {"type": "slot", "name": name, "value": value}


def next_steps(
    content: Content, place: str | None, leave_out: str | None = None
) -> tuple[Button, ...]:
    """Contacting Childline, reporting anonymously, a trusted adult, going back, or a correction."""
    safety = content.safety
    offers = [
        Button(safety.childline_button, ASK_CHILDLINE),
        Button(safety.anonymous_button, ASK_ANONYMOUS_REPORT),
        Button(safety.trusted_adult_button, ASK_TRUSTED_ADULT),
    ]
    return (
        *(offer for offer in offers if offer.intent != leave_out),
        back_or_menu(content, place),
        Button(safety.not_what_i_meant_button, NOT_WHAT_I_MEANT),
    )


def back_or_menu(content: Content, place: str | None) -> Button:
    return return_button(content, place) or Button(content.menu.menu_button, MENU_INTENT)


def follow_up(
    content: Content, intent: str, place: str | None, thread: str | None = None
) -> list[Reply]:
    """The answer to one of the next steps, with the other steps still on offer; inside a
    disclosure (`thread`, its category), with that disclosure's help kept in view."""
    safety = content.safety
    buttons = next_steps(content, place, leave_out=intent)
    kept = [thread_help(content, thread)] if thread else []
    if intent == ASK_ANONYMOUS_REPORT:
        services = services_block(content, safety.anonymous_services)
        listed = tuple(safety.anonymous_services)
        return [*kept, Reply(f"{safety.anonymous_answer}\n{services}", buttons, listed)]
    text = safety.trusted_adult_answer if intent == ASK_TRUSTED_ADULT else safety.childline_answer
    return [*kept, Reply(text, buttons)]


def thread_help(content: Content, category: str) -> Reply:
    """The help for a disclosure already told, kept in view while the conversation goes on."""
    services = tuple(content.disclosures[category].services)
    heading = content.listening.follow_up_services
    return Reply(f"{heading}\n{services_block(content, services)}", services=services)


def not_what_i_meant(content: Content, place: str | None) -> Reply:
    """A gentle way back to where they were after a false alarm."""
    return Reply(content.safety.not_what_i_meant, (back_or_menu(content, place),))
