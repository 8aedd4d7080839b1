"""Replies to a worrying disclosure, and to the next steps offered after it.

The first part of every disclosure reply (thanks, not your fault, 999 and Childline) is sent by
Rasa itself from domain.yml, so it arrives even when the action server cannot be reached. What is
built here follows it: what this kind of harm is, who can help, and what to do next. Nothing here
asks for details, a name, an age, a school or a location.
"""

from __future__ import annotations

from bot.content import Content
from bot.dialogue.places import MENU_INTENT, return_button
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import services_block

ASK_CHILDLINE = "ask_childline"
ASK_ANONYMOUS_REPORT = "ask_anonymous_report"
ASK_TRUSTED_ADULT = "ask_trusted_adult"
NOT_WHAT_I_MEANT = "not_what_i_meant"
FOLLOW_UPS = (ASK_CHILDLINE, ASK_ANONYMOUS_REPORT, ASK_TRUSTED_ADULT)

# Who the message seems to be about, as bot.safety.matcher.Subject says it.
ABOUT_SELF = "self"


def respond(content: Content, category: str, about: str | None, place: str | None) -> list[Reply]:
    """What this kind of harm is, who can help, and the next steps."""
    reply = content.disclosures[category]
    opening = reply.about_you if about == ABOUT_SELF else reply.about_someone_else
    return [
        Reply(opening),
        Reply(
            f"{content.safety.honest}\n{services_block(content, reply.services)}",
            services=tuple(reply.services),
        ),
        Reply(content.safety.next_steps_prompt, next_steps(content, place)),
    ]


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


def follow_up(content: Content, intent: str, place: str | None) -> list[Reply]:
    """The answer to one of the next steps, with the other steps still on offer."""
    safety = content.safety
    buttons = next_steps(content, place, leave_out=intent)
    if intent == ASK_ANONYMOUS_REPORT:
        services = services_block(content, safety.anonymous_services)
        listed = tuple(safety.anonymous_services)
        return [Reply(f"{safety.anonymous_answer}\n{services}", buttons, listed)]
    text = safety.trusted_adult_answer if intent == ASK_TRUSTED_ADULT else safety.childline_answer
    return [Reply(text, buttons)]


def not_what_i_meant(content: Content, place: str | None) -> Reply:
    """A gentle way back to where they were after a false alarm."""
    return Reply(content.safety.not_what_i_meant, (back_or_menu(content, place),))
