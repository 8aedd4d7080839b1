"""make session-pack: facilitator notes, every stage and sign, every scenario and quiz answer."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from bot.cli import main
from bot.content import Content
from bot.content.session_pack import render_session_pack
from bot.dialogue.quiz import answer_labels


@pytest.fixture(scope="module")
def pack(content: Content) -> str:
    return html.unescape(render_session_pack(content))


def test_the_facilitator_notes_and_ground_rules_are_in_it(content: Content, pack: str) -> None:
    for note in [*content.session.facilitator_notes, *content.session.ground_rules]:
        assert note in pack


def test_every_stage_and_sign_is_in_it(content: Content, pack: str) -> None:
    for stage in content.stages:
        assert f"Stage {stage.number}: {stage.title}" in pack
        for sign in stage.signs:
            assert sign.sign in pack


def test_every_scenario_with_its_stories_and_questions_is_in_it(
    content: Content, pack: str
) -> None:
    assert len(content.scenarios) >= 2
    for scenario in content.scenarios:
        assert scenario.title in pack
        for part in scenario.stages:
            assert part.story in pack and part.question in pack
            for spotted in part.signs:
                assert spotted.seen in pack


def test_every_quiz_answer_and_explanation_is_in_it(content: Content, pack: str) -> None:
    for question in content.quiz.questions:
        answer = answer_labels(content, question.kind)[question.answer]
        assert question.question in pack and question.explanation in pack
        assert content.quiz.the_answer_is.format(answer=answer) in pack


def test_the_services_are_in_it(content: Content, pack: str) -> None:
    for service_id in content.session.services:
        assert content.services[service_id].name in pack


def test_make_session_pack_writes_a_printable_page(tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    assert main(["content", "session-pack", "--out", str(out)]) == 0
    written = out.read_text()
    assert "@media print" in written and "<script" not in written
