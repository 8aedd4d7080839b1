"""Moving the anonymous counts to another database, such as the PostgreSQL that several
instances share (deploy/README.md): `python -m bot insights copy --to URL`.

Counters are added to the target's, in one transaction, so a failed copy leaves the target as it
was. Copying the same counts twice would count them twice, so the copy refuses when the target
already holds any of the same counters, unless told they come from another instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select  # type: ignore[import-untyped]
from sqlalchemy.engine import Connection  # type: ignore[import-untyped]
from sqlalchemy.exc import SQLAlchemyError  # type: ignore[import-untyped]

from bot.insights.events import InsightsError
from bot.insights.store import (
    CounterKey,
    add_counts,
    check_schema,
    create_insights_engine,
    daily_counts,
    hide_password,
    open_for_reading,
    prepare,
    unreadable,
)


class CopyError(InsightsError):
    """The counts were not copied; the message says why and what to do."""


@dataclass(frozen=True)
class Copied:
    counters: int
    events: int


def copy_counts(source_url: str, target_url: str, add_to_existing: bool = False) -> Copied:
    """Add every counter of the source database to the target's."""
    if source_url == target_url:
        raise CopyError("the source and the target are the same database")
    counts = _read_all(source_url)
    try:
        target = create_insights_engine(target_url)
    except (SQLAlchemyError, ImportError) as error:
        raise _unwritable(target_url, error) from None
    try:
        with target.begin() as connection:
            prepare(connection)
            overlap = len(_stored_keys(connection) & counts.keys())
            if overlap and not add_to_existing:
                raise CopyError(
                    f"{hide_password(target_url)} already holds {overlap} of these counters, so "
                    "copying would count them twice. If they were counted by another instance, "
                    "run again with --add-to-existing."
                )
            add_counts(connection, counts)
    except SQLAlchemyError as error:
        raise _unwritable(target_url, error) from None
    finally:
        target.dispose()
    return Copied(counters=len(counts), events=sum(counts.values()))


def _unwritable(target_url: str, error: BaseException) -> CopyError:
    return CopyError(
        f"cannot write insights to {hide_password(target_url)} ({type(error).__name__})"
    )


def _read_all(database_url: str) -> dict[CounterKey, int]:
    engine = open_for_reading(database_url)
    try:
        with engine.connect() as connection:
            check_schema(connection)
            rows = connection.execute(select(daily_counts)).all()
    except SQLAlchemyError as error:
        raise unreadable(database_url, error) from None
    finally:
        engine.dispose()
    return {CounterKey(row.day, row.region, row.kind, row.key): int(row.count) for row in rows}


def _stored_keys(connection: Connection) -> set[CounterKey]:
    columns = daily_counts.c
    query = select(columns.day, columns.region, columns.kind, columns.key)
    return {CounterKey(*row) for row in connection.execute(query)}
