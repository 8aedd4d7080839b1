"""Keeps what young people type out of every log line the servers write, at every log level.

Rasa logs message text, parse data, slot values and whole events at debug level, and dumps local
variables with exception tracebacks. Two hooks catch all of it, whoever configures logging and
whenever handlers are replaced:

- a structlog processor, first in Rasa's chain, that blanks every field which can hold message
  text and turns exceptions into plain tracebacks (which never show local variables);
- a log record factory that blanks text-bearing fields in every stdlib log line (dict and JSON
  dumps of events), for libraries that log without structlog.

`install()` is called when bot.rasa_ext or bot.actions is imported, so it runs in the Rasa server
and the action server before either sees a message. This module imports neither Rasa nor spaCy,
so the action server stays light.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, MutableMapping
from typing import Any

import structlog

REMOVED = "[removed]"

# Rasa's own list of structlog fields that may hold what someone typed
# (rasa/utils/log_utils.py, _anonymizer), and a few more it logs at debug level.
TEXT_FIELDS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
        "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
        "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
        "entity", "token_text", "user_message", "json_message", "events", "event", "tracker",
        "entities", "value", "slot_value", "data", "metadata", "parse_data", "utterance",
    }
)  # fmt: skip
# structlog's event name (the first argument of every call) is always a fixed dotted name.
_STRUCTLOG_KEPT = frozenset({"event", "log_level", "level", "timestamp", "logger"})

# "text": "...", 'text': '...' or text='...' inside a formatted log line.
_FIELD_NAMES = "|".join(sorted(TEXT_FIELDS - {"event"}, key=len, reverse=True))
_QUOTED_FIELD = re.compile(
    rf"""(?P<key>["']?(?:{_FIELD_NAMES})["']?\s*[:=]\s*)"""
    r"""(?P<quote>["'])(?:\\.|(?!(?P=quote)).)*(?P=quote)""",
    re.DOTALL,
)


def scrub_line(line: str) -> str:
    """A log line with the values of text-bearing fields replaced by [removed]."""
    return _QUOTED_FIELD.sub(lambda found: f'{found["key"]}"{REMOVED}"', line)


def scrub_event_dict(
    logger: Any, method_name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """The structlog processor: blanks text fields and flattens exceptions (no local variables)."""
    for field in TEXT_FIELDS - _STRUCTLOG_KEPT:
        if field in event_dict:
            event_dict[field] = REMOVED
    exc_info = event_dict.pop("exc_info", None)
    if exc_info:
        error = exc_info[1] if isinstance(exc_info, tuple) else exc_info
        error = error if isinstance(error, BaseException) else None
        formatted = traceback.format_exception(error) if error else traceback.format_exc()
        event_dict["exception"] = scrub_line("".join(formatted))
    return event_dict


def install() -> None:
    """Add both hooks, once per process."""
    _add_structlog_processor()
    _wrap_log_record_factory()


def _add_structlog_processor() -> None:
    # Changed in place: Rasa's loggers bind this very list when they are first used.
    processors: list[Any] = structlog.get_config()["processors"]
    if scrub_event_dict not in processors:
        processors.insert(0, scrub_event_dict)


def _wrap_log_record_factory() -> None:
    current = logging.getLogRecordFactory()
    if getattr(current, "scrubs_message_text", False):
        return

    def scrubbing_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        _scrub_record(record)
        return record

    scrubbing: Callable[..., logging.LogRecord] = scrubbing_factory
    scrubbing.scrubs_message_text = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(scrubbing)


def _scrub_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # a malformed call; logging reports it itself
        return
    scrubbed = scrub_line(message)
    if scrubbed != message:
        record.msg, record.args = scrubbed, None
