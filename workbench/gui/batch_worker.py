"""Checking a folder in the background for the folder table.

A ``QThread`` runs the same engine as ``workbench check`` (``workbench.batch.scan``, worker
processes) and hands rows to the GUI thread in batches; it never touches a widget.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from workbench.batch import Row, count_files, default_jobs, scan
from workbench.cable.files import iter_cable_paths

EMIT_EVERY = 0.1  # seconds: rows reach the window in batches, at most ten times a second
WORKER_NICE = 10  # worker processes yield the CPU to the window


class BatchWorker(QThread):
    """Runs the batch engine over a folder and hands rows to the GUI thread in batches."""

    rowsReady = Signal(list)
    total = Signal(int)
    failed = Signal(str)

    def __init__(self, folder: Path, jobs: int | None = None) -> None:
        super().__init__()
        self.folder = folder
        # Always worker processes, even on one core: checking in this process would hold the
        # GIL through long regular-expression searches and freeze the window for 100 ms+.
        self.jobs = jobs if jobs is not None else max(2, default_jobs())
        self._stop = False

    def stop(self) -> None:
        self._stop = True
        self.wait()

    def run(self) -> None:
        try:
            self.total.emit(count_files([str(self.folder)]))
            rows = scan(iter_cable_paths([str(self.folder)]), as_of=date.today(), jobs=self.jobs)
            close = getattr(rows, "close", lambda: None)  # a generator: closing it ends the workers
            batch: list[Row] = []
            last = time.monotonic()
            reniced = False
            try:
                for row in rows:
                    if self._stop:
                        break
                    if not reniced:
                        reniced = True
                        _lower_priority_of_workers()
                    batch.append(row)
                    now = time.monotonic()
                    if now - last >= EMIT_EVERY:
                        self.rowsReady.emit(batch)
                        batch, last = [], now
            finally:
                close()  # cancels queued work and ends the worker processes
            if batch and not self._stop:
                self.rowsReady.emit(batch)
        except OSError as exc:
            self.failed.emit(
                f"{self.folder} could not be read to the end ({exc.strerror or exc}): "
                "check its permissions."
            )
        except Exception as exc:  # an exception here would end the thread silently
            self.failed.emit(
                f"checking {self.folder} stopped ({type(exc).__name__}: {exc}); "
                "please report this as a bug."
            )


def _lower_priority_of_workers() -> None:
    """Let the window have the CPU first: on two cores, worker processes at the same priority
    as the window's thread starve it for 100 ms at a time. A process may always lower its own
    children's priority (raise their nice value); where it cannot, nothing changes."""
    if not hasattr(os, "setpriority"):
        return
    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, child.pid or 0, WORKER_NICE)
