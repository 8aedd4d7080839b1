"""The greeting, the main menu, small talk, and replies for messages the assistant can't place."""

from __future__ import annotations

from bot.content import Content
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import services_block

OUT_OF_SCOPE_INTENT = "out_of_scope"


def menu_buttons(content: Content) -> tuple[Button, ...]:
    return tuple(Button(button.label, button.intent) for button in content.menu.buttons)


def greeting(content: Content) -> list[Reply]:
    return [Reply(content.menu.greeting), main_menu(content)]


def main_menu(content: Content) -> Reply:
    return Reply(content.menu.prompt, menu_buttons(content))


def rephrase(content: Content, intent: str | None) -> Reply:
    """Never shows an intent name: a kind prompt to say it another way, with the menu."""
    text = content.menu.out_of_scope if intent == OUT_OF_SCOPE_INTENT else content.menu.rephrase
    return Reply(text, menu_buttons(content))


def worried(content: Content) -> Reply:
    menu = content.menu
    services = services_block(content, menu.worried_services)
    return Reply(f"{menu.worried}\n{services}", services=tuple(menu.worried_services))


def small_talk(content: Content, intent: str | None) -> Reply | None:
    """The small-talk reply for `intent`, or None if content has none for it."""
    text = content.smalltalk.replies.get(intent or "")
    return Reply(text) if text else None
