"""Python's cyclic garbage collector, run on the GUI thread only.

The window has threads of its own (the store writer, the suggester, the team watch). Left
automatic, the collector runs on whichever thread happens to allocate when a threshold is
passed, and destroys Qt objects there: a worker thread then held a Qt lock while destroying a
signal connection and waited for the GIL, while the GUI thread, holding the GIL, waited for
that lock to connect a label's text document. The window froze (the test suite hung on it,
py-spy stacks in the commit message). So the automatic collector is switched off while a
window lives, and the same thresholds are checked on the GUI thread by a timer instead
(reference counting, which frees almost everything, is untouched).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects on the GUI thread, every ``INTERVAL_MS``, the generations whose thresholds
    the allocations since passed (as the automatic collector would)."""

    _live = 0  # collectors running (windows open); the first switches the automatic one off
    _was_enabled = True

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        if MainThreadCollector._live == 0:
            MainThreadCollector._was_enabled = gc.isenabled()
            gc.disable()
        MainThreadCollector._live += 1
        self._running = True
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(INTERVAL_MS)

    def collect(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        gc.collect(generation)

    def stop(self) -> None:
        """Back to the automatic collector once the last window closed (its threads ended)."""
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        MainThreadCollector._live -= 1
        gc.collect()
        if MainThreadCollector._live == 0 and MainThreadCollector._was_enabled:
            gc.enable()
