"""What every action shares: reading the tracker, and answering from content."""

from __future__ import annotations

import json
from abc import ABCMeta, abstractmethod
from collections.abc import Iterable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import insights
from bot.content import Content, default_store
from bot.dialogue import privacy
from bot.dialogue.replies import Button, Reply

PLACE_SLOT = "place"
PERSONAL_DETAIL = "personal_detail"
CURRENT_STAGE_SLOT = "current_stage"

Events = list[dict[str, Any]]


def latest_intent(tracker: Tracker) -> str | None:
    intent: Any = tracker.latest_message.get("intent", {}).get("name")
    return intent if isinstance(intent, str) else None


def shared_details(tracker: Tracker) -> list[str]:
    """The kinds of identifying detail the latest message held ("name", "phone"), as found by the
    privacy guard (bot/rasa_ext/privacy_guard.py), which replaced each with a placeholder."""
    entities: Any = tracker.latest_message.get("entities") or []
    return [
        str(entity.get("value", "")).strip("[]")
        for entity in entities
        if entity.get("entity") == PERSONAL_DETAIL
    ]


# Messages from a projected demo or a group session (the widget sends these as input_channel).
SESSION_CHANNELS = frozenset({"demo", "session"})


def count(tracker: Tracker, kind: insights.EventKind, key: str = "") -> None:
    """Count an event for anonymous insight, unless it happened in a demo or group session:
    those are counted once, as a session run, when they start (bot/web/server.py)."""
    if tracker.get_latest_input_channel() not in SESSION_CHANNELS:
        insights.record(kind, key)


def first_reply_to_latest_message(tracker: Tracker) -> bool:
    """No custom action has answered the latest message yet (utter_safety_first may have)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        name = str(event.get("name") or "")
        if (
            event.get("event") == "action"
            and name.startswith("action_")
            and name != "action_listen"
        ):
            return False
    return True


def payload(button: Button) -> str:
    """Rasa's button payload: the intent sent directly, so pressing a button skips NLU, followed
    by any entities as JSON: /quiz_answer{"quiz_choice": "hooked"}."""
    entities = json.dumps(dict(button.entities)) if button.entities else ""
    return f"/{button.intent}{entities}"


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    for reply in replies:
        buttons = [{"title": button.label, "payload": payload(button)} for button in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons)


class ContentAction(Action, metaclass=ABCMeta):
    """An action that answers from the current content.

    Subclasses name themselves and say what to send (`respond`); reading content (fresh after
    any edit), telling someone who shared their name or number that they don't need to, and
    dispatching happen here, once.
    """

    # Whether the replies end with the privacy nudge when the message shared identifying details.
    # Off only for the action whose whole reply is that nudge.
    nudges_about_details = True

    @abstractmethod
    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        """The replies to send and the events to return, for this tracker."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        content = default_store().get()
        replies, events = self.respond(content, tracker)
        # After any safety reply, and only once per message however many actions answer it.
        details = shared_details(tracker) if first_reply_to_latest_message(tracker) else []
        if details and self.nudges_about_details:
            replies = [*replies, privacy.nudge(content, details)]
        for kind in dict.fromkeys(details):
            count(tracker, insights.EventKind.PRIVACY_NUDGE, kind)
        for service in dict.fromkeys(s for reply in replies for s in reply.services):
            count(tracker, insights.EventKind.SERVICE_SHOWN, service)
        send(dispatcher, replies)
        return events
