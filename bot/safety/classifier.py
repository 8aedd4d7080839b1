"""The disclosure classifier: is this message a disclosure, and of which category?

A second opinion beside the risk patterns, trained on the same examples as the intent model but
for one question only. Each message is described three ways at once:
- its MiniLM sentence embedding (meaning: "long sleeves so nobody sees my arms" is near self-harm),
- TF-IDF over its lemmas, single words and pairs ("make me sell", "send nude"),
- TF-IDF over character 2-4 grams inside words (typos and text-speak: "sextorted", "kms").
A logistic regression over all three gives calibrated probabilities for the ten categories and
"none". It is much less over-confident on everyday messages than the intent model, which is why the
safety decision uses it (see decision.py). A second one, over the same features, gives the
probability that a message tells of an emergency (life at risk now), apart from its category:
the listening layer (listening.py) uses it beside the emergency patterns. A third, trained on
disclosures only, gives the probability that a disclosure is only a first piece (a hint or a
sign: "ive packed a bag") rather than what is being done: the listening layer answers those with
an invitation to say more, with the help in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sparse
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.safety.categories import CATEGORIES

NONE = "none"


@dataclass(frozen=True)
class Reading:
    """What the classifier makes of one message."""

    probabilities: dict[str, float]  # each category and "none"; they sum to 1
    urgent: float  # the probability of an emergency, whatever the category
    partial: float  # if it is a disclosure, the probability it is only a first piece


@dataclass(frozen=True)
class Example:
    text: str
    lemmas: str  # the message's lemmas joined by spaces
    embedding: NDArray[np.float32]


class DisclosureClassifier:
    def __init__(self, regularisation: float = 10.0, seed: int = 2718) -> None:
        self._words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        self._chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True
        )
        self._model = LogisticRegression(C=regularisation, max_iter=4000, random_state=seed)
        # Emergencies are a few hundred of thousands of examples: weigh the two classes equally.
        self._urgency = LogisticRegression(
            C=regularisation, max_iter=4000, random_state=seed, class_weight="balanced"
        )
        self._partial = LogisticRegression(
            C=regularisation, max_iter=4000, random_state=seed, class_weight="balanced"
        )

    @staticmethod
    def label(intent: str) -> str:
        """What the classifier learns for an example of `intent`."""
        return intent if intent in CATEGORIES else NONE

    def fit(
        self,
        examples: Sequence[Example],
        intents: Sequence[str],
        urgent: Sequence[bool],
        partial: Sequence[bool],
    ) -> DisclosureClassifier:
        """Learn the categories from the examples' intents, emergencies from `urgent`, and first
        pieces from `partial` (among the disclosures only)."""
        self._words.fit([example.lemmas for example in examples])
        self._chars.fit([example.text for example in examples])
        features = self._features(examples)
        labels = [self.label(intent) for intent in intents]
        self._model.fit(features, labels)
        self._urgency.fit(features, list(urgent))
        disclosures = [at for at, label in enumerate(labels) if label != NONE]
        self._partial.fit(features[disclosures], [partial[at] for at in disclosures])
        return self

    def read(self, example: Example) -> Reading:
        features = self._features([example])
        [row] = self._model.predict_proba(features)
        probabilities = {
            str(name): float(value) for name, value in zip(self._model.classes_, row, strict=True)
        }
        return Reading(
            probabilities, _chance_of(self._urgency, features), _chance_of(self._partial, features)
        )

    def probabilities(self, example: Example) -> dict[str, float]:
        return self.read(example).probabilities

    def _features(self, examples: Sequence[Example]) -> sparse.csr_matrix:
        embeddings = np.stack([example.embedding for example in examples])
        return sparse.hstack(
            [
                sparse.csr_matrix(embeddings),
                self._words.transform([example.lemmas for example in examples]),
                self._chars.transform([example.text for example in examples]),
            ]
        ).tocsr()


def _chance_of(model: LogisticRegression, features: sparse.csr_matrix) -> float:
    """The probability of True from a binary logistic regression."""
    [row] = model.predict_proba(features)
    return float(dict(zip(model.classes_, row, strict=True))[True])
