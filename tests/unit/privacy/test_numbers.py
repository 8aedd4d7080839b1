"""Phone numbers, emails, postcodes and dates of birth: the details with a fixed shape."""

from __future__ import annotations

import pytest

from bot.privacy import Kind, redact
from tests.unit.privacy.examples import (
    DATES,
    EMAILS,
    NOT_DATES,
    NOT_PHONES,
    NOT_POSTCODES,
    PHONES,
    POSTCODES,
)


@pytest.mark.parametrize(("message", "expected"), PHONES)
def test_uk_mobiles_and_landlines_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.PHONE,)


@pytest.mark.parametrize("message", NOT_PHONES)
def test_helplines_short_numbers_and_other_numbers_are_kept(message: str) -> None:
    assert redact(message).text == message


@pytest.mark.parametrize(("message", "expected"), EMAILS)
def test_emails_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.EMAIL,)


@pytest.mark.parametrize(("message", "expected"), POSTCODES)
def test_postcodes_are_redacted_in_any_case_with_or_without_a_space(
    message: str, expected: str
) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.POSTCODE,)


@pytest.mark.parametrize("message", NOT_POSTCODES)
def test_text_speak_that_looks_like_a_postcode_is_kept(message: str) -> None:
    assert redact(message).text == message


def test_an_ordinal_postcode_typed_in_capitals_is_still_a_postcode() -> None:
    assert redact("M1 1ST").text == "[postcode]"


@pytest.mark.parametrize(("message", "expected"), DATES)
def test_dates_of_birth_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.BIRTHDATE,)


@pytest.mark.parametrize("message", NOT_DATES)
def test_ages_years_and_day_months_without_a_birthday_cue_are_kept(message: str) -> None:
    assert redact(message).text == message


@pytest.mark.parametrize("message", ["32/13/2011", "13/13/13", "00/00/2011", "1.2.3"])
def test_numbers_that_cannot_be_a_day_and_month_are_not_dates(message: str) -> None:
    assert redact(message).text == message
