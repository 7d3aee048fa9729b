"""Helpers for GUI tests that read what a window saved, as another process would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LIVE: list[Any] = []  # windows made by the make_window fixture


def all_saved(timeout_s: float = 20.0) -> None:
    """Wait until every live window's queued writes are in the store."""
    import time

    from PySide6.QtWidgets import QApplication

    for w in LIVE:
        assert w.controller.flush(timeout_s), "a window's changes did not reach the store"
        # ... and the window has heard so (the worker's "saved" signals are queued to it).
        end = time.monotonic() + timeout_s
        while w.controller.unsaved and time.monotonic() < end:
            QApplication.processEvents()


def saved(store_path: Path, cable_path: Path) -> Any:
    """The review as another process would read it from the store, once writes have landed."""
    from workbench.cable import read_cable
    from workbench.review.store import SqliteStore

    all_saved()
    with SqliteStore(store_path) as store:
        return store.load(read_cable(cable_path))


def activate(qtbot: Any, window: Any) -> None:
    """Give ``window`` the activation back after a dialog closed (offscreen and without a
    window manager nothing else does), so its shortcuts fire again."""
    qtbot.wait(1)  # let the closed dialog go first
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
