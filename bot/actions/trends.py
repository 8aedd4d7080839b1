"""The emerging trends: the topic menu and each topic."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot import insights
from bot.actions.common import PLACE_SLOT, ContentAction, Events, count, latest_intent
from bot.content import Content
from bot.dialogue import trends
from bot.dialogue.places import TRENDS, topic_from_intent, topic_place
from bot.dialogue.replies import Reply


class ActionShowTrends(ContentAction):
    def name(self) -> str:
        return "action_show_trends"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [trends.trends_menu(content)], [SlotSet(PLACE_SLOT, TRENDS)]


class ActionShowTopic(ContentAction):
    def name(self) -> str:
        return "action_show_topic"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        topic_id = topic_from_intent(latest_intent(tracker) or "")
        if topic_id not in {topic.id for topic in content.topics}:
            return [trends.trends_menu(content)], [SlotSet(PLACE_SLOT, TRENDS)]
        count(tracker, insights.EventKind.TOPIC_VIEWED, topic_id)
        return trends.topic(content, topic_id), [SlotSet(PLACE_SLOT, topic_place(topic_id))]
