"""What of a conversation may be kept: its events with identifying details replaced.

Works on Rasa's serialised events (plain dicts, as `Event.as_dict()` writes them), so it needs no
Rasa import. Every string a young person could have typed is redacted: the message text, the text
and entity values in its parse data, and slot values. Message metadata is dropped whole, because a
channel may put anything there (a widget's page address, a user agent, an IP address).
Bot messages are kept as they are: their words come from content/, never from the young person.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.privacy.detect import redact

# Rasa copies the first message's metadata into this slot when a session starts.
METADATA_SLOT = "session_started_metadata"


def redact_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `event` that is safe to keep."""
    kept = {key: value for key, value in event.items() if key != "metadata"}
    kind = event.get("event")
    if kind == "user":
        kept["text"] = redact_value(event.get("text"))
        kept["parse_data"] = _redact_parse_data(event.get("parse_data") or {})
    elif kind == "slot":
        kept["value"] = (
            None if event.get("name") == METADATA_SLOT else redact_value(event.get("value"))
        )
    elif kind == "entities":
        kept["entities"] = [_redact_entity(entity) for entity in event.get("entities") or []]
    return kept


def redact_value(value: Any) -> Any:
    """Strings redacted, lists and dicts redacted inside, anything else (numbers, None) kept."""
    if isinstance(value, str):
        return redact(value).text
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    return value


def _redact_parse_data(parse_data: Mapping[str, Any]) -> dict[str, Any]:
    kept = {key: value for key, value in parse_data.items() if key != "metadata"}
    kept["text"] = redact_value(parse_data.get("text"))
    kept["entities"] = [_redact_entity(entity) for entity in parse_data.get("entities") or []]
    return kept


def _redact_entity(entity: Mapping[str, Any]) -> dict[str, Any]:
    return {**entity, "value": redact_value(entity.get("value"))}
