"""The public API: offsets, placeholders, kinds in order, and redacting twice changing nothing."""

from __future__ import annotations

import itertools
import logging
import random

import pytest

from bot.privacy import Found, Kind, Redacted, find_identifiers, kinds_in, redact
from tests.unit.privacy.examples import DISCLOSURES, KEPT, KEPT_DISCLOSURES, REDACTED

MESSAGES = [message for message, _ in REDACTED] + KEPT


def test_placeholders_name_their_kind() -> None:
    assert Kind.NAME.placeholder == "[name]"
    assert Kind.BIRTHDATE.placeholder == "[date of birth]"
    assert [kind.value for kind in Kind] == [
        "name",
        "phone",
        "email",
        "address",
        "postcode",
        "school",
        "handle",
        "date of birth",
    ]


def test_find_identifiers_gives_sorted_non_overlapping_offsets() -> None:
    text = "my name is Sarah Jones, text 07700 900123 or sarah.j@gmail.com"
    found = find_identifiers(text)
    assert found == [
        Found(Kind.NAME, 11, 22),
        Found(Kind.PHONE, 29, 41),
        Found(Kind.EMAIL, 45, 62),
    ]
    assert [text[f.start : f.end] for f in found] == [
        "Sarah Jones",
        "07700 900123",
        "sarah.j@gmail.com",
    ]


def test_the_longest_detail_wins_where_two_overlap() -> None:
    # "Mary" is a name, but here it is part of a school's name.
    assert redact("i go to St Mary's Primary").text == "i go to [school]"
    assert redact("jake.smith@gmail.com").kinds == (Kind.EMAIL,)


def test_redacting_returns_text_and_kinds() -> None:
    assert redact("im jake") == Redacted("im [name]", (Kind.NAME,))
    assert redact("hello") == Redacted("hello", ())
    assert redact("") == Redacted("", ())


def test_kinds_are_in_order_of_appearance_without_repeats() -> None:
    redacted = redact("07700900123 is jake's and 07700900456 is leo's, ask jake")
    assert redacted.kinds == (Kind.PHONE, Kind.NAME)


def test_placeholders_already_there_count_as_kinds_in_place() -> None:
    redacted = redact("[email] and my name is jake, [phone]")
    assert redacted.text == "[email] and my name is [name], [phone]"
    assert redacted.kinds == (Kind.EMAIL, Kind.NAME, Kind.PHONE)


def test_kinds_in_reads_only_real_placeholders() -> None:
    assert kinds_in("[school] then [name] then [school]") == (Kind.SCHOOL, Kind.NAME)
    assert kinds_in("[date of birth]") == (Kind.BIRTHDATE,)
    assert kinds_in("[names] [Name] name [foo]") == ()


@pytest.mark.parametrize(
    "text",
    [
        "my name is [name]",
        "[name] here",
        "im [name]",
        "my snap is [handle]",
        "add me on snap [handle]",
        "i live at [address]",
        "i go to [school]",
        "call me [phone]",
        "my birthday is [date of birth]",
        "[postcode] [email]",
        "my mate [name] [name]",
    ],
)
def test_placeholders_are_never_read_as_details(text: str) -> None:
    redacted = redact(text)
    assert redacted.text == text
    assert redacted.kinds == kinds_in(text)
    assert find_identifiers(text) == []


@pytest.mark.parametrize("message", MESSAGES)
def test_redacting_twice_changes_nothing(message: str) -> None:
    once = redact(message)
    twice = redact(once.text)
    assert twice == once


def test_redacting_twice_changes_nothing_when_examples_are_combined() -> None:
    # Details next to each other must not change how the other is read on a second pass.
    messages = [message for message, _ in REDACTED]
    for first, second in itertools.product(messages, repeat=2):
        for joined in (f"{first} {second}", f"{first}. {second}"):
            once = redact(joined)
            assert redact(once.text) == once, joined


def test_redacting_twice_changes_nothing_for_mixed_messages_in_any_case() -> None:
    # Property-style: random runs of examples, joined as people type them, in lower, UPPER and
    # Title Case (which changes whether capitals mean names). Seeded, so failures repeat.
    pool = MESSAGES
    cases = (str.lower, str.upper, str.title, str)
    joins = (" ", ". ", ", ", "\n", " and ", "! ")
    rng = random.Random(20240601)
    for _ in range(3000):
        parts = [rng.choice(cases)(rng.choice(pool)) for _ in range(rng.randint(1, 3))]
        joined = "".join(part + rng.choice(joins) for part in parts).strip()
        once = redact(joined)
        assert redact(once.text) == once, joined


@pytest.mark.parametrize(
    "message",
    [
        "Hey Grace, MY BIRTHDAY'S ON THE 3RD OF MARCH and",  # "OF" inside the date
        "jake's school is near mine",  # "[name]'s school": the "s" is not a school's name
        "my name is Will St Mary's Primary",  # a school claims the surname's place
        "email me at jake.smith@gmail.com oakfield academy",
        "12.03.2011 01632 960000 is my nans",
        "my birthday is 3rd march. Will you help me",  # the full stop stays outside the date
        "I'm at Tesco\nCf10 3At",  # a postcode claims the word after the cue's capitalised one
    ],
)
def test_redacting_twice_changes_nothing_where_details_touch(message: str) -> None:
    once = redact(message)
    assert redact(once.text) == once


@pytest.mark.parametrize(("message", "expected"), DISCLOSURES)
def test_disclosures_survive_word_for_word_apart_from_the_detail(
    message: str, expected: str
) -> None:
    assert redact(message).text == expected


@pytest.mark.parametrize("message", KEPT_DISCLOSURES)
def test_disclosures_without_details_are_untouched(message: str) -> None:
    assert redact(message) == Redacted(message, ())


def test_nothing_is_printed_or_logged(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    redact("my name is Sarah Jones and my number is 07700 900123")
    find_identifiers("my name is Sarah Jones")
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""
    assert caplog.records == []
