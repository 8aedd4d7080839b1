"""Find the text young people read in a content model, with where it is in its file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from bot.content import schema

# Where a value is in its file: field names (as written in YAML) and list positions.
Where = tuple[str | int, ...]


def youth_texts(model: BaseModel, where: Where = ()) -> Iterator[tuple[Where, str]]:
    """Every Text value in the model, however deeply nested, in file order.

    Ids, service ids, web addresses, phone numbers and dates have other types, so they are left
    out without a list of exceptions to keep up to date.
    """
    for name, field in model.__fields__.items():
        value = getattr(model, name)
        if value is None:
            continue
        here = (*where, field.alias)
        if field.type_ is schema.Text:
            yield from _strings(value, here)
        elif isinstance(field.type_, type) and issubclass(field.type_, BaseModel):
            yield from _models(value, here)


def _strings(value: Any, where: Where) -> Iterator[tuple[Where, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _strings(item, (*where, position))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*where, key))


def _models(value: Any, where: Where) -> Iterator[tuple[Where, str]]:
    if isinstance(value, BaseModel):
        yield from youth_texts(value, where)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _models(item, (*where, position))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _models(item, (*where, key))
