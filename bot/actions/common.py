"""What every action shares: reading the tracker, and answering from content."""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from collections.abc import Iterable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.content import Content, default_store
from bot.dialogue.replies import Button, Reply

PLACE_SLOT = "place"
CURRENT_STAGE_SLOT = "current_stage"

Events = list[dict[str, Any]]


def latest_intent(tracker: Tracker) -> str | None:
    intent: Any = tracker.latest_message.get("intent", {}).get("name")
    return intent if isinstance(intent, str) else None


def payload(button: Button) -> str:
    """Rasa's button payload: the intent sent directly, so pressing a button skips NLU."""
    return f"/{button.intent}"


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    for reply in replies:
        buttons = [{"title": button.label, "payload": payload(button)} for button in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons)


class ContentAction(Action, metaclass=ABCMeta):
    """An action that answers from the current content.

    Subclasses name themselves and say what to send (`respond`); reading content (fresh after
    any edit) and dispatching happen here, once.
    """

    @abstractmethod
    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        """The replies to send and the events to return, for this tracker."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        replies, events = self.respond(default_store().get(), tracker)
        send(dispatcher, replies)
        return events
