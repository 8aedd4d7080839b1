"""Shared fixtures: content, trackers for action tests, and one trained model per session."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

from bench.services import free_port
from bot.content import Content, ContentStore, load_content
from bot.content import store as content_store
from bot.paths import CONTENT_DIR, MODEL, ROOT

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# Insights the tests cause (and the servers they start) are counted in a throwaway folder.
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="assistant-test-data-"))


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped content, as young people would read it."""
    return load_content(CONTENT_DIR)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of content/ that a test may edit or break."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


@pytest.fixture
def actions_read(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], ContentStore]:
    """Point the actions' content store at another folder for one test."""

    def point_at(folder: Path) -> ContentStore:
        store = ContentStore(folder, recheck_seconds=0)
        monkeypatch.setattr(content_store, "_default_store", store)
        return store

    return point_at


@pytest.fixture
def tracker() -> Callable[..., Tracker]:
    """A tracker whose latest message has `intent`, with optional slots."""

    def make(intent: str, **slots: Any) -> Tracker:
        return Tracker(
            sender_id="test",
            slots=slots,
            latest_message={"intent": {"name": intent, "confidence": 1.0}, "entities": []},
            events=[],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )

    return make


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """models/assistant.tar.gz, trained now only if its inputs changed since it was built."""
    from bot.training import train_if_needed

    os.chdir(ROOT)  # config.yml names the spaCy pipeline by a path relative to the root
    assert train_if_needed() == MODEL
    return MODEL


@pytest.fixture(scope="session")
def action_server_url() -> Iterator[str]:
    """The real action server, in its own process, serving the shipped content."""
    from bot.launcher import Ports, action_server

    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    with action_server(ports):
        yield ports.action_endpoint


@pytest.fixture(scope="session")
async def agent(trained_model: Path, action_server_url: str) -> AsyncIterator[Any]:
    from bot.rasa_ext.classify import load_agent

    yield load_agent(trained_model, action_server_url)


@pytest.fixture
def sender() -> str:
    """A fresh conversation id, as the widget makes one per page load."""
    return uuid.uuid4().hex
