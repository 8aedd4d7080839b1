"""A tiny tokenizer for the cue-based rules, and the questions those rules ask of tokens.

A regex tokenizer rather than spaCy's: the rules only need words, numbers and punctuation with
their offsets, and this keeps the detector free of spaCy's import and per-message cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from bot.privacy.kinds import MASK

# Words may hold inner apostrophes and hyphens ("i'm", "name's", "o'neill", "mary-jane");
# numbers may carry letters ("12a", "13yo", "2nd"); a run of MASK is one placeholder token;
# anything else that is not a space is a token of its own character.
_TOKEN: Final = re.compile(
    rf"(?P<mask>{MASK}+)"
    r"|(?P<word>[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*)"
    r"|(?P<number>\d+[^\W\d_]*)"
    r"|(?P<other>\S)"
)
_CURLY_APOSTROPHE: Final = "\u2019"
_GLUE: Final = frozenset("@#_./\\'" + _CURLY_APOSTROPHE + MASK)
_SENTENCE_END: Final = frozenset(".!?")


class Token(NamedTuple):  # not a dataclass: made for every word, and tuples are quicker
    text: str
    lower: str  # lower case, with curly apostrophes made straight
    start: int
    end: int
    kind: str  # "word", "number", "mask" (a placeholder) or "other"
    sentence_start: bool  # first in the message, or after . ! ? or a line break
    attached: bool  # glued to what comes before, as "com" in "gmail.com" or "b" in "jake_b"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def base(self) -> str:
        """The lower-case word without a possessive "'s" ("jayden's" -> "jayden")."""
        return self.lower[:-2] if self.lower.endswith("'s") else self.lower

    @property
    def base_end(self) -> int:
        """Where the word ends without its possessive "'s"."""
        return self.end - 2 if self.lower.endswith("'s") else self.end


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    sentence_start = True
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if "\n" in text[previous_end:start]:
            sentence_start = True
        kind = match.lastgroup or "other"
        word = match.group()
        lower = word.lower().replace(_CURLY_APOSTROPHE, "'")
        attached = start > 0 and _is_glue(text[start - 1])
        tokens.append(Token(word, lower, start, end, kind, sentence_start, attached))
        sentence_start = kind == "other" and word in _SENTENCE_END
        previous_end = end
    return tokens


def _is_glue(char: str) -> bool:
    return char.isalnum() or char in _GLUE


def lowers(tokens: Sequence[Token], start: int, end: int) -> tuple[str, ...]:
    return tuple(token.lower for token in tokens[max(start, 0) : end])


class Phrases:
    """A set of word sequences, asked whether one ends just before (or starts at) a token.

    Phrases are filed by their last and first words, so most tokens are answered by one lookup.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_last: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        self._by_first: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        for phrase in phrases:
            words = tuple(phrase.split())
            self._file(self._by_last, words[-1], words)
            self._file(self._by_first, words[0], words)

    @staticmethod
    def _file(
        index: dict[str, dict[int, set[tuple[str, ...]]]], key: str, words: tuple[str, ...]
    ) -> None:
        by_length = index.setdefault(key, {})
        by_length.setdefault(len(words), set()).add(words)
        # Longest first, so the longest phrase wins.
        index[key] = dict(sorted(by_length.items(), reverse=True))

    @property
    def last_words(self) -> frozenset[str]:
        return frozenset(self._by_last)

    def ending_before(self, tokens: Sequence[Token], index: int) -> int | None:
        """The length of the longest phrase that ends just before tokens[index], if any."""
        if index == 0:
            return None
        for length, phrases in self._by_last.get(tokens[index - 1].lower, {}).items():
            if length <= index and lowers(tokens, index - length, index) in phrases:
                return length
        return None

    def starting_at(self, tokens: Sequence[Token], index: int) -> int | None:
        """The length of the longest phrase that starts at tokens[index], if any."""
        for length, phrases in self._by_first.get(tokens[index].lower, {}).items():
            if index + length <= len(tokens) and lowers(tokens, index, index + length) in phrases:
                return length
        return None


def capitals_mean_names(tokens: Sequence[Token], function_words: frozenset[str]) -> bool:
    """Whether a capital letter says anything here. In Title Case or ALL CAPS typing it does not,
    which shows in the little words ("Is", "And"). Only function words are counted because they
    are never redacted, so the answer is the same before and after redaction (idempotence)."""
    little = [
        t
        for t in tokens
        if t.is_word and not t.sentence_start and t.lower in function_words and t.lower != "i"
    ]
    if not little:
        return True
    return sum(t.is_capitalised for t in little) * 2 < len(little)
