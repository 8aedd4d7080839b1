"""Keep Python's garbage collector from pausing every conversation at once.

A loaded model is about 760,000 Python objects (TensorFlow, spaCy, Rasa's graph). Every full
collection walks all of them: about 370 ms on a 2-core server, during which no message is answered.
Under load that happens every few hundred messages and sets the slowest replies (p99). Those
objects live as long as the server, so once the model is loaded they are moved out of the
collector's sight (`gc.freeze`); later collections only walk what conversations allocate.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

logger = logging.getLogger(__name__)


def freeze_what_is_loaded() -> int:
    """Collect once, then exempt every surviving object from later collections; how many."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


async def freeze_after_start(app: Any, loop: asyncio.AbstractEventLoop) -> None:
    """A Sanic after_server_start listener: by then Rasa has loaded the model."""
    logger.debug("Exempted %d long-lived objects from garbage collection", freeze_what_is_loaded())
