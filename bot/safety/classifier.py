"""The disclosure classifier: is this message a disclosure, and of which category?

A second opinion beside the risk patterns, trained on the same examples as the intent model but
for one question only. Each message is described three ways at once:
- its MiniLM sentence embedding (meaning: "long sleeves so nobody sees my arms" is near self-harm),
- TF-IDF over its lemmas, single words and pairs ("make me sell", "send nude"),
- TF-IDF over character 2-4 grams inside words (typos and text-speak: "sextorted", "kms").
A logistic regression over all three gives calibrated probabilities for the ten categories and
"none". It is much less over-confident on everyday messages than the intent model, which is why the
safety decision uses it (see decision.py).
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

    @staticmethod
    def label(intent: str) -> str:
        """What the classifier learns for an example of `intent`."""
        return intent if intent in CATEGORIES else NONE

    def fit(self, examples: Sequence[Example], intents: Sequence[str]) -> DisclosureClassifier:
        self._words.fit([example.lemmas for example in examples])
        self._chars.fit([example.text for example in examples])
        self._model.fit(self._features(examples), [self.label(intent) for intent in intents])
        return self

    def probabilities(self, example: Example) -> dict[str, float]:
        """Probability of each category and of "none"; they sum to 1."""
        [row] = self._model.predict_proba(self._features([example]))
        return {
            str(name): float(value) for name, value in zip(self._model.classes_, row, strict=True)
        }

    def _features(self, examples: Sequence[Example]) -> sparse.csr_matrix:
        embeddings = np.stack([example.embedding for example in examples])
        return sparse.hstack(
            [
                sparse.csr_matrix(embeddings),
                self._words.transform([example.lemmas for example in examples]),
                self._chars.transform([example.text for example in examples]),
            ]
        ).tocsr()
