"""Fixtures for driving the window: a shown, active MainWindow, closed after each test."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    from workbench.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    with qtbot.waitActive(w):
        w.activateWindow()
    yield w
    w.close()


@pytest.fixture
def sample_path():  # type: ignore[no-untyped-def]
    import corpus

    return corpus.SAMPLE
