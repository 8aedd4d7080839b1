"""Serve content that follows edits to content/ without a restart or retraining.

Actions ask the store for content on every message. The store keeps the parsed content in memory and
only re-reads the folder when a file's modification time or size has changed (a few stat calls, no
file reads, on the message path). If an edit breaks a file, the last good content keeps serving and
the problem is logged; the store only raises when there has never been good content to serve.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from bot.content.loader import Content, ContentError, content_files, load_content

logger = logging.getLogger(__name__)

# The content folder of this checkout; CONTENT_DIR points the assistant at another one.
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

Signature = tuple[tuple[str, int, int], ...]


class ContentStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._content: Content | None = None
        self._signature: Signature | None = None

    def get(self) -> Content:
        """The current content, re-read first if any file changed since the last read."""
        signature = self._signature_now()
        if self._content is not None and signature == self._signature:
            return self._content
        with self._lock:
            if self._content is None or signature != self._signature:
                self._reload(signature)
            assert self._content is not None
            return self._content

    def _reload(self, signature: Signature) -> None:
        try:
            content = load_content(self.root)
        except ContentError as error:
            if self._content is None:
                raise
            # Remember the broken state so we don't re-parse it on every message.
            self._signature = signature
            logger.error("Content not reloaded, still serving the last good version:\n%s", error)
            return
        if self._content is not None:
            logger.info("Content reloaded from %s", self.root)
        self._content, self._signature = content, signature

    def _signature_now(self) -> Signature:
        signature = []
        for path in content_files(self.root):
            stat = path.stat()
            signature.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(signature)


_default_store: ContentStore | None = None


def default_store() -> ContentStore:
    """The store the actions use: content/ of this checkout, or $CONTENT_DIR."""
    global _default_store
    if _default_store is None:
        _default_store = ContentStore(Path(os.environ.get("CONTENT_DIR", DEFAULT_CONTENT_DIR)))
    return _default_store
