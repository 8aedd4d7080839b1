"""The REST channel the widget talks to, redacting identifying details as each message arrives.

credentials.yml names this class instead of Rasa's `rest`; the address stays /webhooks/rest/webhook.
Redacting here, before Rasa sees the message, means the conversation in memory, the tracker sent
to the action server and anything Rasa logs only ever hold placeholders such as [name]. Metadata
sent with a message is dropped for the same reason: a page could put anything in it.

Being the one module of ours the Rasa server loads before the model, it also sets the server's
garbage collection up for steady replies (bot/rasa_ext/server_memory.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from bot.privacy.detect import redact
from bot.rasa_ext.server_memory import freeze_after_start


class PrivateRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook: Blueprint = super().blueprint(on_new_message)
        webhook.after_server_start(freeze_after_start)
        return webhook

    def _extract_message(self, req: Request) -> str | None:
        text = super()._extract_message(req)
        return redact(text).text if isinstance(text, str) else text

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return None
