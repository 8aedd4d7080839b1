"""Helpers for the insight tests: a controllable clock, and reading and writing counters."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import inspect, select

from bot.insights.store import (
    CounterKey,
    add_counts,
    create_insights_engine,
    daily_counts,
    prepare,
    sqlite_file,
)


class Clock:
    """A `today` that tests move by hand."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def seed(url: str, counts: Mapping[tuple[date, str, str, str], int]) -> None:
    """Write counters straight into the database, as the recorder would."""
    engine = create_insights_engine(url)
    with engine.begin() as connection:
        prepare(connection)
        add_counts(connection, {CounterKey(*counter): count for counter, count in counts.items()})
    engine.dispose()


def stored(url: str) -> dict[tuple[date, str, str, str], int]:
    """Every counter in the database."""
    engine = create_insights_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(daily_counts)).all()
    engine.dispose()
    return {(row.day, row.region, row.kind, row.key): row.count for row in rows}


def nothing_written(url: str) -> bool:
    """No SQLite file was even created; on other databases, no table was."""
    file = sqlite_file(url)
    if file is not None:
        return not file.exists()
    engine = create_insights_engine(url)
    tables = inspect(engine).get_table_names()
    engine.dispose()
    return tables == []
