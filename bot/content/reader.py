"""Read YAML files into pydantic models, collecting problems that name the file and the line.

The people fixing these files are content editors, not developers, so every problem says where it
is and what to do. Files are parsed with ruamel.yaml's round-trip loader only to learn line
numbers; the values are then validated by pydantic models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

Model = TypeVar("Model", bound=BaseModel)

# An error must be fixed before the content can be used; a warning is advice that never blocks it.
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None  # 1-based; None when the problem is about the file as a whole
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def describe(self, base: Path | None = None) -> str:
        """`file:line: message`, with the file named from `base` when it is inside it."""
        path = self.path
        if base is not None and path.is_relative_to(base):
            path = path.relative_to(base)
        where = f"{path}:{self.line}" if self.line else str(path)
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.describe()


class ContentError(Exception):
    """The content folder cannot be used; each problem (an error) says where and what."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class Reader:
    """Parses files into models, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._trees: dict[Path, Any] = {}

    def problem(
        self, path: Path, message: str, *where: str | int, severity: Severity = "error"
    ) -> None:
        """Record a problem at the line of `where` (field names and list positions) in path."""
        line = _line_of(self._trees.get(path), where)
        self.problems.append(Problem(path, line, message, severity))

    def warning(self, path: Path, message: str, *where: str | int) -> None:
        self.problem(path, message, *where, severity="warning")

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    def named_like_file(self, path: Path, field: str, value: str) -> None:
        """Files that hold one item are named after it: stages/hooked.yml has id: hooked."""
        if path.stem != value:
            self.problem(path, f"{field} '{value}' must match the file name '{path.stem}'", field)

    def whole_file(self, path: Path, message: str) -> None:
        """A problem about a file as a whole, such as one that should exist and doesn't."""
        self.problems.append(Problem(path, None, message))

    def raise_if_any(self) -> None:
        """Stop on errors; warnings never stop anything."""
        if self.errors:
            raise ContentError(self.errors)

    def read(self, path: Path, model: type[Model]) -> Model | None:
        tree = self._parse(path)
        if tree is None:
            return None
        try:
            return model.parse_obj(tree)
        except ValidationError as error:
            for detail in error.errors():
                self.problem(path, _describe(detail, model), *detail["loc"])
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


def _describe(detail: Mapping[str, Any], model: type[BaseModel]) -> str:
    """Turn a pydantic error into a sentence an editor can act on."""
    field = ".".join(str(part) for part in detail["loc"] if part != "__root__")
    kind, message = detail["type"], detail["msg"]
    context = detail.get("ctx", {})
    if kind == "value_error.missing":
        hint = _field_hint(model, detail["loc"])
        return f"'{field}' is missing: add it" + (f" ({hint})" if hint else "")
    if kind == "value_error.extra":
        return f"'{field}' is not a field this file can have: check the spelling or remove it"
    if kind == "value_error.any_str.min_length":
        return f"'{field}' is empty: write some text"
    if kind == "value_error.str.regex":
        return f"'{field}' must be lower case letters, digits and underscores, like knife_crime"
    if kind == "value_error.list.min_items":
        return f"'{field}' needs at least {context.get('limit_value')} items: add more"
    if kind == "value_error.list.max_items":
        return f"'{field}' can have at most {context.get('limit_value')} items: remove some"
    if kind.startswith("value_error.date"):
        return f"'{field}' must be a date written year-month-day, like 2026-11-28"
    if kind.startswith("value_error.url"):
        return f"'{field}' must be a full web address, like https://www.childline.org.uk"
    return f"'{field}': {message}"


def _field_hint(model: type[BaseModel], where: Iterable[str | int]) -> str | None:
    """The description the schema gives the field at `where`, to say what to write there."""
    current: Any = model
    description: str | None = None
    for part in where:
        if isinstance(part, int):  # a position in a list: the item has the list's type
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for f in current.__fields__.values() if f.alias == part), None)
        if field is None:
            return None
        description = field.field_info.description
        current = field.type_
    return description


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
