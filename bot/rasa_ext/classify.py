"""Run messages through the trained model's NLU, safety net included, as the dialogue sees them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bot.safety.evaluation import Prediction


def load_agent(model: Path, action_endpoint: str | None = None) -> Any:
    """Rasa's Agent for `model`, logging at WARNING: Rasa's debug log prints message text."""
    from rasa.core.agent import Agent  # imported here: it pulls in TensorFlow
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    endpoint = EndpointConfig(action_endpoint) if action_endpoint else None
    return Agent.load(str(model), action_endpoint=endpoint)


async def classify(agent: Any, text: str) -> Prediction:
    parsed = await agent.parse_message(text)
    intent = parsed.get("intent") or {}
    disclosure = (parsed.get("disclosure") or {}).get("category")
    return Prediction(
        text=text,
        intent=str(intent.get("name")),
        confidence=round(float(intent.get("confidence") or 0.0), 4),
        disclosure=disclosure,
    )


def classify_all(agent: Any, texts: Iterable[str]) -> Iterator[Prediction]:
    """Classify one message at a time, yielding as it goes (for progress and streaming)."""
    loop = asyncio.new_event_loop()
    try:
        for text in texts:
            yield loop.run_until_complete(classify(agent, text))
    finally:
        loop.close()
