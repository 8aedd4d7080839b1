"""The emerging trends: a menu of topics and each topic's short explanation."""

from __future__ import annotations

from bot.content import Content
from bot.dialogue.places import LEARN_TRENDS_INTENT, MENU_INTENT, topic_intent
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import bullets, what_you_can_do


def trends_menu(content: Content) -> Reply:
    buttons = [Button(topic.button, topic_intent(topic.id)) for topic in content.topics]
    buttons.append(Button(content.menu.menu_button, MENU_INTENT))
    return Reply(content.journey.trends_intro, tuple(buttons))


def topic(content: Content, topic_id: str) -> list[Reply]:
    journey, current = content.journey, content.topic(topic_id)
    replies = [Reply(f"{current.title}\n{current.summary}")]
    if current.points:
        heading = f"{current.points_heading}\n" if current.points_heading else ""
        replies.append(Reply(heading + bullets(current.points)))
    help_text = what_you_can_do(content, current.what_you_can_do, current.services)
    buttons = (
        Button(journey.trends_button, LEARN_TRENDS_INTENT),
        Button(content.menu.menu_button, MENU_INTENT),
    )
    replies.append(Reply(help_text, buttons, tuple(current.services)))
    return replies
