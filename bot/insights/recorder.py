"""Recording insight without ever slowing or breaking a reply.

`record(kind, key)` only checks the key and puts the event on a bounded in-memory queue; a daemon
thread adds the queued events up and writes them in batches. When the queue is full the event is
dropped and counted. When the database cannot be written, the counts stay in memory (up to a limit)
and are tried again later, and the failure is logged once, not once per event: again only after it
has recovered and failed anew. Log messages never hold a key, only the event kind, the exception's
class and the database URL with its password hidden.

Actions call the module-level `record(EventKind.STAGE_VIEWED, "hooked")`; the action server may call
`start()` when it starts, to fail fast on a bad INSIGHTS_REGION or a database of another version.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from sqlalchemy.engine import Engine  # type: ignore[import-untyped]
from sqlalchemy.exc import (  # type: ignore[import-untyped]
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)

from bot.insights.events import (
    DB_URL_VARIABLE,
    EventKind,
    InsightsError,
    Settings,
    is_valid_key,
)
from bot.insights.store import (
    CounterKey,
    SchemaVersionError,
    add_counts,
    create_insights_engine,
    hide_password,
    prepare,
)

_log = logging.getLogger(__name__)

MAX_QUEUED: Final = 10_000
BATCH_SIZE: Final = 1_000
# Counters kept while the database is unavailable; each is one (day, kind, key), so this is many
# days of a busy deployment, and bounds memory if an outage lasts.
MAX_PENDING_COUNTERS: Final = 10_000
# How long to wait before trying a failing database again, so an outage does not cost a connection
# attempt per batch.
RETRY_SECONDS: Final = 30.0
EXIT_FLUSH_SECONDS: Final = 2.0


@dataclass(frozen=True)
class _Event:
    day: date
    kind: str
    key: str


@dataclass
class _FlushRequest:
    done: threading.Event = field(default_factory=threading.Event)
    written: bool = False


_STOP: Final = object()


class _FailureLog:
    """Logs a database failure once, and once more only after a recovery. Shared by the start-up
    check and the writer thread, hence the lock."""

    def __init__(self, database_url: str) -> None:
        self._where = hide_password(database_url)
        self._failing = False
        self._lock = threading.Lock()

    def failed(self, error: Exception) -> None:
        with self._lock:
            if self._failing:
                return
            self._failing = True
        if isinstance(error, SchemaVersionError):
            # Our own message: it names the versions and the URL with the password hidden.
            _log.error("Insights are not being recorded. %s", error)
            return
        _log.error(
            "Insights could not be written to %s (%s). Replies are unaffected; the counts are "
            "kept in memory and tried again.",
            self._where,
            type(error).__name__,
        )

    def succeeded(self) -> None:
        with self._lock:
            if not self._failing:
                return
            self._failing = False
        _log.info("Insights are being written to %s again.", self._where)


class _Writer:
    """The writer thread's state: counts not yet written, and the engine once it is ready."""

    def __init__(self, settings: Settings, failures: _FailureLog) -> None:
        self._settings = settings
        self._failures = failures
        self._pending: Counter[CounterKey] = Counter()
        self._engine: Engine | None = None
        self._next_attempt = 0.0

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def add(self, events: list[_Event]) -> int:
        """Add events to the pending counts; returns how many were dropped for lack of room."""
        dropped = 0
        for event in events:
            counter = CounterKey(event.day, self._settings.region, event.kind, event.key)
            if counter in self._pending or len(self._pending) < MAX_PENDING_COUNTERS:
                self._pending[counter] += 1
            else:
                dropped += 1
        return dropped

    def write(self, *, force: bool = False) -> bool:
        """Write the pending counts. Unless forced, a failing database is left alone for a while.
        Returns whether nothing is left pending."""
        if not self._pending:
            return True
        if not force and time.monotonic() < self._next_attempt:
            return False
        try:
            with self._ready_engine().begin() as connection:
                add_counts(connection, self._pending)
        except Exception as error:  # whatever the database does, the assistant carries on
            self._forget_engine()
            self._next_attempt = time.monotonic() + RETRY_SECONDS
            self._failures.failed(error)
            return False
        self._pending.clear()
        self._failures.succeeded()
        return True

    def close(self) -> None:
        self._forget_engine()

    def _ready_engine(self) -> Engine:
        if self._engine is None:
            engine = _prepared_engine(self._settings)
            self._engine = engine
        return self._engine

    def _forget_engine(self) -> None:
        # The next attempt connects afresh and checks the schema again.
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _prepared_engine(settings: Settings) -> Engine:
    if settings.create_folder is not None:
        settings.create_folder.mkdir(parents=True, exist_ok=True)
    engine = create_insights_engine(settings.database_url)
    try:
        _prepare_once_settled(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _prepare_once_settled(engine: Engine, attempts: int = 3) -> None:
    """Prepare the schema; if another instance is creating it at the same moment, look again."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as connection:
                prepare(connection)
            return
        except (OperationalError, IntegrityError):
            if attempt == attempts:
                raise
            time.sleep(0.1 * attempt)


class Recorder:
    """Counts events per day in the background, for one deployment's database and region."""

    def __init__(
        self,
        settings: Settings,
        *,
        today: Callable[[], date] = date.today,
        max_queued: int = MAX_QUEUED,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.settings = settings
        # The server's local date: insight is by day, and days are the programme's days.
        self._today = today
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max_queued)
        self._batch_size = batch_size
        self._failures = _FailureLog(settings.database_url)
        self._writer = _Writer(settings, self._failures)
        self._dropped = 0
        self._dropping = False
        self._drop_lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="insights-recorder", daemon=True)
        self._thread.start()

    @property
    def dropped(self) -> int:
        """Events dropped because the queue (or the counts kept during an outage) was full."""
        return self._dropped

    def record(self, kind: EventKind, key: str = "") -> None:
        """Count one event today. Returns at once and never raises; a key that is not a short
        identifier (see events.KEY_PATTERN) is refused with a warning naming only the kind."""
        try:
            self._record(kind, key)
        except Exception as error:  # recording must never break a reply
            _log.warning("Insights could not record an event (%s).", type(error).__name__)

    def _record(self, kind: EventKind, key: str) -> None:
        if not isinstance(kind, EventKind):
            _log.warning("Insights refused an event of an unknown kind.")
            return
        if not is_valid_key(kind, key):
            _log.warning("Insights refused a %s event whose key is not allowed.", kind.value)
            return
        if self._closed:
            return
        try:
            self._queue.put_nowait(_Event(self._today(), kind.value, key))
        except queue.Full:
            self._count_drops(1)

    def check_database(self) -> None:
        """Prepare the database now, from the calling thread, for a clear error at start-up.

        Raises InsightsError if INSIGHTS_DB_URL cannot be used at all or the database holds another
        schema version. A database that is merely unreachable is logged (once) and tried again
        later: the assistant must still start.
        """
        try:
            _prepared_engine(self.settings).dispose()
        except (ArgumentError, NoSuchModuleError, ImportError) as error:
            raise InsightsError(
                f"{DB_URL_VARIABLE} is not a usable database URL ({type(error).__name__}): "
                f"{hide_password(self.settings.database_url)}"
            ) from None
        except SchemaVersionError:
            raise
        except Exception as error:
            self._failures.failed(error)
            return
        self._failures.succeeded()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything recorded so far is written. Returns whether it was, in time."""
        if self._closed or not self._thread.is_alive():
            return False
        deadline = time.monotonic() + timeout
        request = _FlushRequest()
        try:
            self._queue.put(request, timeout=timeout)
        except queue.Full:
            return False
        finished = request.done.wait(max(0.0, deadline - time.monotonic()))
        return finished and request.written

    def close(self, timeout: float = 5.0) -> None:
        """Write what is left, then stop the writer thread. Later events are ignored."""
        if self._closed:
            return
        self._closed = True
        try:
            self._queue.put(_STOP, timeout=timeout)
        except queue.Full:
            return
        self._thread.join(timeout)

    def _count_drops(self, count: int) -> None:
        with self._drop_lock:
            self._dropped += count
            first = not self._dropping
            self._dropping = True
        if first:
            _log.warning("Insights are dropping events: too many are waiting to be written.")

    def _work(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=RETRY_SECONDS if self._writer.has_pending else None)
            except queue.Empty:
                self._writer.write()
                continue
            events, flushes, stop = self._take_batch(first)
            self._count_drops_if_any(self._writer.add(events))
            written = self._writer.write(force=bool(flushes) or stop)
            if written:
                self._dropping = False
            for request in flushes:
                request.written = written
                request.done.set()
            if stop:
                self._writer.close()
                return

    def _count_drops_if_any(self, dropped: int) -> None:
        if dropped:
            self._count_drops(dropped)

    def _take_batch(self, first: object) -> tuple[list[_Event], list[_FlushRequest], bool]:
        """The first item and whatever else is already queued, up to a batch."""
        events: list[_Event] = []
        flushes: list[_FlushRequest] = []
        item: object = first
        while True:
            if item is _STOP:
                return events, flushes, True
            if isinstance(item, _FlushRequest):
                flushes.append(item)
            elif isinstance(item, _Event):
                events.append(item)
            if len(events) >= self._batch_size:
                return events, flushes, False
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return events, flushes, False


# The recorder configured from the environment, created on first use.
_default: Recorder | None = None
_default_lock = threading.Lock()
_exit_flush_registered = False
_config_error_logged = False


def recorder() -> Recorder:
    """The deployment's recorder, from INSIGHTS_DB_URL, INSIGHTS_REGION and DATA_DIR.

    Raises InsightsError, listing the valid regions, if INSIGHTS_REGION is not one.
    """
    global _default, _exit_flush_registered
    with _default_lock:
        if _default is None:
            _default = Recorder(Settings.from_environment())
            if not _exit_flush_registered:
                atexit.register(_flush_at_exit)
                _exit_flush_registered = True
        return _default


def start() -> Recorder:
    """For the action server's start-up: create the recorder and prepare its database now.

    Raises InsightsError on a bad INSIGHTS_REGION or INSIGHTS_DB_URL, or a database of another
    schema version. An unreachable database is only logged: the assistant starts anyway.
    """
    started = recorder()
    started.check_database()
    return started


def record(kind: EventKind, key: str = "") -> None:
    """Count one event with the deployment's recorder. Returns at once and never raises."""
    try:
        chosen = recorder()
    except InsightsError as error:
        _log_config_error_once(error)
        return
    chosen.record(kind, key)


def close_recorder(timeout: float = 5.0) -> None:
    """Write what is left and forget the deployment's recorder (for shutdown and tests).
    The next use reads the environment again."""
    global _default, _config_error_logged
    with _default_lock:
        closing, _default = _default, None
        _config_error_logged = False
    if closing is not None:
        closing.close(timeout)


def _log_config_error_once(error: InsightsError) -> None:
    global _config_error_logged
    if not _config_error_logged:
        _config_error_logged = True
        _log.error("Insights are not being recorded. %s", error)


def _flush_at_exit() -> None:
    if _default is not None:
        _default.flush(EXIT_FLUSH_SECONDS)
