"""The safety net: a Rasa NLU component over bot.safety's patterns, decision and listening layer.

It runs last in the pipeline, after DIET, the disclosure classifier and the FallbackClassifier, so
nothing after it can undo its decision. Rasa hands it the conversation's tracker too: it reads
what earlier messages signalled (the listening state, kept in their parse data as numbers and
flags, never text) and decides on the conversation with bot/safety/listening.py.

What it sets on the message, for the dialogue, the actions, the evaluation and the insights:
- the intent the dialogue acts on: a disclosure's category; immediate_danger for any emergency
  (its reply leads with 999); hyperbole for a check-in; the moments' own intents;
- "disclosure": {category, source, about, urgent, urgency, follow_up, fear, welsh};
- "listening": {moment, kind, state}, the state being what the next message starts from;
- for a disclosure, the entities `language` (cy or en) and, when urgent, `urgency` (its kind):
  they fill slots that pick the static first reply's variation in domain.yml.
Patterns are read from content/safety and follow edits without retraining.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.content.reader import Reader
from bot.content.schema import Listening, Urgent
from bot.content.store import LiveFiles, content_root
from bot.paths import SPACY_PIPELINE
from bot.rasa_ext.disclosure_model import PARTIAL_PROBABILITY, PROBABILITIES, URGENT_PROBABILITY
from bot.safety.categories import is_disclosure
from bot.safety.decision import FALLBACK_INTENT, intent_without_disclosure
from bot.safety.listening import (
    CARE,
    DISCLOSURE_KEY,
    ENGLISH,
    LANGUAGE,
    LISTENING_KEY,
    SICK,
    URGENCY,
    WELSH,
    Outcome,
    Rules,
    Signals,
    State,
    listen,
)
from bot.safety.matcher import Reading, RiskMatcher, spacy_lemmatizer
from bot.safety.patterns import load_risk_patterns


@dataclass(frozen=True)
class _Ears:
    """Everything the safety net reads from content/safety, loaded together."""

    matcher: RiskMatcher
    rules: Rules


def _rules(safety: Path) -> Rules:
    reader = Reader()
    urgent = reader.read(safety / "urgent.yml", Urgent)
    listening = reader.read(safety / "listening.yml", Listening)
    reader.raise_if_any()
    assert urgent is not None and listening is not None
    fears = {
        (thread, instead): fear.id
        for fear in listening.fears
        for instead in fear.instead_of
        for thread in fear.in_threads
    }
    kinds = {kind.id: kind.category for kind in urgent.kinds}
    return Rules(kinds, urgent.default, urgent.by_category, fears)


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
        self._ears = LiveFiles(
            Path(config["safety_dir"] or content_root() / "safety"),
            lambda folder: _Ears(
                RiskMatcher(nlp, load_risk_patterns(folder, lemmatize)), _rules(folder)
            ),
            "Risk patterns",
        )
        threading.Thread(target=self._ears.get, name="risk-patterns", daemon=True).start()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls(config)

    def process(
        self,
        messages: list[Message],
        model: SpacyModel,
        tracker: DialogueStateTracker | None = None,
    ) -> list[Message]:
        ears = self._ears.get()
        previous = _previous_state(tracker)
        for message in messages:
            text = message.get(TEXT) or ""
            if not text:
                continue
            if text.startswith("/"):  # a button payload names its intent; nothing to read
                signals = Signals(intent=_payload_intent(text), typed=False)
                self._apply(message, listen(previous, signals, ears.rules), typed=False)
                continue
            doc = message.get(SPACY_DOCS[TEXT]) or model.model(text)
            reading = ears.matcher.read(doc)
            about = ears.matcher.subject(doc).value
            words = sum(1 for token in doc if not (token.is_punct or token.is_space))
            signals = self._signals(message, reading, about, words)
            self._apply(message, listen(previous, signals, ears.rules), typed=True)
        return messages

    def _signals(self, message: Message, reading: Reading, about: str, words: int) -> Signals:
        ranking = [
            (str(item["name"]), float(item["confidence"]))
            for item in message.get(INTENT_RANKING_KEY) or []
        ]
        predicted = message.get(INTENT) or {}
        intent = predicted.get("name") or FALLBACK_INTENT
        confidence = float(predicted.get("confidence") or 0.0)
        if is_disclosure(intent):  # the decision, not the intent model, says what is a disclosure
            intent, confidence = intent_without_disclosure(ranking, self._fallback_threshold)
        runner_up = next(
            ((name, confidence) for name, confidence in ranking
             if name != intent and not is_disclosure(name) and name != FALLBACK_INTENT),
            None,
        )  # fmt: skip
        return Signals(
            intent=intent,
            confidence=confidence,
            probabilities=message.get(PROBABILITIES) or {},
            urgent_probability=float(message.get(URGENT_PROBABILITY) or 0.0),
            partial_probability=float(message.get(PARTIAL_PROBABILITY) or 0.0),
            risks=frozenset(hit.category for hit in reading.risks),
            urgency=reading.urgent[0].category if reading.urgent else None,
            opener=_first(reading.openers),
            only_opener=reading.only_opener,
            feeling=_feeling(reading.feelings),
            fear=_first(reading.fears),
            trust=reading.trust,
            takes_back=reading.takes_back,
            sounds_ok=reading.sounds_ok,
            sounds_not_ok=reading.sounds_not_ok,
            joke=reading.joke,
            trivial=reading.trivial,
            schoolwork=reading.schoolwork,
            figurative=reading.figurative,
            only_figurative=reading.only_figurative,
            welsh=reading.welsh,
            about=about,
            runner_up=runner_up,
            statement=not reading.asks,
            words=words,
        )

    def _apply(self, message: Message, outcome: Outcome, typed: bool) -> None:
        listening = {
            "moment": outcome.moment.value if outcome.moment else None,
            "kind": outcome.kind,
            "state": outcome.state.to_dict(),
        }
        message.set(LISTENING_KEY, listening, add_to_output=True)
        disclosure = outcome.disclosure
        if disclosure is not None:
            message.set(DISCLOSURE_KEY, disclosure.to_dict(), add_to_output=True)
            language = WELSH if disclosure.welsh else ENGLISH
            entities = [_entity(LANGUAGE, language)]
            if disclosure.urgent and disclosure.urgency:
                entities.append(_entity(URGENCY, disclosure.urgency))
            message.set(ENTITIES, [*message.get(ENTITIES, []), *entities], add_to_output=True)
        if not typed:
            return  # Rasa itself takes a button's intent from its payload
        current = message.get(INTENT) or {}
        if outcome.intent != current.get("name"):
            message.set(INTENT, {"name": outcome.intent, "confidence": 1.0}, add_to_output=True)


def _previous_state(tracker: DialogueStateTracker | None) -> State:
    """What the conversation's earlier messages signalled, from the latest one's parse data."""
    if tracker is None or tracker.latest_message is None:
        return State()
    listening = (tracker.latest_message.parse_data or {}).get(LISTENING_KEY) or {}
    return State.from_dict(listening.get("state") if isinstance(listening, dict) else None)


def _payload_intent(text: str) -> str:
    """The intent a button payload names: "/quiz_answer{...}" -> "quiz_answer"."""
    return text[1:].split("{", 1)[0].strip()


def _feeling(kinds: tuple[str, ...]) -> str | None:
    """The feeling that says most about what to answer: caring about the person ("i dont want
    him in trouble but im scared") is not a fear of arrest, and feeling sick or dizzy after
    tablets is the emergency, whatever else they feel."""
    for kind in (CARE, SICK):
        if kind in kinds:
            return kind
    return _first(kinds)


def _first(kinds: tuple[str, ...]) -> str | None:
    return kinds[0] if kinds else None


def _entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "extractor": "SafetyNet"}
