"""Personal names: cues, the name list, names that are also words, and surnames."""

from __future__ import annotations

import pytest

from bot.privacy import Kind, redact
from tests.unit.privacy.examples import NAMES, NOT_NAMES


@pytest.mark.parametrize(("message", "expected"), NAMES)
def test_names_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.NAME,)


@pytest.mark.parametrize("message", NOT_NAMES)
def test_words_that_are_not_names_here_are_kept(message: str) -> None:
    assert redact(message).text == message


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("my name is Sarah Jones", "my name is [name]"),
        ("my name is sarah jones", "my name is [name]"),
        ("i'm Mary Jane", "i'm [name]"),
        ("my name is Sarah and im 14", "my name is [name] and im 14"),
        ("my name is sarah green", "my name is [name] green"),
        ("jake, Smith said", "[name], Smith said"),
    ],
)
def test_a_surname_joins_the_first_name_as_one_placeholder(message: str, expected: str) -> None:
    assert redact(message).text == expected


@pytest.mark.parametrize(
    "message",
    ["I'm scared", "i'm fine", "im 14", "i am being groomed", "I'm in year 9", "im so done"],
)
def test_im_takes_only_a_listed_name(message: str) -> None:
    assert redact(message).kinds == ()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("my mate grace", "my mate [name]"),
        ("my mate hope is in care", "my mate [name] is in care"),
        ("I'm Hope", "I'm [name]"),
        ("my mate will help", "my mate will help"),
        ("my mate Will said", "my mate [name] said"),
        ("grace", "grace"),
        ("they call it charlie", "they call it charlie"),
    ],
)
def test_names_that_are_also_words_need_a_cue(message: str, expected: str) -> None:
    assert redact(message).text == expected


@pytest.mark.parametrize(
    "message", ["jayden_07", "@jayden", "jayden@example.com", "jake99", "jake.b@x.co"]
)
def test_a_name_inside_a_username_or_email_is_not_a_name(message: str) -> None:
    assert Kind.NAME not in redact(message).kinds
