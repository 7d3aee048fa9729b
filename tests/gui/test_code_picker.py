"""The code picker finds a code by the code itself before words in other codes' descriptions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from workbench.gui.code_picker import CodePicker
from workbench.gui.window_dialogs import code_sets


def test_typing_a_code_ticks_that_code(window):  # type: ignore[no-untyped-def]
    picker = CodePicker(code_sets(window), ["(b)(1)"])
    for typed in ("14d", "b6", "b7c"):
        QTest.keyClicks(picker.search, typed)
        QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert set(picker.codes()) == {"(b)(1)", "(b)(6)", "(b)(7)(C)", "1.4(d)"}
    picker.deleteLater()
