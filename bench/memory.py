"""Peak resident memory of server processes and their children, sampled from /proc."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")


def rss_kb(pid: int) -> int:
    """VmRSS of one process in kB; 0 if it is gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _parents() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name in brackets may hold spaces; the parent pid follows the ")".
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def process_tree(roots: Iterable[int]) -> list[int]:
    parents = _parents()
    tree = [root for root in roots if root in parents]
    index = 0
    while index < len(tree):
        tree.extend(pid for pid, parent in parents.items() if parent == tree[index])
        index += 1
    return tree


def label(pid: int) -> str:
    """What a process is, from its command line: never its arguments' content."""
    try:
        command = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "gone"
    for needle, name in (
        ("rasa_sdk", "action server"),
        ("rasa run", "rasa server"),
        ("bench.echo", "echo server"),
        ("bot run", "launcher"),
    ):
        if needle in command:
            return name
    return "other"


class PeakMemory:
    """Samples the trees under `roots` every `interval` seconds until stopped."""

    def __init__(self, roots: Iterable[int], interval: float = 0.5) -> None:
        self.roots = list(roots)
        self.interval = interval
        self.peaks_kb: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        totals: dict[str, int] = {}
        for pid in process_tree(self.roots):
            name = label(pid)
            totals[name] = totals.get(name, 0) + rss_kb(pid)
        totals["total"] = sum(totals.values())
        for name, value in totals.items():
            self.peaks_kb[name] = max(self.peaks_kb.get(name, 0), value)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def peaks_mb(self) -> dict[str, float]:
        return {name: round(kb / 1024, 1) for name, kb in sorted(self.peaks_kb.items())}
