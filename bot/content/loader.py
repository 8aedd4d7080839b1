"""Read content/ into typed, validated objects, or say exactly what is wrong and where.

Every problem names the file, the line and what is wrong, because the people fixing it are content
editors, not developers. Files are read with ruamel.yaml's round-trip loader only to learn line
numbers; the values are then validated by the pydantic models in schema.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from bot.content.programme import STAGE_ORDER, STAGE_SIGNS, TREND_TOPICS
from bot.content.schema import Journey, Menu, Service, Signposts, SmallTalk, Stage, Topic

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None  # 1-based; None when the problem is about the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content folder cannot be used; each problem says where and what."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Content:
    """Everything young people read, validated and cross-checked."""

    stages: tuple[Stage, ...]  # in walkthrough order
    topics: tuple[Topic, ...]  # in menu order
    services: Mapping[str, Service]
    menu: Menu
    journey: Journey
    smalltalk: SmallTalk

    def stage(self, stage_id: str) -> Stage:
        return next(stage for stage in self.stages if stage.id == stage_id)

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.topics if topic.id == topic_id)


def content_files(root: Path) -> list[Path]:
    """Every file the assistant reads from content/, in a stable order."""
    return (
        sorted(root.glob("*.yml"))
        + sorted(root.glob("stages/*.yml"))
        + sorted(root.glob("topics/*.yml"))
    )


def load_content(root: Path) -> Content:
    """Load and check the whole content folder; raise ContentError listing every problem."""
    reader = _Reader()
    signposts = reader.read(root / "signposts.yml", Signposts)
    menu = reader.read(root / "menu.yml", Menu)
    journey = reader.read(root / "journey.yml", Journey)
    smalltalk = reader.read(root / "smalltalk.yml", SmallTalk)
    stages = reader.read_folder(root / "stages", Stage)
    topics = reader.read_folder(root / "topics", Topic)
    reader.raise_if_any()
    assert signposts and menu and journey and smalltalk  # read() returned None only on problems

    services = _index_services(reader, root / "signposts.yml", signposts.services)
    _check_stages(reader, root / "stages", stages)
    _check_topics(reader, root / "topics", topics)
    _check_references(reader, services, _service_references(root, menu, stages, topics))
    reader.raise_if_any()
    return Content(
        stages=tuple(sorted((stage for stage, _ in stages), key=lambda stage: stage.number)),
        topics=tuple(sorted((topic for topic, _ in topics), key=lambda topic: topic.order)),
        services=services,
        menu=menu,
        journey=journey,
        smalltalk=smalltalk,
    )


class _Reader:
    """Parses files into models, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._trees: dict[Path, Any] = {}

    def problem(self, path: Path, message: str, *where: str | int) -> None:
        self.problems.append(Problem(path, _line_of(self._trees.get(path), where), message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)

    def read(self, path: Path, model: type[Model]) -> Model | None:
        tree = self._parse(path)
        if tree is None:
            return None
        try:
            return model.parse_obj(tree)
        except ValidationError as error:
            for detail in error.errors():
                self.problem(path, _describe(detail), *detail["loc"])
            return None

    def read_folder(self, folder: Path, model: type[Model]) -> list[tuple[Model, Path]]:
        items = [(self.read(path, model), path) for path in sorted(folder.glob("*.yml"))]
        return [(item, path) for item, path in items if item is not None]

    def _parse(self, path: Path) -> Any:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problems.append(Problem(path, None, "this file is missing"))
            return None
        except UnicodeDecodeError:
            self.problems.append(Problem(path, None, "save this file as UTF-8 text"))
            return None
        try:
            tree = YAML(typ="rt").load(text)
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            what = error.problem or error.context or "this is not valid YAML"
            self.problems.append(Problem(path, line, f"{what} (check indentation and quotes)"))
            return None
        if not isinstance(tree, dict):
            self.problems.append(Problem(path, None, "expected field: value lines at the top"))
            return None
        self._trees[path] = tree
        return tree


def _describe(detail: Mapping[str, Any]) -> str:
    """Turn a pydantic error into a sentence an editor can act on."""
    field = ".".join(str(part) for part in detail["loc"] if part != "__root__")
    kind, message = detail["type"], detail["msg"]
    if kind == "value_error.missing":
        return f"'{field}' is missing: add it"
    if kind == "value_error.extra":
        return f"'{field}' is not a field this file can have: check the spelling or remove it"
    if kind == "value_error.any_str.min_length":
        return f"'{field}' is empty: write some text"
    if kind == "value_error.str.regex":
        return f"'{field}' must be lower case letters, digits and underscores, like knife_crime"
    return f"'{field}': {message}"


def _line_of(tree: Any, where: Iterable[str | int]) -> int | None:  # tree: ruamel's, untyped
    """The 1-based line of the deepest part of `where` that exists in the parsed file."""
    if tree is None:
        return None
    # ruamel's round-trip containers carry their 0-based positions in `.lc`.
    line: int = tree.lc.line + 1
    node: Any = tree
    for part in where:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
        else:
            break
        node = node[part]
    return line


def _index_services(reader: _Reader, path: Path, services: Sequence[Service]) -> dict[str, Service]:
    index: dict[str, Service] = {}
    for position, service in enumerate(services):
        if service.id in index:
            reader.problem(path, f"the id '{service.id}' is used twice", "services", position)
        index[service.id] = service
    return index


def _check_stages(reader: _Reader, folder: Path, stages: Sequence[tuple[Stage, Path]]) -> None:
    found = {stage.id for stage, _ in stages}
    for stage, path in stages:
        if path.stem != stage.id:
            reader.problem(path, f"id '{stage.id}' must match the file name '{path.stem}'", "id")
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
        reader.problems.append(
            Problem(
                folder / f"{missing}.yml", None, f"the {missing} stage is missing: add this file"
            )
        )


def _check_topics(reader: _Reader, folder: Path, topics: Sequence[tuple[Topic, Path]]) -> None:
    found = {topic.id for topic, _ in topics}
    orders: dict[int, str] = {}
    for topic, path in topics:
        if path.stem != topic.id:
            reader.problem(path, f"id '{topic.id}' must match the file name '{path.stem}'", "id")
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
        reader.problems.append(
            Problem(
                folder / f"{missing}.yml", None, f"the {missing} topic is missing: add this file"
            )
        )


def _service_references(
    root: Path,
    menu: Menu,
    stages: Sequence[tuple[Stage, Path]],
    topics: Sequence[tuple[Topic, Path]],
) -> list[tuple[Path, tuple[str | int, ...], str]]:
    """Every place a service is named by id: (file, where in it, id)."""
    references: list[tuple[Path, tuple[str | int, ...], str]] = []
    for field in ("worried_services", "help_services"):
        ids: list[str] = getattr(menu, field)
        references += [(root / "menu.yml", (field, i), sid) for i, sid in enumerate(ids)]
    for services, path in [(s.services, p) for s, p in stages] + [
        (t.services, p) for t, p in topics
    ]:
        references += [(path, ("services", i), sid) for i, sid in enumerate(services)]
    return references


def _check_references(
    reader: _Reader,
    services: Mapping[str, Service],
    references: Iterable[tuple[Path, tuple[str | int, ...], str]],
) -> None:
    for path, where, service_id in references:
        if service_id not in services:
            reader.problem(
                path, f"there is no service '{service_id}' in signposts.yml: check the id", *where
            )
