"""The ``make_case`` fixture of tests/case (the helpers are in ``casekit``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casekit import Case, make_case_fixture


@pytest.fixture
def make_case(tmp_path: Path) -> Callable[..., Case]:
    return make_case_fixture(tmp_path)
