"""Fixtures for the review tests: the sample cable (the stores of both kinds, SQLite and
PostgreSQL on a throwaway server, are in ``tests/pgfixtures.py``)."""

from __future__ import annotations

import pytest
from corpus import SAMPLE
from pgfixtures import PEOPLE, PgDatabase  # noqa: F401  (tests here import them from conftest)

from workbench.cable import Cable, read_cable


@pytest.fixture(scope="session")
def sample() -> Cable:
    return read_cable(SAMPLE)
