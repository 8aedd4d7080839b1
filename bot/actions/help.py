"""Help at any point, then a button back to where the young person was."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.actions.common import PLACE_SLOT, ContentAction, Events
from bot.content import Content
from bot.dialogue.help import get_help
from bot.dialogue.replies import Reply


class ActionShowHelp(ContentAction):
    def name(self) -> str:
        return "action_show_help"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        # The place slot is left as it is, so "next" after help carries on from there too.
        return get_help(content, tracker.get_slot(PLACE_SLOT)), []
