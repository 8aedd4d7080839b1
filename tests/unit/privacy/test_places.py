"""Street addresses and school names."""

from __future__ import annotations

import pytest

from bot.privacy import Kind, redact
from tests.unit.privacy.examples import ADDRESSES, NOT_ADDRESSES, NOT_SCHOOLS, SCHOOLS


@pytest.mark.parametrize(("message", "expected"), ADDRESSES)
def test_street_addresses_with_a_number_or_a_cue_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.ADDRESS,)


@pytest.mark.parametrize("message", NOT_ADDRESSES)
def test_streets_spoken_of_in_general_are_kept(message: str) -> None:
    assert redact(message).text == message


@pytest.mark.parametrize(("message", "expected"), SCHOOLS)
def test_named_schools_and_colleges_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.SCHOOL,)


@pytest.mark.parametrize("message", NOT_SCHOOLS)
def test_school_spoken_of_in_general_is_kept(message: str) -> None:
    assert redact(message).text == message


def test_an_address_and_postcode_together_are_two_details() -> None:
    redacted = redact("my nan lives at 4 Church Hill Road, Leeds LS1 4AB")
    assert redacted.text == "my nan lives at [address], Leeds [postcode]"
    assert redacted.kinds == (Kind.ADDRESS, Kind.POSTCODE)
