"""The machine, the JSON result and the Markdown summary."""

from __future__ import annotations

import json
import math
import operator
import os
import platform
from collections.abc import Callable
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench.stats import PhaseResult, is_scaled, ratios


def machine() -> dict[str, Any]:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count() or 0,
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "rasa": _version("rasa"),
        "rasa_sdk": _version("rasa-sdk"),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return math.nan


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def compare(phases: list[PhaseResult]) -> dict[str, dict[str, float]]:
    """For each mode run against both stacks, ours relative to the baseline."""
    by_key = {(phase.stack, phase.mode): phase for phase in phases}
    return {
        mode: ratios(by_key[("ours", mode)], by_key[("baseline", mode)])
        for (stack, mode) in by_key
        if stack == "ours" and ("baseline", mode) in by_key
    }


def scale_out(phases: list[PhaseResult]) -> dict[str, dict[str, dict[str, float]]]:
    """For each stack of several instances, each mode relative to one instance of ours."""
    by_key = {(phase.stack, phase.mode): phase for phase in phases}
    return {
        stack: {
            mode: ratios(phase, by_key[("ours", mode)])
            for (name, mode), phase in by_key.items()
            if name == stack and ("ours", mode) in by_key
        }
        for stack in dict.fromkeys(phase.stack for phase in phases)
        if is_scaled(stack)
    }


# The targets for a 2-core machine (issue 8): what each is, the limit, and which way is good.
TARGETS_MS = {"paced p95 (ms)": ("p95_ms", 200.0), "paced p99 (ms)": ("p99_ms", 400.0)}
MEMORY_LIMIT_MB = 1600.0
COLD_START_LIMIT_S = 30.0
TRAINING_LIMIT_S = 180.0


# How each comparison is written in the targets table; equality needs no sign ("0").
_SIGNS: dict[Callable[[float, float], bool], str] = {
    operator.le: "<=", operator.ge: ">=", operator.lt: "<", operator.gt: ">", operator.eq: "",
}  # fmt: skip


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target: what was measured against what limit, and whether it was met (None: not
    measured in this run)."""
    phases = {(phase["stack"], phase["mode"]): phase for phase in result["phases"]}
    paced = phases.get(("ours", "paced"))
    rows: list[dict[str, Any]] = []

    def add(name: str, measured: float | None, good: Callable[[float, float], bool],
            limit: float) -> None:  # fmt: skip
        rows.append({
            "target": name, "measured": measured, "limit": f"{_SIGNS[good]} {limit:g}".strip(),
            "met": _meets(measured, good, limit),
        })  # fmt: skip

    for name, (field, limit) in TARGETS_MS.items():
        add(name, paced[field] if paced else None, operator.le, limit)
    ours = [phase for (stack, _), phase in phases.items() if stack.startswith("ours")]
    errors = sum(phase["errors"] for phase in ours) if ours else None
    add("errors (all our runs)", errors, operator.eq, 0)
    ratios_ = result["ratios"]
    add("paced p95 / baseline's", ratios_.get("paced", {}).get("p95_ratio"), operator.le, 1.5)
    saturated = ratios_.get("saturate", {}).get("throughput_ratio")
    add("saturated msg/s / baseline's", saturated, operator.ge, 0.8)
    memory = _servers_memory([phase for (stack, _), phase in phases.items() if stack == "ours"])
    add("Rasa + action server RSS (MB)", memory, operator.lt, MEMORY_LIMIT_MB)
    add("cold start (s)", result["cold_start_seconds"].get("ours"), operator.lt, COLD_START_LIMIT_S)
    add("full training (s)", result["training_seconds"], operator.lt, TRAINING_LIMIT_S)
    for stack, by_mode in result.get("scale_out", {}).items():
        gain = by_mode.get("saturate", {}).get("throughput_ratio")
        add(f"{stack}: saturated msg/s / one instance's", gain, operator.gt, 1.0)
    return rows


def _servers_memory(phases: list[dict[str, Any]]) -> float | None:
    totals = [
        peaks.get("rasa server", 0.0) + peaks.get("action server", 0.0)
        for peaks in (phase["peak_rss_mb"] for phase in phases)
        if peaks
    ]
    return max(totals) if totals else None


def _meets(
    value: float | None, compare: Callable[[float, float], bool], limit: float
) -> bool | None:
    """Whether `value` compares well with `limit`; None when it was not measured."""
    if value is None or math.isnan(value):
        return None
    return compare(value, limit)


def build_result(
    phases: list[PhaseResult],
    cold_starts: dict[str, float | None],
    training_seconds: float | None,
    host: dict[str, Any],
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "machine": host,
        "cold_start_seconds": cold_starts,
        "training_seconds": training_seconds,
        "phases": [phase.as_dict() for phase in phases],
        "ratios": compare(phases),
        "scale_out": scale_out(phases),
    }
    result["targets"] = targets(result)
    return result


def _number(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def _memory(peaks: dict[str, float]) -> str:
    if not peaks:
        return "-"
    parts = [f"{name} {value:.0f}" for name, value in peaks.items() if name != "total"]
    return f"{peaks.get('total', 0):.0f} ({', '.join(parts)})"


def markdown(result: dict[str, Any]) -> str:
    host = result["machine"]
    lines = [
        "## Benchmark",
        "",
        f"Machine: {host['cpu']}, {host['cores']} cores, {_number(host['ram_gb'])} GB RAM; "
        f"Python {host['python']}, Rasa {host['rasa']}, rasa-sdk {host['rasa_sdk']}; "
        f"{host['date']}.",
        "",
        "| stack | mode | users | think (s) | messages | errors | p50 ms | p95 ms | p99 ms "
        "| msg/s | peak RSS MB (total: per process) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for phase in result["phases"]:
        lines.append(
            f"| {phase['stack']} | {phase['mode']} | {phase['users']} "
            f"| {_number(phase['think_seconds'])} | {phase['messages']} | {phase['errors']} "
            f"| {_number(phase['p50_ms'])} | {_number(phase['p95_ms'])} "
            f"| {_number(phase['p99_ms'])} | {_number(phase['messages_per_second'])} "
            f"| {_memory(phase['peak_rss_mb'])} |"
        )
    lines += [
        "",
        "Ours relative to the baseline (latency: lower is better; throughput: higher):",
        "",
    ]
    lines += [
        "| mode | p50 ratio | p95 ratio | p99 ratio | throughput ratio |",
        "|---|---|---|---|---|",
    ]
    lines += [_ratio_row(mode, values) for mode, values in result["ratios"].items()]
    for stack, by_mode in result.get("scale_out", {}).items():
        lines += ["", f"{stack} relative to one instance of ours:", ""]
        lines += [
            "| mode | p50 ratio | p95 ratio | p99 ratio | throughput ratio |",
            "|---|---|---|---|---|",
        ]
        lines += [_ratio_row(mode, values) for mode, values in by_mode.items()]
    lines += ["", "Targets for a 2-core machine:", "", "| target | limit | measured | met |"]
    lines.append("|---|---|---|---|")
    for row in result.get("targets", []):
        met = {True: "yes", False: "**no**", None: "not measured"}[row["met"]]
        lines.append(f"| {row['target']} | {row['limit']} | {_figure(row['measured'])} | {met} |")
    cold = ", ".join(
        f"{stack} {_number(seconds)} s" for stack, seconds in result["cold_start_seconds"].items()
    )
    lines += [
        "",
        f"Cold start (process start to first reply): {cold or '-'}.",
        f"Training (`python -m bot train --force`): {_training(result['training_seconds'])}.",
        "",
    ]
    return "\n".join(lines)


def _ratio_row(mode: str, values: dict[str, float]) -> str:
    return (
        f"| {mode} | {_number(values['p50_ratio'], 2)} | {_number(values['p95_ratio'], 2)} "
        f"| {_number(values['p99_ratio'], 2)} | {_number(values['throughput_ratio'], 2)} |"
    )


def _figure(value: float | None) -> str:
    if isinstance(value, int):
        return str(value)
    return _number(value, 2 if value is not None and abs(value) < 10 else 0)


def _training(seconds: float | None) -> str:
    return "not measured (run with --train-time)" if seconds is None else f"{seconds:.0f} s"


def write(result: dict[str, Any], folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "latest.json").write_text(json.dumps(without_nan(result), indent=2) + "\n")
    text = markdown(result)
    (folder / "latest.md").write_text(text)
    return text


def without_nan(value: Any) -> Any:
    """JSON has no NaN: missing figures become null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: without_nan(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nan(item) for item in value]
    return value
