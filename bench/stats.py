"""Pure maths for the report: percentiles, a phase's summary, ratios to the baseline."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear-interpolated percentile (as numpy's default); NaN for no values."""
    if not 0.0 <= fraction <= 1.0:
        raise ValueError("fraction must be between 0 and 1")
    if not values:
        return math.nan
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def scaled_name(instances: int) -> str:
    """How a stack of several instances of ours is named in results."""
    return f"ours x{instances} behind nginx"


def is_scaled(stack: str) -> bool:
    return stack.startswith("ours x")


@dataclass(frozen=True)
class PhaseResult:
    """One load phase against one stack. Latencies are of successful replies only."""

    stack: str
    mode: str
    users: int
    think_seconds: float
    duration_seconds: float
    messages: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    messages_per_second: float
    peak_rss_mb: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarise(
    *,
    stack: str,
    mode: str,
    users: int,
    think_seconds: float,
    duration_seconds: float,
    latencies_seconds: Sequence[float],
    errors: int,
    peak_rss_mb: dict[str, float],
) -> PhaseResult:
    milliseconds = [value * 1000.0 for value in latencies_seconds]
    return PhaseResult(
        stack=stack,
        mode=mode,
        users=users,
        think_seconds=think_seconds,
        duration_seconds=round(duration_seconds, 2),
        messages=len(milliseconds),
        errors=errors,
        p50_ms=round(percentile(milliseconds, 0.50), 1),
        p95_ms=round(percentile(milliseconds, 0.95), 1),
        p99_ms=round(percentile(milliseconds, 0.99), 1),
        messages_per_second=round(len(milliseconds) / duration_seconds, 2)
        if duration_seconds > 0
        else 0.0,
        peak_rss_mb=peak_rss_mb,
    )


def ratio(ours: float, baseline: float) -> float:
    """ours / baseline, rounded; NaN when either is missing or the baseline is zero."""
    if math.isnan(ours) or math.isnan(baseline) or baseline == 0:
        return math.nan
    return round(ours / baseline, 2)


def ratios(ours: PhaseResult, baseline: PhaseResult) -> dict[str, float]:
    """p95 and p99 ratios (lower is better) and the throughput ratio (higher is better)."""
    return {
        "p50_ratio": ratio(ours.p50_ms, baseline.p50_ms),
        "p95_ratio": ratio(ours.p95_ms, baseline.p95_ms),
        "p99_ratio": ratio(ours.p99_ms, baseline.p99_ms),
        "throughput_ratio": ratio(ours.messages_per_second, baseline.messages_per_second),
    }
