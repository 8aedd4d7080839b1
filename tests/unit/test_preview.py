"""make preview: every stage, sign, topic, disclosure reply, service and small talk, on a page."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from bot.cli import main
from bot.content import Content
from bot.content.preview import render_preview


@pytest.fixture(scope="module")
def page(content: Content) -> str:
    return html.unescape(render_preview(content))


def test_every_stage_and_each_of_its_signs_is_shown(content: Content, page: str) -> None:
    for stage in content.stages:
        assert stage.title in page and stage.summary in page
        for sign in stage.signs:
            assert sign.sign in page and sign.example in page


def test_every_topic_is_shown(content: Content, page: str) -> None:
    for topic in content.topics:
        assert topic.summary in page


def test_every_disclosure_reply_is_shown_with_its_services(content: Content, page: str) -> None:
    assert content.safety.first_response in page
    for reply in content.disclosures.values():
        assert reply.about_you in page and reply.about_someone_else in page
        for service_id in reply.services:
            assert content.services[service_id].name in page


def test_every_service_is_listed_with_when_it_was_checked(content: Content, page: str) -> None:
    for service in content.services.values():
        assert service.name in page and service.last_checked.isoformat() in page
        for contact in service.contacts:
            assert contact.text in page


def test_small_talk_and_privacy_replies_are_shown(content: Content, page: str) -> None:
    for text in content.smalltalk.replies.values():
        assert text in page
    assert content.privacy.any_details in page


def test_the_page_is_self_contained_and_printable(content: Content) -> None:
    raw = render_preview(content)
    assert "<script" not in raw and "src=" not in raw and "@media print" in raw


def test_text_is_escaped(content_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.content import load_content

    smalltalk = content_dir / "smalltalk.yml"
    smalltalk.write_text(smalltalk.read_text().replace("You're welcome.", "<b>You're welcome</b>."))
    raw = render_preview(load_content(content_dir))
    assert "&lt;b&gt;You&#x27;re welcome&lt;/b&gt;" in raw


def test_make_preview_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "preview" / "content.html"
    assert main(["content", "preview", "--out", str(out)]) == 0
    assert "The four stages" in out.read_text()


def test_the_widgets_own_words_are_shown(content: Content, page: str) -> None:
    assert content.widget.offline in page and content.widget.privacy_note in page
