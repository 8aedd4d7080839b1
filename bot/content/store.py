"""Serve files from content/ that follow edits without a restart or retraining.

Callers ask for the current value on every message. The parsed value is kept in memory and the files
are only read again when one's modification time or size has changed. Even the stat calls happen at
most once a second, so under load the message path touches no files at all, and an edit is
served within a second. If an edit breaks a file, the last good value keeps serving and the
problem is logged; the store only raises when there has never been a good value to serve.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from bot.content.loader import Content, load_content
from bot.content.reader import ContentError

logger = logging.getLogger(__name__)

# The content folder of this checkout; CONTENT_DIR points the assistant at another one.
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

Value = TypeVar("Value")
Signature = tuple[tuple[str, int, int], ...]

# How often the files are looked at for edits.
RECHECK_SECONDS = 1.0


def content_root() -> Path:
    return Path(os.environ.get("CONTENT_DIR", DEFAULT_CONTENT_DIR))


def yaml_files(root: Path) -> list[Path]:
    """Every YAML file under root, in a stable order."""
    return sorted(root.rglob("*.yml"))


class LiveFiles(Generic[Value]):
    """A value loaded from the YAML files under a folder, reloaded when they change."""

    def __init__(
        self,
        root: Path,
        load: Callable[[Path], Value],
        what: str,
        recheck_seconds: float = RECHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.root = root
        self._load = load
        self._what = what
        self._recheck_seconds = recheck_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._value: Value | None = None
        self._signature: Signature | None = None
        self._next_check = 0.0

    def get(self) -> Value:
        """The current value, loaded again first if a file changed since the last look."""
        now = self._clock()
        if self._value is not None and now < self._next_check:
            return self._value
        self._next_check = now + self._recheck_seconds
        signature = self._signature_now()
        if self._value is not None and signature == self._signature:
            return self._value
        with self._lock:
            if self._value is None or signature != self._signature:
                self._reload(signature)
            assert self._value is not None
            return self._value

    def _reload(self, signature: Signature) -> None:
        try:
            value = self._load(self.root)
        except ContentError as error:
            if self._value is None:
                raise
            # Remember the broken state so we don't parse it again on every message.
            self._signature = signature
            logger.error(
                "%s not reloaded, still serving the last good version:\n%s", self._what, error
            )
            return
        if self._value is not None:
            logger.info("%s reloaded from %s", self._what, self.root)
        self._value, self._signature = value, signature

    def _signature_now(self) -> Signature:
        signature = []
        for path in yaml_files(self.root):
            stat = path.stat()
            signature.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(signature)


class ContentStore(LiveFiles[Content]):
    """Everything young people read, as the actions use it."""

    def __init__(self, root: Path, recheck_seconds: float = RECHECK_SECONDS) -> None:
        super().__init__(root, load_content, "Content", recheck_seconds)


_default_store: ContentStore | None = None


def default_store() -> ContentStore:
    """The store the actions use: content/ of this checkout, or $CONTENT_DIR."""
    global _default_store
    if _default_store is None:
        _default_store = ContentStore(content_root())
    return _default_store
