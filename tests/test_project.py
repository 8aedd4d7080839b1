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
from bot.dialogue.disclosure import static_responses
from bot.dialogue.places import stage_intent, topic_intent
from bot.paths import CONFIG, CONTENT_DIR, DOMAIN, ROOT, TRAINING_DATA
from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER

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


def test_the_only_responses_in_the_domain_are_the_static_safety_replies(
    domain: dict[str, Any],
) -> None:
    # Everything else lives in content/; these must work without the action server.
    assert list(domain["responses"]) == ["utter_safety_first", "utter_urgent_first"]


def test_the_static_safety_replies_are_exact_copies_of_the_content(
    domain: dict[str, Any], content: Content
) -> None:
    wanted = static_responses(content)
    for name, variations in wanted.items():
        assert domain["responses"][name] == variations, (
            f"domain.yml's {name} differs from content/: run `python -m bot content sync-domain`"
        )


def test_every_emergency_and_language_has_a_static_first_reply_leading_with_999(
    domain: dict[str, Any], content: Content
) -> None:
    variations = domain["responses"]["utter_urgent_first"]
    conditions = [
        {(item["name"], item["value"]) for item in variation.get("condition", [])}
        for variation in variations
    ]
    for kind in content.urgent.kinds:
        for language in ("en", "cy"):
            assert {("urgency", kind.id), ("language", language)} in conditions
    assert all("999" in variation["text"] for variation in variations)
    assert {} in [variation.get("condition", {}) for variation in variations]  # a default


def test_the_slots_that_pick_a_static_reply_are_filled_from_the_safety_nets_entities(
    domain: dict[str, Any],
) -> None:
    entities = {item if isinstance(item, str) else next(iter(item)) for item in domain["entities"]}
    for name in ("language", "urgency"):
        assert name in entities
        slot = domain["slots"][name]
        assert slot["mappings"] == [{"type": "from_entity", "entity": name}]
        assert slot["influence_conversation"] is False


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
    rules = read(TRAINING_DATA / "rules.yml")["rules"]
    rule = next(r for r in rules if r["rule"].startswith("a disclosure gets"))
    intents = {option["intent"] for option in rule["steps"][0]["or"]}
    # Immediate danger (every emergency) has its own rule; "Actually, I'm not OK" after a
    # check-in is a self-harm disclosure.
    assert intents == {*CATEGORIES, "checkin_not_ok"} - {IMMEDIATE_DANGER}
    assert rule["steps"][1:] == [
        {"action": "utter_safety_first"},
        {"action": "action_respond_disclosure"},
    ]
    urgent = next(r for r in rules if r["rule"].startswith("an emergency"))
    assert urgent["steps"] == [
        {"intent": IMMEDIATE_DANGER},
        {"action": "utter_urgent_first"},
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
