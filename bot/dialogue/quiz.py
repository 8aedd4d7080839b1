"""The quiz: "Which stage is this?" and "Is this a warning sign?" (content/quiz.yml).

Shared by the one-to-one quiz in the chat, the group-session page and the session pack.

In the chat ("quiz me") the questions come one at a time, in the order of content/quiz.yml. Each
answer button sends quiz_answer with the answer it stands for; the reply says whether it was
right, reveals the answer with the explanation, and offers the next question. Where the young
person is in the quiz is kept in three slots (see `QuizState`), so nothing here needs Rasa.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.content import Content
from bot.content.checks.session import answers_for
from bot.content.schema import QuizKind, QuizQuestion
from bot.dialogue.places import MENU_INTENT
from bot.dialogue.replies import Button, Reply

QUIZ_ME_INTENT = "quiz_me"
QUIZ_ANSWER_INTENT = "quiz_answer"
QUIZ_NEXT_INTENT = "quiz_next"
# Sent by each answer button with quiz_answer: a stage id, or yes or no.
CHOICE_ENTITY = "quiz_choice"


def answer_labels(content: Content, kind: QuizKind) -> dict[str, str]:
    """Each possible answer to a question of this kind, with the words shown for it."""
    if kind is QuizKind.which_stage:
        return {stage: content.stage(stage).title for stage in answers_for(kind)}
    return {"yes": content.quiz.yes_button, "no": content.quiz.no_button}


@dataclass(frozen=True)
class QuizState:
    """Where a young person is in the chat quiz."""

    # The question on screen, counting from 0.
    position: int
    # How many they have got right so far.
    score: int
    # Whether the question on screen has been answered, so that answering it again (an old
    # button, or the same button twice) neither counts twice nor answers a question not yet shown.
    answered: bool = False


def resume(content: Content, position: object, score: object, answered: object) -> QuizState | None:
    """The quiz state kept in the conversation's slots, or None when no quiz is running (or what
    was kept no longer fits the questions, because content/quiz.yml was edited mid-quiz)."""
    at, right = _whole_number(position), _whole_number(score)
    if at is None or right is None:
        return None
    if not 0 <= at < len(content.quiz.questions) or right < 0:
        return None
    return QuizState(at, right, answered is True)


def _whole_number(value: object) -> int | None:
    # Slot values arrive as JSON numbers: 2 or 2.0. A bool is an int to Python, but not a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value)


@dataclass(frozen=True)
class Turn:
    """What to send, and the quiz state afterwards."""

    replies: list[Reply]
    state: QuizState | None


def start(content: Content) -> Turn:
    """The introduction, then the first question."""
    state = QuizState(position=0, score=0)
    return Turn([Reply(content.quiz.introduction), question(content, 0)], state)


def answer(content: Content, state: QuizState | None, choice: str | None) -> Turn:
    """Mark `choice` as the answer to the question on screen, reveal the answer and explain it."""
    if state is None:
        return Turn([restart_offer(content)], None)
    current = content.quiz.questions[state.position]
    if state.answered:
        # Already marked: show the answer again, without counting it again.
        return Turn(_reveal(content, state, current, verdict=None), state)
    if choice not in answer_labels(content, current.kind):
        # No answer, or one this question doesn't have (typed, or an old button): ask again.
        return Turn([question(content, state.position)], state)
    right = choice == current.answer
    marked = replace(state, score=state.score + int(right), answered=True)
    verdict = content.quiz.correct if right else content.quiz.not_quite
    return Turn(_reveal(content, marked, current, verdict), marked)


def next_question(content: Content, state: QuizState | None) -> Turn:
    """The question after the one on screen once it is answered; until then, the same one."""
    if state is None:
        return Turn([restart_offer(content)], None)
    if not state.answered:
        return Turn([question(content, state.position)], state)
    if _is_last(content, state):
        return Turn([finished(content, state)], state)
    following = QuizState(position=state.position + 1, score=state.score)
    return Turn([question(content, following.position)], following)


def question(content: Content, position: int) -> Reply:
    """A question, with one button for each possible answer."""
    current = content.quiz.questions[position]
    buttons = tuple(
        Button(label, QUIZ_ANSWER_INTENT, ((CHOICE_ENTITY, value),))
        for value, label in answer_labels(content, current.kind).items()
    )
    return Reply(current.question, buttons)


def finished(content: Content, state: QuizState) -> Reply:
    """The score, and the way back to the menu."""
    quiz = content.quiz
    text = quiz.finished.format(score=state.score, total=len(quiz.questions))
    return Reply(text, (Button(content.menu.menu_button, MENU_INTENT),))


def restart_offer(content: Content) -> Reply:
    """For an answer or "next question" when no quiz is running: never an error, just the offer
    to start the quiz, or go back to the menu."""
    buttons = (
        Button(content.quiz.title, QUIZ_ME_INTENT),
        Button(content.menu.menu_button, MENU_INTENT),
    )
    return Reply(content.menu.rephrase, buttons)


def _reveal(
    content: Content, state: QuizState, current: QuizQuestion, verdict: str | None
) -> list[Reply]:
    """Right or not (when just answered), the answer and why, then the way on."""
    quiz, menu_button = content.quiz, Button(content.menu.menu_button, MENU_INTENT)
    label = answer_labels(content, current.kind)[current.answer]
    told = quiz.the_answer_is.format(answer=label)
    text = f"{verdict} {told}" if verdict else told
    revealed = f"{text}\n\n{current.explanation}"
    if _is_last(content, state):
        return [Reply(revealed), finished(content, state)]
    return [Reply(revealed, (Button(quiz.next_button, QUIZ_NEXT_INTENT), menu_button))]


def _is_last(content: Content, state: QuizState) -> bool:
    return state.position == len(content.quiz.questions) - 1
