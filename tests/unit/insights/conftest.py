"""Fixtures for the insight tests: each database test runs on SQLite and on a real PostgreSQL.

SQLite is the default (a file under data/); PostgreSQL is what several instances share
(deploy/README.md). The PostgreSQL server is started once per test run, with a new database for
each test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench.services import free_port
from bench.services import postgres_server as postgres_server_on
from bot.insights import recorder as recorder_module
from tests.services import need

from .support import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock(date(2024, 3, 4))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    need("initdb")
    with postgres_server_on(free_port()) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'insights.sqlite3'}"
        return
    server: str = request.getfixturevalue("postgres_server")
    name = f"insights_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(autouse=True)
def no_default_recorder() -> Iterator[None]:
    """Each test starts and ends without the environment's recorder."""
    recorder_module.close_recorder()
    yield
    recorder_module.close_recorder()
