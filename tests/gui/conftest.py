"""Fixtures for driving the window: a shown, active MainWindow on a private store."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "reviews.sqlite3"


@pytest.fixture
def make_window(qtbot, store_path: Path):  # type: ignore[no-untyped-def]
    """Make shown, active windows on ``store_path``; each is closed (store closed) at the end."""
    from gui.helpers import LIVE
    from workbench.gui.main_window import MainWindow
    from workbench.settings import Settings

    made = []
    if Settings.load().first_run:  # a reviewer's name, as after the first run
        Settings(reviewer="Test Reviewer").save()

    def make(store: Path | None = None) -> MainWindow:
        w = MainWindow(store_path=store or store_path)
        LIVE.append(w)
        qtbot.addWidget(w)
        with qtbot.waitExposed(w):
            w.show()
        with qtbot.waitActive(w):
            w.activateWindow()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
        LIVE.remove(w)
    # Collect what the closed windows left for Python's garbage collector now, while no
    # thread is starting. Collected later, at a random allocation in the next test, a widget's
    # destructor once waited for a Qt lock while holding the GIL, just as that test's new
    # TeamWatch thread waited for the GIL to enter its run(): the suite hung (a GIL/Qt-mutex
    # deadlock seen once under load, stacks in the commit message).
    import gc

    gc.collect()


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    return make_window()


@pytest.fixture
def sample_path() -> Path:
    import corpus

    return corpus.SAMPLE


class DialogAnswerer:
    """Answers a dialog when it appears, and records that it did.

    A test that answers a question must also check ``seen``: a helper that waits for a box
    which never comes and then passes is how a missing confirmation went unnoticed.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.errors: list[BaseException] = []
        self._timers: list[object] = []

    def answer(self, match, act, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
        """Poll for a visible top-level widget for which ``match(widget)`` is true; then call
        ``act(widget)`` once. Gives up after ``timeout_ms`` (and ``seen`` stays empty)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        timer = QTimer()
        timer.setInterval(20)
        tries = [timeout_ms // 20]

        def poll() -> None:
            tries[0] -= 1
            found = next(
                (w for w in QApplication.topLevelWidgets() if w.isVisible() and match(w)), None
            )
            if found is not None:
                timer.stop()
                self.seen.append(getattr(found, "text", found.windowTitle)())
                owner = found.parentWidget()
                try:
                    act(found)
                except BaseException as exc:  # raised in a timer, it would be lost
                    self.errors.append(exc)
                    found.close()
                if owner is not None:
                    # Offscreen (and without a window manager) nothing gives the main window
                    # back its activation when a dialog closes, and its shortcuts need it.
                    QTimer.singleShot(0, owner.window().activateWindow)
            elif tries[0] <= 0:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def message_box(self, words: str, button) -> None:  # type: ignore[no-untyped-def]
        """Press ``button`` (a QMessageBox.StandardButton) on the box whose text has ``words``."""
        from PySide6.QtWidgets import QMessageBox

        self.answer(
            lambda w: isinstance(w, QMessageBox) and words in w.text(),
            lambda box: box.button(button).click(),
        )

    def code_picker(self, *typed: str, cancel: bool = False) -> None:
        """Answer the code picker with keys: each of ``typed`` then Enter (ticks or unticks
        that code), then Enter with nothing typed (accepts as shown), or Escape."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from workbench.gui.code_picker import CodePicker

        def act(picker: CodePicker) -> None:
            for words in typed:
                if words == "<clear>":
                    QTest.keyClick(picker.search, Qt.Key.Key_Backspace)
                    continue
                QTest.keyClicks(picker.search, words)
                QTest.keyClick(picker.search, Qt.Key.Key_Return)
            QTest.keyClick(picker.search, Qt.Key.Key_Escape if cancel else Qt.Key.Key_Return)

        self.answer(lambda w: isinstance(w, CodePicker), act)

    def stop(self) -> None:
        for t in self._timers:
            t.stop()  # type: ignore[attr-defined]
        if self.errors:
            raise self.errors[0]


@pytest.fixture
def dialogs():  # type: ignore[no-untyped-def]
    answerer = DialogAnswerer()
    yield answerer
    answerer.stop()
