"""Anonymous insight: daily counts of what the assistant was used for, by region.

Only (day, region, event kind, key) -> count is kept: no sender id, no message text, no time finer
than a day, nothing per conversation. Plain Python and SQLAlchemy, no Rasa.

From an action::

    from bot.insights import EventKind, record

    record(EventKind.STAGE_VIEWED, "hooked")
    record(EventKind.DISCLOSURE, "online_grooming")
    record(EventKind.FALLBACK)

`record` returns at once and never raises. `python -m bot insights report` reports the counts by
week, with small numbers suppressed (bot/insights/report.py).
"""

from bot.insights.events import REGIONS, EventKind, InsightsError, Settings, parse_region

# recorder() (the deployment's Recorder) is not imported here: the name would hide the module.
from bot.insights.recorder import Recorder, close_recorder, record, start
from bot.insights.store import SchemaVersionError

__all__ = [
    "REGIONS",
    "EventKind",
    "InsightsError",
    "Recorder",
    "SchemaVersionError",
    "Settings",
    "close_recorder",
    "parse_region",
    "record",
    "start",
]
