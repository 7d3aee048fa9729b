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
