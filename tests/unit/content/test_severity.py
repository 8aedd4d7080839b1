"""Errors stop content being used; warnings never do. Both are reported, errors first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot import cli
from bot.content import ContentError, ContentStore, Problem, load_content
from bot.content.reader import Reader
from tests.unit.content.support import check, errors, line_starting, replace_in, warnings

HOOKED_SIGN = "sign: They give you more to do in the group, and often more money."
WORKING_SIGN = "sign: You end up working for them, with more to do and often more money."
GAMING_POINT = "- They ask you to keep your chats secret, or to send photos."
LONG_POINT = (
    "- They ask you to keep your chats secret from your family and your friends, and then they "
    "ask you to send photos of yourself, and they say you will be in trouble if you tell."
)


def add_warning(content_dir: Path) -> None:
    replace_in(content_dir / "topics" / "gaming.yml", GAMING_POINT, LONG_POINT)


def add_error(content_dir: Path) -> None:
    replace_in(content_dir / "stages" / "hooked.yml", HOOKED_SIGN, WORKING_SIGN)


def run_check(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setenv("CONTENT_DIR", str(content_dir))  # where the assistant reads content
    status = cli.main(["content", "check"])
    return status, capsys.readouterr().out


def test_a_problem_is_an_error_unless_it_says_otherwise() -> None:
    assert Problem(Path("menu.yml"), 3, "fix this").severity == "error"
    assert not Problem(Path("menu.yml"), 3, "maybe", "warning").is_error


def test_problems_are_named_from_a_base_folder(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "content" / "menu.yml", 3, "fix this")
    assert problem.describe(tmp_path) == "content/menu.yml:3: fix this"
    assert str(problem) == f"{tmp_path}/content/menu.yml:3: fix this"


def test_warnings_alone_never_raise() -> None:
    reader = Reader()
    reader.warning(Path("menu.yml"), "maybe")
    reader.raise_if_any()
    reader.problem(Path("menu.yml"), "fix this")
    with pytest.raises(ContentError) as raised:
        reader.raise_if_any()
    assert [problem.message for problem in raised.value.problems] == ["fix this"]


def test_shipped_content_has_no_errors(content_dir: Path) -> None:
    report = check(content_dir)
    assert report.errors == ()
    assert report.content is not None


def test_content_with_warnings_loads(content_dir: Path) -> None:
    add_warning(content_dir)
    assert check(content_dir).warnings
    assert load_content(content_dir).topic("gaming").points[-1] == LONG_POINT[2:]


def test_content_with_an_error_does_not_load_and_warnings_are_left_out(content_dir: Path) -> None:
    add_warning(content_dir)
    add_error(content_dir)
    report = check(content_dir)
    assert report.content is None
    with pytest.raises(ContentError) as raised:
        load_content(content_dir)
    assert raised.value.problems == report.errors
    assert all(problem.is_error for problem in raised.value.problems)


def test_the_assistant_serves_content_with_warnings_and_keeps_the_last_good_on_errors(
    content_dir: Path,
) -> None:
    store = ContentStore(content_dir, recheck_seconds=0)
    add_warning(content_dir)
    assert store.get().topic("gaming").points[-1] == LONG_POINT[2:]
    add_error(content_dir)
    hooked = content_dir / "stages" / "hooked.yml"
    later = hooked.stat().st_mtime_ns + 10_000_000_000
    os.utime(hooked, ns=(later, later))
    assert store.get().stage("hooked").signs[0].sign == HOOKED_SIGN.removeprefix("sign: ")


def test_check_exits_0_when_there_are_only_warnings(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_warning(content_dir)
    status, out = run_check(content_dir, monkeypatch, capsys)
    assert status == 0
    assert out.startswith("Warnings (")
    assert "  content/topics/gaming.yml:18: a sentence here has 35 words" in out
    last = out.rstrip().splitlines()[-1]
    assert last.startswith("0 errors, ") and "warnings: content/ can be used" in last


def test_check_exits_1_on_errors_and_lists_them_before_warnings(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_warning(content_dir)
    add_error(content_dir)
    status, out = run_check(content_dir, monkeypatch, capsys)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == (
        "Errors (1): fix these; until then the assistant keeps using the last content that had "
        "no errors."
    )
    assert lines[1].startswith('  content/stages/hooked.yml:13: "working for" can suggest')
    assert lines[3].startswith("Warnings (")
    assert lines[3].endswith("): worth fixing; the assistant uses the content anyway.")
    assert out.index("working for") < out.index("a sentence here has 35 words")
    assert lines[-1].startswith("1 error, ")
    assert lines[-1].endswith("warnings: content/ cannot be used until the errors are fixed.")


def test_check_of_clean_content_says_so(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    checks = content_dir / "checks.yml"
    replace_in(checks, "max_sentence_words: 25", "max_sentence_words: 99")
    replace_in(checks, "max_grade: 8", "max_grade: 99")
    for path in content_dir.rglob("*.yml"):  # as if a Welsh speaker had checked every Welsh text
        path.write_text(path.read_text().replace("reviewed: false", "reviewed: true"))
    status, out = run_check(content_dir, monkeypatch, capsys)
    assert status == 0
    assert out == (
        "0 errors, 0 warnings: content/ can be used (4 stages, 5 topics, 16 services).\n"
    )


def test_welsh_not_yet_reviewed_by_a_welsh_speaker_is_listed_as_a_warning(
    content_dir: Path,
) -> None:
    path = content_dir / "safety" / "urgent.yml"
    unreviewed = [w for w in warnings(content_dir) if "checked by a Welsh speaker" in w]
    assert f"{path}:{line_starting(path, 'welsh:')}:" in "\n".join(unreviewed)
    assert not errors(content_dir)
    text = path.read_text()
    path.write_text(text.replace("reviewed: false", "reviewed: true"))
    still = [w for w in warnings(content_dir) if "checked by a Welsh speaker" in w]
    assert str(path) not in "\n".join(still) and len(still) < len(unreviewed)
