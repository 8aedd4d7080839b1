"""The one-to-one quiz in the chat ("quiz me"): start, answer, next. The logic is in
bot/dialogue/quiz.py; these read and keep the quiz's place in the conversation's slots."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.actions.common import ContentAction, Events
from bot.content import Content
from bot.dialogue import quiz
from bot.dialogue.replies import Reply

POSITION_SLOT = "quiz_position"
SCORE_SLOT = "quiz_score"
ANSWERED_SLOT = "quiz_answered"


def current_state(content: Content, tracker: Tracker) -> quiz.QuizState | None:
    return quiz.resume(
        content,
        tracker.get_slot(POSITION_SLOT),
        tracker.get_slot(SCORE_SLOT),
        tracker.get_slot(ANSWERED_SLOT),
    )


def chosen_answer(tracker: Tracker) -> str | None:
    """The answer an answer button sent (typed messages carry none: no entities are read from
    text)."""
    value: Any = next(tracker.get_latest_entity_values(quiz.CHOICE_ENTITY), None)
    return value if isinstance(value, str) else None


def keep(turn: quiz.Turn) -> tuple[list[Reply], Events]:
    """The turn's replies, and slot events for its state (none when no quiz is running)."""
    state = turn.state
    if state is None:
        return turn.replies, []
    events = [
        SlotSet(POSITION_SLOT, state.position),
        SlotSet(SCORE_SLOT, state.score),
        SlotSet(ANSWERED_SLOT, state.answered),
    ]
    return turn.replies, events


class ActionQuizStart(ContentAction):
    def name(self) -> str:
        return "action_quiz_start"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return keep(quiz.start(content))


class ActionQuizAnswer(ContentAction):
    def name(self) -> str:
        return "action_quiz_answer"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        state = current_state(content, tracker)
        return keep(quiz.answer(content, state, chosen_answer(tracker)))


class ActionQuizNext(ContentAction):
    def name(self) -> str:
        return "action_quiz_next"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return keep(quiz.next_question(content, current_state(content, tracker)))
