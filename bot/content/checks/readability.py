"""How easy a text is to read for 11 to 18 year olds, worked out here with no outside tools.

Two measures, both warnings (limits in content/checks.yml):
- sentence length, in words: long sentences are hard to follow on a phone;
- the Flesch-Kincaid grade level, a US school grade (add 5 for a reader's age):
  0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59.

Syllables are counted with a spelling heuristic (groups of vowels, less a silent final e), which is
right for most everyday words and close enough for an average over a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.content.checks.texts import Where
from bot.content.reader import Reader
from bot.content.schema import ReadabilityLimits

# A sentence ends at . ! or ? followed by a space, at a line break, and at a bullet point.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+|\n+|\s*[\u2022\u00b7\u25aa]\s*")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|Mr|Mrs|Ms|Dr)\.(?=\s)", re.IGNORECASE)
# A word: letters, digits and the marks inside words (don't, in-game, childline.org.uk, £50).
_WORD = re.compile(r"[\w£$€@]+(?:['\u2019.\-/]\w+)*")
# Numbers, web and email addresses are read as one short unit, not spelt out.
_NOT_SPELT = re.compile(r"\d|[.@/]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_QUOTE_WORDS = 6  # words of a long sentence quoted so an editor can find it


@dataclass(frozen=True)
class Sentence:
    text: str
    words: tuple[str, ...]

    def start(self, words: int) -> str:
        """The sentence as written, up to the end of its first `words` words."""
        if len(self.words) <= words:
            return self.text
        ends = [match.end() for match in _WORD.finditer(self.text)]
        return self.text[: ends[words - 1]] + "..."


@dataclass(frozen=True)
class Readability:
    sentences: tuple[Sentence, ...]
    syllables: int

    @property
    def words(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade level; 0 for a text without words."""
        if not self.words:
            return 0.0
        per_sentence = self.words / len(self.sentences)
        per_word = self.syllables / self.words
        return 0.39 * per_sentence + 11.8 * per_word - 15.59


def measure(text: str) -> Readability:
    # A {placeholder} is filled in with a short name or number: count it as one word.
    text = _ABBREVIATIONS.sub(r"\1", _PLACEHOLDER.sub("it", text))
    parts = (part.strip() for part in _SENTENCE_END.split(text))
    sentences = tuple(
        Sentence(part, words) for part in parts if (words := tuple(_WORD.findall(part)))
    )
    syllables = sum(count_syllables(word) for sentence in sentences for word in sentence.words)
    return Readability(sentences, syllables)


def count_syllables(word: str) -> int:
    """Syllables in one word, by spelling: right for most words, never less than one."""
    if _NOT_SPELT.search(word):
        return 1
    word = re.sub(r"['\u2019]s?$", "", word.lower())
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if _silent_ending(word):
        count -= 1
    return max(1, count)


def _silent_ending(word: str) -> bool:
    """A final e, es or ed that adds no syllable: make, makes, asked (not table, pieces, wanted)."""
    if word.endswith("e"):
        return not word.endswith(("le", "ee", "ye")) or word.endswith(("ale", "ole", "ile"))
    if word.endswith("es"):
        return not word.endswith(("ses", "zes", "ces", "ges", "shes", "ches", "xes", "ies"))
    if word.endswith("ed"):
        return not word.endswith(("ted", "ded", "eed", "ied"))
    return False


def check_readability(
    reader: Reader, limits: ReadabilityLimits, texts: Iterable[tuple[Path, Where, str]]
) -> None:
    for path, where, text in texts:
        readability = measure(text)
        for sentence in readability.sentences:
            if len(sentence.words) > limits.max_sentence_words:
                reader.warning(path, _long_sentence(sentence, limits), *where)
        grade = round(readability.grade)
        if readability.words >= limits.min_words_for_grade and grade > limits.max_grade:
            reader.warning(
                path,
                f"reading level is about grade {grade} (aim for {limits.max_grade} or below, "
                "for readers from 11): use shorter sentences and everyday words.",
                *where,
            )


def _long_sentence(sentence: Sentence, limits: ReadabilityLimits) -> str:
    return (
        f"a sentence here has {len(sentence.words)} words (more than "
        f'{limits.max_sentence_words}), starting "{sentence.start(_QUOTE_WORDS)}": split it, '
        "so it's easy to read on a phone."
    )
