"""Trains and runs the disclosure classifier (bot/safety/classifier.py) inside Rasa's NLU.

It learns from the same training data as DIET, using the MiniLM sentence features added by
SentenceEmbeddingFeaturizer, and is saved inside the trained model. At run time it only adds each
category's probability to the message ("disclosure_probabilities") and the probability of an
emergency ("urgent_probability") and of a disclosure being only a first piece
("partial_probability"); the SafetyNet decides. An example is an emergency when its intent is
immediate_danger or its intent block in the training data says `metadata: {urgent: true}`
(bot/data/urgent.yml), and a first piece when it says `metadata: {partial: true}`
(bot/data/partial.yml).
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, METADATA, METADATA_INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.categories import IMMEDIATE_DANGER
from bot.safety.classifier import DisclosureClassifier, Example

PROBABILITIES = "disclosure_probabilities"
URGENT_PROBABILITY = "urgent_probability"
PARTIAL_PROBABILITY = "partial_probability"
FILE = "disclosure_classifier.pkl"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DisclosureModel(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The alias of the featurizer whose sentence vectors to use.
        return {"embeddings": "minilm", "regularisation": 10.0, "random_seed": 2718}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier: DisclosureClassifier | None = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._classifier = classifier

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DisclosureModel:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DisclosureModel:
        with model_storage.read_from(resource) as folder:
            classifier = pickle.loads((folder / FILE).read_bytes())
        return cls(config, model_storage, resource, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        messages = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        classifier = DisclosureClassifier(
            self._config["regularisation"], self._config["random_seed"]
        )
        classifier.fit(
            [self._example(m) for m in messages],
            [m.get(INTENT) for m in messages],
            [_urgent(m) for m in messages],
            [_marked(m, "partial") for m in messages],
        )
        with self._storage.write_to(self._resource) as folder:
            (folder / FILE).write_bytes(pickle.dumps(classifier))
        self._classifier = classifier
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self._classifier is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            if text and not text.startswith("/"):
                reading = self._classifier.read(self._example(message))
                message.set(PROBABILITIES, reading.probabilities)
                message.set(URGENT_PROBABILITY, reading.urgent)
                message.set(PARTIAL_PROBABILITY, reading.partial)
        return messages

    def _example(self, message: Message) -> Example:
        tokens = message.get(TOKENS_NAMES[TEXT]) or []
        _, sentence = message.get_dense_features(TEXT, [self._config["embeddings"]])
        embedding = np.asarray(sentence.features, dtype=np.float32).reshape(-1)
        lemmas = " ".join((token.lemma or token.text).lower() for token in tokens)
        return Example(text=message.get(TEXT), lemmas=lemmas, embedding=embedding)


def _urgent(message: Message) -> bool:
    """An emergency example: immediate danger, or a block the training data marks urgent."""
    return _marked(message, "urgent") or message.get(INTENT) == IMMEDIATE_DANGER


def _marked(message: Message, flag: str) -> bool:
    """The example's intent block in the training data says `metadata: {<flag>: true}`."""
    metadata = message.get(METADATA) or {}
    intent_metadata = metadata.get(METADATA_INTENT) if isinstance(metadata, dict) else None
    return isinstance(intent_metadata, dict) and intent_metadata.get(flag) is True
