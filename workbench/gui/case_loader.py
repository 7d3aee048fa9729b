"""Opening a case off the GUI thread (issue 15): reading, folding and indexing its cables.

A case of two thousand cables takes seconds to read and index (``case.session.build_index``);
the window stays live meanwhile and shows how far it is. The thread only reads cable files and
builds the in-memory index: it never touches the store (the GUI thread's store object is not
shared across threads) nor a widget. The window assembles the session on its own thread when
:attr:`done` arrives, and asks for a stop (:meth:`stop`) when it closes or opens another case.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from workbench.review.case_records import CaseCable


class _Stopped(Exception):
    pass


class CaseLoader(QThread):
    progress = Signal(int, int)  # cables read, of
    done = Signal(object, object)  # CaseIndex, problems (list[str])
    failed = Signal(str)  # one sentence

    def __init__(self, number: str, entries: list[CaseCable]) -> None:
        super().__init__()
        self.setObjectName("caseLoader")
        self.number = number
        self.entries = entries

    def run(self) -> None:
        from workbench.case.session import build_index

        def progress(i: int, n: int) -> None:
            if self.isInterruptionRequested():
                raise _Stopped
            self.progress.emit(i, n)

        try:
            index, problems = build_index(self.entries, progress=progress)
        except _Stopped:
            return
        except (OSError, MemoryError) as exc:
            self.failed.emit(f"The case {self.number} could not be read: {exc}")
            return
        if not self.isInterruptionRequested():
            self.done.emit(index, problems)

    def stop(self) -> None:
        self.requestInterruption()
        self.wait()
