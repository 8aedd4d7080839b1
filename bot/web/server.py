"""The demo page and the widget's own files, served with strict security headers.

`make run` starts this next to the Rasa server, on WEB_PORT (8080). It serves only the files in
bot/web/static/, read once at start, and fills the demo page's two settings: the Rasa server's
address and the neutral page the quick exit goes to. widget.js is served with the words from
content/widget.yml as they are now, so editors change the widget's words like any other content.
The Content-Security-Policy allows scripts, styles and images from this server only, and
connections to it and the Rasa server only, so the page can make no third-party request and run
no inline script.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Final
from urllib.parse import parse_qs, urlsplit

from bot import insights
from bot.content import Content
from bot.web.session import session_json

logger = logging.getLogger(__name__)

STATIC: Final = Path(__file__).parent / "static"
DEFAULT_EXIT_URL: Final = "https://www.bbc.co.uk/weather"
CONTENT_TYPES: Final = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
}
PAGE: Final = "index.html"
SCRIPT: Final = "/widget.js"
# In widget.js, the object holding every word the widget shows (from content/widget.yml).
WORDS_BLOCK: Final = re.compile(r"/\* words: start \*/.*?/\* words: end \*/", re.DOTALL)

SESSION_PAGE: Final = "/session"
SESSION_CONTENT: Final = "/session/content.json"
JSON: Final = "application/json; charset=utf-8"

CurrentContent = Callable[[], Content]


def current_content() -> Content:
    """content/ as it is now: edits go live here as they do in the chat."""
    from bot.content import default_store

    return default_store().get()


def with_words(script: str, words: Mapping[str, str]) -> str:
    """widget.js with its words block replaced by `words`, as a JSON object."""
    as_json = json.dumps(dict(words), ensure_ascii=False, indent=4)
    block = f"/* words: start */ {as_json} /* words: end */"
    written, found = WORDS_BLOCK.subn(lambda _: block, script)
    if found != 1:
        raise SiteError("widget.js must have exactly one /* words: start */ ... /* words: end */")
    return written


class SiteError(ValueError):
    """A setting the demo page cannot work with, said in plain words."""


def origin(url: str, setting: str) -> str:
    """scheme://host[:port] of an http(s) address, or SiteError naming the setting."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SiteError(f"{setting} must be an http:// or https:// address, not {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Site:
    rasa_url: str
    exit_url: str = DEFAULT_EXIT_URL

    def __post_init__(self) -> None:
        origin(self.rasa_url, "The Rasa server address")
        origin(self.exit_url, "EXIT_URL")

    def headers(self) -> dict[str, str]:
        rasa = origin(self.rasa_url, "The Rasa server address")
        policy = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {rasa}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        )
        return {
            "Content-Security-Policy": policy,
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "Cache-Control": "no-store",
        }

    def files(self) -> dict[str, tuple[bytes, str]]:
        """URL path -> (body, content type), for every file the site serves."""
        served: dict[str, tuple[bytes, str]] = {}
        for path in sorted(STATIC.iterdir()):
            content_type = CONTENT_TYPES.get(path.suffix)
            if content_type is None or not path.is_file():
                continue
            body = path.read_bytes()
            if path.suffix == ".html":
                body = self._fill(body.decode()).encode()
            served[f"/{path.name}"] = (body, content_type)
        served["/"] = served[f"/{PAGE}"]
        served[SESSION_PAGE] = served[f"{SESSION_PAGE}.html"]
        return served

    def _fill(self, page: str) -> str:
        # Both values were checked to be plain http(s) addresses; escape quotes all the same.
        def attribute(value: str) -> str:
            return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")

        return page.replace("{{RASA_URL}}", attribute(self.rasa_url)).replace(
            "{{EXIT_URL}}", attribute(self.exit_url)
        )


def dynamic(path: str, content: CurrentContent, script: str) -> tuple[bytes, str] | None:
    """The responses built from content/ as it is now: the widget's words and the session.
    Content is only read for these two, never for the static files."""
    if path == SCRIPT:
        return with_words(script, content().widget.dict()).encode(), CONTENT_TYPES[".js"]
    if path == SESSION_CONTENT:
        return json.dumps(session_json(content()), ensure_ascii=False).encode(), JSON
    return None


def count_session_start(path: str, query: str) -> None:
    """A group session or a projected demo counts once, as a session run (bot/insights)."""
    if path == SESSION_PAGE:
        insights.record(insights.EventKind.SESSION_RUN, "session")
    elif path in {"/", f"/{PAGE}"} and parse_qs(query).get("demo") == ["1"]:
        insights.record(insights.EventKind.SESSION_RUN, "demo")


def handler_for(
    site: Site, content: CurrentContent = current_content
) -> type[BaseHTTPRequestHandler]:
    files, headers = site.files(), site.headers()
    script = files[SCRIPT][0].decode()

    class Handler(BaseHTTPRequestHandler):
        server_version = "safeguarding-demo"
        sys_version = ""

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            url = urlsplit(self.path)
            found = dynamic(url.path, content, script) or files.get(url.path)
            if found and send_body:
                count_session_start(url.path, url.query)
            status = HTTPStatus.OK if found else HTTPStatus.NOT_FOUND
            body, content_type = found or (b"Not found\n", "text/plain; charset=utf-8")
            self.send_response(status)
            for name, value in {**headers, "Content-Type": content_type}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            # Request lines hold only a path of ours; keep them out of the console all the same.
            logger.debug("demo page: " + format, *args)

    return Handler


@contextmanager
def serving(
    site: Site, port: int, host: str = "localhost", content: CurrentContent = current_content
) -> Iterator[ThreadingHTTPServer]:
    """The demo site on host:port in a background thread, shut down however we leave."""
    server = ThreadingHTTPServer((host, port), handler_for(site, content))
    thread = threading.Thread(target=server.serve_forever, name="demo-page", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def site_from_environment(rasa_port: int, environ: Mapping[str, str]) -> Site:
    rasa_url = environ.get("RASA_URL") or f"http://localhost:{rasa_port}"
    return Site(rasa_url=rasa_url, exit_url=environ.get("EXIT_URL") or DEFAULT_EXIT_URL)
