"""Where the shared Redis is: REDIS_URL, or `redis_url` in endpoints.yml. One place for both stores.

Several Rasa instances behind a load balancer must share each conversation (the tracker store) and
take turns on it (the lock store); with no Redis configured, each keeps them in its own memory.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlparse


def configured_redis_url(from_endpoints: str | None = None) -> str | None:
    """REDIS_URL wins over endpoints.yml, so one file serves one instance and many."""
    return os.environ.get("REDIS_URL") or from_endpoints or None


def connection_options(redis_url: str) -> dict[str, Any]:
    """Rasa's Redis store arguments from a redis:// (or rediss://, TLS) URL."""
    url = urlparse(redis_url)
    if url.scheme not in {"redis", "rediss"}:
        raise ValueError(f"REDIS_URL must start with redis:// or rediss://, not {url.scheme!r}")
    path = url.path.lstrip("/")
    if path and not path.isdigit():
        raise ValueError(f"REDIS_URL must end in a database number such as /0, not /{path}")
    return {
        "host": url.hostname or "localhost",
        "port": url.port or 6379,
        "db": int(path or 0),
        "username": url.username,
        "password": url.password,
        "use_ssl": url.scheme == "rediss",
    }
