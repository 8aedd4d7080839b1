"""First in the NLU pipeline: redacts identifying details before anything else reads the message.

The REST channel already redacts what arrives over HTTP; this catches every other way in (the
shell, the Agent in tests and evaluation) and runs on the training data too, so the model learns
from placeholders such as "[name]" exactly as it will see them. For each kind of detail it found,
it adds a `personal_detail` entity whose value is the placeholder, never the detail: the actions
use it to tell the young person, kindly, that they don't need to share it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.privacy.detect import redact

PERSONAL_DETAIL = "personal_detail"


@DefaultV1Recipe.register(
    [
        # A featurizer to Rasa, so that it also runs over the training data, in pipeline order.
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=False,
)
class PrivacyGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PrivacyGuard:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            text = example.get(TEXT)
            if isinstance(text, str):
                example.set(TEXT, redact(text).text)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            # Button payloads ("/stage_hooked") carry no typed text.
            if not isinstance(text, str) or text.startswith("/"):
                continue
            redacted = redact(text)
            message.set(TEXT, redacted.text)
            if redacted.kinds:
                entities = [*message.get(ENTITIES, []), *map(_entity, redacted.kinds)]
                message.set(ENTITIES, entities, add_to_output=True)
        return messages


def _entity(kind: Any) -> dict[str, Any]:
    return {"entity": PERSONAL_DETAIL, "value": kind.placeholder, "extractor": "PrivacyGuard"}
