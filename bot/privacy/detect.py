"""Find identifying details in a message and replace each with a placeholder such as [name].

Every detector proposes spans; where spans overlap the longest wins (an email beats the name
inside it, "St Mary's Primary" beats "Mary"), and on equal length the more specific kind wins.
Placeholders already in the text are masked before detecting, so redacting twice changes nothing
and "[name]" is never read as a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Final

from bot.privacy.handles import find_handles
from bot.privacy.kinds import (
    Found,
    Kind,
    Redacted,
    kinds_in,
    mask_placeholders,
    placeholder_spans,
)
from bot.privacy.names import find_names
from bot.privacy.patterns import (
    find_dates_of_birth,
    find_emails,
    find_phones,
    find_postcodes,
)
from bot.privacy.places import find_addresses, find_schools
from bot.privacy.text import Token, tokenize

__all__ = ["Detector", "Found", "Kind", "Redacted", "find_identifiers", "kinds_in", "redact"]

Detect = Callable[[str, Sequence[Token]], Iterable[Found]]

# On equal length, the kind listed first wins: the fixed shapes are surer than the cue rules.
_PRECEDENCE: Final = (
    Kind.EMAIL,
    Kind.PHONE,
    Kind.BIRTHDATE,
    Kind.POSTCODE,
    Kind.ADDRESS,
    Kind.SCHOOL,
    Kind.HANDLE,
    Kind.NAME,
)
_RANK: Final = {kind: rank for rank, kind in enumerate(_PRECEDENCE)}
DETECTORS: Final[tuple[Detect, ...]] = (
    find_emails,
    find_phones,
    find_dates_of_birth,
    find_postcodes,
    find_addresses,
    find_schools,
    find_handles,
    find_names,
)


class Detector:
    def __init__(self, detectors: Sequence[Detect] = DETECTORS) -> None:
        self._detectors = tuple(detectors)

    def find(self, text: str) -> list[Found]:
        """Non-overlapping identifiers, sorted by where they start."""
        masked = mask_placeholders(text)
        tokens = tokenize(masked)
        candidates = [found for detect in self._detectors for found in detect(masked, tokens)]
        taken = placeholder_spans(text)
        kept: list[Found] = []
        for found in sorted(candidates, key=_preference):
            if found.end > found.start and not any(_overlaps(found, span) for span in taken):
                kept.append(found)
                taken.append((found.start, found.end))
        return sorted(kept, key=lambda found: found.start)

    def redact(self, text: str) -> Redacted:
        parts: list[str] = []
        position = 0
        for found in self.find(text):
            parts += [text[position : found.start], found.kind.placeholder]
            position = found.end
        redacted = "".join([*parts, text[position:]])
        # Every identifier is now a placeholder, so reading them back gives the kinds found here
        # and those already present, in order of appearance.
        return Redacted(redacted, kinds_in(redacted))


def _preference(found: Found) -> tuple[int, int, int]:
    return (found.start - found.end, _RANK[found.kind], found.start)


def _overlaps(found: Found, span: tuple[int, int]) -> bool:
    return found.start < span[1] and span[0] < found.end


@cache
def default_detector() -> Detector:
    """Built once per process: loading the name lists is the only start-up cost."""
    return Detector()


def find_identifiers(text: str) -> list[Found]:
    return default_detector().find(text)


def redact(text: str) -> Redacted:
    return default_detector().redact(text)
