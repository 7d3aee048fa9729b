"""Test set-up shared by every test: Qt headless unless the caller chose a platform, and a
private settings/data directory so tests never touch the user's store or settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The PostgreSQL server and stores of both kinds, for any test folder (issue 17).
pytest_plugins = ["pgfixtures"]


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the workbench's data and config directories at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(autouse=True)
def _no_guard_from_earlier_tests() -> None:
    """Forget the files an earlier test's command guarded (safeio.guard knows them by device
    and inode, and a new temporary file may reuse a deleted one's inode: a settings file
    written before the next command was once refused as "a file this command reads")."""
    from workbench.safeio import guard

    guard.forget_all()
