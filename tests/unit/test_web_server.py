"""The demo page server: its settings, headers and the files it will and won't serve."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import replace

import pytest

from bench.services import free_port
from bot.content import Content
from bot.web.server import (
    DEFAULT_EXIT_URL,
    STATIC,
    WORDS_BLOCK,
    Site,
    SiteError,
    serving,
    site_from_environment,
    with_words,
)


def test_settings_come_from_the_environment() -> None:
    assert site_from_environment(5005, {}) == Site("http://localhost:5005", DEFAULT_EXIT_URL)
    site = site_from_environment(5005, {"EXIT_URL": "https://www.google.com/"})
    assert site.exit_url == "https://www.google.com/"


@pytest.mark.parametrize("exit_url", ["javascript:alert(1)", "weather", "ftp://example.org"])
def test_an_exit_page_that_is_not_a_web_address_is_refused(exit_url: str) -> None:
    with pytest.raises(SiteError, match="EXIT_URL must be an http"):
        Site("http://localhost:5005", exit_url)


def test_the_page_gets_both_addresses_and_no_placeholder_is_left() -> None:
    page = Site("http://localhost:5005", "https://example.org/?a=1&b=2").files()["/"][0].decode()
    assert 'data-rasa-url="http://localhost:5005"' in page
    assert 'data-exit-url="https://example.org/?a=1&amp;b=2"' in page
    assert "{{" not in page


def test_only_the_widget_files_are_served_with_the_security_headers() -> None:
    port = free_port()
    with serving(Site("http://localhost:5005"), port):
        with urllib.request.urlopen(f"http://localhost:{port}/widget.js", timeout=5) as response:
            assert response.headers["Content-Type"].startswith("text/javascript")
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert (
                "connect-src 'self' http://localhost:5005"
                in (response.headers["Content-Security-Policy"])
            )
        for path in ("/server.py", "/../server.py", "/static/widget.js"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"http://localhost:{port}{path}", timeout=5)
            assert refused.value.code == 404
            assert refused.value.headers["Referrer-Policy"] == "no-referrer"


def get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://localhost:{port}{path}", timeout=5) as response:
        body: bytes = response.read()
        return body


def test_the_widget_is_served_with_the_words_from_content(content: Content) -> None:
    port = free_port()
    edited = replace(content, widget=content.widget.copy(update={"exit": "Leave now"}))
    with serving(Site("http://localhost:5005"), port, content=lambda: edited):
        script = get(port, "/widget.js").decode()
    assert '"exit": "Leave now"' in script
    assert script.count("/* words: start */") == 1


def test_the_shipped_widget_says_what_content_widget_yml_says(content: Content) -> None:
    """A copy of widget.js embedded elsewhere, without this server, says the same words."""
    script = (STATIC / "widget.js").read_text()
    (block,) = WORDS_BLOCK.findall(script)
    shipped = json.loads(block.removeprefix("/* words: start */").removesuffix("/* words: end */"))
    assert shipped == content.widget.dict()


def test_a_widget_without_its_words_block_is_refused() -> None:
    with pytest.raises(SiteError, match="words: start"):
        with_words("const WORDS = {};", {"exit": "Exit"})


def test_the_session_page_and_its_content_are_served(content: Content) -> None:
    port = free_port()
    with serving(
        Site("http://localhost:5005", "https://example.org/"), port, content=lambda: content
    ):
        page = get(port, "/session").decode()
        session = json.loads(get(port, "/session/content.json"))
    assert 'data-exit-url="https://example.org/"' in page and "{{" not in page
    assert [scenario["id"] for scenario in session["scenarios"]] == [
        scenario.id for scenario in content.scenarios
    ]
    assert len(session["quiz"]["questions"]) == len(content.quiz.questions)


def test_sessions_and_demos_count_once_as_a_session_run(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import insights

    counted: list[tuple[str, str]] = []
    monkeypatch.setattr(insights, "record", lambda kind, key="": counted.append((kind.value, key)))
    port = free_port()
    with serving(Site("http://localhost:5005"), port, content=lambda: content):
        for path in ("/", "/session", "/?demo=1", "/widget.js", "/session/content.json"):
            get(port, path)
    assert counted == [("session_run", "session"), ("session_run", "demo")]
