"""`python -m bench`: our stack (then, with --instances, several behind nginx), then the
echo-action baseline, each paced then saturated."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from bench import load, report, stack
from bench.memory import PeakMemory
from bench.stats import PhaseResult, scaled_name, summarise
from bot.paths import ROOT

RESULTS = ROOT / "build" / "results" / "bench"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--users", type=int, default=20, help="simulated young people (20)")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause in s, 0.5x-1.5x (1)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase (30)")
    parser.add_argument(
        "--mode",
        choices=["paced", "saturate", "both"],
        default="both",
        help="paced (with --think), saturate (no pauses) or both, in that order (both)",
    )
    parser.add_argument("--saturate", action="store_true", help="same as --mode saturate")
    parser.add_argument("--url", help="use this running stack instead of starting ours")
    parser.add_argument(
        "--instances",
        type=int,
        default=1,
        help="also run this many instances behind nginx, sharing Redis (needs redis-server, nginx)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the echo baseline")
    parser.add_argument("--train-time", action="store_true", help="also time a forced training")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    args = parser.parse_args(argv)
    if args.instances < 1:
        parser.error("--instances must be at least 1")
    if args.instances > 1 and args.url:
        parser.error("--instances starts its own stacks: leave out --url")
    if args.saturate:
        args.mode = "saturate"
    return args


def modes(args: argparse.Namespace) -> list[tuple[str, float]]:
    paced = [("paced", args.think)] if args.mode in ("paced", "both") else []
    saturated = [("saturate", 0.0)] if args.mode in ("saturate", "both") else []
    return paced + saturated


def run_phases(running: stack.Stack, args: argparse.Namespace, sampled: bool) -> list[PhaseResult]:
    asyncio.run(load.warm_up(running.base_url))
    results = []
    for mode, think in modes(args):
        with PeakMemory(running.roots if sampled else []) as memory:
            tally, elapsed = asyncio.run(
                load.drive(
                    running.base_url,
                    args.users,
                    think,
                    args.duration,
                    args.seed,
                    label=f"{running.name:8} {mode:8}",
                )
            )
        results.append(
            summarise(
                stack=running.name,
                mode=mode,
                users=args.users,
                think_seconds=think,
                duration_seconds=elapsed,
                latencies_seconds=tally.latencies,
                errors=tally.errors,
                peak_rss_mb=memory.peaks_mb(),
            )
        )
    return results


def time_training() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "bot", "train", "--force"], cwd=ROOT, check=True)
    return round(time.monotonic() - started, 1)


def main(argv: list[str]) -> int:
    args = parse(argv)
    work = args.out / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    training = time_training() if args.train_time else None
    stacks: list[tuple[str, Callable[[], AbstractContextManager[stack.Stack]]]] = [
        ("ours", (lambda: stack.running(args.url)) if args.url else (lambda: stack.ours(work)))
    ]
    if args.instances > 1:
        name = scaled_name(args.instances)
        stacks.append((name, lambda: stack.scaled(work, args.instances)))
    if not args.no_baseline:
        stacks.append(("baseline", lambda: stack.baseline(work)))
    phases: list[PhaseResult] = []
    cold_starts: dict[str, float | None] = {}
    for name, start in stacks:
        print(f"Starting {name} ...", flush=True)
        with start() as running:
            cold_starts[name] = running.cold_start_seconds
            phases += run_phases(running, args, sampled=bool(running.roots))
    result = report.build_result(phases, cold_starts, training, report.machine())
    print(report.write(result, args.out))
    print(f"Written: {args.out / 'latest.json'} and {args.out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
