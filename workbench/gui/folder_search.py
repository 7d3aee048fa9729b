"""Searching a folder of cables off the GUI thread, for the find pane.

A ``QThread`` hands chunks of paths to worker processes (``review.hits.search_files``: read,
parse, find, and each hit's region state as the store holds it) and emits the hits in the
folder's order as they come. Parsing in this process would hold the GIL through long regular
expressions and freeze the window (the folder table's worker learnt the same); the workers
are niced so the window keeps the CPU. Never touches a widget.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from workbench.cable.files import iter_cable_paths
from workbench.review.hits import Hit, Query, search_files

CHUNK = 16  # files per task: hits reach the window a few times a second
AHEAD = 3  # tasks in flight per worker
NICE = 10


def _start_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the window's to act on
    with contextlib.suppress(OSError):
        os.nice(NICE)


def _context() -> multiprocessing.context.BaseContext:
    # This is a threaded Qt process: never fork it (threads' locks would be copied held).
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["workbench.review.hits"])
        return ctx
    return multiprocessing.get_context("spawn")


class FolderSearch(QThread):
    found = Signal(list)  # hits of the next files, in the folder's order
    progress = Signal(int, int, int)  # files searched, files in all, files not readable
    failed = Signal(str)

    def __init__(self, folder: Path, query: Query, store: str | None, jobs: int = 2) -> None:
        super().__init__()
        self.folder, self.query, self.store, self.jobs = folder, query, store, max(1, jobs)
        self._stop = False
        self.searched = self.skipped = 0

    def stop(self) -> None:
        self._stop = True
        self.wait()

    def run(self) -> None:
        try:
            paths = [str(p) for p in iter_cable_paths([str(self.folder)])]
        except OSError as exc:
            self.failed.emit(f"{self.folder} could not be read ({exc.strerror or exc}).")
            return
        total = len(paths)
        self.progress.emit(0, total, 0)
        chunks = iter([paths[i : i + CHUNK] for i in range(0, total, CHUNK)])
        try:
            executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=_context(), initializer=_start_worker
            )
        except (OSError, ValueError) as exc:
            self.failed.emit(f"the search could not start its worker processes ({exc}).")
            return
        pending: deque[Future[list[tuple[list[Hit], str]]]] = deque()
        try:
            for c in islice(chunks, self.jobs * AHEAD):
                pending.append(executor.submit(search_files, c, self.query, self.store))
            while pending and not self._stop:
                results = pending.popleft().result()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.append(executor.submit(search_files, nxt, self.query, self.store))
                hits = [h for found, _ in results for h in found]
                self.searched += len(results)
                self.skipped += sum(1 for _, error in results if error)
                if hits:
                    self.found.emit(hits)
                self.progress.emit(self.searched, total, self.skipped)
        except Exception as exc:  # a worker died: say so rather than end silently
            self.failed.emit(f"the search stopped ({type(exc).__name__}: {exc}).")
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
