"""The Qt part of ``workbench --self-test``: open a cable in a window on the offscreen platform.

Proves that the installed (or bundled) Qt has its platform plugin and fonts and can lay out a
cable's text; the window is drawn into an image and the image must not be blank.
"""

from __future__ import annotations

import os
from pathlib import Path


def offscreen_open(path: Path) -> str:
    """Open ``path`` in a window offscreen; return a one-line account, raise on failure."""
    # Offscreen unless the caller chose a platform: the self-test must run without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QImage
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from workbench.cable import read_cable

    app = QApplication.instance() or QApplication(["workbench"])
    families = QFontDatabase.families()
    if not families:
        raise RuntimeError(
            "Qt found no fonts; install fonts-dejavu-core or reinstall the workbench"
        )
    cable = read_cable(path)
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setPlainText(cable.text)
    view.resize(800, 600)
    view.show()
    app.processEvents()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    view.close()
    dark = _dark_pixels(image)
    if dark < 500:
        raise RuntimeError(f"the window drew no text ({dark} dark pixels)")
    platform = QApplication.platformName()
    return f"{platform} window showed {cable.id or path.name} ({dark} dark pixels, {len(families)} font families)"


def _dark_pixels(image) -> int:  # type: ignore[no-untyped-def]
    """Count pixels darker than mid-grey: text on the light background."""
    w, h = image.width(), image.height()
    bpl = image.bytesPerLine()
    data = bytes(image.constBits())[: bpl * h]
    return sum(1 for y in range(h) for b in data[y * bpl : y * bpl + w] if b < 128)
