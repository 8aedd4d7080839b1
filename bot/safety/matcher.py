"""Find risk patterns in a spaCy Doc, and tell whether a message is about someone else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import cast

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from bot.safety.patterns import Lemmatize, RiskPatternSet


def token_key(token: Token) -> str:
    """What patterns compare against: the lower-case lemma, or the word itself if it has none."""
    return (token.lemma_ or token.text).lower()


def keys_doc(doc: Doc) -> Doc:
    """A copy of the message whose NORMs are its words' keys, for the patterns to match.

    The keys are set as hashes, so nothing is added to the vocab: a server's memory does not
    grow with the words young people type."""
    keys = doc.copy()
    hashes = [get_string_id(token_key(token)) for token in doc]
    keys.from_array([NORM], cast(Ints2d, numpy.array(hashes, dtype="uint64").reshape(-1, 1)))
    return keys


def spacy_lemmatizer(nlp: Language) -> Lemmatize:
    """Lemmatise pattern words exactly as messages are lemmatised: with the same pipeline."""
    return lambda text: [token_key(token) for token in nlp(text)]


# Words that point to the young person only when no one else is named ("my mate" names someone).
WEAK_SELF_WORDS = frozenset({"i", "my"})


@dataclass(frozen=True)
class Hit:
    category: str
    pattern: str  # the line from content/safety/patterns, for explaining a decision


class Subject(str, Enum):
    """Who a message seems to be about."""

    SELF = "self"
    SOMEONE_ELSE = "someone_else"
    UNCLEAR = "unclear"


class RiskMatcher:
    def __init__(self, nlp: Language, patterns: RiskPatternSet) -> None:
        self.patterns = patterns
        # Match ids are decoded with this vocab, so docs may come from another copy of the same
        # pipeline (Rasa's SpacyNLP): tokens are compared by their lemma strings, not by vocab.
        self._strings = nlp.vocab.strings
        self._matcher = Matcher(nlp.vocab)
        for index, pattern in enumerate(patterns.patterns):
            self._matcher.add(str(index), list(pattern.token_patterns))
        words = patterns.words
        self._someone_else = patterns.keys(words.someone_else)
        self._myself = patterns.keys(words.myself)

    def hits(self, doc: Doc) -> list[Hit]:
        """Every pattern that matches, once each, in the order of the pattern files; a match is
        dropped where an `unless` phrase of the same category overlaps it."""
        patterns = self.patterns.patterns
        matches = [
            (int(self._strings[match_id]), (start, end))
            for match_id, start, end in self._matcher(keys_doc(doc))
        ]
        exceptions = [(patterns[i].category, span) for i, span in matches if patterns[i].exception]

        def stands(index: int, span: tuple[int, int]) -> bool:
            category = patterns[index].category
            return not any(c == category and _overlaps(span, s) for c, s in exceptions)

        found = sorted({i for i, span in matches if not patterns[i].exception and stands(i, span)})
        return [Hit(patterns[i].category, patterns[i].text) for i in found]

    def subject(self, doc: Doc) -> Subject:
        """The words in words.yml's `myself` ("me") mean the young person; otherwise words in
        `someone_else` ("my mate") mean someone else; otherwise "I" or "my" ("my house") mean the
        young person. Anything else is unclear, and gets the wording that fits both."""
        keys = [token_key(token) for token in doc]
        if _any_in(keys, self._myself):
            return Subject.SELF
        if _any_in(keys, self._someone_else):
            return Subject.SOMEONE_ELSE
        if _any_in(keys, WEAK_SELF_WORDS):
            return Subject.SELF
        return Subject.UNCLEAR


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _any_in(keys: Iterable[str], words: frozenset[str]) -> bool:
    return any(key in words for key in keys)
