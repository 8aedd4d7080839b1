"""content/widget.yml: the widget's words, and an offline message that gives the right numbers."""

from __future__ import annotations

from pathlib import Path

from tests.unit.content.support import errors, line_starting, replace_in


def test_the_shipped_widget_words_pass(content_dir: Path) -> None:
    assert errors(content_dir) == []


def test_the_offline_message_must_give_childlines_number_from_signposts(content_dir: Path) -> None:
    widget = content_dir / "widget.yml"
    replace_in(widget, "0800 1111", "0800 1112")
    line = line_starting(widget, "offline:")
    assert errors(content_dir) == [
        f"{widget}:{line}: 'offline' must give Childline's number as signposts.yml has it "
        "(0800 1111): add it"
    ]


def test_a_new_childline_number_must_reach_the_offline_message_too(content_dir: Path) -> None:
    replace_in(content_dir / "signposts.yml", 'value: "0800 1111"', 'value: "0800 2222"')
    assert any("'offline' must give Childline's number" in error for error in errors(content_dir))


def test_the_shift_message_may_only_use_count(content_dir: Path) -> None:
    replace_in(content_dir / "widget.yml", "Press Shift {count}", "Press Shift {number}")
    assert any("exit_status_many" in error for error in errors(content_dir))


def test_widget_words_are_checked_for_blaming_language(content_dir: Path) -> None:
    replace_in(content_dir / "widget.yml", "Clear chat", "Clear chat about risky behaviour")
    assert any("risky behaviour" in error for error in errors(content_dir))
