"""Risk patterns: load them from content/safety/ and compile them for spaCy's Matcher.

Editors write each pattern as one line of words, matched against consecutive words of a message:

    word        the word in any form: "make" matches make, makes, made and making
    a|b|c       any one of these (each may be several words: "im|i am")
    @name       any entry of the list `name` in content/safety/words.yml
    term?       the term may be missing: "really?"
    ...         up to three words of anything in between

Both the pattern and the message are lower-cased and lemmatised with the same spaCy pipeline, so
spelling is compared word for word in dictionary form. A message matching any pattern of a category
is a disclosure of that category, whatever the statistical model thinks (see decision.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.reader import Reader
from bot.content.schema import RiskPatterns, WordLists
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


@dataclass(frozen=True)
class CompiledPattern:
    category: str
    text: str  # as the editor wrote it
    token_patterns: tuple[TokenPattern, ...]
    # An exception: where it matches, it cancels the category's patterns that overlap it.
    exception: bool = False


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
    """Read and compile content/safety/words.yml and content/safety/patterns/*.yml."""
    reader = Reader()
    words = reader.read(safety / "words.yml", WordLists)
    files = reader.read_folder(safety / "patterns", RiskPatterns)
    reader.raise_if_any()
    assert words is not None
    patterns: list[CompiledPattern] = []
    for item, path in files:
        if item.category not in CATEGORIES:
            reader.problem(
                path, f"'{item.category}' is not a category: {', '.join(CATEGORIES)}", "category"
            )
        reader.named_like_file(path, "category", item.category)
        for field, lines in (("patterns", item.patterns), ("unless", item.unless)):
            for position, line in enumerate(lines):
                try:
                    compiled = compile_line(line, words.lists, lemmatize)
                except PatternError as error:
                    reader.problem(path, str(error), field, position)
                    continue
                exception = field == "unless"
                patterns.append(CompiledPattern(item.category, line, tuple(compiled), exception))
    for field in ("someone_else", "myself"):
        for position, word in enumerate(getattr(words, field)):
            if len(lemmatize(word)) != 1:
                reader.problem(
                    safety / "words.yml", f"'{word}': use single words in {field}", field, position
                )
    found = {item.category for item, _ in files}
    for missing in (category for category in CATEGORIES if category not in found):
        reader.whole_file(
            safety / "patterns" / f"{missing}.yml", f"no patterns for {missing}: add this file"
        )
    reader.raise_if_any()
    return RiskPatternSet(tuple(patterns), words, lemmatize)
