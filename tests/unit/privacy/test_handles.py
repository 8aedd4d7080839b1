"""Social media and gaming usernames, as opposed to mentions of a platform."""

from __future__ import annotations

import pytest

from bot.privacy import Kind, redact
from tests.unit.privacy.examples import HANDLES, NOT_HANDLES


@pytest.mark.parametrize(("message", "expected"), HANDLES)
def test_usernames_are_redacted(message: str, expected: str) -> None:
    redacted = redact(message)
    assert redacted.text == expected
    assert redacted.kinds == (Kind.HANDLE,)


@pytest.mark.parametrize("message", NOT_HANDLES)
def test_naming_a_platform_is_not_sharing_a_username(message: str) -> None:
    assert redact(message).text == message


def test_an_email_is_an_email_not_a_handle() -> None:
    assert redact("its jake@gmail.com").kinds == (Kind.EMAIL,)
