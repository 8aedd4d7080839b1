"""The disclosure categories. These exact names are used everywhere: NLU intents, content,
evaluation and insights."""

from typing import Final

IMMEDIATE_DANGER: Final = "immediate_danger"

# In order of priority: when a message matches several, the first one leads the reply.
# Immediate danger comes first because its reply leads with 999.
CATEGORIES: Final[tuple[str, ...]] = (
    IMMEDIATE_DANGER,
    "self_harm",
    "sexual_abuse",
    "image_abuse",
    "criminal_exploitation",
    "trafficking",
    "online_grooming",
    "weapons_violence",
    "peer_abuse",
    "missing",
)

# What an immediate-danger reply must list first, in this order.
IMMEDIATE_DANGER_SERVICES: Final[tuple[str, ...]] = (
    "police_emergency",
    "silent_solution",
    "childline",
)


def is_disclosure(intent: str | None) -> bool:
    return intent in CATEGORIES
