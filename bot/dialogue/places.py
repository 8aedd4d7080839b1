"""Where a young person is in the assistant, so help can send them back there.

A place is stored in the conversation as a short string: "overview", "trends", "stage:<id>" or
"topic:<id>". The intent names for stages and topics follow the same ids: stage_<id>, topic_<id>.
"""

from __future__ import annotations

from bot.content import Content
from bot.dialogue.replies import Button

OVERVIEW = "overview"
TRENDS = "trends"
LEARN_STAGES_INTENT = "learn_stages"
LEARN_TRENDS_INTENT = "learn_trends"
MENU_INTENT = "menu"


def stage_place(stage_id: str) -> str:
    return f"stage:{stage_id}"


def topic_place(topic_id: str) -> str:
    return f"topic:{topic_id}"


def stage_intent(stage_id: str) -> str:
    return f"stage_{stage_id}"


def topic_intent(topic_id: str) -> str:
    return f"topic_{topic_id}"


def stage_from_intent(intent: str) -> str | None:
    return intent.removeprefix("stage_") if intent.startswith("stage_") else None


def topic_from_intent(intent: str) -> str | None:
    return intent.removeprefix("topic_") if intent.startswith("topic_") else None


def return_button(content: Content, place: str | None) -> Button | None:
    """A button back to `place`, or None when there is nowhere sensible to return to."""
    label = content.menu.back_button
    kind, _, item_id = (place or "").partition(":")
    if kind == OVERVIEW:
        return Button(label.format(place=content.journey.place_overview), LEARN_STAGES_INTENT)
    if kind == TRENDS:
        return Button(label.format(place=content.journey.place_trends), LEARN_TRENDS_INTENT)
    if kind == "stage" and any(stage.id == item_id for stage in content.stages):
        stage = content.stage(item_id)
        name = content.journey.place_stage.format(number=stage.number, title=stage.title)
        return Button(label.format(place=name), stage_intent(stage.id))
    if kind == "topic" and any(topic.id == item_id for topic in content.topics):
        topic = content.topic(item_id)
        return Button(label.format(place=topic.button), topic_intent(topic.id))
    return None
