"""The chat widget on the demo page, used as a young person would use it, in Chromium."""

from __future__ import annotations

import re
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.paths import ROOT
from tests.browser.conftest import DESKTOP, PHONE, open_page
from tests.e2e.servers import Assistant

pytestmark = pytest.mark.model

DISCLOSURE = "a man i met online keeps asking me for nudes and says he'll share the ones i sent"


def bot_texts(page: Any) -> list[str]:
    texts: list[str] = page.locator(".sa-msg--bot").all_inner_texts()
    return texts


def send(page: Any, text: str) -> None:
    """Type and send, then wait until the assistant has answered."""
    before = page.locator(".sa-msg--bot").count()
    page.fill("#sa-input", text)
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('.sa-msg--bot').length > n", arg=before)
    page.locator(".sa-typing").wait_for(state="hidden")


def test_a_whole_conversation(page: Any) -> None:
    assert "chatbot, not a person" in bot_texts(page)[0]
    page.get_by_role("button", name="Learn the 4 stages").click()
    page.get_by_role("button", name=re.compile("Targeting")).first.click()
    page.get_by_text(re.compile("Stage 1 of 4: Targeting")).wait_for()
    send(page, "what happens in the hooked stage")
    page.get_by_text(re.compile("Stage 3 of 4: Hooked")).wait_for()
    send(page, DISCLOSURE)
    page.get_by_text(re.compile("Thank you for telling me")).wait_for()
    page.get_by_role("button", name=re.compile("not what I meant", re.I)).wait_for()
    calls = page.locator(".sa-log a[href^='tel:']").evaluate_all("a => a.map(x => x.href)")
    assert "tel:999" in calls and "tel:08001111" in calls


def test_buttons_are_disabled_once_used(page: Any) -> None:
    choice = page.get_by_role("button", name="Emerging trends")
    choice.click()
    page.get_by_role("button", name=re.compile("Knife crime", re.I)).first.wait_for()
    assert choice.is_disabled()


def test_links_open_safely(page: Any) -> None:
    send(page, "who can help me")
    links = page.locator(".sa-log a[href^='http']")
    assert links.count() > 0
    for rel in links.evaluate_all("a => a.map(x => x.rel)"):
        assert "noopener" in rel and "noreferrer" in rel


def test_an_injected_tag_is_shown_as_text_and_runs_nothing(page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    attack = "<img src=x onerror=alert(1)>"
    send(page, attack)
    assert page.locator(".sa-msg--user").last.inner_text().endswith(attack)
    assert page.locator(".sa-log img").count() == 0
    assert dialogs == []


def test_nothing_is_kept_in_the_browser(page: Any) -> None:
    # A button from the welcome, then a message with a name in it (whatever the reply to it).
    page.get_by_role("button", name="Learn the 4 stages").last.click()
    send(page, "my name is Kayden and i'm worried about my friend")
    stored = page.evaluate(
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            cookie: document.cookie,
            databases: (await indexedDB.databases()).length,
        })"""
    )
    assert stored == {"local": 0, "session": 0, "cookie": "", "databases": 0}
    assert page.context.cookies() == []


def test_the_page_talks_only_to_itself_and_the_assistant(browser: Any, demo: Assistant) -> None:
    context = browser.new_context()
    page = context.new_page()
    origins: set[str] = set()
    page.on("request", lambda request: origins.add(_origin(request.url)))
    page.goto(demo.demo_url)
    page.locator(".sa-msg--bot").first.wait_for()
    send(page, "hi")
    assert origins == {_origin(demo.demo_url), _origin(demo.rasa_url)}
    context.close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_quick_exit_button_leaves_for_the_neutral_page_and_back_does_not_return(
    browser: Any, demo: Assistant
) -> None:
    page = _opened_after_another_page(browser, demo)
    page.get_by_role("button", name="Exit this page").click()
    _assert_left_for_good(page)


def test_pressing_shift_three_times_exits(browser: Any, demo: Assistant) -> None:
    page = _opened_after_another_page(browser, demo)
    page.keyboard.press("Shift")
    status = page.locator(".sa-exit-status")
    assert status.inner_text() == "Press Shift 2 more times to exit this page"
    page.keyboard.press("a")  # any other key starts the count again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert status.inner_text() == "Press Shift 1 more time to exit this page"
    page.keyboard.press("Shift")
    _assert_left_for_good(page)


def _assert_left_for_good(page: Any) -> None:
    """On the neutral page, and Back goes to the page before the chat, not to the chat."""
    page.wait_for_url("https://www.bbc.co.uk/weather**")
    page.go_back()
    assert page.url == "https://search.example/"
    page.context.close()


def _opened_after_another_page(browser: Any, demo: Assistant) -> Any:
    """The demo page, reached from another page, so Back has somewhere to go."""
    page = open_page(browser, demo)
    page.route("https://search.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Search</title>"
    ))  # fmt: skip
    page.goto("https://search.example/")
    page.goto(demo.demo_url)
    page.locator(".sa-msg--bot").first.wait_for()
    return page


def test_clear_chat_wipes_the_conversation_and_starts_a_new_one(page: Any) -> None:
    send(page, "what is county lines")
    page.get_by_role("button", name="Clear chat").click()
    page.locator(".sa-msg--user").first.wait_for(state="detached")
    page.locator(".sa-msg--bot").first.wait_for()
    assert page.locator(".sa-msg--user").count() == 0
    assert "chatbot, not a person" in bot_texts(page)[0]


def test_keyboard_alone_is_enough(page: Any) -> None:
    for _ in range(40):
        if page.evaluate("document.activeElement && document.activeElement.id") == "sa-input":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the message box")
    page.keyboard.type("how does grooming start")
    before = page.locator(".sa-msg--bot").count()
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('.sa-msg--bot').length > n", arg=before)
    assert page.evaluate("document.activeElement.id") == "sa-input"  # focus came back
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("document.activeElement.className")
    for _ in range(40):
        if "sa-quick-reply" in focused:
            break
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate("document.activeElement.className")
    assert "sa-quick-reply" in focused
    users = page.locator(".sa-msg--user").count()
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('.sa-msg--user').length > n", arg=users)


def test_when_the_assistant_cannot_be_reached_childline_is_still_shown(
    browser: Any, demo: Assistant
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route(f"{demo.rasa_url}/**", lambda route: route.abort("connectionrefused"))
    page.goto(demo.demo_url)
    offline = page.locator(".sa-msg--offline").first
    offline.wait_for()
    assert "0800 1111" in offline.inner_text()
    assert offline.locator("a[href='tel:08001111']").count() == 1
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "360px"])
def test_no_serious_or_critical_accessibility_problems(
    browser: Any, demo: Assistant, viewport: dict[str, int]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, demo, viewport)
    page.get_by_role("button", name="Learn the 4 stages").click()
    page.locator(".sa-msg--bot").nth(2).wait_for()
    results = Axe().run(page)
    serious = [
        (violation["id"], violation["impact"], len(violation["nodes"]))
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    page.context.close()


def test_works_on_a_360px_phone(phone: Any) -> None:
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    exit_button = phone.get_by_role("button", name="Exit this page")
    box = exit_button.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["width"] >= 24 and box["height"] >= 24
    send(phone, "hi")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert exit_button.is_visible()  # still there after scrolling down the conversation


def test_the_demo_page_is_served_with_security_headers(demo: Assistant) -> None:
    with urllib.request.urlopen(demo.demo_url, timeout=10) as response:
        headers, page = response.headers, response.read().decode()
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert f"connect-src 'self' {demo.rasa_url}" in policy
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert f'data-rasa-url="{demo.rasa_url}"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script on the demo page"


def test_the_widget_never_writes_html_or_storage() -> None:
    source = (ROOT / "bot" / "web" / "static" / "widget.js").read_text()
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                      "localStorage", "sessionStorage", "document.cookie", "indexedDB.open",
                      "eval(", "new Function"):  # fmt: skip
        assert forbidden not in source, forbidden


def test_text_numbers_become_sms_links(page: Any) -> None:
    send(page, "i keep cutting myself and i dont want to be here anymore")
    page.get_by_text(re.compile("Thank you for telling me")).wait_for()
    texts = page.locator(".sa-log a[href^='sms:']")
    texts.first.wait_for()
    assert texts.evaluate_all("a => a.map(x => x.getAttribute('href'))") == [
        "sms:85258?&body=SHOUT"
    ]


def in_viewport(page: Any, locator: Any) -> bool:
    """The element's top is on screen, inside the chat's scrolling log."""
    box = locator.bounding_box()
    log = page.locator(".sa-log").bounding_box()
    viewport = page.viewport_size
    assert box is not None and log is not None and viewport is not None
    return bool(log["y"] - 1 <= box["y"] < min(log["y"] + log["height"], viewport["height"]))


def test_an_emergency_reply_keeps_its_999_message_in_view_on_a_360px_phone(phone: Any) -> None:
    before = phone.locator(".sa-msg--bot").count()
    send(phone, "i just took a whole packet of my mums paracetamol")
    first = phone.locator(".sa-msg--bot").nth(before)
    assert first.inner_text().count("999") >= 1
    assert phone.locator(".sa-msg--bot").count() > before + 2  # the rest of the reply follows
    call = first.locator("a.sa-call")
    assert call.get_attribute("href") == "tel:999" and call.inner_text() == "Call 999"
    assert in_viewport(phone, first)  # opened at its first message, not scrolled to the end
    assert in_viewport(phone, call)


def test_a_reply_with_nothing_in_it_shows_the_offline_help(browser: Any, demo: Assistant) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route(f"{demo.rasa_url}/**", lambda route: route.fulfill(
        status=200, content_type="application/json", body="[]",
        headers={"Access-Control-Allow-Origin": "*"},
    ))  # fmt: skip
    page.goto(demo.demo_url)
    offline = page.locator(".sa-msg--offline").first
    offline.wait_for()
    assert "0800 1111" in offline.inner_text() and "999" in offline.inner_text()
    context.close()
