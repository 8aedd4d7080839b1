"""The safety net: a Rasa NLU component over bot.safety's risk patterns and decision.

It runs last in the pipeline, after DIET, the disclosure classifier and the FallbackClassifier, so
nothing after it can undo its decision (bot/safety/decision.py). When the message is a disclosure,
the intent becomes that category (confidence 1.0) and the message carries
{"disclosure": {"category", "source", "about"}} for the actions, the evaluation and the insights.
When it is not, but DIET guessed a disclosure category anyway, the intent becomes DIET's best other
intent (or a rephrase prompt), so the dialogue always follows the decision. Patterns are read from
content/safety and follow edits without retraining.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.content.store import LiveFiles, content_root
from bot.paths import SPACY_PIPELINE
from bot.rasa_ext.disclosure_model import PROBABILITIES
from bot.safety.categories import is_disclosure
from bot.safety.decision import decide, intent_without_disclosure
from bot.safety.matcher import RiskMatcher, spacy_lemmatizer
from bot.safety.patterns import load_risk_patterns

DISCLOSURE = "disclosure"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False, model_from="SpacyNLP"
)
class SafetyNet(GraphComponent):
    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # safety_dir None means content/safety of this checkout, or $CONTENT_DIR/safety.
        # fallback_threshold: as the FallbackClassifier's, for intents this component changes.
        return {"safety_dir": None, "fallback_threshold": 0.5}

    def __init__(self, config: dict[str, Any]) -> None:
        self._fallback_threshold = float(config["fallback_threshold"])
        # Compiling a thousand patterns takes seconds: start now, in the background, so neither
        # loading the model nor the first young person's message waits for it.
        nlp = spacy.load(SPACY_PIPELINE)  # the same pipeline SpacyNLP loads, so the same lemmas
        lemmatize = spacy_lemmatizer(nlp)
        self._matchers = LiveFiles(
            Path(config["safety_dir"] or content_root() / "safety"),
            lambda folder: RiskMatcher(nlp, load_risk_patterns(folder, lemmatize)),
            "Risk patterns",
        )
        threading.Thread(target=self._matchers.get, name="risk-patterns", daemon=True).start()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls(config)

    def process(self, messages: list[Message], model: SpacyModel) -> list[Message]:
        matcher = self._matchers.get()
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue  # a button payload names its intent; there is nothing to read
            doc = message.get(SPACY_DOCS[TEXT]) or model.model(text)
            hits = {hit.category for hit in matcher.hits(doc)}
            decision = decide(hits, message.get(PROBABILITIES) or {})
            if decision is None:
                self._keep_out_of_the_safety_path(message)
                continue
            message.set(INTENT, {"name": decision.category, "confidence": 1.0}, add_to_output=True)
            disclosure = {
                "category": decision.category,
                "source": decision.source,
                "about": matcher.subject(doc).value,
            }
            message.set(DISCLOSURE, disclosure, add_to_output=True)
        return messages

    def _keep_out_of_the_safety_path(self, message: Message) -> None:
        intent = message.get(INTENT) or {}
        if not is_disclosure(intent.get("name")):
            return
        ranking = [
            (item["name"], float(item["confidence"]))
            for item in message.get(INTENT_RANKING_KEY) or []
        ]
        name, confidence = intent_without_disclosure(ranking, self._fallback_threshold)
        message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
