"""Fixtures for the review tests: the sample cable, and real cables from the corpus."""

from __future__ import annotations

import pytest
from corpus import SAMPLE

from workbench.cable import Cable, read_cable


@pytest.fixture(scope="session")
def sample() -> Cable:
    return read_cable(SAMPLE)
