"""The engine-neutral shape of what the assistant sends: text plus optional buttons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    label: str
    # What pressing it means, as the intent the assistant would recognise from typed text.
    intent: str
    # Entities sent with the intent, as (name, value) pairs: which answer a quiz button gives.
    entities: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()
    # The services (ids from content/signposts.yml) this message lists, for anonymous insight.
    services: tuple[str, ...] = ()
