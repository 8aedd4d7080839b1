"""Readability for 11 to 18 year olds: long sentences and a high reading level are warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.content.checks.readability import count_syllables, measure
from tests.unit.content.support import errors, line_of, replace_in, warnings

GAMING_POINT = "- They ask you to keep your chats secret, or to send photos."
LONG_POINT = (
    "- They ask you to keep your chats secret from your family and your friends, and then they "
    "ask you to send photos of yourself, and they say you will be in trouble if you tell."
)
# Twelve words or more, most of them long: well past grade 8.
HARD_PROMPT = (
    "Organisations providing confidential information regarding exploitation consistently "
    "recommend immediate communication with appropriately qualified professionals."
)


def set_prompt(content_dir: Path, text: str) -> None:
    replace_in(
        content_dir / "menu.yml",
        "prompt: What would you like to do?",
        f"prompt: {json.dumps(text)}",
    )


def about_readability(problems: list[str]) -> list[str]:
    return [p for p in problems if "sentence here" in p or "reading level" in p]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1), ("make", 1), ("makes", 1), ("asked", 1), ("wanted", 2), ("table", 2),
        ("people", 2), ("someone", 2), ("everyone", 3), ("family", 3), ("grooming", 2),
        ("exploitation", 4), ("confidential", 4), ("anonymous", 4), ("pieces", 2),
        ("don't", 1), ("Childline's", 2), ("childline.org.uk", 1), ("0800", 1), ("£50", 1),
    ],
)  # fmt: skip
def test_syllables_are_counted_by_spelling(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_flesch_kincaid_grade_follows_the_formula() -> None:
    # 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59
    assert measure("The cat sat on the mat.").grade == pytest.approx(-1.45)
    # Twice as many sentences of the same words: only the words per sentence change.
    assert measure("The cat sat. On the mat.").grade == pytest.approx(0.39 * 3 + 11.8 - 15.59)


def test_full_stops_line_breaks_and_bullets_end_sentences() -> None:
    text = "Hi! Are you OK? I'm here.\nNothing is kept\n• one thing • another thing"
    sentences = [sentence.text for sentence in measure(text).sentences]
    assert sentences == [
        "Hi!", "Are you OK?", "I'm here.", "Nothing is kept", "one thing", "another thing"
    ]  # fmt: skip


def test_addresses_and_abbreviations_do_not_end_sentences() -> None:
    text = "Chat at childline.org.uk or call 0800 1111, e.g. after school."
    assert len(measure(text).sentences) == 1


def test_shipped_gaming_topic_is_easy_to_read(content_dir: Path) -> None:
    gaming = str(content_dir / "topics" / "gaming.yml")
    assert not [p for p in about_readability(warnings(content_dir)) if p.startswith(gaming)]


def test_a_long_sentence_is_a_warning_at_its_line(content_dir: Path) -> None:
    path = content_dir / "topics" / "gaming.yml"
    replace_in(path, GAMING_POINT, LONG_POINT)
    expected = (
        f"{path}:{line_of(path, '- They ask you to keep')}: a sentence here has 35 words (more "
        'than 25), starting "They ask you to keep your...": split it, so it\'s easy to read on '
        "a phone."
    )
    assert expected in warnings(content_dir)
    assert errors(content_dir) == []


def test_a_high_reading_level_is_a_warning(content_dir: Path) -> None:
    set_prompt(content_dir, HARD_PROMPT)
    path = content_dir / "menu.yml"
    at_prompt = f"{path}:{line_of(path, 'prompt:')}:"
    [problem] = [p for p in warnings(content_dir) if p.startswith(at_prompt)]
    grade = round(measure(HARD_PROMPT).grade)
    assert grade > 8
    assert problem == (
        f"{path}:{line_of(path, 'prompt:')}: reading level is about grade {grade} (aim for 8 or "
        "below, for readers from 11): use shorter sentences and everyday words."
    )
    assert errors(content_dir) == []


def test_a_short_text_gets_no_reading_level(content_dir: Path) -> None:
    set_prompt(content_dir, "Organisations recommend immediate communication with professionals.")
    path = content_dir / "menu.yml"
    at_prompt = f"{path}:{line_of(path, 'prompt:')}:"
    assert not [p for p in warnings(content_dir) if p.startswith(at_prompt)]


def test_limits_come_from_checks_yml(content_dir: Path) -> None:
    replace_in(content_dir / "topics" / "gaming.yml", GAMING_POINT, LONG_POINT)
    set_prompt(content_dir, HARD_PROMPT)
    checks = content_dir / "checks.yml"
    replace_in(checks, "max_sentence_words: 25", "max_sentence_words: 60")
    replace_in(checks, "max_grade: 8", "max_grade: 99")
    assert about_readability(warnings(content_dir)) == []


def test_a_missing_limit_is_an_error(content_dir: Path) -> None:
    path = content_dir / "checks.yml"
    replace_in(path, "  max_grade: 8\n", "")
    assert errors(content_dir) == [
        f"{path}:{line_of(path, 'readability:')}: 'readability.max_grade' is missing: add it"
    ]


def test_shipped_content_has_no_readability_warnings(content_dir: Path) -> None:
    # Every youth-facing sentence is short and plain: only the Welsh awaiting a Welsh speaker's
    # review may warn.
    readability = [w for w in warnings(content_dir) if "Welsh speaker" not in w]
    assert readability == []
