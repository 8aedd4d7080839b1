"""The insights database: one table of daily counters and a schema version, managed in code.

Works with any SQLAlchemy URL. SQLite (the default) and PostgreSQL add to a counter with their own
upsert in one statement; other databases update the row and insert it if there was none.
The schema is created when absent but never migrated: a database written by another version of
this code is refused with a clear message, so no counts are silently reinterpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final, NamedTuple

from sqlalchemy import (  # type: ignore[import-untyped]
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite  # type: ignore[import-untyped]
from sqlalchemy.engine import Connection, Engine, make_url  # type: ignore[import-untyped]
from sqlalchemy.exc import ArgumentError, SQLAlchemyError  # type: ignore[import-untyped]

from bot.insights.events import DB_URL_VARIABLE, InsightsError

# Raise this whenever the tables change, and write the migration by hand.
SCHEMA_VERSION: Final = 1

KEY_COLUMNS: Final = ("day", "region", "kind", "key")


def _identifier() -> Any:
    # TEXT everywhere the spec allows it; MySQL cannot index TEXT without a length.
    return Text().with_variant(String(64), "mysql").with_variant(String(64), "mariadb")


metadata: Final = MetaData()

# Deliberately nothing else: no sender id, no message text, no time finer than a day.
daily_counts: Final = Table(
    "daily_counts",
    metadata,
    Column("day", Date, primary_key=True),
    Column("region", _identifier(), primary_key=True),
    Column("kind", _identifier(), primary_key=True),
    Column("key", _identifier(), primary_key=True),
    Column("count", Integer, nullable=False),
)

schema_version: Final = Table(
    "schema_version",
    metadata,
    Column("version", Integer, nullable=False),
)


class CounterKey(NamedTuple):
    """One counter: what happened, on which day, in which region."""

    day: date
    region: str
    kind: str
    key: str


class SchemaVersionError(InsightsError):
    """The database was written by another version of this code."""


class NoInsightsError(InsightsError):
    """The database holds no insights tables yet."""


def hide_password(url: str) -> str:
    """The URL as it may be logged or shown: the password replaced by ***."""
    try:
        shown: str = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an unparseable database URL)"
    return shown


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL, or None for in-memory SQLite and other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def create_insights_engine(url: str) -> Engine:
    return create_engine(url, future=True)


def open_for_reading(database_url: str) -> Engine:
    """An engine for an existing insights database; never creates one."""
    try:
        path = sqlite_file(database_url)
    except ArgumentError:
        raise InsightsError(f"{hide_password(database_url)} is not a database URL") from None
    if path is not None and not path.is_file():
        raise NoInsightsError(f"no insights recorded yet at {path}")
    try:
        return create_insights_engine(database_url)
    except (SQLAlchemyError, ImportError) as error:
        raise unreadable(database_url, error) from None


def unreadable(database_url: str, error: BaseException) -> InsightsError:
    return InsightsError(
        f"cannot read insights at {hide_password(database_url)} ({type(error).__name__}); "
        "is it an insights database?"
    )


def prepare(connection: Connection) -> None:
    """Create the tables if absent and record this code's schema version; refuse another one."""
    metadata.create_all(connection)
    versions = _stored_versions(connection)
    if not versions:
        connection.execute(insert(schema_version).values(version=SCHEMA_VERSION))
        return
    _require_current(versions, connection)


def check_schema(connection: Connection) -> None:
    """Like prepare() but read-only: raises NoInsightsError if nothing was ever recorded."""
    if not inspect(connection).has_table(daily_counts.name):
        raise NoInsightsError(f"no insights recorded yet at {_where(connection)}")
    _require_current(_stored_versions(connection), connection)


def _stored_versions(connection: Connection) -> list[int]:
    if not inspect(connection).has_table(schema_version.name):
        return []
    return [int(version) for version in connection.scalars(select(schema_version.c.version))]


def _require_current(versions: list[int], connection: Connection) -> None:
    if versions == [SCHEMA_VERSION]:
        return
    stored = ", ".join(str(version) for version in versions) or "none"
    raise SchemaVersionError(
        f"The insights database at {_where(connection)} has schema version {stored}, but this "
        f"code uses version {SCHEMA_VERSION}. It is not migrated automatically: migrate it by "
        f"hand, or set {DB_URL_VARIABLE} to a new database."
    )


def _where(connection: Connection) -> str:
    return str(connection.engine.url.render_as_string(hide_password=True))


def add_counts(connection: Connection, counts: Mapping[CounterKey, int]) -> None:
    """Add each count to its counter, creating the counters that do not exist yet."""
    rows = [{**counter._asdict(), "count": count} for counter, count in counts.items() if count]
    if not rows:
        return
    dialect_insert = _UPSERT_INSERTS.get(connection.dialect.name)
    if dialect_insert is None:
        _update_then_insert(connection, rows)
        return
    statement = dialect_insert(daily_counts)
    statement = statement.on_conflict_do_update(
        index_elements=[daily_counts.c[name] for name in KEY_COLUMNS],
        set_={"count": daily_counts.c["count"] + statement.excluded["count"]},
    )
    connection.execute(statement, rows)


# Dialects whose insert() has on_conflict_do_update (SQLite 3.24+, PostgreSQL 9.5+).
_UPSERT_INSERTS: Final[Mapping[str, Callable[[Table], Any]]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}


def _update_then_insert(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """The portable upsert. If another writer inserts the same new counter at the same moment,
    the insert fails on the primary key and the whole transaction rolls back; the recorder keeps
    the counts and tries again, so nothing is counted twice or lost."""
    for row in rows:
        same_counter = and_(*(daily_counts.c[name] == row[name] for name in KEY_COLUMNS))
        added = connection.execute(
            update(daily_counts)
            .where(same_counter)
            .values({"count": daily_counts.c["count"] + row["count"]})
        )
        if added.rowcount == 0:
            connection.execute(insert(daily_counts).values(row))
