"""The insight report: counts by ISO week, event kind and key, with small numbers suppressed.

`python -m bot insights report --from 2024-01-01 --to 2024-03-31 --format html --out report.html`

Weeks are labelled by their Monday. Any count from 1 to 4 is shown as "<5" (and left out of the
charts) so that no young person can be singled out; no totals are shown, because a total would
give a suppressed count away. The HTML page is self-contained: inline CSS and inline SVG charts,
no scripts and no requests to anywhere.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Final

from sqlalchemy import func, select  # type: ignore[import-untyped]
from sqlalchemy.engine import Engine  # type: ignore[import-untyped]
from sqlalchemy.exc import SQLAlchemyError  # type: ignore[import-untyped]

from bot.insights.events import REGIONS, UNSET_REGION, EventKind, InsightsError, parse_region
from bot.insights.store import (
    check_schema,
    daily_counts,
    open_for_reading,
    unreadable,
)

FORMATS: Final = ("csv", "html")
ALL_REGIONS: Final = "All regions"
CSV_COLUMNS: Final = ("week_starting", "region", "event", "key", "count")
# Counts below this (but above zero) are never shown exactly.
SMALLEST_SHOWN: Final = 5
SUPPRESSED: Final = f"<{SMALLEST_SHOWN}"


class ReportError(InsightsError):
    """The report cannot be made as asked; the message is one line saying why."""


@dataclass(frozen=True)
class ReportRequest:
    start: date
    end: date
    # A region's display name, or None for all regions together.
    region: str | None
    format: str

    @property
    def region_label(self) -> str:
        return self.region or ALL_REGIONS


@dataclass(frozen=True)
class WeeklyCount:
    week_starting: date
    kind: str
    key: str
    count: int

    @property
    def shown(self) -> str:
        return suppress(self.count)

    @property
    def chartable(self) -> bool:
        return self.count >= SMALLEST_SHOWN


def suppress(count: int) -> str:
    """The count as it may be shown: "<5" for 1 to 4, so no individual can be singled out."""
    return SUPPRESSED if 0 < count < SMALLEST_SHOWN else str(count)


def week_starting(day: date) -> date:
    """The Monday of the day's ISO week."""
    return day - timedelta(days=day.weekday())


def parse_request(start: str, end: str, region: str | None, format: str) -> ReportRequest:
    """Check the command line's values; raises ReportError with a one-line reason."""
    first, last = _parse_day("--from", start), _parse_day("--to", end)
    if first > last:
        raise ReportError(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    if format not in FORMATS:
        raise ReportError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    return ReportRequest(first, last, _parse_region_option(region), format)


def _parse_day(option: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ReportError(f"{option} {value!r} is not a date: write it as YYYY-MM-DD") from None


def _parse_region_option(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_region(value)
    except InsightsError as error:
        raise ReportError(f"--region: {error}") from None


def build_report(database_url: str, request: ReportRequest) -> str:
    """The report as CSV or HTML text."""
    counts = weekly_counts(database_url, request)
    if request.format == "html":
        return render_html(request, counts)
    return render_csv(request, counts)


def weekly_counts(database_url: str, request: ReportRequest) -> list[WeeklyCount]:
    """Counts per (week, kind, key) over the request's days, in report order."""
    engine = open_for_reading(database_url)
    try:
        daily = _daily_totals(engine, request)
    finally:
        engine.dispose()
    by_week: defaultdict[tuple[date, str, str], int] = defaultdict(int)
    for day, kind, key, count in daily:
        by_week[(week_starting(day), kind, key)] += count
    counts = [WeeklyCount(week, kind, key, count) for (week, kind, key), count in by_week.items()]
    return sorted(counts, key=_report_order)


def _report_order(count: WeeklyCount) -> tuple[int, str, date, str]:
    return (_kind_position(count.kind), count.kind, count.week_starting, count.key)


def _kind_position(kind: str) -> int:
    values = [member.value for member in EventKind]
    return values.index(kind) if kind in values else len(values)


def _daily_totals(engine: Engine, request: ReportRequest) -> list[tuple[date, str, str, int]]:
    """Counts per (day, kind, key), summed over regions unless the request names one."""
    columns = daily_counts.c
    query = (
        select(columns.day, columns.kind, columns.key, func.sum(columns["count"]))
        .where(columns.day >= request.start, columns.day <= request.end)
        .group_by(columns.day, columns.kind, columns.key)
    )
    if request.region is not None:
        query = query.where(columns.region == request.region)
    try:
        with engine.connect() as connection:
            check_schema(connection)
            rows = connection.execute(query).all()
    except InsightsError as error:
        raise ReportError(str(error)) from None
    except SQLAlchemyError as error:
        raise unreadable(str(engine.url), error) from None
    return [(day, kind, key, int(count)) for day, kind, key, count in rows]


# CSV


def render_csv(request: ReportRequest, counts: Iterable[WeeklyCount]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for count in counts:
        writer.writerow(
            (
                count.week_starting.isoformat(),
                request.region_label,
                count.kind,
                count.key,
                count.shown,
            )
        )
    return out.getvalue()


# HTML

_TITLES: Final[Mapping[str, tuple[str, str]]] = {
    # kind: (section heading, key column heading)
    EventKind.STAGE_VIEWED.value: ("Stages viewed", "Stage"),
    EventKind.WALKTHROUGH_COMPLETED.value: ("Walkthroughs completed", "Walkthrough"),
    EventKind.TOPIC_VIEWED.value: ("Topics viewed", "Topic"),
    EventKind.DISCLOSURE.value: ("Disclosures by category", "Category"),
    EventKind.SERVICE_SHOWN.value: ("Services shown", "Service"),
    EventKind.FALLBACK.value: ("Messages not understood", "Key"),
    EventKind.PRIVACY_NUDGE.value: ("Privacy nudges", "Kind of detail"),
    EventKind.MOMENT.value: ("Moments around telling", "Moment"),
    EventKind.CHECK_IN.value: ("Check-ins after a joke", "Category"),
}

_STYLE: Final = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1b1b1b;
       margin: 0; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin-bottom: 0.25rem; }
.scope { font-size: 1.1rem; margin-top: 0; }
.about { background: #f3f2f1; border-left: 0.3rem solid #505a5f; padding: 0.75rem 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; min-width: 24rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.75rem; text-align: left; }
td.count, th.count { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 0.5rem 0 1.5rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #505a5f; }
"""


def render_html(request: ReportRequest, counts: Sequence[WeeklyCount]) -> str:
    by_kind: defaultdict[str, list[WeeklyCount]] = defaultdict(list)
    for count in counts:
        by_kind[count.kind].append(count)
    known = [kind.value for kind in EventKind]
    kinds = known + sorted(kind for kind in by_kind if kind not in known)
    title = (
        f"Anonymous insight, {request.start.isoformat()} to {request.end.isoformat()}, "
        f"{request.region_label}"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body><main>",
        "<h1>Anonymous insight</h1>",
        _scope(request),
        _explanation(request),
        _chart_section(
            "Disclosures by category, per week",
            by_kind[EventKind.DISCLOSURE.value],
            label_prefix={},
            id_prefix="disclosures-",
        ),
        _chart_section(
            "Stages and topics viewed, per week",
            by_kind[EventKind.STAGE_VIEWED.value] + by_kind[EventKind.TOPIC_VIEWED.value],
            label_prefix={
                EventKind.STAGE_VIEWED.value: "Stage: ",
                EventKind.TOPIC_VIEWED.value: "Topic: ",
            },
            id_prefix="views-",
        ),
        *(_table_section(kind, by_kind[kind]) for kind in kinds),
        "</main></body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _scope(request: ReportRequest) -> str:
    return (
        f'<p class="scope">From <strong>{escape(request.start.isoformat())}</strong> to '
        f"<strong>{escape(request.end.isoformat())}</strong> (both days included). "
        f"Region: <strong>{escape(request.region_label)}</strong>.</p>"
    )


def _explanation(request: ReportRequest) -> str:
    regions = (
        "added up over every region"
        if request.region is None
        else f"for the {escape(request.region)} region only"
    )
    if request.region == UNSET_REGION:
        regions = "for deployments whose region was not set"
    return (
        '<section class="about"><h2>About these numbers</h2><p>'
        "Each number is how many times something happened in the assistant during a week, "
        f"{regions}. Weeks are labelled by the Monday they start on; only days within the range "
        "are counted, so the first and last weeks may be partial. Any count from 1 to 4 is shown "
        f"as “{escape(SUPPRESSED)}” and left out of the charts, and no totals are given, so that "
        "no individual young person can be singled out. Weeks when nothing happened are not "
        "listed. The data holds no message text, no names, no user or conversation ids and no "
        "times finer than a day: only how many times each thing happened on each day, in each "
        f"region (one of {len(REGIONS)} policing regions, set for each deployment)."
        "</p></section>"
    )


def _table_section(kind: str, counts: Sequence[WeeklyCount]) -> str:
    heading, key_heading = _TITLES.get(kind, (kind, "Key"))
    parts = [f"<section><h2>{escape(heading)}</h2>"]
    if not counts:
        parts.append("<p>Nothing recorded in this period.</p></section>")
        return "\n".join(parts)
    parts.append(
        f'<table><thead><tr><th scope="col">Week starting</th><th scope="col">'
        f'{escape(key_heading)}</th><th scope="col" class="count">Count</th></tr></thead><tbody>'
    )
    parts.extend(
        f"<tr><td>{escape(count.week_starting.isoformat())}</td>"
        f"<td>{escape(count.key) or '&ndash;'}</td>"
        f'<td class="count">{escape(count.shown)}</td></tr>'
        for count in counts
    )
    parts.append("</tbody></table></section>")
    return "\n".join(parts)


def _chart_section(
    heading: str, counts: Sequence[WeeklyCount], label_prefix: Mapping[str, str], id_prefix: str
) -> str:
    weeks = sorted({count.week_starting for count in counts})
    series: defaultdict[str, dict[date, int]] = defaultdict(dict)
    for count in counts:
        if count.chartable:
            series[label_prefix.get(count.kind, "") + count.key][count.week_starting] = count.count
    parts = [f"<section><h2>{escape(heading)}</h2>"]
    if not series:
        parts.append(
            f"<p>Nothing to chart: every count in this period is under {SMALLEST_SHOWN} "
            "or none was recorded.</p></section>"
        )
        return "\n".join(parts)
    caption = (
        f"Counts under {SMALLEST_SHOWN} are left out of the chart, "
        "so a gap can mean a small number as well as none."
    )
    parts.append(
        f"<figure>{_line_chart_svg(heading, weeks, series, id_prefix)}"
        f"<figcaption>{escape(caption)}</figcaption></figure></section>"
    )
    return "\n".join(parts)


def _line_chart_svg(
    title: str, weeks: Sequence[date], series: Mapping[str, Mapping[date, int]], id_prefix: str
) -> str:
    """A chart of each series per week, as inline SVG. A missing week is a gap in the line,
    never a line drawn across it, so suppressed counts are not interpolated."""
    # Imported here: matplotlib is slow to import and only the HTML report needs it. Figure is
    # used without pyplot, so no GUI backend is chosen and no global state is touched.
    from matplotlib import rc_context  # type: ignore[import-untyped]
    from matplotlib.figure import Figure  # type: ignore[import-untyped]
    from matplotlib.ticker import MaxNLocator  # type: ignore[import-untyped]

    # Text as <text> (no embedded glyphs), and ids that do not change from run to run.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "insights"}):
        figure = Figure(figsize=(9, 4.5))
        axes = figure.add_subplot()
        positions = range(len(weeks))
        for number, (label, values) in enumerate(sorted(series.items())):
            axes.plot(
                positions,
                [values.get(week, math.nan) for week in weeks],
                marker="o",
                linestyle="-" if number < 10 else "--",
                label=label,
            )
        axes.set_xticks(list(positions))
        axes.set_xticklabels([week.isoformat() for week in weeks], rotation=45, ha="right")
        axes.set_xlabel("Week starting")
        axes.set_ylabel("Count")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(bottom=0)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
        figure.tight_layout()
        out = io.StringIO()
        # No metadata: it would only name matplotlib and the time the report was made.
        no_metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
        figure.savefig(out, format="svg", metadata=no_metadata)
    svg = out.getvalue()
    # Drop the XML declaration and doctype: the page is HTML, and the <svg> element is enough.
    svg = _with_id_prefix(svg[svg.index("<svg") :], id_prefix)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


def _with_id_prefix(svg: str, prefix: str) -> str:
    """Every id in the chart prefixed, so two charts in one page never share an id."""
    svg = re.sub(r'\bid="', f'id="{prefix}', svg)
    svg = svg.replace('xlink:href="#', f'xlink:href="#{prefix}')
    return svg.replace("url(#", f"url(#{prefix}")
