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
from bot.safety.listening import DISCLOSURE_KEY, LISTENING_KEY, State


def disclosure_of(tracker: Tracker) -> dict[str, Any]:
    """The disclosure the safety net found in the latest message, or an empty dict."""
    found: Any = tracker.latest_message.get(DISCLOSURE_KEY) or {}
    return found if isinstance(found, dict) else {}


def disclosed(tracker: Tracker) -> tuple[str | None, str | None]:
    """The disclosure category of the latest message and who it is about, as far as known."""
    found = disclosure_of(tracker)
    category = found.get("category") or latest_intent(tracker)
    return (category if is_disclosure(category) else None), found.get("about")


class ActionRespondDisclosure(ContentAction):
    """Follows the static first reply (utter_safety_first, or utter_urgent_first for an
    emergency): what this harm is, who can help, and next steps."""

    def name(self) -> str:
        return "action_respond_disclosure"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        category, about = disclosed(tracker)
        if category is None:  # a rule sent us here without a disclosure: offer help gently
            return [menu.worried(content)], []
        found = disclosure_of(tracker)
        place = tracker.get_slot(PLACE_SLOT)
        urgent, welsh = found.get("urgent") is True, found.get("welsh") is True
        fear = found.get("fear") if isinstance(found.get("fear"), str) else None
        if found.get("follow_up") is True:  # more about what they already told: its help again
            return disclosure.more_about(
                content, category, place, urgent=urgent, fear=fear, welsh=welsh
            ), []
        count(tracker, insights.EventKind.DISCLOSURE, category)
        replies = disclosure.respond(
            content, category, about, place, urgent=urgent, fear=fear, welsh=welsh
        )
        return replies, []


class ActionSafetyFollowUp(ContentAction):
    """Answers "what happens if I contact Childline", anonymous reporting and trusted adults."""

    def name(self) -> str:
        return "action_safety_follow_up"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        intent = latest_intent(tracker) or disclosure.ASK_CHILDLINE
        heard: Any = tracker.latest_message.get(LISTENING_KEY) or {}
        thread = State.from_dict(heard.get("state")).thread
        return disclosure.follow_up(content, intent, tracker.get_slot(PLACE_SLOT), thread), []


class ActionNotWhatIMeant(ContentAction):
    def name(self) -> str:
        return "action_not_what_i_meant"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [disclosure.not_what_i_meant(content, tracker.get_slot(PLACE_SLOT))], []
