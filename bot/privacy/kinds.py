"""The kinds of identifying detail, where one was found, and the placeholders that replace them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Final


class Kind(str, Enum):
    """A kind of detail that could identify a young person. The values are shown to them
    (content/privacy.yml names each one) and appear inside placeholders."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTCODE = "postcode"
    SCHOOL = "school"
    HANDLE = "handle"
    BIRTHDATE = "date of birth"

    @property
    def placeholder(self) -> str:
        return f"[{self.value}]"


@dataclass(frozen=True)
class Found:
    """An identifying detail at text[start:end]."""

    kind: Kind
    start: int
    end: int


@dataclass(frozen=True)
class Redacted:
    text: str  # the message with every identifier replaced by its placeholder
    # Kinds found in this call or already present as placeholders, in order of appearance.
    kinds: tuple[Kind, ...]


_BY_PLACEHOLDER: Final = {kind.placeholder: kind for kind in Kind}
PLACEHOLDER: Final = re.compile("|".join(re.escape(p) for p in _BY_PLACEHOLDER))

# Stands in for each character of a placeholder while detecting, so that no rule reads the word
# inside "[name]" as a name. A private-use character: not a letter, digit, space or punctuation.
MASK: Final = "\ue000"


def kinds_in(text: str) -> tuple[Kind, ...]:
    """The kinds whose placeholders appear in already-redacted text, first appearance first."""
    return tuple(dict.fromkeys(_BY_PLACEHOLDER[m.group()] for m in PLACEHOLDER.finditer(text)))


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PLACEHOLDER.finditer(text)]


def mask_placeholders(text: str) -> str:
    """The text with each placeholder's characters replaced by MASK, offsets unchanged."""
    return PLACEHOLDER.sub(lambda m: MASK * len(m.group()), text)
