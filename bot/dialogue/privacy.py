"""Telling a young person, kindly, that they don't need to share who they are."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Content
from bot.dialogue.replies import Reply


def nudge(content: Content, kinds: Sequence[str]) -> Reply:
    """Names the kinds of detail they shared ("names or phone numbers"), never the details."""
    privacy = content.privacy
    names = list(dict.fromkeys(privacy.details[kind] for kind in kinds if kind in privacy.details))
    return Reply(
        privacy.nudge.format(details=_listed(names, privacy.last_joiner) or privacy.any_details)
    )


def _listed(names: Sequence[str], last_joiner: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last_joiner} {names[-1]}"
