"""Setting up the QApplication and opening the first window."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.gui.first_run import code_set_choices
from workbench.gui.main_window import APP_TITLE, MainWindow
from workbench.resources import resource_path
from workbench.settings import Settings

APP_ID = "io.github.declassification_workbench.Workbench"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("declassification-workbench")
    # The desktop entry's ID (packaging/): lets the desktop match windows to the menu entry.
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons", f"{APP_ID}.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(path: str | Path | None, store: str | None = None, case: str | None = None) -> int:
    """Open the window on ``path`` (a cable or folder), or a case, and run the event loop."""
    app = application()
    window = start(path, store, case)
    restore = _close_on_stop_signals(app)
    try:
        code = app.exec()
    finally:
        restore()
    window.deleteLater()
    return code


def _close_on_stop_signals(app: QApplication) -> Callable[[], None]:
    """Ctrl-C in the terminal, SIGTERM (a logout, ``kill``) and SIGHUP close the windows as
    their close button does (pending store writes finish), instead of being ignored (Ctrl-C:
    Qt's event loop never lets Python run its handler) or killing the window mid-write.

    The handler only schedules the closing: it may run in the middle of Python code (a file
    being written), which finishes first. A timer wakes the interpreter so that it runs."""
    stops = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    before = {s: signal.getsignal(s) for s in stops}

    def stop(signum: int, frame: object) -> None:
        code = 130 if signum == signal.SIGINT else 128 + signum

        def close() -> None:
            app.closeAllWindows()
            app.exit(code)

        QTimer.singleShot(0, close)

    for s in stops:
        if before[s] != signal.SIG_IGN:  # `nohup` asked for SIGHUP to be ignored
            signal.signal(s, stop)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(200)

    def restore() -> None:
        waker.stop()
        for s, handler in before.items():
            signal.signal(s, handler)

    return restore


def start(path: str | Path | None, store: str | None = None, case: str | None = None) -> MainWindow:
    """The first-run questions if needed, then the window, opening ``path`` once it shows."""
    first = Settings.load().first_run
    if first:
        from workbench.gui.first_run import FirstRunDialog

        FirstRunDialog(Settings.load(), code_set_choices(), store=store).exec()
    window = MainWindow(store_path=store)
    window.show()

    def opened() -> None:
        if path is not None:
            window.open_path(path)
        if case:
            window.case.open_case(case)
        if first:
            window.show_key_hint()

    # After the window is up, so that an error box has a window to sit on.
    QTimer.singleShot(0, opened)
    return window
