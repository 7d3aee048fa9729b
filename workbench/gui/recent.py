"""The Open Recent menu, kept in the settings file so the CLI and the window share it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from workbench.settings import Settings


class RecentFiles:
    def __init__(self, menu: QMenu, settings: Settings, opener: Callable[[str], object]) -> None:
        self.menu = menu
        self.settings = settings
        self.opener = opener
        self._rebuild()

    def add(self, path: str | Path) -> None:
        self.settings.add_recent(str(path))
        # A read-only config folder must not stop a review; the menu still updates.
        with contextlib.suppress(OSError):
            self.settings.save()
        self._rebuild()

    def _rebuild(self) -> None:
        self.menu.clear()
        paths = [p for p in self.settings.recent_files if Path(p).exists()]
        for i, p in enumerate(paths[:10]):
            action = self.menu.addAction(f"&{(i + 1) % 10} {Path(p).name}")
            action.setToolTip(p)
            action.setObjectName(f"recent_{i}")
            action.triggered.connect(lambda _checked=False, p=p: self.opener(p))
        self.menu.setEnabled(bool(paths))
