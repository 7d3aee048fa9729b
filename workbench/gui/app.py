"""Setting up the QApplication and opening the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.gui.main_window import APP_TITLE, MainWindow


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("declassification-workbench")
    app.setDesktopFileName("declassification-workbench")
    return app


def run(path: str | Path | None) -> int:
    """Open the window on ``path`` (a cable, or nothing) and run the event loop."""
    app = application()
    window = MainWindow()
    window.show()
    if path is not None:
        # After the window is up, so that an error box has a window to sit on.
        QTimer.singleShot(0, lambda: window.open_path(path))
    return app.exec()
