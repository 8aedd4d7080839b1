"""Read content/ into typed, validated objects, or say exactly what is wrong and where.

`check_content` gives the full report: errors (the content cannot be used until they are fixed)
and warnings (advice that never stops the content being used). `load_content` is what the
assistant uses: it raises ContentError for errors only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from bot.content.checks.language import check_language
from bot.content.checks.listening import (
    check_urgent,
    check_welsh_reviewed,
    listening_service_references,
)
from bot.content.checks.readability import check_readability
from bot.content.checks.services import check_services
from bot.content.checks.session import check_quiz, check_scenarios
from bot.content.checks.texts import Where, youth_texts
from bot.content.programme import STAGE_ORDER, STAGE_SIGNS, TREND_TOPICS
from bot.content.reader import ContentError, Problem, Reader
from bot.content.schema import (
    CategoryReply,
    CheckSettings,
    ContactKind,
    Journey,
    LanguageRules,
    Listening,
    Menu,
    Privacy,
    Quiz,
    SafetyReplies,
    Scenario,
    Service,
    Session,
    Signposts,
    SmallTalk,
    Stage,
    Topic,
    Urgent,
    UrgentKind,
    WidgetWords,
)
from bot.privacy.detect import Kind
from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER, IMMEDIATE_DANGER_SERVICES

# The services whose numbers the widget's offline message must give (content/widget.yml).
OFFLINE_SERVICES = ("childline", "police_emergency")


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
    widget: WidgetWords
    safety: SafetyReplies
    disclosures: Mapping[str, CategoryReply]  # by category
    urgent: Urgent
    listening: Listening
    scenarios: tuple[Scenario, ...]  # in order
    quiz: Quiz
    session: Session

    def stage(self, stage_id: str) -> Stage:
        return next(stage for stage in self.stages if stage.id == stage_id)

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.topics if topic.id == topic_id)

    def urgent_kind(self, kind_id: str | None) -> UrgentKind:
        """The emergency of this kind, or the default kind when there is none by that id."""
        kinds = {kind.id: kind for kind in self.urgent.kinds}
        return kinds.get(kind_id or "") or kinds[self.urgent.default]


@dataclass(frozen=True)
class ContentReport:
    """The result of checking content/: the content when it can be used, and every problem."""

    content: Content | None  # None when there is any error
    problems: tuple[Problem, ...]  # errors and warnings, by file and line

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)


@dataclass(frozen=True)
class _Files:
    """Every content file, parsed; each item with the file it came from."""

    signposts: Signposts
    menu: Menu
    journey: Journey
    smalltalk: SmallTalk
    privacy: Privacy
    widget: WidgetWords
    safety: SafetyReplies
    urgent: Urgent
    listening: Listening
    stages: list[tuple[Stage, Path]]
    topics: list[tuple[Topic, Path]]
    disclosures: list[tuple[CategoryReply, Path]]
    scenarios: list[tuple[Scenario, Path]]
    quiz: Quiz
    session: Session
    language: LanguageRules
    settings: CheckSettings


def load_content(root: Path) -> Content:
    """Load and check the whole content folder; raise ContentError listing every error.

    Warnings do not stop the content loading: see check_content for them.
    """
    report = check_content(root)
    if report.content is None:
        raise ContentError(report.errors)
    return report.content


def check_content(root: Path, today: datetime.date | None = None) -> ContentReport:
    """Check the whole content folder, collecting every error and warning.

    `today` decides which services are due to be checked again; it is a parameter for tests.
    """
    reader = Reader()
    files = _read_files(reader, root)
    if files is None:
        return _report(reader, None)
    services = _index_services(reader, root / "signposts.yml", files.signposts.services)
    _check_stages(reader, root / "stages", files.stages)
    _check_topics(reader, root / "topics", files.topics)
    _check_disclosures(reader, root / "safety" / "categories", files.disclosures)
    check_urgent(reader, root / "safety" / "urgent.yml", files.urgent)
    _check_privacy(reader, root / "privacy.yml", files.privacy)
    _check_offline_numbers(reader, root / "widget.yml", files.widget, services)
    stages = (stage for stage, _ in files.stages)
    check_scenarios(reader, root / "scenarios", files.scenarios, stages)
    check_quiz(reader, root / "quiz.yml", files.quiz.questions)
    references = _service_references(
        root, files.menu, files.safety, [*files.stages, *files.topics, *files.disclosures]
    )
    references += listening_service_references(root / "safety" / "listening.yml", files.listening)
    _check_references(reader, services, [*references, *_session_service_references(root, files)])
    check_services(
        reader, root / "signposts.yml", files.signposts.services, today or datetime.date.today()
    )
    texts = list(_youth_texts(root, files))
    check_language(reader, root, root / "language.yml", files.language, texts)
    check_readability(reader, files.settings.readability, texts)
    check_welsh_reviewed(reader, list(_youth_files(root, files)))
    return _report(reader, None if reader.errors else _content(files, services))


def _read_files(reader: Reader, root: Path) -> _Files | None:
    """Parse every file, or None when any of them has an error (each one is recorded)."""
    signposts = reader.read(root / "signposts.yml", Signposts)
    menu = reader.read(root / "menu.yml", Menu)
    journey = reader.read(root / "journey.yml", Journey)
    smalltalk = reader.read(root / "smalltalk.yml", SmallTalk)
    privacy = reader.read(root / "privacy.yml", Privacy)
    widget = reader.read(root / "widget.yml", WidgetWords)
    scenarios = reader.read_folder(root / "scenarios", Scenario)
    quiz = reader.read(root / "quiz.yml", Quiz)
    session = reader.read(root / "session.yml", Session)
    stages = reader.read_folder(root / "stages", Stage)
    topics = reader.read_folder(root / "topics", Topic)
    safety = reader.read(root / "safety" / "replies.yml", SafetyReplies)
    disclosures = reader.read_folder(root / "safety" / "categories", CategoryReply)
    urgent = reader.read(root / "safety" / "urgent.yml", Urgent)
    listening = reader.read(root / "safety" / "listening.yml", Listening)
    language = reader.read(root / "language.yml", LanguageRules)
    settings = reader.read(root / "checks.yml", CheckSettings)
    if reader.errors:
        return None
    # read() returns None only when it recorded an error, and then we have returned.
    assert signposts and menu and journey and smalltalk and privacy and widget and safety
    assert language and settings and quiz and session and urgent and listening
    return _Files(
        signposts=signposts,
        menu=menu,
        journey=journey,
        smalltalk=smalltalk,
        privacy=privacy,
        widget=widget,
        safety=safety,
        urgent=urgent,
        listening=listening,
        stages=stages,
        topics=topics,
        disclosures=disclosures,
        scenarios=scenarios,
        quiz=quiz,
        session=session,
        language=language,
        settings=settings,
    )


def _youth_texts(root: Path, files: _Files) -> Iterator[tuple[Path, Where, str]]:
    """Everything young people read, with its file and where it is in it.

    The risk patterns (safety/patterns, safety/words.yml) are not here: they describe what young
    people might type, so they rightly hold words the assistant itself must not use.
    """
    for model, path in _youth_files(root, files):
        for where, text in youth_texts(model):
            yield path, where, text


def _youth_files(root: Path, files: _Files) -> Iterator[tuple[BaseModel, Path]]:
    """Every file young people read, parsed, with its path."""
    yield from [
        (files.signposts, root / "signposts.yml"),
        (files.menu, root / "menu.yml"),
        (files.journey, root / "journey.yml"),
        (files.smalltalk, root / "smalltalk.yml"),
        (files.privacy, root / "privacy.yml"),
        (files.widget, root / "widget.yml"),
        (files.quiz, root / "quiz.yml"),
        (files.session, root / "session.yml"),
        (files.safety, root / "safety" / "replies.yml"),
        (files.urgent, root / "safety" / "urgent.yml"),
        (files.listening, root / "safety" / "listening.yml"),
    ]
    yield from [*files.stages, *files.topics, *files.disclosures, *files.scenarios]


def _content(files: _Files, services: Mapping[str, Service]) -> Content:
    return Content(
        stages=tuple(sorted((stage for stage, _ in files.stages), key=lambda stage: stage.number)),
        topics=tuple(sorted((topic for topic, _ in files.topics), key=lambda topic: topic.order)),
        services=services,
        menu=files.menu,
        journey=files.journey,
        smalltalk=files.smalltalk,
        privacy=files.privacy,
        widget=files.widget,
        safety=files.safety,
        disclosures={reply.category: reply for reply, _ in files.disclosures},
        urgent=files.urgent,
        listening=files.listening,
        scenarios=tuple(sorted((item for item, _ in files.scenarios), key=lambda s: s.order)),
        quiz=files.quiz,
        session=files.session,
    )


def _report(reader: Reader, content: Content | None) -> ContentReport:
    # By file, then line, so an editor can work down each file; sort() keeps the order of
    # problems found on the same line.
    problems = sorted(reader.problems, key=lambda problem: (str(problem.path), problem.line or 0))
    return ContentReport(content, tuple(problems))


def _index_services(reader: Reader, path: Path, services: Sequence[Service]) -> dict[str, Service]:
    index: dict[str, Service] = {}
    for position, service in enumerate(services):
        if service.id in index:
            reader.problem(
                path,
                f"the id '{service.id}' is used twice: give each service its own id",
                "services",
                position,
            )
        index[service.id] = service
    return index


def _check_stages(reader: Reader, folder: Path, stages: Sequence[tuple[Stage, Path]]) -> None:
    found = {stage.id for stage, _ in stages}
    for stage, path in stages:
        reader.named_like_file(path, "id", stage.id)
        if stage.id not in STAGE_SIGNS:
            known = ", ".join(STAGE_ORDER)
            reader.problem(path, f"'{stage.id}' is not one of the stages: use one of {known}", "id")
            continue
        expected_number = STAGE_ORDER.index(stage.id) + 1
        if stage.number != expected_number:
            reader.problem(
                path, f"number must be {expected_number} for {stage.id}: change it", "number"
            )
        ids = [sign.id for sign in stage.signs]
        for duplicate in sorted({sign_id for sign_id in ids if ids.count(sign_id) > 1}):
            reader.problem(
                path, f"the sign id '{duplicate}' is used twice: each sign needs its own", "signs"
            )
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
                path,
                f"order {topic.order} is also used by {orders[topic.order]}: give each topic its "
                "own number",
                "order",
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
            reader.problem(
                path, f"'{reply.category}' is not a category: use one of {known}", "category"
            )
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
            reader.problem(
                path,
                f"there is no name for '{kind.value}' details: add a line under details with "
                f"the words to use for them, like {kind.value}: ...",
                "details",
            )
    for unknown in sorted(set(privacy.details) - {kind.value for kind in Kind}):
        known = ", ".join(kind.value for kind in Kind)
        reader.problem(
            path,
            f"'{unknown}' is not a kind of detail: check the spelling ({known})",
            "details",
            unknown,
        )


def _check_offline_numbers(
    reader: Reader, path: Path, widget: WidgetWords, services: Mapping[str, Service]
) -> None:
    """The offline message is all a young person sees when the server is down: it must give the
    numbers that signposts.yml has for Childline and the police, exactly as written there."""
    for service in (services[i] for i in OFFLINE_SERVICES if i in services):
        phones = [
            contact.value for contact in service.contacts if contact.kind == ContactKind.phone
        ]
        if phones and not any(phone in widget.offline for phone in phones):
            message = f"'offline' must give {service.name}'s number as signposts.yml has it"
            reader.problem(path, f"{message} ({phones[0]}): add it", "offline")


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
        (root / "safety" / "replies.yml", "welsh_services", safety.welsh_services),
        *((path, "services", item.services) for item, path in items),
    ]
    return [
        (path, (field, position), service_id)
        for path, field, ids in named
        for position, service_id in enumerate(ids)
    ]


def _session_service_references(
    root: Path, files: _Files
) -> list[tuple[Path, tuple[str | int, ...], str]]:
    """Services named in the scenarios (per stage) and at the end of a session."""
    named: list[tuple[Path, tuple[str | int, ...], str]] = [
        (path, ("stages", position, "services", index), service_id)
        for scenario, path in files.scenarios
        for position, part in enumerate(scenario.stages)
        for index, service_id in enumerate(part.services)
    ]
    session = root / "session.yml"
    named += [
        (session, ("services", index), service_id)
        for index, service_id in enumerate(files.session.services)
    ]
    return named


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
