"""Session mode (/session) and the demo view, driven as a youth worker would, in Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.content import Content
from bot.dialogue.quiz import answer_labels
from tests.browser.conftest import DESKTOP
from tests.e2e.servers import Assistant

pytestmark = pytest.mark.model

PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture
def session(browser: Any, demo: Assistant) -> Iterator[Any]:
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.goto(f"{demo.demo_url}session")
    page.locator("#ss-nav").wait_for()
    yield page
    context.close()


def heading(page: Any) -> str:
    text: str = page.locator("#ss-heading").inner_text()
    return text


def go_to_choices(page: Any, content: Content) -> None:
    page.keyboard.press("Home")
    page.get_by_role("heading", name=content.session.choose_heading).wait_for()


def test_a_whole_scenario_by_keyboard_with_every_sign_revealed(
    session: Any, content: Content
) -> None:
    scenario = content.scenarios[0]
    assert heading(session) == content.session.title
    go_to_choices(session, content)
    session.get_by_role("button", name=scenario.title).focus()
    session.keyboard.press("Enter")
    revealed: set[str] = set()
    for _ in range(80):  # clicker presses: Next also reveals the signs one at a time
        revealed.update(session.locator(".ss-signs li").all_inner_texts())
        if heading(session) == content.session.services_heading:
            break
        session.keyboard.press("PageDown")
    else:
        pytest.fail(f"never reached the end of the story; stuck at {heading(session)!r}")
    for part in scenario.stages:
        stage = content.stage(part.stage)
        signs = {sign.id: sign.sign for sign in stage.signs}
        for spotted in part.signs:
            assert any(signs[spotted.sign] in text and spotted.seen in text for text in revealed)


def test_signs_are_hidden_until_revealed_and_link_to_the_stage(
    session: Any, content: Content
) -> None:
    scenario = content.scenarios[1]
    go_to_choices(session, content)
    session.get_by_role("button", name=scenario.title).click()
    first = scenario.stages[0]
    for _ in range(5):
        if session.get_by_role("button", name=content.session.reveal_button).count():
            break
        session.keyboard.press("ArrowRight")
    assert session.locator(".ss-signs li").count() == 0
    session.get_by_role("button", name=content.session.reveal_button).click()
    texts = session.locator(".ss-signs li").all_inner_texts()
    assert len(texts) == len(first.signs)
    stage_signs = {sign.id: sign.sign for sign in content.stage(first.stage).signs}
    for spotted, text in zip(first.signs, texts, strict=True):
        assert stage_signs[spotted.sign] in text


def test_the_quiz_reveals_answers_and_keeps_the_rooms_score(session: Any, content: Content) -> None:
    quiz = content.quiz
    go_to_choices(session, content)
    session.get_by_role("button", name=quiz.title).click()
    session.keyboard.press("ArrowRight")  # past the introduction
    first, second = quiz.questions[0], quiz.questions[1]
    _answer(session, content, first, right=True)
    result = session.locator("#ss-result").inner_text()
    assert quiz.correct in result and first.explanation in result
    label = answer_labels(content, first.kind)[first.answer]
    assert quiz.the_answer_is.format(answer=label) in result
    assert session.locator(".ss-score").inner_text() == "Score: 1 / 1"
    session.get_by_role("button", name=quiz.next_button).click()
    _answer(session, content, second, right=False)
    assert quiz.not_quite in session.locator("#ss-result").inner_text()
    assert session.locator(".ss-score").inner_text() == "Score: 1 / 2"


def _answer(page: Any, content: Content, question: Any, right: bool) -> None:
    """Press the number key of the right answer, or of the first wrong one."""
    values = list(answer_labels(content, question.kind))
    choice = question.answer if right else next(v for v in values if v != question.answer)
    page.get_by_role("heading", name=question.question).wait_for()
    page.keyboard.press(str(values.index(choice) + 1))
    page.locator("#ss-result").wait_for()


@pytest.mark.parametrize("screen", ["start", "signs", "quiz answer"])
def test_session_screens_have_no_serious_accessibility_problems(
    session: Any, content: Content, screen: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    if screen == "signs":
        go_to_choices(session, content)
        session.get_by_role("button", name=content.scenarios[0].title).click()
        session.keyboard.press("ArrowRight")
        session.keyboard.press("ArrowRight")
        session.keyboard.press("r")
    elif screen == "quiz answer":
        go_to_choices(session, content)
        session.get_by_role("button", name=content.quiz.title).click()
        session.keyboard.press("ArrowRight")
        _answer(session, content, content.quiz.questions[0], right=False)
    violations = Axe().run(session).response["violations"]
    serious = [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == []


def test_the_session_works_offline_once_loaded(session: Any, content: Content) -> None:
    session.context.set_offline(True)
    go_to_choices(session, content)
    session.get_by_role("button", name=content.scenarios[0].title).click()
    session.keyboard.press("ArrowRight")
    assert heading(session).startswith("Stage 1")


def test_the_session_has_the_same_quick_exit(session: Any) -> None:
    assert session.get_by_role("button", name="Exit this page").is_visible()
    assert session.locator(".sa-widget").count() == 0  # exit only: no chat on the projector


def test_the_demo_view_is_large_and_counted_as_a_demo(browser: Any, demo: Assistant) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    bodies: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda request: (
            bodies.append(json.loads(request.post_data)) if request.method == "POST" else None
        ),
    )
    page.goto(f"{demo.demo_url}?demo=1")
    page.locator(".sa-msg--bot").first.wait_for()
    assert page.locator(".sa-widget.sa-demo").count() == 1
    assert bodies and all(body.get("input_channel") == "demo" for body in bodies)
    context.close()
