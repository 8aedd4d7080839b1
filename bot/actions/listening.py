"""The moments around telling: trust questions, openers, feelings, fears, taking it back,
follow-ups and check-ins. The safety net decided which moment it is (bot/safety/listening.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot import insights
from bot.actions.common import PLACE_SLOT, ContentAction, Events, count, latest_intent
from bot.actions.safety import disclosure_of
from bot.content import Content
from bot.dialogue import moments
from bot.dialogue.replies import Reply
from bot.safety.categories import CATEGORIES
from bot.safety.listening import LISTENING_KEY, Moment, State


class ActionRespondMoment(ContentAction):
    def name(self) -> str:
        return "action_respond_moment"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        heard: Any = tracker.latest_message.get(LISTENING_KEY) or {}
        moment = _moment(heard.get("moment")) or moments.MOMENT_OF_INTENT.get(
            latest_intent(tracker) or "", Moment.WORRIED
        )
        state = State.from_dict(heard.get("state"))
        found = disclosure_of(tracker)
        thread = found.get("category") if found.get("category") in CATEGORIES else state.thread
        kind = heard.get("kind") if isinstance(heard.get("kind"), str) else None
        if moment is Moment.CHECK_IN:
            count(tracker, insights.EventKind.CHECK_IN, kind if kind in CATEGORIES else "")
        else:
            count(tracker, insights.EventKind.MOMENT, moment.value)
        place = tracker.get_slot(PLACE_SLOT)
        urgent = state.urgency is not None
        replies = moments.respond(content, moment, kind, thread, place, state.welsh, urgent)
        return replies, []


def _moment(value: object) -> Moment | None:
    try:
        return Moment(value)
    except ValueError:
        return None
