"""What anonymous insight may count, and where: the event kinds, their keys, regions and settings.

Everything recorded is a daily counter: (day, region, event kind, key) -> count. A key is a short
identifier from content/ or the code (a stage id, a service id, a disclosure category), never
anything a young person typed, so keys are checked against a strict pattern before they are counted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Final

from bot.paths import DATA_DIR
from bot.safety.categories import CATEGORIES


class InsightsError(Exception):
    """Insight cannot be recorded or reported as configured. The message says why and what to do."""


class EventKind(str, Enum):
    """What happened. The value is what the database and the report hold."""

    STAGE_VIEWED = "stage_viewed"
    WALKTHROUGH_COMPLETED = "walkthrough_completed"
    TOPIC_VIEWED = "topic_viewed"
    DISCLOSURE = "disclosure"
    SERVICE_SHOWN = "service_shown"
    FALLBACK = "fallback"
    PRIVACY_NUDGE = "privacy_nudge"
    # A moment around telling was answered (key: trust, invite, feeling, fear, take_back...).
    MOMENT = "moment"
    # A joke touching self-harm or violence got a check-in (key: the category it touched, or "").
    CHECK_IN = "check_in"
    # A group session or a projected demo was started (key: session or demo). What happens in
    # one is not counted event by event, so demos don't distort what young people ask about.
    SESSION_RUN = "session_run"


SESSION_KINDS: Final = ("session", "demo")


# Short lowercase identifiers only (or nothing), starting with a letter. No spaces: with them a
# lowercase sentence ("he has my photos") would pass. No leading digit: a phone number can't pass.
KEY_PATTERN: Final = re.compile(r"(?:[a-z][a-z0-9_]{0,39})?")


def is_valid_key(kind: EventKind, key: object) -> bool:
    """Whether `key` may be counted for `kind`. Disclosures must name one of the ten categories
    and a fallback has no key, so those two cannot carry anything else even if it looks tidy."""
    if not isinstance(key, str) or KEY_PATTERN.fullmatch(key) is None:
        return False
    if kind is EventKind.DISCLOSURE:
        return key in CATEGORIES
    if kind is EventKind.FALLBACK:
        return key == ""
    if kind is EventKind.SESSION_RUN:
        return key in SESSION_KINDS
    if kind is EventKind.CHECK_IN:
        return key == "" or key in CATEGORIES
    return True


# The programme's ten policing regions, as the programme writes them.
REGIONS: Final[tuple[str, ...]] = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "Eastern",
    "London",
    "South East",
    "South West",
    "Wales",
)
UNSET_REGION: Final = "unset"


def _slug(name: str) -> str:
    return "-".join(name.lower().split())


_REGION_BY_SPELLING: Final[Mapping[str, str]] = {
    **{name.lower(): name for name in (*REGIONS, UNSET_REGION)},
    **{_slug(name): name for name in (*REGIONS, UNSET_REGION)},
}


def parse_region(value: str) -> str:
    """The region's display name from its name (any case) or slug ("yorkshire-and-the-humber")."""
    region = _REGION_BY_SPELLING.get(value.strip().lower())
    if region is None:
        raise InsightsError(
            f"{value!r} is not a region. Use one of: {', '.join(REGIONS)} "
            f"(or their slugs, such as {_slug(REGIONS[2])!r}), or {UNSET_REGION!r}."
        )
    return region


# Settings, all from the environment.
DB_URL_VARIABLE: Final = "INSIGHTS_DB_URL"
REGION_VARIABLE: Final = "INSIGHTS_REGION"
DATA_DIR_VARIABLE: Final = "DATA_DIR"
SQLITE_FILE_NAME: Final = "insights.sqlite3"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    return Path(environ[DATA_DIR_VARIABLE]) if environ.get(DATA_DIR_VARIABLE) else DATA_DIR


def default_database_path(environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(environ) / SQLITE_FILE_NAME


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """INSIGHTS_DB_URL, or the embedded SQLite file in the data folder."""
    environ = os.environ if environ is None else environ
    return environ.get(DB_URL_VARIABLE) or f"sqlite:///{default_database_path(environ)}"


@dataclass(frozen=True)
class Settings:
    """Where to record and which region this deployment serves."""

    database_url: str
    region: str
    # The folder to create before the first write: only the default data folder, because an
    # explicit INSIGHTS_DB_URL is the operator's to prepare.
    create_folder: Path | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Raises InsightsError, listing the valid regions, if INSIGHTS_REGION is not one."""
        environ = os.environ if environ is None else environ
        try:
            region = parse_region(environ.get(REGION_VARIABLE) or UNSET_REGION)
        except InsightsError as error:
            raise InsightsError(f"{REGION_VARIABLE}: {error}") from None
        if environ.get(DB_URL_VARIABLE):
            return cls(database_url(environ), region)
        return cls(database_url(environ), region, create_folder=data_dir(environ))
