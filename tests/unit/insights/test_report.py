"""The report: weekly counts, small numbers suppressed, as CSV or a self-contained HTML page."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, update

from bot.cli import main
from bot.insights import store
from bot.insights.report import (
    CSV_COLUMNS,
    ReportRequest,
    build_report,
    parse_request,
    suppress,
    week_starting,
)
from bot.insights.store import create_insights_engine

from .support import seed

MONDAY = date(2024, 1, 1)  # 1 January 2024 was a Monday


def day(number: int) -> date:
    """A day of January 2024."""
    return date(2024, 1, number)


def report_rows(url: str, start: date, end: date, region: str | None = None) -> list[list[str]]:
    text = build_report(url, ReportRequest(start, end, region, "csv"))
    return list(csv.reader(io.StringIO(text)))


def run_cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["insights", "report", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, "0"), (1, "<5"), (2, "<5"), (4, "<5"), (5, "5"), (6, "6"), (123, "123")],
)
def test_counts_from_one_to_four_are_suppressed(count: int, shown: str) -> None:
    assert suppress(count) == shown


def test_weeks_start_on_monday() -> None:
    assert week_starting(day(1)) == MONDAY
    assert week_starting(day(7)) == MONDAY  # Sunday
    assert week_starting(day(8)) == day(8)
    assert week_starting(date(2023, 12, 31)) == date(2023, 12, 25)


def test_the_csv_has_one_row_per_week_event_and_key(db_url: str) -> None:
    seed(
        db_url,
        {
            (day(1), "London", "stage_viewed", "hooked"): 3,
            (day(3), "London", "stage_viewed", "hooked"): 1,
            (day(7), "Wales", "stage_viewed", "hooked"): 1,
            (day(8), "London", "stage_viewed", "hooked"): 4,
            (day(9), "London", "disclosure", "online_grooming"): 12,
            (day(9), "London", "fallback", ""): 2,
        },
    )
    assert report_rows(db_url, day(1), day(31)) == [
        list(CSV_COLUMNS),
        ["2024-01-01", "All regions", "stage_viewed", "hooked", "5"],
        ["2024-01-08", "All regions", "stage_viewed", "hooked", "<5"],
        ["2024-01-08", "All regions", "disclosure", "online_grooming", "12"],
        ["2024-01-08", "All regions", "fallback", "", "<5"],
    ]


def test_suppression_applies_to_what_is_shown_not_to_each_region(db_url: str) -> None:
    seed(
        db_url,
        {
            (day(2), "London", "disclosure", "self_harm"): 3,
            (day(2), "Wales", "disclosure", "self_harm"): 2,
            (day(2), "London", "disclosure", "missing"): 4,
        },
    )
    everywhere = report_rows(db_url, day(1), day(7))
    assert [row[3:] for row in everywhere[1:]] == [["missing", "<5"], ["self_harm", "5"]]
    london = report_rows(db_url, day(1), day(7), region="London")
    assert [row[1:] for row in london[1:]] == [
        ["London", "disclosure", "missing", "<5"],
        ["London", "disclosure", "self_harm", "<5"],
    ]


def test_the_date_range_includes_both_ends(db_url: str) -> None:
    seed(
        db_url,
        {
            (date(2023, 12, 31), "London", "topic_viewed", "gaming"): 100,
            (day(3), "London", "topic_viewed", "gaming"): 5,
            (day(7), "London", "topic_viewed", "gaming"): 6,
            (day(14), "London", "topic_viewed", "gaming"): 7,
            (day(15), "London", "topic_viewed", "gaming"): 200,
        },
    )
    rows = report_rows(db_url, day(3), day(14))
    # The first week is labelled by its Monday, before --from, but counts only days from --from.
    assert [(row[0], row[4]) for row in rows[1:]] == [("2024-01-01", "11"), ("2024-01-08", "7")]


def test_a_region_filter_counts_that_region_only(db_url: str) -> None:
    seed(
        db_url,
        {
            (day(2), "London", "service_shown", "childline"): 9,
            (day(2), "Yorkshire and the Humber", "service_shown", "childline"): 20,
            (day(2), "unset", "service_shown", "childline"): 40,
        },
    )
    request = parse_request("2024-01-01", "2024-01-07", "yorkshire-and-the-humber", "csv")
    assert request.region == "Yorkshire and the Humber"
    rows = list(csv.reader(io.StringIO(build_report(db_url, request))))
    assert rows[1:] == [
        ["2024-01-01", "Yorkshire and the Humber", "service_shown", "childline", "20"]
    ]
    assert report_rows(db_url, day(1), day(7))[1][4] == "69"


def test_an_empty_period_is_just_the_header(db_url: str) -> None:
    seed(db_url, {(day(2), "London", "fallback", ""): 9})
    assert report_rows(db_url, date(2024, 2, 1), date(2024, 2, 29)) == [list(CSV_COLUMNS)]


@pytest.fixture
def html(db_url: str) -> str:
    seed(
        db_url,
        {
            (day(2), "London", "disclosure", "online_grooming"): 7,
            (day(2), "London", "disclosure", "image_abuse"): 3,
            (day(9), "London", "disclosure", "online_grooming"): 5,
            (day(2), "London", "stage_viewed", "hooked"): 40,
            (day(10), "London", "topic_viewed", "knife_crime"): 11,
            (day(10), "London", "privacy_nudge", "phone"): 1,
        },
    )
    # Written by hand, not by the recorder (which would refuse it): the page must still be safe.
    engine = create_insights_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            insert(store.daily_counts).values(
                day=day(3), region="London", kind="service_shown", key="<b>x</b>&", count=8
            )
        )
    engine.dispose()
    return build_report(db_url, parse_request("2024-01-01", "2024-01-14", "London", "html"))


def test_the_html_report_has_the_tables_and_suppression(html: str) -> None:
    assert "<table>" in html
    assert '<td>online_grooming</td><td class="count">7</td>' in html
    assert '<td>image_abuse</td><td class="count">&lt;5</td>' in html
    assert '<td>phone</td><td class="count">&lt;5</td>' in html
    assert '<td>hooked</td><td class="count">40</td>' in html
    for heading in ("Disclosures by category", "Stages viewed", "Topics viewed", "Privacy nudges"):
        assert f"<h2>{heading}</h2>" in html
    assert "From <strong>2024-01-01</strong> to <strong>2024-01-14</strong>" in html
    assert "Region: <strong>London</strong>" in html


def test_the_html_report_explains_what_the_data_holds(html: str) -> None:
    assert "Any count from 1 to 4 is shown as “&lt;5”" in html
    assert "so that no individual young person can be singled out" in html
    assert "no message text" in html
    assert "no user or conversation ids" in html
    assert "no times finer than a day" in html
    assert "left out of the chart" in html


def test_the_html_report_is_self_contained_with_inline_charts(html: str) -> None:
    assert html.count("<svg ") == 2
    assert "<script" not in html.lower()
    assert "<img" not in html and "<link" not in html and "@import" not in html
    assert "src=" not in html
    assert 'href="http' not in html and 'xlink:href="http' not in html


def test_the_html_charts_leave_suppressed_values_out(html: str) -> None:
    disclosures = html[html.index('aria-label="Disclosures') : html.index("</svg>")]
    assert "online_grooming" in disclosures
    assert "image_abuse" not in disclosures


def test_the_html_report_escapes_what_it_shows(html: str) -> None:
    assert "&lt;b&gt;x&lt;/b&gt;&amp;" in html
    assert "<b>x</b>" not in html


def test_cli_writes_csv_to_stdout(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_url, {(day(2), "Wales", "fallback", ""): 6})
    status, out, err = run_cli(capsys, "--from", "2024-01-01", "--to", "2024-01-07", "--db", db_url)
    assert (status, err) == (0, "")
    assert out == "week_starting,region,event,key,count\n2024-01-01,All regions,fallback,,6\n"


def test_cli_writes_html_to_a_file(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_url, {(day(2), "Wales", "stage_viewed", "trapped"): 6})
    out_file = tmp_path / "reports" / "january.html"
    status, out, _ = run_cli(
        capsys, "--from", "2024-01-01", "--to", "2024-01-31", "--region", "wales",
        "--format", "html", "--out", str(out_file), "--db", db_url,
    )  # fmt: skip
    assert status == 0
    assert str(out_file) in out
    assert "<td>trapped</td>" in out_file.read_text(encoding="utf-8")


def test_cli_reads_the_database_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INSIGHTS_DB_URL", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    seed(f"sqlite:///{tmp_path / 'insights.sqlite3'}", {(day(2), "Wales", "fallback", ""): 6})
    status, out, _ = run_cli(capsys, "--from", "2024-01-01", "--to", "2024-01-07")
    assert status == 0
    assert out.endswith("fallback,,6\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "2024-13-01", "--to", "2024-12-31"], "--from '2024-13-01' is not a date"),
        (["--from", "1 Jan", "--to", "2024-12-31"], "write it as YYYY-MM-DD"),
        (["--from", "2024-01-01", "--to", "tomorrow"], "--to 'tomorrow' is not a date"),
        (
            ["--from", "2024-02-01", "--to", "2024-01-31"],
            "--from 2024-02-01 is after --to 2024-01-31",
        ),
        (
            ["--from", "2024-01-01", "--to", "2024-01-31", "--region", "Gotham"],
            "--region: 'Gotham' is not a region. Use one of: North East, North West, Yorkshire",
        ),
        (
            ["--from", "2024-01-01", "--to", "2024-01-31", "--format", "pdf"],
            "unknown format 'pdf': use one of csv, html",
        ),
    ],
)
def test_cli_bad_input_is_one_clear_line_and_status_2(
    db_url: str, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    seed(db_url, {})
    status, out, err = run_cli(capsys, *arguments, "--db", db_url)
    assert status == 2
    assert out == ""
    assert err.startswith("error: ")
    assert message in err
    assert err.count("\n") == 1


def test_cli_says_when_nothing_was_recorded_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.sqlite3"
    status, _, err = run_cli(
        capsys, "--from", "2024-01-01", "--to", "2024-01-31", "--db", f"sqlite:///{missing}"
    )
    assert status == 2
    assert err == f"error: no insights recorded yet at {missing}\n"
    assert not missing.exists()


def test_cli_says_when_a_database_has_no_insights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite3"
    create_insights_engine(f"sqlite:///{empty}").connect().close()
    status, _, err = run_cli(
        capsys, "--from", "2024-01-01", "--to", "2024-01-31", "--db", f"sqlite:///{empty}"
    )
    assert status == 2
    assert err.startswith("error: no insights recorded yet at sqlite:///")


def test_cli_says_when_the_database_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database\n" * 200)
    status, _, err = run_cli(
        capsys, "--from", "2024-01-01", "--to", "2024-01-31", "--db", f"sqlite:///{garbage}"
    )
    assert status == 2
    assert err.startswith("error: cannot read insights at sqlite:///")
    assert "DatabaseError" in err
    assert err.count("\n") == 1


def test_cli_refuses_another_schema_version(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_url, {})
    with create_insights_engine(db_url).begin() as connection:
        connection.execute(update(store.schema_version).values(version=7))
    status, _, err = run_cli(capsys, "--from", "2024-01-01", "--to", "2024-01-31", "--db", db_url)
    assert status == 2
    assert "has schema version 7, but this code uses version 1" in err
