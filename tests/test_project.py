"""The Rasa project's files agree with each other, with content/, and with the actions."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Action
from ruamel.yaml import YAML

import bot.actions
from bot.content import Content
from bot.dialogue.places import stage_intent, topic_intent
from bot.paths import CONFIG, CONTENT_DIR, DOMAIN, ROOT, TRAINING_DATA
from bot.safety.categories import CATEGORIES

TEST_STORIES = ROOT / "tests" / "stories"


def read(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text())


@pytest.fixture(scope="module")
def domain() -> dict[str, Any]:
    return dict(read(DOMAIN))


def expand(steps: list[dict[str, Any]]) -> Iterator[list[str]]:
    """Every concrete step sequence of a story or rule, with `or:` alternatives expanded."""
    if not steps:
        yield []
        return
    head, rest = steps[0], steps[1:]
    options = head.get("or", [head])
    for option in options:
        step = f"intent:{option['intent']}" if "intent" in option else f"action:{option['action']}"
        for tail in expand(rest):
            yield [step, *tail]


def contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack)))


def training_flows() -> list[tuple[str, list[str]]]:
    flows = []
    for kind in ("rules", "stories"):
        for flow in read(TRAINING_DATA / f"{kind}.yml")[kind]:
            name = flow.get("rule") or flow.get("story")
            flows += [(f"{name} {sequence}", sequence) for sequence in expand(flow["steps"])]
    return flows


def recorded_test_stories() -> list[list[str]]:
    stories = []
    for path in sorted(TEST_STORIES.glob("*.yml")):
        stories += [next(expand(story["steps"])) for story in read(path)["stories"]]
    return stories


@pytest.mark.parametrize(("name", "sequence"), training_flows())
def test_every_rule_and_story_is_covered_by_a_test_story(name: str, sequence: list[str]) -> None:
    assert any(contains(story, sequence) for story in recorded_test_stories()), name


def nlu_intents() -> set[str]:
    return {
        item["intent"]
        for path in TRAINING_DATA.glob("*.yml")
        for item in read(path).get("nlu", [])
        if "intent" in item
    }


def test_domain_intents_match_the_training_data(domain: dict[str, Any]) -> None:
    assert set(domain["intents"]) == nlu_intents()


def test_every_intent_has_somewhere_to_go(domain: dict[str, Any]) -> None:
    used = {step.removeprefix("intent:") for _, seq in training_flows() for step in seq}
    assert set(domain["intents"]) <= used


def registered_actions() -> set[str]:
    names = set()
    for module_info in pkgutil.iter_modules(bot.actions.__path__):
        module = import_module(f"bot.actions.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Action)
                and cls.__module__ == module.__name__ != "bot.actions.common"
            ):
                names.add(cls().name())
    return names


def test_domain_actions_are_exactly_the_actions_in_bot_actions(domain: dict[str, Any]) -> None:
    assert set(domain["actions"]) == registered_actions()


def test_every_content_item_and_button_has_an_intent(
    domain: dict[str, Any], content: Content
) -> None:
    intents = set(domain["intents"])
    assert {stage_intent(stage.id) for stage in content.stages} <= intents
    assert {topic_intent(topic.id) for topic in content.topics} <= intents
    assert {button.intent for button in content.menu.buttons} <= intents


def test_small_talk_replies_match_the_small_talk_rule(content: Content) -> None:
    rule = next(r for r in read(TRAINING_DATA / "rules.yml")["rules"] if "small talk" in r["rule"])
    assert {option["intent"] for option in rule["steps"][0]["or"]} == set(content.smalltalk.replies)


def test_the_only_response_in_the_domain_is_the_static_safety_reply(domain: dict[str, Any]) -> None:
    # Everything else lives in content/; this one must work without the action server.
    assert list(domain["responses"]) == ["utter_safety_first"]


def test_the_static_safety_reply_is_an_exact_copy_of_the_content(
    domain: dict[str, Any], content: Content
) -> None:
    [response] = domain["responses"]["utter_safety_first"]
    assert response == {"text": content.safety.first_response}


def test_disclosure_categories_are_the_same_everywhere(
    domain: dict[str, Any], content: Content
) -> None:
    categories = set(CATEGORIES)
    assert categories <= set(domain["intents"])
    assert categories <= nlu_intents()
    assert set(content.disclosures) == categories
    patterns = {path.stem for path in (CONTENT_DIR / "safety" / "patterns").glob("*.yml")}
    assert patterns == categories


def test_every_disclosure_goes_to_the_static_reply_first() -> None:
    rule = next(r for r in read(TRAINING_DATA / "rules.yml")["rules"] if "disclosure" in r["rule"])
    assert {option["intent"] for option in rule["steps"][0]["or"]} == set(CATEGORIES)
    assert rule["steps"][1:] == [
        {"action": "utter_safety_first"},
        {"action": "action_respond_disclosure"},
    ]


def test_the_safety_net_runs_last_in_the_nlu_pipeline() -> None:
    pipeline = read(CONFIG)["pipeline"]
    assert pipeline[-1]["name"] == "bot.rasa_ext.safety_net.SafetyNet"


def test_trainable_models_are_seeded_for_reproducible_training() -> None:
    config = read(CONFIG)
    components = {item["name"]: item for item in config["pipeline"] + config["policies"]}
    assert "random_seed" in components["DIETClassifier"]
    assert "random_seed" in components["TEDPolicy"]


def test_the_safety_net_lemmatises_with_the_pipeline_rasa_loads() -> None:
    from bot.paths import SPACY_PIPELINE

    spacy_nlp = next(item for item in read(CONFIG)["pipeline"] if item["name"] == "SpacyNLP")
    assert ROOT / spacy_nlp["model"] == SPACY_PIPELINE
