"""Replies for the moments around telling (bot/safety/listening.py decides which moment it is).

Trust questions get an honest answer, feelings an acknowledgment and an invitation, fears the facts,
openers a gentle invitation, a take-back acceptance with the door left open, and a joke that touched
self-harm or violence a short check-in. Inside a disclosure already told, each keeps that
disclosure's help in view. No reply here asks them to say it another way.
"""

from __future__ import annotations

from bot.content import Content
from bot.content.schema import MomentKind
from bot.dialogue import disclosure, menu
from bot.dialogue.disclosure import ASK_ANONYMOUS_REPORT, ASK_CHILDLINE, back_or_menu, bilingual
from bot.dialogue.places import MENU_INTENT
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import services_block
from bot.safety.listening import (
    ASK_WHAT_TO_DO,
    CHECKIN_NOT_OK,
    CHECKIN_OK,
    FEAR_OF_TELLING,
    HYPERBOLE,
    OPENER,
    TAKE_IT_BACK,
    TRUST_INTENTS,
    WORRIED,
    Moment,
)
from bot.safety.patterns import GENERAL_FEAR

# Moments whose reply has Welsh of its own; the others are preceded by a Welsh line about Meic.
HAS_WELSH = frozenset({Moment.TRUST, Moment.INVITE, Moment.GO_ON})

# The moment a button's intent asks for, when no message was read (a menu button, say).
MOMENT_OF_INTENT = {
    **{intent: Moment.TRUST for intent in TRUST_INTENTS},
    OPENER: Moment.INVITE,
    WORRIED: Moment.WORRIED,
    FEAR_OF_TELLING: Moment.FEAR,
    TAKE_IT_BACK: Moment.TAKE_BACK,
    HYPERBOLE: Moment.CHECK_IN,
    CHECKIN_OK: Moment.CHECK_IN_OK,
    ASK_WHAT_TO_DO: Moment.WHAT_TO_DO,
}


def respond(
    content: Content,
    moment: Moment,
    kind: str | None,
    thread: str | None,
    place: str | None,
    welsh: bool = False,
    urgent: bool = False,
) -> list[Reply]:
    """The replies for `moment`; `thread` is the category of a disclosure already told, and
    `urgent` says an emergency is still live: 999 stays in view."""
    if moment is Moment.FOLLOW_UP and thread:
        more = disclosure.more_about(content, thread, place, urgent=urgent, fear=kind, welsh=welsh)
        return [Reply(content.listening.still_in_danger), *more] if urgent else more
    replies = _replies(content, moment, kind, place, welsh)
    standalone = (Moment.TAKE_BACK, Moment.CHECK_IN, Moment.CHECK_IN_OK)
    in_thread = thread is not None and moment not in standalone
    if thread is not None and in_thread:
        replies.append(disclosure.thread_help(content, thread))
    if welsh and moment not in HAS_WELSH:
        replies.insert(0, Reply(content.listening.welsh.meic))
    if in_thread and urgent:
        # First, so 999 is what a phone shows when the reply scrolls to its start.
        replies.insert(0, Reply(content.listening.still_in_danger))
    return replies


def _replies(
    content: Content, moment: Moment, kind: str | None, place: str | None, welsh: bool
) -> list[Reply]:
    listening = content.listening
    if moment is Moment.TRUST:
        text = bilingual(listening.welsh.trust, listening.trust) if welsh else listening.trust
        if kind:  # a fear voiced in the same question ("could it get back to him") is answered
            # after it, and the ways to a person come once, at the end
            trust = _with_services(content, text, listening.trust_services)
            return [trust, *_replies(content, Moment.FEAR, kind, place, welsh)]
        return [_with_services(content, text, listening.trust_services, _ways_to_a_person(content))]
    if moment is Moment.INVITE:
        text = _said(listening.openers, kind) or listening.invite
        return [Reply(bilingual(listening.welsh.invite, text) if welsh else text)]
    if moment is Moment.CONCERN:
        return [Reply(listening.concern), *disclosure.fear_answer(content, kind)]
    if moment is Moment.GO_ON:
        go_on = listening.go_on
        return [Reply(bilingual(listening.welsh.go_on, go_on) if welsh else go_on)]
    if moment is Moment.FEELING:
        acknowledgment = _said(listening.feelings, kind) or listening.feeling
        text = f"{acknowledgment}\n\n{listening.feeling_invite}"
        return [_with_services(content, text, listening.feeling_services)]
    if moment is Moment.FEAR:
        fear = disclosure.fear_kind(content, kind)
        services = (fear.services if fear else []) or listening.fear_services
        text = disclosure.fear_said(content, kind or GENERAL_FEAR)
        return [_with_services(content, text, services, _ways_to_a_person(content))]
    if moment is Moment.TAKE_BACK:
        return [Reply(listening.take_back, (back_or_menu(content, place),))]
    if moment is Moment.WHAT_TO_DO:
        help_services = content.menu.help_services
        return [_with_services(content, listening.what_to_do, help_services)]
    if moment is Moment.CHECK_IN:
        check_in = listening.check_in
        ok, not_ok = check_in.ok_button, check_in.not_ok_button
        return [Reply(check_in.text, (Button(ok, CHECKIN_OK), Button(not_ok, CHECKIN_NOT_OK)))]
    if moment is Moment.CHECK_IN_OK:
        menu_button = Button(content.menu.menu_button, MENU_INTENT)
        return [Reply(listening.check_in.ok_reply, (menu_button,))]
    return [menu.worried(content)]


def _said(kinds: list[MomentKind], kind: str | None) -> str | None:
    return next((item.say for item in kinds if item.id == kind), None)


def _with_services(
    content: Content, text: str, services: list[str], buttons: tuple[Button, ...] = ()
) -> Reply:
    if not services:
        return Reply(text, buttons)
    return Reply(f"{text}\n{services_block(content, services)}", buttons, tuple(services))


def _ways_to_a_person(content: Content) -> tuple[Button, ...]:
    safety = content.safety
    return (
        Button(safety.childline_button, ASK_CHILDLINE),
        Button(safety.anonymous_button, ASK_ANONYMOUS_REPORT),
        Button(content.menu.menu_button, MENU_INTENT),
    )
