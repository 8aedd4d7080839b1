"""Checks for the listening layer's content: emergencies (safety/urgent.yml), the services the
listening replies name (safety/listening.yml), and Welsh wording not yet reviewed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from bot.content.checks.texts import Where
from bot.content.reader import Reader
from bot.content.schema import Listening, Urgent, WelshReview
from bot.safety.categories import CATEGORIES

EMERGENCY_NUMBER = "999"


def check_urgent(reader: Reader, path: Path, urgent: Urgent) -> None:
    """Every kind names a category and leads with 999; ids are unique; the default exists."""
    seen: set[str] = set()
    for position, kind in enumerate(urgent.kinds):
        where = ("kinds", position)
        if kind.id in seen:
            message = f"the id '{kind.id}' is used twice: give each kind its own"
            reader.problem(path, message, *where)
        seen.add(kind.id)
        if kind.category not in CATEGORIES:
            known = ", ".join(CATEGORIES)
            message = f"'{kind.category}' is not a category: use one of {known}"
            reader.problem(path, message, *where, "category")
        for field, text in (("first", kind.first), ("welsh", kind.welsh.first)):
            if EMERGENCY_NUMBER not in text:
                message = f"an emergency's first message must tell them to call {EMERGENCY_NUMBER}"
                reader.problem(path, f"{message}: add it", *where, field)
    known = ", ".join(sorted(seen))
    if urgent.default not in seen:
        message = f"default '{urgent.default}' is not one of the kinds ({known})"
        reader.problem(path, message, "default")
    for category, kind_id in urgent.by_category.items():
        if category not in CATEGORIES:
            reader.problem(path, f"'{category}' is not a category", "by_category", category)
        if kind_id not in seen:
            message = f"'{kind_id}' is not one of the kinds ({known})"
            reader.problem(path, message, "by_category", category)


def listening_service_references(
    path: Path, listening: Listening
) -> list[tuple[Path, tuple[str | int, ...], str]]:
    """Every service the listening replies name: (file, where in it, id)."""
    named: list[tuple[tuple[str | int, ...], list[str]]] = [
        (("trust_services",), listening.trust_services),
        (("feeling_services",), listening.feeling_services),
        (("fear_services",), listening.fear_services),
        *((("fears", at, "services"), fear.services) for at, fear in enumerate(listening.fears)),
    ]
    return [
        (path, (*where, position), service_id)
        for where, ids in named
        for position, service_id in enumerate(ids)
    ]


def check_welsh_reviewed(reader: Reader, files: Iterable[tuple[BaseModel, Path]]) -> None:
    """A warning for each block of Welsh wording that no Welsh speaker has reviewed yet."""
    for model, path in files:
        for where in _unreviewed(model, ()):
            reader.warning(
                path,
                "this Welsh wording has not been checked by a Welsh speaker yet: ask one to read "
                "it, then set reviewed: true",
                *where,
            )


def _unreviewed(value: object, where: Where) -> Iterator[Where]:
    if isinstance(value, WelshReview) and not value.reviewed:
        yield where
    if isinstance(value, BaseModel):
        for name, field in value.__fields__.items():
            yield from _unreviewed(getattr(value, name), (*where, field.alias))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _unreviewed(item, (*where, position))
