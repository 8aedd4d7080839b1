"""The machine, the JSON result and the Markdown summary."""

from __future__ import annotations

import json
import math
import os
import platform
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench.stats import PhaseResult, ratios


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


def build_result(
    phases: list[PhaseResult],
    cold_starts: dict[str, float | None],
    training_seconds: float | None,
    host: dict[str, Any],
) -> dict[str, Any]:
    return {
        "machine": host,
        "cold_start_seconds": cold_starts,
        "training_seconds": training_seconds,
        "phases": [phase.as_dict() for phase in phases],
        "ratios": compare(phases),
    }


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
    for mode, values in result["ratios"].items():
        lines.append(
            f"| {mode} | {_number(values['p50_ratio'], 2)} | {_number(values['p95_ratio'], 2)} "
            f"| {_number(values['p99_ratio'], 2)} | {_number(values['throughput_ratio'], 2)} |"
        )
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
