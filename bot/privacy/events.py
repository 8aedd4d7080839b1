"""What of a conversation may be kept between messages: its events, without what was typed.

Works on Rasa's serialised events (plain dicts, as `Event.as_dict()` writes them), so it needs no
Rasa import. The text of a young person's message is not kept at all, in the event or its parse
data: the dialogue goes on from the intent, the safety decision and the entities, whose values are
placeholders such as [name]. So no conversation store, in memory or in a shared Redis, holds
anything they typed once their message has been answered. Slot values are redacted. Message
metadata is dropped whole, because a channel may put anything there (a page address, an IP).
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
        kept["text"] = ""
        kept["parse_data"] = _parse_data_without_text(event.get("parse_data") or {})
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


def _parse_data_without_text(parse_data: Mapping[str, Any]) -> dict[str, Any]:
    kept = {key: value for key, value in parse_data.items() if key != "metadata"}
    kept["text"] = ""
    kept["entities"] = [_redact_entity(entity) for entity in parse_data.get("entities") or []]
    return kept


def _redact_entity(entity: Mapping[str, Any]) -> dict[str, Any]:
    return {**entity, "value": redact_value(entity.get("value"))}
