"""The disclosure classifier on a small, made-up training set."""

from __future__ import annotations

import numpy as np
import pytest

from bot.safety.categories import CATEGORIES
from bot.safety.classifier import NONE, DisclosureClassifier, Example


def example(text: str, axis: int) -> Example:
    embedding = np.zeros(8, dtype=np.float32)
    embedding[axis] = 1.0
    return Example(text=text, lemmas=text, embedding=embedding)


TRAINING = [
    (example("they make me sell drugs", 0), "criminal_exploitation"),
    (example("i have to carry drugs for them", 0), "criminal_exploitation"),
    (example("make me sell weed", 0), "criminal_exploitation"),
    (example("i want to die", 1), "self_harm"),
    (example("i hurt myself again", 1), "self_harm"),
    (example("i want to hurt myself", 1), "self_harm"),
    (example("i just took all my pills", 3), "self_harm"),
    (example("swallowed the whole packet", 3), "self_harm"),
    (example("hello there", 2), "greet"),
    (example("what is county lines", 2), "learn_stages"),
    (example("this game is fun", 2), "out_of_scope"),
]


@pytest.fixture(scope="module")
def classifier() -> DisclosureClassifier:
    examples, intents = zip(*TRAINING, strict=True)
    urgent = [example.embedding[3] == 1.0 for example in examples]
    partial = [example.text.startswith("i hurt") for example in examples]
    return DisclosureClassifier().fit(list(examples), list(intents), urgent, partial)


def test_everything_that_is_not_a_disclosure_is_learnt_as_none() -> None:
    assert DisclosureClassifier.label("greet") == NONE
    assert all(DisclosureClassifier.label(category) == category for category in CATEGORIES)


def test_probabilities_cover_none_and_the_seen_categories(classifier: DisclosureClassifier) -> None:
    chances = classifier.probabilities(example("they make me sell", 0))
    assert set(chances) == {NONE, "criminal_exploitation", "self_harm"}
    assert sum(chances.values()) == pytest.approx(1.0)


def likeliest(classifier: DisclosureClassifier, text: str, axis: int) -> str:
    chances = classifier.probabilities(example(text, axis))
    return max(chances, key=lambda name: chances[name])


def test_it_tells_disclosures_from_everyday_messages(classifier: DisclosureClassifier) -> None:
    assert likeliest(classifier, "they make me sell", 0) == "criminal_exploitation"
    assert likeliest(classifier, "this game is fun", 2) == NONE


def test_meaning_alone_can_carry_a_message_with_new_words(classifier: DisclosureClassifier) -> None:
    chances = classifier.probabilities(example("zzz qqq", 1))
    assert chances["self_harm"] > chances[NONE]


def test_emergencies_are_told_apart_from_the_same_category_without_one(
    classifier: DisclosureClassifier,
) -> None:
    now = classifier.read(example("took every pill", 3)).urgent
    later = classifier.read(example("i want to hurt myself", 1)).urgent
    everyday = classifier.read(example("this game is fun", 2)).urgent
    assert now > 0.5 > later and now > everyday


def test_first_pieces_are_told_apart_from_saying_what_is_done(
    classifier: DisclosureClassifier,
) -> None:
    hint = classifier.read(example("i hurt again", 1)).partial
    told = classifier.read(example("make me sell weed", 0)).partial
    assert hint > told
