"""Which real servers (Redis, nginx, PostgreSQL) the tests need, and what to do when one is missing.

Without the Debian packages these tests skip locally, saying what to install; under CI=true the
test set-up installs them (make test's `services` target), so there a missing one is a failure.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from bench.services import missing

IN_CI = os.environ.get("CI") == "true"


def need(*programs: str) -> None:
    """Skip (locally) or fail (in CI) unless every program is installed."""
    packages = missing(*programs)
    if packages:
        unavailable(", ".join(packages), f"apt-get install {' '.join(packages)}")


def unavailable(what: str, install: str) -> NoReturn:
    """A tool a test needs is missing: skip locally, saying how to install it; fail under
    CI=true, where `make test` installs it, so CI never counts a skipped test as passing."""
    if IN_CI:
        pytest.fail(f"{what} is missing: `make test` installs it when CI=true ({install})")
    pytest.skip(f"needs {what} ({install}); with CI=true this is a failure, never a skip")
