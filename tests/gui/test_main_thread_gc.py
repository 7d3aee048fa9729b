"""While a window is open, Python's cyclic collector runs on the GUI thread only (a worker
thread running it destroyed Qt objects there and froze the window: a GIL/Qt-lock deadlock)."""

from __future__ import annotations

import gc


def test_the_collector_runs_on_the_gui_thread_while_a_window_is_open(make_window, qtbot):  # type: ignore[no-untyped-def]
    assert gc.isenabled()
    w = make_window()
    second = make_window()
    assert not gc.isenabled()  # no thread of the window's may start a collection
    collected: list[int] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected.append(1)

    for _ in range(gc.get_threshold()[0] + 10):
        Cycle()
    qtbot.waitUntil(lambda: bool(collected), timeout=5000)  # the timer collects them
    w.close()
    assert not gc.isenabled()  # the other window is still open
    second.close()
    assert gc.isenabled()
