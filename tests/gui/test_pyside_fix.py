"""The window survives a long session on Python 3.11 with PySide6 6.12 (see pyside_fix)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SESSION = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import workbench.gui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
class O(QObject):
    s = Signal()
o = O()
for _ in range(60_000):  # a long session's worth of void calls and emits
    w.update()
    o.s.emit()
print("ok")
"""


def test_sixty_thousand_void_calls_do_not_abort_the_interpreter() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SESSION], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
