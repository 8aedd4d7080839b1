"""LiveFiles: edits are served within a second, and between looks no file is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.content import store as store_module
from bot.content.store import LiveFiles


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def first_line(folder: Path) -> str:
    return (folder / "words.yml").read_text().splitlines()[0]


def edit(path: Path, text: str) -> None:
    """Write, then move the modification time on so the edit shows on any file system."""
    before = path.stat().st_mtime_ns
    path.write_text(text)
    later = before + 5_000_000_000
    os.utime(path, ns=(later, later))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "words.yml").write_text("first\n")
    return tmp_path


def test_an_edit_is_served_after_the_recheck_interval_and_not_before(folder: Path) -> None:
    clock = FakeClock()
    live = LiveFiles(folder, first_line, "Words", recheck_seconds=1.0, clock=clock)
    assert live.get() == "first"
    edit(folder / "words.yml", "second\n")
    clock.now += 0.5
    assert live.get() == "first"
    clock.now += 0.6
    assert live.get() == "second"


def test_between_looks_the_message_path_touches_no_files(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    live = LiveFiles(folder, first_line, "Words", recheck_seconds=1.0, clock=clock)
    live.get()
    looks: list[Path] = []
    real_yaml_files = store_module.yaml_files
    monkeypatch.setattr(
        store_module, "yaml_files", lambda root: looks.append(root) or real_yaml_files(root)
    )
    for _ in range(100):
        clock.now += 0.001
        live.get()
    assert looks == []
    clock.now += 1.0
    live.get()
    assert looks == [folder]


def test_a_recheck_interval_of_zero_looks_every_time(folder: Path) -> None:
    live = LiveFiles(folder, first_line, "Words", recheck_seconds=0)
    assert live.get() == "first"
    edit(folder / "words.yml", "second\n")
    assert live.get() == "second"
