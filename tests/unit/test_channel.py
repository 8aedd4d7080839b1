"""The REST channel redacts each message and drops its metadata before Rasa sees it."""

from __future__ import annotations

from typing import Any

from rasa.core.run import create_http_input_channels

from bot.paths import CREDENTIALS
from bot.rasa_ext.channel import PrivateRestInput


class Request:
    def __init__(self, **body: Any) -> None:
        self.json = body


def test_the_message_is_redacted_as_it_arrives() -> None:
    request = Request(sender="a", message="hi im Kayden, my number is 07700 900123")
    assert PrivateRestInput()._extract_message(request) == "hi im [name], my number is [phone]"


def test_button_payloads_and_empty_messages_pass_through() -> None:
    assert PrivateRestInput()._extract_message(Request(message="/stage_hooked")) == "/stage_hooked"
    assert PrivateRestInput()._extract_message(Request(sender="a")) is None


def test_metadata_is_never_passed_on() -> None:
    request = Request(message="hi", metadata={"page": "https://school.example/kayden"})
    assert PrivateRestInput().get_metadata(request) is None


def test_credentials_yml_serves_this_channel_at_the_rest_address() -> None:
    (channel,) = create_http_input_channels(None, str(CREDENTIALS))
    assert isinstance(channel, PrivateRestInput)
    assert channel.url_prefix() == "rest"
