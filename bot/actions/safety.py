"""Replies after a worrying disclosure, its next steps, and "that's not what I meant"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot import insights
from bot.actions.common import PLACE_SLOT, ContentAction, Events, count, latest_intent
from bot.content import Content
from bot.dialogue import disclosure, menu
from bot.dialogue.replies import Reply
from bot.safety.categories import is_disclosure

# Set on the message by the safety net (bot/rasa_ext/safety_net.py).
DISCLOSURE_KEY = "disclosure"


def disclosed(tracker: Tracker) -> tuple[str | None, str | None]:
    """The disclosure category of the latest message and who it is about, as far as known."""
    found: Any = tracker.latest_message.get(DISCLOSURE_KEY) or {}
    category = found.get("category") or latest_intent(tracker)
    return (category if is_disclosure(category) else None), found.get("about")


class ActionRespondDisclosure(ContentAction):
    """Follows utter_safety_first: what this harm is, who can help, and next steps."""

    def name(self) -> str:
        return "action_respond_disclosure"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        category, about = disclosed(tracker)
        if category is None:  # a rule sent us here without a disclosure: offer help gently
            return [menu.worried(content)], []
        count(tracker, insights.EventKind.DISCLOSURE, category)
        place = tracker.get_slot(PLACE_SLOT)
        return disclosure.respond(content, category, about, place), []


class ActionSafetyFollowUp(ContentAction):
    """Answers "what happens if I contact Childline", anonymous reporting and trusted adults."""

    def name(self) -> str:
        return "action_safety_follow_up"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        intent = latest_intent(tracker) or disclosure.ASK_CHILDLINE
        return disclosure.follow_up(content, intent, tracker.get_slot(PLACE_SLOT)), []


class ActionNotWhatIMeant(ContentAction):
    def name(self) -> str:
        return "action_not_what_i_meant"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [disclosure.not_what_i_meant(content, tracker.get_slot(PLACE_SLOT))], []
