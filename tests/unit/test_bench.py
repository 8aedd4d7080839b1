"""The benchmark's pure parts: percentiles, ratios, the report, the conversation mix, the echo."""

from __future__ import annotations

import asyncio
import json
import math
import random
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bench.conversations import JOURNEYS, new_sender, pick_journey, think_time
from bench.echo import make_server
from bench.load import REST_PATH, Tally, drive
from bench.report import build_result, compare, markdown, without_nan, write
from bench.stats import PhaseResult, percentile, ratio, summarise

HOST = {
    "cpu": "Test CPU",
    "cores": 2,
    "ram_gb": 4.0,
    "python": "3.10.0",
    "rasa": "3.6.21",
    "rasa_sdk": "3.6.2",
    "date": "2024-01-01 00:00 UTC",
}


def phase(stack: str, mode: str, p95: float, per_second: float) -> PhaseResult:
    return PhaseResult(
        stack=stack, mode=mode, users=20, think_seconds=1.0, duration_seconds=20.0,
        messages=100, errors=0, p50_ms=p95 / 2, p95_ms=p95, p99_ms=p95 * 2,
        messages_per_second=per_second, peak_rss_mb={"rasa server": 900.0, "total": 1000.0},
    )  # fmt: skip


def test_percentile_interpolates_like_numpy() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.0) == 1.0
    assert percentile(values, 1.0) == 5.0
    assert percentile(values, 0.95) == pytest.approx(4.8)
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.5) == 2.5


def test_percentile_of_nothing_is_nan_and_bad_fractions_are_refused() -> None:
    assert math.isnan(percentile([], 0.5))
    assert percentile([7.0], 0.99) == 7.0
    with pytest.raises(ValueError):
        percentile([1.0], 1.5)


def test_summarise_reports_milliseconds_and_throughput() -> None:
    result = summarise(
        stack="ours", mode="paced", users=2, think_seconds=1.0, duration_seconds=2.0,
        latencies_seconds=[0.010, 0.020, 0.030, 0.040], errors=1, peak_rss_mb={},
    )  # fmt: skip
    assert result.messages == 4
    assert result.errors == 1
    assert result.p50_ms == 25.0
    assert result.messages_per_second == 2.0


def test_summarise_with_no_replies_has_no_latency() -> None:
    result = summarise(
        stack="ours", mode="saturate", users=1, think_seconds=0.0, duration_seconds=1.0,
        latencies_seconds=[], errors=3, peak_rss_mb={},
    )  # fmt: skip
    assert math.isnan(result.p95_ms)
    assert result.messages_per_second == 0.0


def test_ratio_handles_missing_and_zero() -> None:
    assert ratio(150.0, 100.0) == 1.5
    assert math.isnan(ratio(1.0, 0.0))
    assert math.isnan(ratio(math.nan, 1.0))


def test_compare_pairs_each_mode_with_its_baseline() -> None:
    phases = [
        phase("ours", "paced", 150.0, 18.0),
        phase("ours", "saturate", 400.0, 30.0),
        phase("baseline", "paced", 100.0, 20.0),
        phase("baseline", "saturate", 200.0, 40.0),
    ]
    ratios = compare(phases)
    assert ratios["paced"]["p95_ratio"] == 1.5
    assert ratios["paced"]["throughput_ratio"] == 0.9
    assert ratios["saturate"]["throughput_ratio"] == 0.75


def test_compare_without_a_baseline_gives_no_ratios() -> None:
    assert compare([phase("ours", "paced", 150.0, 18.0)]) == {}


def test_report_is_markdown_and_json_without_nan(tmp_path: Path) -> None:
    phases = [phase("ours", "paced", 150.0, 18.0), phase("baseline", "paced", math.nan, 20.0)]
    result = build_result(phases, {"ours": 12.3, "baseline": None}, None, HOST)
    text = write(result, tmp_path)
    assert "| ours | paced | 20 |" in text
    assert "Test CPU, 2 cores" in text
    assert "ours 12.3 s, baseline - s" in text
    assert "not measured" in text
    saved = json.loads((tmp_path / "latest.json").read_text())
    assert saved["phases"][1]["p95_ms"] is None
    assert (tmp_path / "latest.md").read_text() == markdown(result)


def test_several_instances_are_compared_with_one() -> None:
    phases = [
        phase("ours", "saturate", 600.0, 30.0),
        phase("ours x2 behind nginx", "saturate", 400.0, 45.0),
        phase("baseline", "saturate", 500.0, 36.0),
    ]
    result = build_result(phases, {"ours": 20.0}, None, HOST)
    gain = result["scale_out"]["ours x2 behind nginx"]["saturate"]
    assert gain["throughput_ratio"] == 1.5
    assert gain["p95_ratio"] == 0.67  # ratios are rounded to two places
    assert "ours x2 behind nginx relative to one instance of ours:" in markdown(result)


def targets_by_name(result: dict[str, Any]) -> dict[str, tuple[Any, bool | None]]:
    return {row["target"]: (row["measured"], row["met"]) for row in result["targets"]}


def test_targets_say_what_was_met_missed_and_not_measured() -> None:
    phases = [
        phase("ours", "paced", 150.0, 18.0),  # p99 300
        phase("ours", "saturate", 600.0, 28.0),
        phase("ours x2 behind nginx", "saturate", 500.0, 26.0),
        phase("baseline", "paced", 90.0, 18.0),
        phase("baseline", "saturate", 500.0, 40.0),
    ]
    result = build_result(phases, {"ours": 31.0}, None, HOST)
    met = targets_by_name(result)
    assert met["paced p95 (ms)"] == (150.0, True)
    assert met["paced p99 (ms)"] == (300.0, True)
    assert met["errors (all our runs)"] == (0, True)
    assert met["paced p95 / baseline's"] == (1.67, False)
    assert met["saturated msg/s / baseline's"] == (0.7, False)
    assert met["Rasa + action server RSS (MB)"] == (900.0, True)
    assert met["cold start (s)"] == (31.0, False)
    assert met["full training (s)"] == (None, None)
    assert met["ours x2 behind nginx: saturated msg/s / one instance's"] == (0.93, False)
    text = markdown(result)
    assert "| cold start (s) | < 30 | 31 | **no** |" in text
    assert "| full training (s) | < 180 | - | not measured |" in text


def test_without_nan_reaches_nested_values() -> None:
    assert without_nan({"a": [math.nan, 1.0], "b": {"c": math.nan}}) == {
        "a": [None, 1.0],
        "b": {"c": None},
    }


def test_the_mix_holds_every_kind_of_journey() -> None:
    kinds = {journey.kind for journey in JOURNEYS}
    assert kinds == {"stages", "topics", "help", "disclosure"}
    assert all(journey.messages and journey.weight > 0 for journey in JOURNEYS)


def test_picking_is_weighted_and_repeatable() -> None:
    picks = [pick_journey(random.Random(seed)).kind for seed in range(400)]
    assert picks.count("stages") > picks.count("disclosure")
    assert {pick_journey(random.Random(5)).messages for _ in range(3)} == {
        pick_journey(random.Random(5)).messages
    }


def test_senders_are_random_and_distinct() -> None:
    rng = random.Random(1)
    senders = {new_sender(rng) for _ in range(100)}
    assert len(senders) == 100
    assert all(sender.startswith("bench-") for sender in senders)


def test_think_time_is_within_half_and_one_and_a_half_the_mean() -> None:
    rng = random.Random(2)
    pauses = [think_time(rng, 1.0) for _ in range(200)]
    assert all(0.5 <= pause <= 1.5 for pause in pauses)
    assert think_time(rng, 0.0) == 0.0


@pytest.fixture
def echo_port() -> Iterator[int]:
    server = make_server(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_echo_server_answers_every_action_with_ok(echo_port: int) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{echo_port}/webhook",
        data=json.dumps({"next_action": "action_anything", "tracker": {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
        assert json.load(response) == {"events": [], "responses": [{"text": "ok"}]}


class FakeRest:
    """A REST channel stand-in that answers every message at once and notes when each came."""

    def __init__(self) -> None:
        self.arrivals: list[tuple[float, str]] = []

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.arrivals.append((time.monotonic(), body["sender"]))
        return web.json_response([{"recipient_id": body["sender"], "text": "ok"}])


def test_drive_spreads_first_messages_over_one_pause_and_tallies_every_reply() -> None:
    fake = FakeRest()

    async def run() -> tuple[Tally, float]:
        app = web.Application()
        app.router.add_post(REST_PATH, fake.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            return await drive(f"http://127.0.0.1:{port}", users=8, think_seconds=0.4,
                               duration_seconds=1.5, seed=3)  # fmt: skip
        finally:
            await runner.cleanup()

    started = time.monotonic()
    tally, elapsed = asyncio.run(run())
    firsts: dict[str, float] = {}
    for arrived, sender in fake.arrivals:
        firsts.setdefault(sender, arrived - started)
    first_of_each_user = sorted(firsts.values())[:8]
    # Each user waits one pause (0.2-0.6 s) before its first message: not one burst at t=0.
    assert first_of_each_user[0] >= 0.2
    assert first_of_each_user[-1] - first_of_each_user[0] > 0.05
    assert tally.errors == 0
    assert len(tally.latencies) == len(fake.arrivals) > 8
    assert 1.5 <= elapsed < 3.0
