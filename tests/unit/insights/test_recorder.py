"""Recording: the right counter goes up, nothing else is kept, and a reply is never held up."""

from __future__ import annotations

import logging
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, update

from bot.insights import (
    EventKind,
    InsightsError,
    Recorder,
    SchemaVersionError,
    Settings,
    close_recorder,
    record,
    start,
    store,
)
from bot.insights import recorder as recorder_module
from bot.insights.store import CounterKey, add_counts, create_insights_engine, prepare

from .support import Clock, nothing_written, seed, stored

RECORDER_LOGGER = "bot.insights.recorder"


def make_recorder(url: str, clock: Clock, region: str = "London", **options: int) -> Recorder:
    return Recorder(Settings(url, region), today=clock, **options)


def test_an_event_adds_one_to_its_counter(db_url: str, clock: Clock) -> None:
    recorder = make_recorder(db_url, clock)
    recorder.record(EventKind.STAGE_VIEWED, "hooked")
    assert recorder.flush()
    recorder.close()
    assert stored(db_url) == {(clock.day, "London", "stage_viewed", "hooked"): 1}


def test_repeated_events_accumulate_across_batches(db_url: str, clock: Clock) -> None:
    recorder = make_recorder(db_url, clock, batch_size=7)
    for _ in range(25):
        recorder.record(EventKind.DISCLOSURE, "online_grooming")
    assert recorder.flush()
    for _ in range(5):
        recorder.record(EventKind.DISCLOSURE, "online_grooming")
    recorder.close()
    assert stored(db_url) == {(clock.day, "London", "disclosure", "online_grooming"): 30}


def test_days_regions_kinds_and_keys_are_counted_apart(db_url: str, clock: Clock) -> None:
    first_day = clock.day
    london = make_recorder(db_url, clock, region="London")
    wales = make_recorder(db_url, clock, region="Wales")
    london.record(EventKind.STAGE_VIEWED, "hooked")
    london.record(EventKind.STAGE_VIEWED, "trapped")
    london.record(EventKind.TOPIC_VIEWED, "hooked")
    wales.record(EventKind.STAGE_VIEWED, "hooked")
    assert london.flush()
    assert wales.flush()
    clock.day = first_day + timedelta(days=1)
    london.record(EventKind.STAGE_VIEWED, "hooked")
    london.record(EventKind.FALLBACK)
    london.record(EventKind.WALKTHROUGH_COMPLETED)
    london.close()
    wales.close()
    next_day = clock.day
    assert stored(db_url) == {
        (first_day, "London", "stage_viewed", "hooked"): 1,
        (first_day, "London", "stage_viewed", "trapped"): 1,
        (first_day, "London", "topic_viewed", "hooked"): 1,
        (first_day, "Wales", "stage_viewed", "hooked"): 1,
        (next_day, "London", "stage_viewed", "hooked"): 1,
        (next_day, "London", "fallback", ""): 1,
        (next_day, "London", "walkthrough_completed", ""): 1,
    }


def test_the_database_holds_only_daily_counters(db_url: str, clock: Clock) -> None:
    recorder = make_recorder(db_url, clock)
    recorder.record(EventKind.SERVICE_SHOWN, "childline")
    recorder.close()
    inspector = inspect(create_insights_engine(db_url))
    assert set(inspector.get_table_names()) == {"daily_counts", "schema_version"}
    columns = {column["name"]: column for column in inspector.get_columns("daily_counts")}
    assert list(columns) == ["day", "region", "kind", "key", "count"]
    assert str(columns["day"]["type"]) == "DATE"
    assert all(str(columns[name]["type"]) == "TEXT" for name in ("region", "kind", "key"))
    assert str(columns["count"]["type"]) == "INTEGER"
    primary_key = inspector.get_pk_constraint("daily_counts")["constrained_columns"]
    assert primary_key == ["day", "region", "kind", "key"]
    assert [column["name"] for column in inspector.get_columns("schema_version")] == ["version"]


def test_free_text_is_refused_and_nothing_is_written(
    tmp_path: Path, db_url: str, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    message = "my uncle makes me carry packages"
    recorder = make_recorder(db_url, clock)
    recorder.record(EventKind.STAGE_VIEWED, message)
    recorder.record(EventKind.DISCLOSURE, "Sam, 14, from Leeds")
    recorder.record(EventKind.FALLBACK, "what")
    recorder.record("stage_viewed", "hooked")  # type: ignore[arg-type]
    assert recorder.flush()
    recorder.close()
    assert nothing_written(db_url)
    warnings = [entry.getMessage() for entry in caplog.records if entry.name == RECORDER_LOGGER]
    assert len(warnings) == 4
    assert "stage_viewed" in warnings[0]
    assert not any(word in text for text in warnings for word in ("uncle", "Sam", "what"))


def test_the_local_date_is_used_by_default(db_url: str) -> None:
    recorder = Recorder(Settings(db_url, "London"))
    recorder.record(EventKind.FALLBACK)
    recorder.close()
    assert list(stored(db_url)) in (
        [(date.today(), "London", "fallback", "")],
        [(date.today() - timedelta(days=1), "London", "fallback", "")],  # run at midnight
    )


@pytest.mark.parametrize("url_kind", ["missing folder", "not a database"])
def test_a_database_that_cannot_be_opened_is_logged_once_and_never_raises(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture, url_kind: str
) -> None:
    if url_kind == "missing folder":
        url = f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'insights.sqlite3'}"
    else:
        not_a_database = tmp_path / "insights.sqlite3"
        not_a_database.write_bytes(b"this is not a database\n" * 200)
        url = f"sqlite:///{not_a_database}"
    recorder = make_recorder(url, clock, batch_size=10)
    for round_ in range(3):
        for _ in range(100):
            recorder.record(EventKind.STAGE_VIEWED, "hooked")
        assert recorder.flush() is False, f"round {round_}"
    recorder.close()
    errors = [entry for entry in caplog.records if entry.levelno >= logging.ERROR]
    assert len(errors) == 1
    message = errors[0].getMessage()
    assert str(tmp_path) in message
    assert ("OperationalError" if url_kind == "missing folder" else "DatabaseError") in message
    assert "hooked" not in message


def test_an_unusable_data_folder_is_logged_once_and_never_raises(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    a_file = tmp_path / "a_file"
    a_file.write_text("")
    folder = a_file / "data"  # cannot be created: its parent is a file
    recorder = Recorder(
        Settings(f"sqlite:///{folder / 'insights.sqlite3'}", "London", create_folder=folder),
        today=clock,
    )
    for _ in range(50):
        recorder.record(EventKind.FALLBACK)
    assert recorder.flush() is False
    recorder.close()
    errors = [entry.getMessage() for entry in caplog.records if entry.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "NotADirectoryError" in errors[0]


def test_the_logged_url_hides_the_password(clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    # Port 9 on localhost: nothing listens, so the connection is refused at once.
    recorder = make_recorder("postgresql://insights:s3cret@127.0.0.1:9/insights", clock)
    recorder.record(EventKind.FALLBACK)
    assert recorder.flush(timeout=20) is False
    recorder.close()
    errors = [entry.getMessage() for entry in caplog.records if entry.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "insights:***@127.0.0.1:9" in errors[0]
    assert "s3cret" not in errors[0]


def test_counts_are_kept_through_an_outage_and_logged_again_only_after_recovery(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=RECORDER_LOGGER)
    folder = tmp_path / "later"
    url = f"sqlite:///{folder / 'insights.sqlite3'}"
    recorder = make_recorder(url, clock)
    for _ in range(3):
        recorder.record(EventKind.TOPIC_VIEWED, "gaming")
    assert recorder.flush() is False
    folder.mkdir()
    recorder.record(EventKind.TOPIC_VIEWED, "gaming")
    assert recorder.flush()
    assert stored(url) == {(clock.day, "London", "topic_viewed", "gaming"): 4}
    (folder / "insights.sqlite3").write_bytes(b"broken\n" * 200)
    recorder.record(EventKind.TOPIC_VIEWED, "gaming")
    assert recorder.flush() is False
    recorder.close()
    levels = [entry.levelname for entry in caplog.records if entry.name == RECORDER_LOGGER]
    assert levels == ["ERROR", "INFO", "ERROR"]


def test_a_full_queue_drops_and_counts_instead_of_waiting(
    db_url: str, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing, may_write = threading.Event(), threading.Event()
    prepared_engine = recorder_module._prepared_engine

    def slow_database(settings: Settings) -> object:
        writing.set()
        may_write.wait(10)
        return prepared_engine(settings)

    monkeypatch.setattr(recorder_module, "_prepared_engine", slow_database)
    recorder = make_recorder(db_url, clock, max_queued=2)
    recorder.record(EventKind.STAGE_VIEWED, "hooked")
    assert writing.wait(10)
    started = time.monotonic()
    for _ in range(1_000):
        recorder.record(EventKind.STAGE_VIEWED, "hooked")
    assert time.monotonic() - started < 1.0
    assert recorder.dropped == 998
    may_write.set()
    recorder.close()
    assert stored(db_url) == {(clock.day, "London", "stage_viewed", "hooked"): 3}


def test_another_schema_version_is_a_clear_error(db_url: str, clock: Clock) -> None:
    seed(db_url, {})
    engine = create_insights_engine(db_url)
    with engine.begin() as connection:
        connection.execute(update(store.schema_version).values(version=99))
    recorder = make_recorder(db_url, clock)
    with pytest.raises(SchemaVersionError) as error:
        recorder.check_database()
    recorder.close()
    message = str(error.value)
    assert "schema version 99" in message
    assert f"uses version {store.SCHEMA_VERSION}" in message
    assert "not migrated automatically" in message
    assert "INSIGHTS_DB_URL" in message


def test_another_schema_version_is_never_written_to(
    db_url: str, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    seed(db_url, {})
    with create_insights_engine(db_url).begin() as connection:
        connection.execute(update(store.schema_version).values(version=2))
    recorder = make_recorder(db_url, clock)
    recorder.record(EventKind.FALLBACK)
    assert recorder.flush() is False
    recorder.close()
    assert stored(db_url) == {}
    errors = [entry.getMessage() for entry in caplog.records if entry.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "schema version 2" in errors[0]


def test_the_portable_upsert_matches_the_dialect_one(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_UPSERT_INSERTS", {})
    day = date(2024, 1, 1)
    engine = create_insights_engine(db_url)
    for _ in range(2):
        with engine.begin() as connection:
            prepare(connection)
            add_counts(
                connection,
                {
                    CounterKey(day, "Wales", "fallback", ""): 2,
                    CounterKey(day, "Wales", "topic_viewed", "gaming"): 3,
                },
            )
    assert stored(db_url) == {
        (day, "Wales", "fallback", ""): 4,
        (day, "Wales", "topic_viewed", "gaming"): 6,
    }


def test_the_default_recorder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data))
    monkeypatch.setenv("INSIGHTS_REGION", "yorkshire-and-the-humber")
    monkeypatch.delenv("INSIGHTS_DB_URL", raising=False)
    record(EventKind.PRIVACY_NUDGE, "phone")
    record(EventKind.PRIVACY_NUDGE, "phone")
    assert recorder_module.recorder().flush()
    close_recorder()
    url = f"sqlite:///{data / 'insights.sqlite3'}"
    assert list(stored(url).items()) == [
        ((date.today(), "Yorkshire and the Humber", "privacy_nudge", "phone"), 2)
    ]


def test_start_fails_fast_on_a_bad_region_but_record_does_not(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("INSIGHTS_REGION", "Narnia")
    with pytest.raises(InsightsError, match=r"INSIGHTS_REGION: 'Narnia' is not a region.*Wales"):
        start()
    for _ in range(10):
        record(EventKind.FALLBACK)
    errors = [entry.getMessage() for entry in caplog.records if entry.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "Narnia" in errors[0]


def test_start_prepares_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'insights.sqlite3'}"
    monkeypatch.setenv("INSIGHTS_DB_URL", url)
    monkeypatch.delenv("INSIGHTS_REGION", raising=False)
    assert start().settings == Settings(url, "unset")
    assert stored(url) == {}


def test_start_refuses_an_unusable_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSIGHTS_DB_URL", "nosuchdatabase://someone:s3cret@host/db")
    with pytest.raises(InsightsError, match="INSIGHTS_DB_URL is not a usable") as error:
        start()
    assert "s3cret" not in str(error.value)
