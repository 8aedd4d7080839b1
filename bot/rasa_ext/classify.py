"""Run messages through the trained model's NLU, safety net included, as the dialogue sees them;
and play whole conversations through the assistant."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.safety.evaluation import Prediction
from bot.safety.listening import DISCLOSURE_KEY, LISTENING_KEY


def load_agent(model: Path, action_endpoint: str | None = None) -> Any:
    """Rasa's Agent for `model`, logging at WARNING: Rasa's debug log prints message text.

    Conversations are kept in the assistant's own tracker store, as when it serves: redacted,
    so what one message carries to the next is only what the store keeps."""
    from rasa.core.agent import Agent  # imported here: it pulls in TensorFlow
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot.rasa_ext.tracker_store import PrivateTrackerStore

    configure_structlog(logging.WARNING)
    endpoint = EndpointConfig(action_endpoint) if action_endpoint else None
    return Agent.load(str(model), action_endpoint=endpoint, tracker_store=PrivateTrackerStore())


async def classify(agent: Any, text: str) -> Prediction:
    """The decision on one message, as the first message of a conversation."""
    parsed = await agent.parse_message(text)
    intent = parsed.get("intent") or {}
    disclosure = parsed.get(DISCLOSURE_KEY) or {}
    listening = parsed.get(LISTENING_KEY) or {}
    return Prediction(
        text=text,
        intent=str(intent.get("name")),
        confidence=round(float(intent.get("confidence") or 0.0), 4),
        disclosure=disclosure.get("category"),
        urgent=disclosure.get("urgent") is True,
        check_in=listening.get("moment") == "check_in",
        tentative=disclosure.get("tentative") is True,
    )


async def converse(agent: Any, messages: Sequence[str]) -> list[list[dict[str, Any]]]:
    """Each message's replies, in one new conversation (a fresh sender, as a page load)."""
    sender = uuid.uuid4().hex
    return [list(await agent.handle_text(text, sender_id=sender) or []) for text in messages]


def classify_all(agent: Any, texts: Iterable[str]) -> Iterator[Prediction]:
    """Classify one message at a time, yielding as it goes (for progress and streaming)."""
    loop = asyncio.new_event_loop()
    try:
        for text in texts:
            yield loop.run_until_complete(classify(agent, text))
    finally:
        loop.close()
