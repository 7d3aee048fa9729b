"""The Qt part of ``workbench --self-test``: the reviewer's window on the offscreen platform.

Proves that the installed (or bundled) Qt has its platform plugin and fonts, and that the real
window opens a cable: its region list fills and the window draws text into an image.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def offscreen_open(path: Path) -> str:
    """Open ``path`` in the main window offscreen; return a one-line account, raise on failure."""
    # Offscreen unless the caller chose a platform: the self-test must run without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler

    from workbench.gui.app import application

    app = application()
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        return _open(app, path)
    finally:
        qInstallMessageHandler(previous)


def _quiet_offscreen(mode, context, message: str) -> None:  # type: ignore[no-untyped-def]
    # The offscreen platform warns that it cannot propagate size hints, which is expected and
    # would read like a fault in the self-test's output. Everything else goes to stderr.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _open(app, path: Path) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase, QImage

    from workbench.gui.main_window import MainWindow

    families = QFontDatabase.families()
    if not families:
        raise RuntimeError(
            "Qt found no fonts; install fonts-dejavu-core or reinstall the workbench"
        )
    window = MainWindow()
    try:
        window.show()
        if not window.open_path(path) or window.controller.cable is None:
            raise RuntimeError(f"the window did not open {path}: {window.last_error}")
        rows = window.model.rowCount()
        regions = len(window.controller.regions)
        if rows != regions or not regions:
            raise RuntimeError(f"the region list has {rows} rows for {regions} regions")
        app.processEvents()
        image = window.view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        window.close()
        window.deleteLater()
    dark = _dark_pixels(image)
    if dark < 500:
        raise RuntimeError(f"the window drew no text ({dark} dark pixels)")
    return (
        f"{app.platformName()} window opened {window.controller.cable.id}: {rows} regions in the list, "
        f"text drawn ({len(families)} font families)"
    )


def _dark_pixels(image) -> int:  # type: ignore[no-untyped-def]
    """Count pixels darker than mid-grey: text on the light background."""
    w, h = image.width(), image.height()
    bpl = image.bytesPerLine()
    data = bytes(image.constBits())[: bpl * h]
    return sum(1 for y in range(h) for b in data[y * bpl : y * bpl + w] if b < 128)
