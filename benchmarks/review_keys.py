"""Keys to review the sample cable with the right codes, counted by driving the real window.

    python3 benchmarks/review_keys.py

"The right codes", concretely: ¶1 released; ¶2 released except the name "Kim Hye-jin",
withheld (b)(6) (a private person's name); ¶3 withheld (b)(1) 1.4(d) (foreign relations);
¶4 released; every header line released (the routing, classification, captions, DECL line,
reasons and separator are released by the visible rules). Every key press counts as one (a
chord such as Ctrl+R is one), every mouse gesture as one; typing "b6" is two keys.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="wb-keys-"))
    os.environ["WORKBENCH_HOME"] = str(home)
    (home / "config").mkdir()
    (home / "config" / "settings.json").write_text('{"reviewer": "Key Counter"}')
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.gui.app import application
    from workbench.gui.code_picker import CodePicker
    from workbench.gui.main_window import MainWindow
    from workbench.review.model import Action

    app = application()
    w = MainWindow(store_path=str(home / "s.sqlite3"))
    w.show()
    QTest.qWaitForWindowExposed(w)
    assert w.open_path(ROOT / "resources" / "samples" / "07SEOUL219.txt")
    count = {"keys": 0, "mouse": 0}
    K, M = Qt.Key, Qt.KeyboardModifier

    def press(k: Qt.Key, mod: Qt.KeyboardModifier = M.NoModifier, target=None) -> None:  # type: ignore[no-untyped-def]
        count["keys"] += 1
        if QApplication.activeModalWidget() is None and not w.isActiveWindow():
            QTest.qWait(1)
            w.activateWindow()
            QTest.qWaitForWindowActive(w)
        QTest.keyClick(target or QApplication.focusWidget() or w.table, k, mod)

    def in_dialog(kind: type, keys: list) -> None:  # type: ignore[type-arg]
        def go() -> None:
            d = next(
                (
                    x
                    for x in QApplication.topLevelWidgets()
                    if isinstance(x, kind) and x.isVisible()
                ),
                None,
            )
            if d is None:
                QTimer.singleShot(20, go)
                return
            for k in keys:
                press(*k) if isinstance(k, tuple) else [
                    press(Qt.Key(ord(ch.upper())), target=QApplication.focusWidget())
                    if ch.isalpha()
                    else press(Qt.Key(ord(ch)), target=QApplication.focusWidget())
                    for ch in k
                ]

        QTimer.singleShot(20, go)

    w.table.setFocus()
    # ¶1 is current when the cable opens.
    press(K.Key_A)  # ¶1 released; ¶2 is current
    text = w.controller.cable.text
    s = text.index("Kim Hye-jin")
    count["mouse"] += 1  # drag over the name
    w.view.select_span(s, s + len("Kim Hye-jin"))
    in_dialog(CodePicker, [(K.Key_Backspace,), "b6", (K.Key_Return,), (K.Key_Return,)])
    press(K.Key_R, M.ControlModifier)  # picker: Backspace clears, b6 Enter ticks, Enter accepts
    press(K.Key_A)  # the rest of ¶2 released; ¶3 current
    press(K.Key_R)  # ¶3 withheld with the last paragraph codes, (b)(1) 1.4(d); ¶4 current
    press(K.Key_A)  # ¶4 released
    in_dialog(QMessageBox, [(K.Key_Y, M.AltModifier)])
    press(K.Key_H, M.ControlModifier | M.ShiftModifier)  # release the header lines, Alt+Y
    r = w.controller.review
    assert r.decision("p1").action == Action.RELEASE, r.decision("p1")
    d2 = r.decision("p2")
    assert d2.action == Action.PARTIAL and [(x.start, x.end, x.codes) for x in d2.spans] == [
        (s, s + 11, ("(b)(6)",))
    ], d2
    assert r.decision("p3") == r.decision("p3").__class__(Action.WITHHOLD, ("(b)(1)", "1.4(d)"))
    assert r.decision("p4").action == Action.RELEASE
    assert r.is_complete, [x.key for x in r.pending()]
    print(
        f"review of the sample with the right codes: {count['keys']} keys and "
        f"{count['mouse']} mouse gesture(s), {count['keys'] + count['mouse']} in all"
    )
    w.controller.flush()
    w.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
