"""The simulated young people's conversations: a weighted mix of realistic journeys.

These texts are ours (made up for the benchmark), never a real young person's.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Journey:
    kind: str
    weight: float
    messages: tuple[str, ...]


JOURNEYS: tuple[Journey, ...] = (
    Journey(
        "stages",
        4,
        (
            "hi",
            "/learn_stages",
            "/stage_targeting",
            "what happens next",
            "/next_stage",
            "/next_stage",
            "what is the trapped stage",
            "thanks",
        ),
    ),
    Journey(
        "stages",
        2,
        ("hello", "how do people get groomed", "/stage_experience", "/next_stage", "bye"),
    ),
    Journey(
        "topics",
        3,
        ("hi", "what is county lines", "why do people carry knives", "/topic_gaming", "thanks"),
    ),
    Journey(
        "topics",
        2,
        ("/learn_trends", "/topic_images", "what is sextortion", "/topic_car_crime", "bye"),
    ),
    Journey("help", 2, ("i need help", "/get_help", "how do i talk to childline", "thanks")),
    Journey("help", 1, ("hey", "/menu", "/get_help", "can i report it anonymously")),
    Journey(
        "disclosure",
        1,
        ("hi", "someone online keeps asking me for pics", "what should i do", "thanks"),
    ),
    Journey(
        "disclosure",
        1,
        ("an older lad gave me money and now says i owe him", "/get_help", "ok"),
    ),
)


def pick_journey(rng: random.Random, journeys: Sequence[Journey] = JOURNEYS) -> Journey:
    return rng.choices(list(journeys), weights=[journey.weight for journey in journeys])[0]


def new_sender(rng: random.Random) -> str:
    """A random sender id, as the widget makes one per visitor."""
    return f"bench-{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}"


def think_time(rng: random.Random, mean_seconds: float) -> float:
    """Uniform between half and one and a half times the mean; 0 for saturation."""
    if mean_seconds <= 0:
        return 0.0
    return rng.uniform(0.5 * mean_seconds, 1.5 * mean_seconds)
