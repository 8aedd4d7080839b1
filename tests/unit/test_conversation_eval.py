"""Judging whole conversations by what the replies mean (bot/dialogue/conversation_eval.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import Content
from bot.dialogue import disclosure, moments
from bot.dialogue.conversation_eval import (
    ConversationFileError,
    Ear,
    Turn,
    judge,
    read_conversations,
    score,
)
from bot.dialogue.replies import Reply
from bot.safety.listening import Moment


def sent(*texts: str) -> list[dict[str, str]]:
    """As Rasa's REST channel sends them: one message per paragraph."""
    return [{"text": part} for text in texts for part in text.split("\n\n")]


def as_sent(replies: list[Reply]) -> list[dict[str, str]]:
    return sent(*(reply.text for reply in replies))


def disclosure_reply(content: Content, category: str) -> list[dict[str, str]]:
    return sent(content.safety.first_response) + as_sent(
        disclosure.respond(content, category, "self", None)
    )


def test_a_disclosure_reply_is_heard_with_its_categorys_help(content: Content) -> None:
    heard = Ear(content).hear(disclosure_reply(content, "image_abuse"))
    assert heard.disclosure and not heard.urgent and heard.helps >= {"image_abuse"}
    assert judge(Turn("x", "disclosure", "image_abuse"), heard) is None
    assert judge(Turn("x", "disclosure", "missing"), heard) == "the wrong help"
    assert judge(Turn("x", "calm"), heard) == "a disclosure or emergency reply"


def test_an_emergency_is_heard_even_when_rasa_splits_its_welsh_and_english(
    content: Content,
) -> None:
    kind = content.urgent_kind("overdose")
    replies = sent(disclosure.bilingual(kind.welsh.first, kind.first)) + as_sent(
        disclosure.respond(content, "self_harm", "self", None, urgent=True, welsh=True)
    )
    heard = Ear(content).hear(replies)
    assert heard.urgent and heard.welsh
    assert judge(Turn("x", "urgent", "self_harm", welsh=True), heard) is None


def test_a_follow_up_counts_as_the_disclosure_only_once_it_was_told(content: Content) -> None:
    follow_up = Ear(content).hear(
        as_sent(moments.respond(content, Moment.FOLLOW_UP, None, "image_abuse", None))
    )
    turn = Turn("x", "disclosure", "image_abuse")
    assert judge(turn, follow_up) == "no disclosure reply"
    assert judge(turn, follow_up, told=frozenset({"image_abuse"})) is None
    assert judge(Turn("x", "help", "image_abuse"), follow_up) is None


@pytest.mark.parametrize(
    ("moment", "kind", "expect"),
    [
        (Moment.TRUST, None, "trust"),
        (Moment.FEELING, "scared", "feeling"),
        (Moment.INVITE, None, "invite"),
        (Moment.GO_ON, None, "invite"),
        (Moment.TAKE_BACK, None, "take_back"),
        (Moment.CHECK_IN, "self_harm", "check_in"),
    ],
)
def test_each_moment_meets_its_own_expectation_and_no_other(
    content: Content, moment: Moment, kind: str | None, expect: str
) -> None:
    heard = Ear(content).hear(as_sent(moments.respond(content, moment, kind, None, None)))
    assert judge(Turn("x", expect), heard) is None
    others = {"trust", "feeling", "invite", "take_back", "check_in"} - {expect}
    assert all(judge(Turn("x", other), heard) is not None for other in others)
    assert judge(Turn("x", "calm"), heard) is None


def test_a_fear_turn_needs_the_answer_to_that_fear(content: Content) -> None:
    heard = Ear(content).hear(as_sent(moments.respond(content, Moment.FEAR, "arrest", None, None)))
    assert judge(Turn("x", "fear", fear="arrest"), heard) is None
    assert judge(Turn("x", "fear", fear="family"), heard) == "no answer to the fear 'family'"


def test_a_fear_of_no_particular_kind_is_called_general(content: Content) -> None:
    heard = Ear(content).hear(as_sent(moments.respond(content, Moment.FEAR, None, None, None)))
    assert judge(Turn("x", "fear", fear="general"), heard) is None
    assert judge(Turn("x", "fear", fear="arrest"), heard) == "no answer to the fear 'arrest'"


def test_a_fear_kind_the_content_does_not_know_is_refused_before_playing(
    content: Content, tmp_path: Path
) -> None:
    path = tmp_path / "fears.yml"
    path.write_text(
        "conversations:\n"
        "  - id: c\n"
        "    turns:\n"
        "      - {say: 'if i tell will i get nicked', expect: fear, fear: arrest}\n"
        "      - {say: 'theyll split us up', expect: fear, fear: being_split_up}\n"
    )
    unknown = Ear(content).unknown_fears(read_conversations(path))
    assert len(unknown) == 1 and "c, turn 2: 'being_split_up' is not a fear kind" in unknown[0]


def test_welsh_turns_need_welsh(content: Content) -> None:
    english = Ear(content).hear(as_sent(moments.respond(content, Moment.TRUST, None, None, None)))
    assert judge(Turn("x", "trust", welsh=True), english) == "no Welsh in the reply"


def test_a_conversation_passes_only_when_every_turn_does(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "conversations.yml"
    path.write_text(
        "conversations:\n"
        "  - id: good\n    turns:\n      - say: is this private\n        expect: trust\n"
        "  - id: bad\n    turns:\n      - say: hi\n        expect: any\n"
        "      - say: is this private\n        expect: trust\n"
    )
    conversations = read_conversations(path)
    trust = as_sent(moments.respond(content, Moment.TRUST, None, None, None))
    rephrase = sent(content.menu.rephrase)
    report = score(content, conversations, [[trust], [sent("Hi!"), rephrase]])
    assert (report.passed, report.conversations) == (1, 2)
    [failure] = report.failures
    assert (failure.conversation, failure.turn, failure.expect) == ("bad", 2, "trust")
    assert report.failed_gates() != []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("conversations: []", "expected a list"),
        ("conversations:\n  - id: a\n    turns: []", "no turns"),
        ("conversations:\n  - id: a\n    turns:\n      - say: x\n        expect: cheer", "expect"),
        ("conversations:\n  - id: a\n    turns:\n      - say: x\n        expect: help", "category"),
        ("conversations:\n  - id: a\n    turns:\n      - say: x\n        expect: any\n"
         "        mood: sad", "unknown keys"),
    ],
)  # fmt: skip
def test_a_bad_file_says_where_and_what(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "c.yml"
    path.write_text(text)
    with pytest.raises(ConversationFileError, match=problem):
        read_conversations(path)
