"""The REST channel redacts each message and drops its metadata before Rasa sees it."""

from __future__ import annotations

import gc
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.run import create_http_input_channels

from bot.paths import CREDENTIALS
from bot.rasa_ext.channel import PrivateRestInput
from bot.rasa_ext.server_memory import freeze_after_start, freeze_what_is_loaded


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


def test_the_server_freezes_what_is_loaded_once_it_has_started() -> None:
    async def on_new_message(message: UserMessage) -> None:
        pass

    webhook = PrivateRestInput().blueprint(on_new_message)
    listeners = [(listener.event, listener.listener) for listener in webhook._future_listeners]
    assert ("after_server_start", freeze_after_start) in listeners


def test_frozen_objects_are_no_longer_walked_by_the_collector() -> None:
    long_lived = [object() for _ in range(3)]
    try:
        assert freeze_what_is_loaded() > 0
        walked = {id(item) for generation in range(3) for item in gc.get_objects(generation)}
        assert id(long_lived) not in walked
    finally:
        gc.unfreeze()
