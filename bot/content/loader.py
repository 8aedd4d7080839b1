"""Read content/ into typed, validated objects, or say exactly what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.content.programme import STAGE_ORDER, STAGE_SIGNS, TREND_TOPICS
from bot.content.reader import Reader
from bot.content.schema import (
    CategoryReply,
    Journey,
    Menu,
    Privacy,
    SafetyReplies,
    Service,
    Signposts,
    SmallTalk,
    Stage,
    Topic,
)
from bot.privacy.detect import Kind
from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER, IMMEDIATE_DANGER_SERVICES


@dataclass(frozen=True)
class Content:
    """Everything young people read, validated and cross-checked."""

    stages: tuple[Stage, ...]  # in walkthrough order
    topics: tuple[Topic, ...]  # in menu order
    services: Mapping[str, Service]
    menu: Menu
    journey: Journey
    smalltalk: SmallTalk
    privacy: Privacy
    safety: SafetyReplies
    disclosures: Mapping[str, CategoryReply]  # by category

    def stage(self, stage_id: str) -> Stage:
        return next(stage for stage in self.stages if stage.id == stage_id)

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.topics if topic.id == topic_id)


def load_content(root: Path) -> Content:
    """Load and check the whole content folder; raise ContentError listing every problem."""
    reader = Reader()
    signposts = reader.read(root / "signposts.yml", Signposts)
    menu = reader.read(root / "menu.yml", Menu)
    journey = reader.read(root / "journey.yml", Journey)
    smalltalk = reader.read(root / "smalltalk.yml", SmallTalk)
    privacy = reader.read(root / "privacy.yml", Privacy)
    stages = reader.read_folder(root / "stages", Stage)
    topics = reader.read_folder(root / "topics", Topic)
    safety = reader.read(root / "safety" / "replies.yml", SafetyReplies)
    disclosures = reader.read_folder(root / "safety" / "categories", CategoryReply)
    reader.raise_if_any()
    # read() returns None only when it recorded a problem, and then we have raised.
    assert signposts and menu and journey and smalltalk and privacy and safety

    services = _index_services(reader, root / "signposts.yml", signposts.services)
    _check_stages(reader, root / "stages", stages)
    _check_topics(reader, root / "topics", topics)
    _check_disclosures(reader, root / "safety" / "categories", disclosures)
    _check_privacy(reader, root / "privacy.yml", privacy)
    references = _service_references(root, menu, safety, [*stages, *topics, *disclosures])
    _check_references(reader, services, references)
    reader.raise_if_any()
    return Content(
        stages=tuple(sorted((stage for stage, _ in stages), key=lambda stage: stage.number)),
        topics=tuple(sorted((topic for topic, _ in topics), key=lambda topic: topic.order)),
        services=services,
        menu=menu,
        journey=journey,
        smalltalk=smalltalk,
        privacy=privacy,
        safety=safety,
        disclosures={reply.category: reply for reply, _ in disclosures},
    )


def _index_services(reader: Reader, path: Path, services: Sequence[Service]) -> dict[str, Service]:
    index: dict[str, Service] = {}
    for position, service in enumerate(services):
        if service.id in index:
            reader.problem(path, f"the id '{service.id}' is used twice", "services", position)
        index[service.id] = service
    return index


def _check_stages(reader: Reader, folder: Path, stages: Sequence[tuple[Stage, Path]]) -> None:
    found = {stage.id for stage, _ in stages}
    for stage, path in stages:
        reader.named_like_file(path, "id", stage.id)
        if stage.id not in STAGE_SIGNS:
            known = ", ".join(STAGE_ORDER)
            reader.problem(path, f"'{stage.id}' is not one of the stages: {known}", "id")
            continue
        expected_number = STAGE_ORDER.index(stage.id) + 1
        if stage.number != expected_number:
            reader.problem(path, f"number must be {expected_number} for {stage.id}", "number")
        ids = [sign.id for sign in stage.signs]
        for duplicate in sorted({sign_id for sign_id in ids if ids.count(sign_id) > 1}):
            reader.problem(path, f"the sign id '{duplicate}' is used twice", "signs")
        for missing in (sign_id for sign_id in STAGE_SIGNS[stage.id] if sign_id not in ids):
            reader.problem(
                path,
                f"the programme's sign '{missing}' is missing: add a sign with this id",
                "signs",
            )
    for missing in (stage_id for stage_id in STAGE_ORDER if stage_id not in found):
        reader.whole_file(
            folder / f"{missing}.yml", f"the {missing} stage is missing: add this file"
        )


def _check_topics(reader: Reader, folder: Path, topics: Sequence[tuple[Topic, Path]]) -> None:
    found = {topic.id for topic, _ in topics}
    orders: dict[int, str] = {}
    for topic, path in topics:
        reader.named_like_file(path, "id", topic.id)
        if topic.id not in TREND_TOPICS:
            known = ", ".join(TREND_TOPICS)
            reader.problem(
                path,
                f"'{topic.id}' is not a known trend ({known}); a new topic also needs a developer "
                "to teach the assistant to recognise it",
                "id",
            )
        if topic.order in orders:
            reader.problem(
                path, f"order {topic.order} is also used by {orders[topic.order]}", "order"
            )
        orders[topic.order] = topic.id
    for missing in (topic_id for topic_id in TREND_TOPICS if topic_id not in found):
        reader.whole_file(
            folder / f"{missing}.yml", f"the {missing} topic is missing: add this file"
        )


def _check_disclosures(
    reader: Reader, folder: Path, replies: Sequence[tuple[CategoryReply, Path]]
) -> None:
    found = {reply.category for reply, _ in replies}
    for reply, path in replies:
        reader.named_like_file(path, "category", reply.category)
        if reply.category not in CATEGORIES:
            known = ", ".join(CATEGORIES)
            reader.problem(path, f"'{reply.category}' is not a category: {known}", "category")
        first = tuple(reply.services[: len(IMMEDIATE_DANGER_SERVICES)])
        if reply.category == IMMEDIATE_DANGER and first != IMMEDIATE_DANGER_SERVICES:
            wanted = ", ".join(IMMEDIATE_DANGER_SERVICES)
            reader.problem(
                path, f"immediate danger must list {wanted} first, in that order", "services"
            )
    for missing in (category for category in CATEGORIES if category not in found):
        reader.whole_file(folder / f"{missing}.yml", f"no reply for {missing}: add this file")


class _HasServices(Protocol):
    services: list[str]


def _check_privacy(reader: Reader, path: Path, privacy: Privacy) -> None:
    for kind in Kind:
        if kind.value not in privacy.details:
            reader.problem(path, f"add how to name '{kind.value}' details", "details")
    for unknown in sorted(set(privacy.details) - {kind.value for kind in Kind}):
        known = ", ".join(kind.value for kind in Kind)
        reader.problem(
            path, f"'{unknown}' is not a kind of detail; the kinds are: {known}", "details", unknown
        )


def _service_references(
    root: Path,
    menu: Menu,
    safety: SafetyReplies,
    items: Sequence[tuple[_HasServices, Path]],
) -> list[tuple[Path, tuple[str | int, ...], str]]:
    """Every place a service is named by id: (file, where in it, id)."""
    named = [
        (root / "menu.yml", "worried_services", menu.worried_services),
        (root / "menu.yml", "help_services", menu.help_services),
        (root / "safety" / "replies.yml", "anonymous_services", safety.anonymous_services),
        *((path, "services", item.services) for item, path in items),
    ]
    return [
        (path, (field, position), service_id)
        for path, field, ids in named
        for position, service_id in enumerate(ids)
    ]


def _check_references(
    reader: Reader,
    services: Mapping[str, Service],
    references: Iterable[tuple[Path, tuple[str | int, ...], str]],
) -> None:
    for path, where, service_id in references:
        if service_id not in services:
            reader.problem(
                path, f"there is no service '{service_id}' in signposts.yml: check the id", *where
            )
