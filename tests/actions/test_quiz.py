"""The quiz in the chat, run as the action server runs it, with CollectingDispatcher and trackers.

Expected words and answers are read from the shipped content, so editing content/quiz.yml never
breaks these tests; only a change in how the quiz works does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.quiz import ActionQuizAnswer, ActionQuizNext, ActionQuizStart
from bot.content import Content
from bot.content.schema import QuizKind, QuizQuestion
from bot.dialogue.quiz import answer_labels

MakeTracker = Callable[..., Tracker]


async def run(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def titles(message: dict[str, Any]) -> list[str]:
    return [button["title"] for button in message["buttons"]]


def payloads(message: dict[str, Any]) -> list[str]:
    return [button["payload"] for button in message["buttons"]]


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(message["text"] for message in messages)


def state(position: int, score: int, answered: bool) -> list[SlotSet]:
    return [
        SlotSet("quiz_position", position),
        SlotSet("quiz_score", score),
        SlotSet("quiz_answered", answered),
    ]


def answering(
    tracker: MakeTracker, choice: str | None, position: int, score: int, answered: bool = False
) -> Tracker:
    """A tracker for an answer button pressed while question `position` is on screen."""
    made = tracker("quiz_answer", quiz_position=position, quiz_score=score, quiz_answered=answered)
    if choice is not None:
        made.latest_message["entities"] = [{"entity": "quiz_choice", "value": choice}]
    return made


def wrong_answer(content: Content, question: QuizQuestion) -> str:
    return next(
        value for value in answer_labels(content, question.kind) if value != question.answer
    )


def first_of_kind(content: Content, kind: QuizKind) -> int:
    return next(i for i, q in enumerate(content.quiz.questions) if q.kind is kind)


def expected_buttons(content: Content, question: QuizQuestion) -> list[tuple[str, str]]:
    labels = answer_labels(content, question.kind)
    return [
        (label, "/quiz_answer" + json.dumps({"quiz_choice": value}))
        for value, label in labels.items()
    ]


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    return list(zip(titles(message), payloads(message), strict=True))


async def test_start_shows_the_introduction_then_the_first_question_with_its_answers(
    tracker: MakeTracker, content: Content
) -> None:
    messages, events = await run(ActionQuizStart(), tracker("quiz_me"))
    first = content.quiz.questions[0]
    assert [message["text"] for message in messages] == [content.quiz.introduction, first.question]
    assert messages[0]["buttons"] == []
    assert buttons(messages[1]) == expected_buttons(content, first)
    assert events == state(0, 0, False)


async def test_start_again_mid_quiz_starts_from_the_beginning(
    tracker: MakeTracker, content: Content
) -> None:
    _, events = await run(
        ActionQuizStart(), tracker("quiz_me", quiz_position=4, quiz_score=3, quiz_answered=True)
    )
    assert events == state(0, 0, False)


@pytest.mark.parametrize("kind", list(QuizKind))
async def test_each_kind_of_question_offers_its_own_answers(
    tracker: MakeTracker, content: Content, kind: QuizKind
) -> None:
    # Reaching the first question of this kind by "next question" from the one before it.
    position = first_of_kind(content, kind)
    if position == 0:
        messages, _ = await run(ActionQuizStart(), tracker("quiz_me"))
    else:
        messages, _ = await run(
            ActionQuizNext(),
            tracker("quiz_next", quiz_position=position - 1, quiz_score=0, quiz_answered=True),
        )
    question = content.quiz.questions[position]
    assert messages[-1]["text"] == question.question
    assert buttons(messages[-1]) == expected_buttons(content, question)
    if kind is QuizKind.warning_sign:
        assert titles(messages[-1]) == [content.quiz.yes_button, content.quiz.no_button]
    else:
        assert titles(messages[-1]) == [stage.title for stage in content.stages]


async def test_a_right_answer_says_so_explains_and_adds_to_the_score(
    tracker: MakeTracker, content: Content
) -> None:
    question = content.quiz.questions[0]
    messages, events = await run(ActionQuizAnswer(), answering(tracker, question.answer, 0, 0))
    label = answer_labels(content, question.kind)[question.answer]
    [reveal] = messages
    assert reveal["text"].startswith(content.quiz.correct)
    assert content.quiz.the_answer_is.format(answer=label) in reveal["text"]
    assert question.explanation in reveal["text"]
    assert content.quiz.not_quite not in reveal["text"]
    assert payloads(reveal) == ["/quiz_next", "/menu"]
    assert titles(reveal) == [content.quiz.next_button, content.menu.menu_button]
    assert events == state(0, 1, True)


async def test_a_wrong_answer_is_gentle_gives_the_right_one_and_keeps_the_score(
    tracker: MakeTracker, content: Content
) -> None:
    position = first_of_kind(content, QuizKind.warning_sign)
    question = content.quiz.questions[position]
    choice = wrong_answer(content, question)
    messages, events = await run(ActionQuizAnswer(), answering(tracker, choice, position, 3))
    label = answer_labels(content, question.kind)[question.answer]
    [reveal] = messages
    assert reveal["text"].startswith(content.quiz.not_quite)
    assert content.quiz.the_answer_is.format(answer=label) in reveal["text"]
    assert question.explanation in reveal["text"]
    assert payloads(reveal) == ["/quiz_next", "/menu"]
    assert events == state(position, 3, True)


async def test_answering_the_same_question_again_does_not_count_twice(
    tracker: MakeTracker, content: Content
) -> None:
    question = content.quiz.questions[0]
    messages, events = await run(
        ActionQuizAnswer(), answering(tracker, question.answer, 0, 1, answered=True)
    )
    label = answer_labels(content, question.kind)[question.answer]
    assert content.quiz.the_answer_is.format(answer=label) in texts(messages)
    assert content.quiz.correct not in texts(messages)
    assert payloads(messages[-1]) == ["/quiz_next", "/menu"]
    assert events == state(0, 1, True)


async def test_next_shows_the_following_question(tracker: MakeTracker, content: Content) -> None:
    messages, events = await run(
        ActionQuizNext(), tracker("quiz_next", quiz_position=0, quiz_score=1, quiz_answered=True)
    )
    second = content.quiz.questions[1]
    assert [message["text"] for message in messages] == [second.question]
    assert buttons(messages[0]) == expected_buttons(content, second)
    assert events == state(1, 1, False)


async def test_slots_kept_as_floats_work_the_same(tracker: MakeTracker, content: Content) -> None:
    # Rasa may hand float slots back as 1.0 rather than 1.
    messages, events = await run(
        ActionQuizNext(),
        tracker("quiz_next", quiz_position=0.0, quiz_score=1.0, quiz_answered=True),
    )
    assert [message["text"] for message in messages] == [content.quiz.questions[1].question]
    assert events == state(1, 1, False)


async def test_next_before_answering_asks_the_same_question_again(
    tracker: MakeTracker, content: Content
) -> None:
    messages, events = await run(
        ActionQuizNext(), tracker("quiz_next", quiz_position=2, quiz_score=1, quiz_answered=False)
    )
    assert [message["text"] for message in messages] == [content.quiz.questions[2].question]
    assert events == state(2, 1, False)


@pytest.mark.parametrize("right", [True, False])
async def test_answering_the_last_question_shows_the_score_out_of_the_total(
    tracker: MakeTracker, content: Content, right: bool
) -> None:
    questions = content.quiz.questions
    last, total = len(questions) - 1, len(questions)
    question = questions[last]
    choice = question.answer if right else wrong_answer(content, question)
    messages, events = await run(ActionQuizAnswer(), answering(tracker, choice, last, 5))
    score = 6 if right else 5
    reveal, finished = messages
    assert question.explanation in reveal["text"]
    assert reveal["buttons"] == []
    assert finished["text"] == content.quiz.finished.format(score=score, total=total)
    assert f"{score} out of {total}" in finished["text"]
    assert payloads(finished) == ["/menu"]
    assert titles(finished) == [content.menu.menu_button]
    assert events == state(last, score, True)


async def test_next_after_the_last_answer_shows_the_score_again(
    tracker: MakeTracker, content: Content
) -> None:
    last, total = len(content.quiz.questions) - 1, len(content.quiz.questions)
    messages, events = await run(
        ActionQuizNext(),
        tracker("quiz_next", quiz_position=last, quiz_score=total, quiz_answered=True),
    )
    assert texts(messages) == content.quiz.finished.format(score=total, total=total)
    assert payloads(messages[0]) == ["/menu"]
    assert events == state(last, total, True)


@pytest.mark.parametrize(
    "slots",
    [
        {},  # never started in this conversation
        {"quiz_position": 999, "quiz_score": 2, "quiz_answered": False},  # quiz.yml got shorter
    ],
)
@pytest.mark.parametrize("action", [ActionQuizAnswer(), ActionQuizNext()])
async def test_no_quiz_running_gets_a_gentle_offer_to_start_it(
    tracker: MakeTracker, content: Content, action: Action, slots: dict[str, Any]
) -> None:
    made = tracker("quiz_answer", **slots)
    made.latest_message["entities"] = [{"entity": "quiz_choice", "value": "hooked"}]
    messages, events = await run(action, made)
    [offer] = messages
    assert offer["text"] == content.menu.rephrase
    assert titles(offer) == [content.quiz.title, content.menu.menu_button]
    assert payloads(offer) == ["/quiz_me", "/menu"]
    assert events == []


@pytest.mark.parametrize("choice", ["not_an_answer", None])
async def test_an_answer_the_question_does_not_have_asks_it_again(
    tracker: MakeTracker, content: Content, choice: str | None
) -> None:
    # None: a typed answer ("my answer is yes"), which carries no choice.
    question = content.quiz.questions[0]
    messages, events = await run(ActionQuizAnswer(), answering(tracker, choice, 0, 0))
    assert [message["text"] for message in messages] == [question.question]
    assert buttons(messages[0]) == expected_buttons(content, question)
    assert events == state(0, 0, False)


async def test_an_answer_from_the_other_kind_of_question_asks_it_again(
    tracker: MakeTracker, content: Content
) -> None:
    # An old "yes" button pressed while a which-stage question is on screen.
    position = first_of_kind(content, QuizKind.which_stage)
    messages, events = await run(ActionQuizAnswer(), answering(tracker, "yes", position, 0))
    assert [message["text"] for message in messages] == [content.quiz.questions[position].question]
    assert events == state(position, 0, False)


async def test_a_whole_quiz_of_right_answers_scores_full_marks(
    tracker: MakeTracker, content: Content
) -> None:
    slots: dict[str, Any] = {}
    _, events = await run(ActionQuizStart(), tracker("quiz_me"))
    for question in content.quiz.questions:
        slots = {event["name"]: event["value"] for event in events}
        assert content.quiz.questions[int(slots["quiz_position"])] == question
        made = tracker("quiz_answer", **slots)
        made.latest_message["entities"] = [{"entity": "quiz_choice", "value": question.answer}]
        messages, events = await run(ActionQuizAnswer(), made)
        slots = {event["name"]: event["value"] for event in events}
        if question is not content.quiz.questions[-1]:
            _, events = await run(ActionQuizNext(), tracker("quiz_next", **slots))
    total = len(content.quiz.questions)
    assert messages[-1]["text"] == content.quiz.finished.format(score=total, total=total)
