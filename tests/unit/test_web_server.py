"""The demo page server: its settings, headers and the files it will and won't serve."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from bot.web.server import DEFAULT_EXIT_URL, Site, SiteError, serving, site_from_environment
from tests.conftest import free_port


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
