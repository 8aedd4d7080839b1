"""Risk patterns and the listening layer's patterns: load them from content/safety/ and compile
them for spaCy's Matcher.

Editors write each pattern as one line of words, matched against consecutive words of a message:

    word        the word in any form: "make" matches make, makes, made and making
    a|b|c       any one of these (each may be several words: "im|i am")
    @name       any entry of the list `name` in content/safety/words.yml
    term?       the term may be missing: "really?"
    ...         up to three words of anything in between

Both the pattern and the message are lower-cased and lemmatised with the same spaCy pipeline, so
spelling is compared word for word in dictionary form. A message matching any pattern of a category
is a disclosure of that category, whatever the statistical model thinks (see decision.py).

The same language says how young people say the things the listening layer listens for
(listening.py): emergencies (urgent.yml), everyday figures of speech, openers, feelings and fears
(listening.py), and, as single words, jokes and Welsh (words.yml). Each compiled pattern belongs
to a Group and carries a label: a category, or the id of a kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from bot.content.reader import Reader
from bot.content.schema import Listening, RiskPatterns, Urgent, WordLists
from bot.safety.categories import CATEGORIES

# Lemmatise a piece of text into lower-case dictionary forms, one per token.
Lemmatize = Callable[[str], list[str]]
# One spaCy Matcher token pattern: a list of token descriptions.
TokenPattern = list[dict[str, Any]]

# Patterns compare each word's key (its lower-case lemma) as the NORM of a copy of the message, a
# native spaCy attribute: a custom token extension would cost a Python call per token per pattern
# state, about 2 ms a message with a thousand patterns (see matcher.py).
KEY = "NORM"
GAP = "..."
GAP_WORDS = 3
MAX_VARIANTS = 256  # a line may expand to at most this many token sequences


class PatternError(ValueError):
    """A pattern line that cannot be compiled; the message says how to fix it."""


class Group(str, Enum):
    """What a pattern tells about a message."""

    RISK = "risk"  # a disclosure of the category in the label
    URGENT = "urgent"  # an emergency of the kind in the label
    FIGURATIVE = "figurative"  # an everyday figure of speech ("kms", "i'm dead")
    OPENER = "opener"  # a way of starting to tell ("asking for a friend")
    FEELING = "feeling"  # a feeling ("scared")
    FEAR = "fear"  # a fear about telling ("will i get arrested")
    TRUST = "trust"  # a question about privacy or telling ("swear down?")
    TAKE_BACK = "take_back"  # taking back what was said ("jk forget i said that")
    OK = "ok"  # "I'm OK" after a check-in ("lol im fine")
    NOT_OK = "not_ok"  # it was not a joke ("tbh its not really a joke")
    JOKE = "joke"  # a joke word or emoji ("lol", "😂")
    TRIVIAL = "trivial"  # an everyday thing jokes are made about ("this song", "the wifi")
    SCHOOLWORK = "schoolwork"  # a lesson, homework or a project ("ma gwers gyda ni fory")
    WELSH = "welsh"  # a Welsh word


# The label of Welsh words that alone show a message is in Welsh.
WELSH_ALONE = "welsh_alone"
# The kind of a fear about telling that only listening.yml's `fear_patterns` heard: it is
# answered with the general `fear`.
GENERAL_FEAR = "general"


@dataclass(frozen=True)
class CompiledPattern:
    label: str  # the category, or the id of the kind
    text: str  # as the editor wrote it
    token_patterns: tuple[TokenPattern, ...]
    # An exception: where it matches, it cancels the patterns of its group and label it overlaps.
    exception: bool = False
    group: Group = Group.RISK


@dataclass(frozen=True)
class RiskPatternSet:
    patterns: tuple[CompiledPattern, ...]
    words: WordLists
    lemmatize: Lemmatize

    def keys(self, words: Sequence[str]) -> frozenset[str]:
        """Dictionary forms of single words, for comparing with message tokens."""
        return frozenset(key for word in words for key in self.lemmatize(word))


def compile_line(
    line: str, lists: Mapping[str, Sequence[str]], lemmatize: Lemmatize
) -> list[TokenPattern]:
    """Compile one pattern line into the token patterns spaCy's Matcher takes."""
    sequences: list[TokenPattern] = [[]]
    required = 0
    for term in line.lower().split():
        if term == GAP:
            sequences = [[*seq, *([{"OP": "?"}] * GAP_WORDS)] for seq in sequences]
            continue
        optional = term.endswith("?")
        options = {tuple(lemmatize(word)) for word in _words_of(term.rstrip("?"), lists)}
        required += 0 if optional else 1
        sequences = [
            [*sequence, *variant]
            for sequence, variant in itertools.product(sequences, _variants(options, optional))
        ]
        if len(sequences) > MAX_VARIANTS:
            raise PatternError("this pattern has too many combinations: split it into shorter ones")
    if required == 0:
        raise PatternError("a pattern needs at least one word that is not optional")
    return sequences


def _variants(options: set[tuple[str, ...]], optional: bool) -> list[TokenPattern]:
    """Token sequences for one term: all one-word options share a single token; each longer
    option is a sequence of its own."""
    single = sorted(option[0] for option in options if len(option) == 1)
    variants: list[TokenPattern] = []
    if single:
        token: dict[str, Any] = {KEY: {"IN": single}}
        if optional:
            token["OP"] = "?"
        variants.append([token])
    variants += [[{KEY: word} for word in option] for option in sorted(options) if len(option) > 1]
    if optional and len(variants) > 1:
        variants.append([])  # a lone one-word option is already optional through "OP": "?"
    return variants


def _words_of(term: str, lists: Mapping[str, Sequence[str]]) -> list[str]:
    if term.startswith("@"):
        name = term[1:]
        if name not in lists:
            known = ", ".join("@" + known for known in sorted(lists)) or "none"
            raise PatternError(f"there is no word list @{name} in words.yml (known: {known})")
        return list(lists[name])
    words = [word.replace("_", " ") for word in term.strip("()").split("|")]
    if any(not word.strip() for word in words):
        raise PatternError(f"'{term}' has an empty choice: check the | signs")
    return words


def load_risk_patterns(safety: Path, lemmatize: Lemmatize) -> RiskPatternSet:
    """Read and compile every pattern in content/safety: the risk patterns (patterns/*.yml), the
    emergencies (urgent.yml), the listening kinds (listening.yml) and the word lists (words.yml)."""
    reader = Reader()
    words = reader.read(safety / "words.yml", WordLists)
    files = reader.read_folder(safety / "patterns", RiskPatterns)
    urgent = reader.read(safety / "urgent.yml", Urgent)
    listening = reader.read(safety / "listening.yml", Listening)
    reader.raise_if_any()
    assert words is not None and urgent is not None and listening is not None
    compiler = _Compiler(reader, words, lemmatize)
    for item, path in files:
        if item.category not in CATEGORIES:
            reader.problem(
                path, f"'{item.category}' is not a category: {', '.join(CATEGORIES)}", "category"
            )
        reader.named_like_file(path, "category", item.category)
        compiler.add(path, Group.RISK, item.category, item.patterns, ("patterns",))
        compiler.add(path, Group.RISK, item.category, item.unless, ("unless",), exception=True)
    _add_listening(compiler, safety, urgent, listening)
    words_file = safety / "words.yml"
    compiler.add(words_file, Group.JOKE, "joke", words.jokes, ("jokes",))
    compiler.add(words_file, Group.TRIVIAL, "trivial", words.trivial, ("trivial",))
    compiler.add(words_file, Group.SCHOOLWORK, "schoolwork", words.schoolwork, ("schoolwork",))
    compiler.add(words_file, Group.WELSH, "welsh", words.welsh, ("welsh",))
    compiler.add(words_file, Group.WELSH, WELSH_ALONE, words.welsh_alone, ("welsh_alone",))
    for field in ("someone_else", "myself"):
        for position, word in enumerate(getattr(words, field)):
            if len(lemmatize(word)) != 1:
                message = f"'{word}': use single words in {field}"
                reader.problem(words_file, message, field, position)
    found = {item.category for item, _ in files}
    for missing in (category for category in CATEGORIES if category not in found):
        reader.whole_file(
            safety / "patterns" / f"{missing}.yml", f"no patterns for {missing}: add this file"
        )
    reader.raise_if_any()
    return RiskPatternSet(tuple(compiler.patterns), words, lemmatize)


def _add_listening(compiler: _Compiler, safety: Path, urgent: Urgent, listening: Listening) -> None:
    path = safety / "urgent.yml"
    for at, kind in enumerate(urgent.kinds):
        compiler.add(path, Group.URGENT, kind.id, kind.patterns, ("kinds", at, "patterns"))
        where = ("kinds", at, "unless")
        compiler.add(path, Group.URGENT, kind.id, kind.unless, where, exception=True)
    path = safety / "listening.yml"
    check_in = listening.check_in
    compiler.add(
        path, Group.FIGURATIVE, "figurative", check_in.figurative, ("check_in", "figurative")
    )
    compiler.add(path, Group.OK, "ok", check_in.ok_patterns, ("check_in", "ok_patterns"))
    compiler.add(
        path, Group.NOT_OK, "not_ok", check_in.not_ok_patterns, ("check_in", "not_ok_patterns")
    )
    compiler.add(path, Group.TRUST, "trust", listening.trust_patterns, ("trust_patterns",))
    compiler.add(
        path, Group.TAKE_BACK, "take_back", listening.take_back_patterns, ("take_back_patterns",)
    )
    kinds = ((Group.OPENER, "openers", listening.openers),
             (Group.FEELING, "feelings", listening.feelings),
             (Group.FEAR, "fears", listening.fears))  # fmt: skip
    for group, field, items in kinds:
        for at, item in enumerate(items):
            compiler.add(path, group, item.id, item.patterns, (field, at, "patterns"))
    # After the kinds, so that a kind's own patterns come first in a message's fears.
    compiler.add(path, Group.FEAR, GENERAL_FEAR, listening.fear_patterns, ("fear_patterns",))


class _Compiler:
    """Compiles pattern lines, recording each line that cannot be compiled as a problem."""

    def __init__(self, reader: Reader, words: WordLists, lemmatize: Lemmatize) -> None:
        self._reader = reader
        self._words = words
        self._lemmatize = lemmatize
        self.patterns: list[CompiledPattern] = []

    def add(
        self,
        path: Path,
        group: Group,
        label: str,
        lines: Sequence[str],
        where: tuple[str | int, ...],
        exception: bool = False,
    ) -> None:
        for position, line in enumerate(lines):
            try:
                compiled = compile_line(line, self._words.lists, self._lemmatize)
            except PatternError as error:
                self._reader.problem(path, str(error), *where, position)
                continue
            self.patterns.append(
                CompiledPattern(label, line, tuple(compiled), exception=exception, group=group)
            )
