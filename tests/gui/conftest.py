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
    from workbench.gui.main_window import MainWindow

    made = []

    def make(store: Path | None = None) -> MainWindow:
        w = MainWindow(store_path=store or store_path)
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
                act(found)
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

    def stop(self) -> None:
        for t in self._timers:
            t.stop()  # type: ignore[attr-defined]


@pytest.fixture
def dialogs():  # type: ignore[no-untyped-def]
    answerer = DialogAnswerer()
    yield answerer
    answerer.stop()
