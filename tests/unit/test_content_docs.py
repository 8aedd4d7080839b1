"""content/README.md documents every field of every content file, so editors never have to guess."""

from __future__ import annotations

import inspect
import re

import pytest
from pydantic import BaseModel

from bot.content import schema
from bot.paths import CONTENT_DIR

# Documented in content/safety/README.md, next to the patterns themselves.
SAFETY_MODELS = {schema.RiskPatterns, schema.WordLists}


def content_models() -> list[type[BaseModel]]:
    return [
        model
        for _, model in inspect.getmembers(schema, inspect.isclass)
        if issubclass(model, schema.Strict) and model is not schema.Strict
    ]


def documented_names(readme: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", readme))


@pytest.mark.parametrize("model", content_models(), ids=lambda model: model.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    readme = "content/safety/README.md" if model in SAFETY_MODELS else "content/README.md"
    names = documented_names((CONTENT_DIR.parent / readme).read_text())
    missing = [field.alias for field in model.__fields__.values() if field.alias not in names]
    assert missing == [], f"{readme} does not explain {missing} ({model.__name__})"
