"""Help at any point: the core services, then a way back to where the young person was."""

from __future__ import annotations

from bot.content import Content
from bot.dialogue.places import MENU_INTENT, return_button
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import services_block


def get_help(content: Content, place: str | None) -> list[Reply]:
    menu = content.menu
    back = return_button(content, place)
    buttons = (back,) if back else ()
    return [
        Reply(
            f"{menu.help_intro}\n{services_block(content, menu.help_services)}",
            services=tuple(menu.help_services),
        ),
        Reply(menu.help_outro, (*buttons, Button(menu.menu_button, MENU_INTENT))),
    ]
