"""NLU evaluation on held-out messages the model never saw in training."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.paths import ROOT, TRAINING_DATA

HELD_OUT = ROOT / "tests" / "nlu" / "heldout.yml"
REPORT = ROOT / "build" / "results" / "nlu" / "heldout.json"
MINIMUM_ACCURACY = 0.90
# Asking for help is answered well by any of these: "childline number pls" gets the Childline
# answer (with the number) rather than the general help list, and that is right too.
ALSO_RIGHT = {"get_help": {"ask_childline", "ask_anonymous_report", "ask_trusted_adult"}}

pytestmark = pytest.mark.model


def examples(path: Path) -> list[tuple[str, str]]:
    data = load_data(str(path))
    return [(example.get("text"), example.get("intent")) for example in data.training_examples]


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def test_held_out_messages_are_not_copies_of_training_examples() -> None:
    training = {normalised(text) for text, _ in examples(TRAINING_DATA / "nlu.yml")}
    copies = [text for text, _ in examples(HELD_OUT) if normalised(text) in training]
    assert copies == []


def test_held_out_set_covers_every_trained_intent() -> None:
    trained = {intent for _, intent in examples(TRAINING_DATA / "nlu.yml")}
    held_out = Counter(intent for _, intent in examples(HELD_OUT))
    assert set(held_out) == trained
    assert min(held_out.values()) >= 8


async def test_intent_accuracy_on_held_out_messages(agent: Any) -> None:
    misses = []
    cases = examples(HELD_OUT)
    for text, expected in cases:
        parsed = await agent.parse_message(text)
        predicted = parsed["intent"]["name"]
        if predicted != expected and predicted not in ALSO_RIGHT.get(expected, set()):
            misses.append(f"{text!r}: expected {expected}, got {predicted}")
    accuracy = 1 - len(misses) / len(cases)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    report = {"accuracy": round(accuracy, 4), "messages": len(cases), "misses": misses}
    REPORT.write_text(json.dumps(report, indent=2))
    assert accuracy >= MINIMUM_ACCURACY, "\n".join(misses)
