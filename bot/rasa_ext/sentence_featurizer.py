"""Dense features for DIET from the MiniLM sentence encoder (bot/embeddings.py).

Adds a sentence vector and one vector per token to each message's text, aligned with the tokens
Rasa's tokenizer produced, so DIET can use meaning as well as word counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS, TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.embeddings import MiniLM
from bot.paths import MINILM


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "model_dir": None}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        folder = Path(config["model_dir"] or MINILM)
        if not (folder / "model.safetensors").exists():
            raise FileNotFoundError(f"{folder} has no MiniLM weights: run `make embeddings`.")
        self._encoder = MiniLM(folder)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        return cls(config, execution_context.node_name)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._featurize(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def _featurize(self, message: Message) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT])
        if not tokens:
            return  # stories' intent-only turns carry no text
        encoded = self._encoder.encode([token.text for token in tokens])
        origin = self._config[FEATURIZER_CLASS_ALIAS]
        message.add_features(Features(np.stack(encoded.words), FEATURE_TYPE_SEQUENCE, TEXT, origin))
        message.add_features(
            Features(encoded.sentence[None, :], FEATURE_TYPE_SENTENCE, TEXT, origin)
        )

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass
