"""Helpers for editing a private copy of content/ and reading the checker's report."""

from __future__ import annotations

import datetime
from pathlib import Path

from bot.content.loader import ContentReport, check_content

# The shipped services were last checked between 2026-11-28 and 2026-12-04: a day soon after
# keeps them fresh.
TODAY = datetime.date(2026, 12, 5)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def line_starting(path: Path, start: str) -> int:
    """The first line that starts with `start`, ignoring its indent (and so, comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.lstrip().startswith(start))


def check(folder: Path, today: datetime.date = TODAY) -> ContentReport:
    return check_content(folder, today=today)


def errors(folder: Path, today: datetime.date = TODAY) -> list[str]:
    return [str(problem) for problem in check(folder, today).errors]


def warnings(folder: Path, today: datetime.date = TODAY) -> list[str]:
    return [str(problem) for problem in check(folder, today).warnings]
