"""Moving the counts to another database (SQLite to SQLite, and to a real PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.insights.copy import CopyError, copy_counts

from .support import seed, stored

COUNTS = {
    (date(2024, 3, 4), "London", "stage_viewed", "hooked"): 7,
    (date(2024, 3, 4), "London", "disclosure", "online_grooming"): 2,
    (date(2024, 3, 5), "Wales", "fallback", ""): 11,
}


@pytest.fixture
def source(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'instance-1.sqlite3'}"
    seed(url, COUNTS)
    return url


def test_every_counter_reaches_the_target(source: str, db_url: str) -> None:
    copied = copy_counts(source, db_url)
    assert (copied.counters, copied.events) == (3, 20)
    assert stored(db_url) == COUNTS
    assert stored(source) == COUNTS  # the source is left as it was


def test_copying_twice_is_refused_so_nothing_is_counted_twice(source: str, db_url: str) -> None:
    copy_counts(source, db_url)
    with pytest.raises(CopyError, match="already holds 3 of these counters"):
        copy_counts(source, db_url)
    assert stored(db_url) == COUNTS


def test_counts_from_another_instance_can_be_added(
    source: str, db_url: str, tmp_path: Path
) -> None:
    other = f"sqlite:///{tmp_path / 'instance-2.sqlite3'}"
    seed(other, {(date(2024, 3, 4), "London", "stage_viewed", "hooked"): 5})
    copy_counts(source, db_url)
    copy_counts(other, db_url, add_to_existing=True)
    assert stored(db_url)[(date(2024, 3, 4), "London", "stage_viewed", "hooked")] == 12


def test_a_source_with_no_insights_is_refused(tmp_path: Path, db_url: str) -> None:
    with pytest.raises(Exception, match="no insights recorded yet"):
        copy_counts(f"sqlite:///{tmp_path / 'missing.sqlite3'}", db_url)


def test_the_cli_copies_and_says_what_it_did(
    source: str, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["insights", "copy", "--from", source, "--to", db_url])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.startswith("Copied 3 counters (20 events) from sqlite:///")
    status = main(["insights", "copy", "--from", source, "--to", db_url])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.startswith("error: ") and "--add-to-existing" in err
    assert len(err.strip().splitlines()) == 1
