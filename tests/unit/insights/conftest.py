"""Fixtures for the insight tests: SQLite files under tmp_path, a clock, no default recorder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.insights import recorder as recorder_module

from .support import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock(date(2024, 3, 4))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'insights.sqlite3'}"


@pytest.fixture(autouse=True)
def no_default_recorder() -> Iterator[None]:
    """Each test starts and ends without the environment's recorder."""
    recorder_module.close_recorder()
    yield
    recorder_module.close_recorder()
