"""No log line holds message text, whatever library writes it and however logging is set up."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from bot import log_privacy

SECRET = "my uncle Dave keeps hitting me"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """A handler added after install(), as Rasa and coloredlogs add theirs."""
    log_privacy.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root, ours = logging.getLogger(), logging.getLogger("tests.log_privacy")
    levels = root.level, ours.level
    root.addHandler(handler)
    # Loading Rasa elsewhere in the session may have quietened loggers; these tests need all.
    root.setLevel(logging.DEBUG)
    ours.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        ours.setLevel(levels[1])


@pytest.fixture
def own_structlog() -> Iterator[None]:
    """Tests here configure structlog themselves; put back what was there."""
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


@pytest.mark.parametrize(
    "line",
    [
        f"Contents of ignored event: '{{'event': 'user', 'text': '{SECRET}'}}'",
        f'{{"event": "processor.message.parse", "parse_data_text": "{SECRET}"}}',
        f"UserUttered(text='{SECRET}', intent=greet)",
        f'{{"message": "{SECRET}", "level": "debug"}}',
    ],
)
def test_stdlib_log_lines_lose_their_text_fields(captured: io.StringIO, line: str) -> None:
    logging.getLogger("tests.log_privacy").debug("%s", line)
    written = captured.getvalue()
    assert SECRET not in written
    assert log_privacy.REMOVED in written


def test_log_lines_without_text_are_untouched(captured: io.StringIO) -> None:
    logging.getLogger("tests.log_privacy").info(
        "Predicted next action '%s' with confidence %.2f.", "x", 1
    )
    assert "Predicted next action 'x' with confidence 1.00." in captured.getvalue()


def test_structlog_fields_that_hold_text_are_blanked(
    captured: io.StringIO, own_structlog: None
) -> None:
    structlog.configure(
        processors=[structlog.processors.JSONRenderer()],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    log_privacy.install()
    structlog.get_logger("tests.log_privacy").info(
        "processor.message.parse", parse_data_text=SECRET, user_text=SECRET, intent="greet"
    )
    logged = json.loads(captured.getvalue().strip())
    assert logged["event"] == "processor.message.parse"
    assert logged["parse_data_text"] == logged["user_text"] == log_privacy.REMOVED
    assert logged["intent"] == "greet"


def test_exceptions_are_logged_without_local_variables(
    captured: io.StringIO, own_structlog: None
) -> None:
    structlog.configure(
        processors=[structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    log_privacy.install()

    def fails(text: str) -> None:
        raise RuntimeError("the action server went away")

    try:
        fails(SECRET)
    except RuntimeError:
        structlog.get_logger("tests.log_privacy").exception("rest.message.received.failure")
    written = captured.getvalue()
    assert "the action server went away" in written
    assert SECRET not in written


def test_installing_twice_adds_each_hook_once() -> None:
    log_privacy.install()
    log_privacy.install()
    processors = structlog.get_config()["processors"]
    assert processors.count(log_privacy.scrub_event_dict) == 1
