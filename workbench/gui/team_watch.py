"""Other reviewers' changes, as they are saved, for the window (issue 17).

A ``QThread`` waits on :class:`workbench.review.watch.ChangeWatcher` (LISTEN/NOTIFY on a
PostgreSQL store, a one-second poll of the audit log on SQLite) and emits :attr:`changed` with
the IDs of the cables someone changed. It never touches a widget: the window, on its own thread,
reloads the open cable when its ID is among them. The event loop is never blocked: the wait is
on this thread, with a short timeout so :meth:`stop` ends it promptly.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

WAIT_S = 0.5


class TeamWatch(QThread):
    changed = Signal(list)  # cable IDs changed in the store since the last signal
    ready = Signal()  # watching: changes saved from now on will be reported
    failed = Signal(str)  # one sentence: watching stopped (the store went away for good)

    def __init__(self, spec: str) -> None:
        super().__init__()
        self.setObjectName("teamWatch")
        self.spec = spec
        self._stopping = False
        self.watching = False  # set once ``ready`` has been emitted

    def run(self) -> None:
        from workbench.review.watch import ChangeWatcher

        watcher = None
        failures = 0
        while not self._stopping:
            try:
                if watcher is None:
                    watcher = ChangeWatcher(self.spec)
                    self.watching = True
                    self.ready.emit()
                ids = watcher.wait(WAIT_S)
                failures = 0
            except Exception as exc:  # a lost server, a moved file: try again each second
                if watcher is not None:
                    watcher.close()
                watcher = None
                failures += 1
                if failures == 60:
                    self.failed.emit(f"Others' changes are no longer shown: {exc}")
                self.msleep(1000)
                continue
            if ids:
                self.changed.emit(ids)
        if watcher is not None:
            watcher.close()

    def stop(self) -> None:
        """End the thread and wait for it (never leave it running past its window)."""
        self._stopping = True
        self.wait(5000)
