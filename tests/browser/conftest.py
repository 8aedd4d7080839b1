"""A real Chromium (Debian's, headless, nothing downloaded) against the real servers.

Without Chromium these tests skip locally, saying why; under CI=true the test set-up installs it
and a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.servers import Assistant, assistant
from tests.services import unavailable

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# --no-sandbox because CI runs as root; the rest keep Chromium from calling home.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEUTRAL_PAGE = "<!doctype html><title>BBC Weather</title><h1>Weather</h1>"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        unavailable(f"Chromium at {CHROMIUM}", "apt-get install chromium")
    return CHROMIUM


# Module scope, not session: while Playwright's sync API is open it keeps an event loop running
# in this thread, which the asyncio tests that come after would trip over.
@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo(trained_model: Path, chromium: Path) -> Iterator[Assistant]:
    """`python -m bot run`, with its demo page, as `make run` starts it."""
    with assistant() as running:
        yield running


def open_page(browser: Any, demo: Assistant, viewport: dict[str, int] = DESKTOP) -> Any:
    """A fresh browser context (no storage carried over) on the demo page, greeting shown."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    # The quick exit's neutral page, answered here: nothing may leave this machine.
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_PAGE
    ))  # fmt: skip
    page.goto(demo.demo_url)
    page.locator(".sa-msg--bot").first.wait_for()
    return page


@pytest.fixture
def page(browser: Any, demo: Assistant) -> Iterator[Any]:
    opened = open_page(browser, demo)
    yield opened
    opened.context.close()


@pytest.fixture
def phone(browser: Any, demo: Assistant) -> Iterator[Any]:
    opened = open_page(browser, demo, PHONE)
    yield opened
    opened.context.close()
