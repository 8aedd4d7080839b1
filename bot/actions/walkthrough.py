"""The four-stage walkthrough: the overview, each stage, next and previous."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot import insights
from bot.actions.common import (
    CURRENT_STAGE_SLOT,
    PLACE_SLOT,
    ContentAction,
    Events,
    count,
    latest_intent,
)
from bot.content import Content
from bot.dialogue import walkthrough
from bot.dialogue.places import OVERVIEW
from bot.dialogue.replies import Reply


class ActionShowOverview(ContentAction):
    def name(self) -> str:
        return "action_show_overview"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [walkthrough.overview(content)], [SlotSet(PLACE_SLOT, OVERVIEW)]


class ActionShowStage(ContentAction):
    """Shows the stage the young person asked for, or the next or previous one."""

    def name(self) -> str:
        return "action_show_stage"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        here = tracker.get_slot(CURRENT_STAGE_SLOT)
        shown = walkthrough.respond(content, latest_intent(tracker) or "", here)
        events = [SlotSet(PLACE_SLOT, shown.place)]
        if shown.stage_id:
            events.append(SlotSet(CURRENT_STAGE_SLOT, shown.stage_id))
            count(tracker, insights.EventKind.STAGE_VIEWED, shown.stage_id)
        if shown.completed:
            count(tracker, insights.EventKind.WALKTHROUGH_COMPLETED)
        return shown.replies, events
