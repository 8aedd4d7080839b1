"""Find risk patterns and the listening layer's patterns in a spaCy Doc, and tell whether a
message is about someone else."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise
from typing import cast

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from bot.safety.patterns import WELSH_ALONE, Group, Lemmatize, RiskPatternSet

# A letter typed three or more times counts once: "lmaooo" is "lmao", "pleaseee" is "please".
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")  # letters only: 8000 stays 8000


def token_key(token: Token) -> str:
    """What patterns compare against: the lower-case lemma, or the word itself if it has none."""
    return _STRETCHED.sub(r"\1", (token.lemma_ or token.text).lower())


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


# Words that start a question, in English and Welsh ("beth yw county lines").
QUESTION_WORDS = frozenset(
    {"what", "whats", "wat", "wot", "how", "why", "who", "where", "when", "which", "is", "are",
     "can", "do", "does", "beth", "be", "sut", "pam", "pwy", "ble", "lle", "oes", "ydy", "ydi"}
)  # fmt: skip


# Words that ask or plead when they come first, besides QUESTION_WORDS (keys are lemmas without a
# part of speech: "did" becomes "do", "does" becomes "doe").
ASKING_FIRST = frozenset(
    {"should", "shud", "shld", "shall", "could", "cud", "would", "wud", "will", "wil", "r", "am",
     "doe", "hw", "wht", "cn", "y", "help", "pls", "plz", "please", "any", "anything", "advice",
     "ideas", "ga", "alla", "dylwn", "fedra", "fedrai", "wyt", "ydw", "ydych"}
)  # fmt: skip
# Two words that ask, wherever they stand ("i dont have the money wat do i do").
ASKING_PAIRS = frozenset(
    {("what", "do"), ("wat", "do"), ("wot", "do"), ("what", "should"), ("how", "do"),
     ("how", "can"), ("what", "can"), ("should", "i"), ("shud", "i"), ("can", "i"),
     ("help", "me"), ("what", "now"), ("wat", "now"), ("what", "happen"), ("who", "do"),
     ("where", "do"), ("do", "i"), ("how", "be"), ("what", "be"), ("can", "u"), ("can", "you")}
)  # fmt: skip


# Words that say nothing on their own, around an opener: "ok so um theres this man".
FILLER = frozenset(
    {"ok", "okay", "so", "um", "umm", "erm", "uh", "like", "well", "right", "basically", "and",
     "but", "yeah", "ye", "yh", "hi", "hey", "hiya", "just", "tbh", "idk", "anyway", "wait", "ma"}
)  # fmt: skip


# Who an opener may be about: "its about my uncle" is still only an opener.
PEOPLE = frozenset(
    {"uncle", "aunt", "auntie", "aunty", "stepdad", "stepmum", "dad", "mum", "mam", "mom", "nan",
     "grandad", "grandpa", "grandma", "teacher", "coach", "neighbour", "ex", "bf", "gf", "man",
     "guy", "lad", "boy", "girl", "woman", "older", "cousin", "family", "carer", "someone"}
)  # fmt: skip


# A message is taken to be in Welsh when it holds this many different Welsh words.
WELSH_WORDS_NEEDED = 2

Span = tuple[int, int]  # token positions, end excluded


@dataclass(frozen=True)
class Hit:
    category: str  # the category, or the kind for patterns of other groups
    pattern: str  # the line from content/safety, for explaining a decision
    span: Span = (0, 0)


@dataclass(frozen=True)
class Reading:
    """Everything the patterns found in one message."""

    risks: tuple[Hit, ...]  # disclosure categories
    urgent: tuple[Hit, ...]  # emergency kinds
    openers: tuple[str, ...]  # kinds, in file order
    feelings: tuple[str, ...]
    fears: tuple[str, ...]
    trust: bool  # a question about privacy or telling ("swear down?")
    takes_back: bool  # taking back what was said ("jk forget i said that")
    sounds_ok: bool  # "I'm OK" ("lol im fine"), for after a check-in
    sounds_not_ok: bool  # "it's not really a joke", for after a check-in
    joke: bool  # a joke word or emoji ("lol", "😂")
    trivial: bool  # an everyday thing jokes are made about ("this song", "if i fail my mock")
    schoolwork: bool  # a question for a lesson, homework or a project
    figurative: bool  # an everyday figure of speech that touches harm ("kms", "i'm dead")
    welsh: bool
    # The message is only an opener ("theres this man", "ok so its about my uncle"): nothing
    # in it but the opener's words, filler and punctuation.
    only_opener: bool
    # Every risk and emergency found lies inside an everyday figure of speech ("kms", "i'm dead"):
    # with a joke word, the message gets a check-in rather than the full reply.
    only_figurative: bool
    # A question or a plea ("so what happens now", "shud i tell", "help"), not a statement.
    asks: bool = False


def _in_welsh(words: Sequence[Hit]) -> bool:
    """Two different Welsh words, or one found only in Welsh."""
    alone = any(hit.category == WELSH_ALONE for hit in words)
    return alone or len({hit.pattern for hit in words}) >= WELSH_WORDS_NEEDED


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
        # Words that may stand beside an opener in a message that is only an opener.
        self._around_openers = FILLER | PEOPLE | self._someone_else

    def hits(self, doc: Doc) -> list[Hit]:
        """Every risk pattern that matches, once each, in the order of the pattern files; a match
        is dropped where an `unless` phrase of the same category overlaps it."""
        return self._found(doc)[Group.RISK]

    def read(self, doc: Doc) -> Reading:
        """Everything the patterns find in the message, in one pass."""
        found = self._found(doc)
        figurative = [hit.span for hit in found[Group.FIGURATIVE]]
        worrying = [*found[Group.RISK], *found[Group.URGENT]]
        asks = _asks_something(doc)
        return Reading(
            risks=tuple(found[Group.RISK]),
            urgent=tuple(found[Group.URGENT]),
            openers=_labels(found[Group.OPENER]),
            feelings=_labels(found[Group.FEELING]),
            fears=_labels(found[Group.FEAR]),
            trust=bool(found[Group.TRUST]),
            takes_back=bool(found[Group.TAKE_BACK]),
            sounds_ok=bool(found[Group.OK]),
            sounds_not_ok=bool(found[Group.NOT_OK]),
            joke=bool(found[Group.JOKE]),
            trivial=bool(found[Group.TRIVIAL]),
            schoolwork=bool(found[Group.SCHOOLWORK]) and asks,
            figurative=bool(figurative),
            welsh=_in_welsh(found[Group.WELSH]),
            only_opener=self._only_opener(doc, [hit.span for hit in found[Group.OPENER]]),
            only_figurative=all(_inside_any(hit.span, figurative) for hit in worrying),
            asks=asks,
        )

    def _found(self, doc: Doc) -> dict[Group, list[Hit]]:
        patterns = self.patterns.patterns
        matches = [
            (int(self._strings[match_id]), (start, end))
            for match_id, start, end in self._matcher(keys_doc(doc))
        ]
        exceptions = [
            (patterns[i].group, patterns[i].label, span)
            for i, span in matches
            if patterns[i].exception
        ]

        def stands(index: int, span: Span) -> bool:
            pattern = patterns[index]
            return not any(
                group is pattern.group and label == pattern.label and _overlaps(span, other)
                for group, label, other in exceptions
            )

        # The longest match of each pattern, so a figure of speech covers all of what it matched.
        spans: dict[int, Span] = {}
        for index, span in matches:
            if not patterns[index].exception and stands(index, span):
                current = spans.get(index)
                if current is None or span[1] - span[0] > current[1] - current[0]:
                    spans[index] = span
        found: dict[Group, list[Hit]] = {group: [] for group in Group}
        for index in sorted(spans):
            pattern = patterns[index]
            found[pattern.group].append(Hit(pattern.label, pattern.text, spans[index]))
        return found

    def _only_opener(self, doc: Doc, spans: Sequence[Span]) -> bool:
        """Every word lies inside an opener, or is filler, punctuation or the person it is
        about ("its about my uncle")."""
        if not spans:
            return False
        return all(
            _inside_any((at, at + 1), spans)
            or not token.is_alpha
            or token_key(token) in self._around_openers
            for at, token in enumerate(doc)
        )

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


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside_any(span: Span, outer: Sequence[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in outer)


def _labels(hits: Sequence[Hit]) -> tuple[str, ...]:
    """The labels of these hits, each once, in the order of the files."""
    return tuple(dict.fromkeys(hit.category for hit in hits))


def _any_in(keys: Iterable[str], words: frozenset[str]) -> bool:
    return any(key in words for key in keys)


def _asks_something(doc: Doc) -> bool:
    """A question or a plea, however it is typed: a question mark, a question word or a plea
    after any filler ("so what happens now then", "shud i tell", "help"), or a question asked
    later in the message ("i dont have the money wat do i do")."""
    keys = [token_key(token) for token in doc]
    if "?" in keys:
        return True
    first = next((key for key in keys if key not in FILLER), None)
    if first in QUESTION_WORDS or first in ASKING_FIRST:
        return True
    return any(pair in ASKING_PAIRS for pair in pairwise(keys))
