"""Event kinds, keys, regions and settings: what may be counted, and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.insights.events import (
    REGIONS,
    EventKind,
    InsightsError,
    Settings,
    is_valid_key,
    parse_region,
)
from bot.paths import DATA_DIR
from bot.safety.categories import CATEGORIES


def test_there_are_the_programmes_ten_regions() -> None:
    assert len(REGIONS) == 10
    assert "Yorkshire and the Humber" in REGIONS
    assert "Wales" in REGIONS


@pytest.mark.parametrize(
    ("value", "region"),
    [
        ("North East", "North East"),
        ("north east", "North East"),
        ("NORTH EAST", "North East"),
        ("north-east", "North East"),
        ("yorkshire-and-the-humber", "Yorkshire and the Humber"),
        ("Yorkshire and the Humber", "Yorkshire and the Humber"),
        ("  London ", "London"),
        ("wales", "Wales"),
        ("unset", "unset"),
        ("UNSET", "unset"),
    ],
)
def test_a_region_is_read_from_its_name_or_slug(value: str, region: str) -> None:
    assert parse_region(value) == region


@pytest.mark.parametrize("value", ["Scotland", "north_east", "northeast", "", "London!"])
def test_an_unknown_region_is_a_clear_error_listing_the_valid_ones(value: str) -> None:
    with pytest.raises(InsightsError) as error:
        parse_region(value)
    message = str(error.value)
    assert "is not a region" in message
    assert all(region in message for region in REGIONS)


def test_settings_default_to_sqlite_in_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("INSIGHTS_DB_URL", "INSIGHTS_REGION", "DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_environment()
    assert settings == Settings(
        f"sqlite:///{DATA_DIR / 'insights.sqlite3'}", "unset", create_folder=DATA_DIR
    )


def test_settings_follow_the_environment(tmp_path: Path) -> None:
    environ = {"DATA_DIR": str(tmp_path), "INSIGHTS_REGION": "south-west"}
    assert Settings.from_environment(environ) == Settings(
        f"sqlite:///{tmp_path / 'insights.sqlite3'}", "South West", create_folder=tmp_path
    )
    explicit = {"INSIGHTS_DB_URL": "postgresql://insights@db/insights", "DATA_DIR": str(tmp_path)}
    assert Settings.from_environment(explicit) == Settings(
        "postgresql://insights@db/insights", "unset", create_folder=None
    )


def test_a_bad_region_setting_names_the_variable() -> None:
    with pytest.raises(InsightsError, match=r"^INSIGHTS_REGION: 'Mordor' is not a region"):
        Settings.from_environment({"INSIGHTS_REGION": "Mordor"})


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        (EventKind.STAGE_VIEWED, "hooked"),
        (EventKind.WALKTHROUGH_COMPLETED, ""),
        (EventKind.TOPIC_VIEWED, "knife_crime"),
        (EventKind.SERVICE_SHOWN, "police_emergency"),
        (EventKind.SERVICE_SHOWN, "a" * 40),
        (EventKind.PRIVACY_NUDGE, "phone"),
        (EventKind.FALLBACK, ""),
        *((EventKind.DISCLOSURE, category) for category in CATEGORIES),
    ],
)
def test_identifiers_are_accepted(kind: EventKind, key: str) -> None:
    assert is_valid_key(kind, key)


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        (EventKind.STAGE_VIEWED, "I'm scared, he has my photos"),
        (EventKind.STAGE_VIEWED, "Hooked"),
        (EventKind.TOPIC_VIEWED, "call me on 07700900123"),
        (EventKind.TOPIC_VIEWED, "he has my photos"),
        (EventKind.PRIVACY_NUDGE, "07700900123"),
        (EventKind.SERVICE_SHOWN, "a" * 41),
        (EventKind.PRIVACY_NUDGE, "sam@example.com"),
        (EventKind.PRIVACY_NUDGE, "line\nbreak"),
        (EventKind.DISCLOSURE, "he hit me"),
        (EventKind.DISCLOSURE, "hooked"),
        (EventKind.FALLBACK, "what does this mean"),
        (EventKind.STAGE_VIEWED, None),
        (EventKind.STAGE_VIEWED, 7),
    ],
)
def test_anything_like_free_text_is_refused(kind: EventKind, key: object) -> None:
    assert not is_valid_key(kind, key)
