"""Which real servers (Redis, nginx, PostgreSQL) the tests need, and what to do when one is missing.

Without the Debian packages these tests skip locally, saying what to install; under CI=true the
test set-up installs them (make test's `services` target), so there a missing one is a failure.
"""

from __future__ import annotations

import os

import pytest

from bench.services import missing

IN_CI = os.environ.get("CI") == "true"


def need(*programs: str) -> None:
    """Skip (locally) or fail (in CI) unless every program is installed."""
    packages = missing(*programs)
    if not packages:
        return
    install = f"apt-get install {' '.join(packages)}"
    if IN_CI:
        pytest.fail(f"{install} should have run: `make test` installs them when CI=true")
    pytest.skip(f"needs {', '.join(packages)} ({install})")
