"""Suggesting redactions off the GUI thread, and keeping the reviewer's rejections.

A :class:`SuggestWorker` is a QThread with its own queue (the idiom of
:mod:`workbench.gui.store_writer`). It loads the word lists once when the window starts (a few
tenths of a second), then for each cable the window opens reads that cable's rejections from
its own connection to the review store and runs :func:`workbench.suggest.suggest`; the result
comes back through :attr:`SuggestWorker.computed`, queued to the GUI thread. Rejections are
written by the same thread, in the order they were made, so a cable opened again after a
rejection is suggested with it. Only the newest request is computed: a reviewer paging quickly
through cables never waits for the suggestions of cables already left.

Nothing here touches a widget or a review: suggesting changes nothing, and writing a rejection
changes only the ``suggestion_rejections`` table.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from workbench.cable.model import Cable
from workbench.suggest import make_context, suggest
from workbench.suggest.lexicon import LexiconError, lexicon
from workbench.suggest.rejections import RejectionsUnsupported, load_rejections, reject, unreject

StoreFactory = Callable[[], object]


@dataclass(frozen=True)
class Request:
    """Suggest for ``cable``; ``token`` lets the window drop answers for a cable it has left."""

    token: int
    cable: Cable
    cable_id: str  # the review's key: what a rejection outside a case is kept under
    case_id: str
    code_set: str | None


@dataclass(frozen=True)
class RejectJob:
    text: str
    kind: str
    reviewer: str
    case_id: str
    cable_id: str
    rejected: bool  # False: the rejection is taken back (undo)


class _Thread(QThread):
    computed = Signal(int, list, float)  # token, suggestions, CPU milliseconds spent
    failed = Signal(str)  # one sentence for the reviewer

    def __init__(self, factory: StoreFactory | None) -> None:
        super().__init__()
        self._factory = factory
        self._cond = threading.Condition()
        self._request: Request | None = None  # only the newest matters
        self._writes: deque[RejectJob] = deque()
        self._stopping = False
        self._store: object | None = None
        self._store_failed = False
        self._working = False  # a request or write taken off the queue and not yet done
        self.thread_ident = 0  # for the test that suggestions are made off the GUI thread

    def ask(self, request: Request) -> None:
        with self._cond:
            self._request = request
            self._cond.notify()

    def write(self, job: RejectJob) -> None:
        with self._cond:
            self._writes.append(job)
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()

    def busy(self) -> bool:
        with self._cond:
            return self._working or self._request is not None or bool(self._writes)

    def run(self) -> None:
        self.thread_ident = threading.get_ident()
        try:
            lexicon()  # loaded once, here, while the reviewer reads the first cable
        except LexiconError as exc:
            self.failed.emit(f"Suggestions are not available: {exc}.")
        try:
            while True:
                with self._cond:
                    while not (self._request or self._writes or self._stopping):
                        self._cond.wait()
                    # Rejections first: the next suggestions must already leave them out.
                    job = self._writes.popleft() if self._writes else None
                    request = None if job else self._request
                    if job is None and request is None:
                        return  # stopping, nothing left to write
                    if request is not None:
                        self._request = None
                    self._working = True
                try:
                    if job is not None:
                        self._write(job)
                    elif request is not None:
                        self._suggest(request)
                finally:
                    with self._cond:
                        self._working = False
        finally:
            close = getattr(self._store, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()

    def _opened(self) -> object | None:
        if self._store is None and self._factory is not None and not self._store_failed:
            try:
                self._store = self._factory()
            except Exception:  # the controller already says the store cannot be used
                self._store_failed = True
        return self._store

    def _suggest(self, r: Request) -> None:
        started = time.thread_time()
        rejected: frozenset[str] = frozenset()
        store = self._opened()
        if store is not None:
            try:
                rejected = load_rejections(store, r.case_id).for_cable(r.cable_id)
            except Exception as exc:  # suggestions still come, without the rejections
                self.failed.emit(f"The rejected suggestions could not be read: {exc}.")
        try:
            found = suggest(r.cable, context=make_context(r.code_set, rejected=rejected))
        except Exception as exc:  # a bug in a source must not take the window down
            self.failed.emit(f"No suggestions for this cable: {type(exc).__name__}: {exc}.")
            found = []
        self.computed.emit(r.token, found, (time.thread_time() - started) * 1000)

    def _write(self, job: RejectJob) -> None:
        store = self._opened()
        try:
            if store is None:
                raise RejectionsUnsupported(
                    "the review store cannot be opened: the suggestion is hidden for this "
                    "session only"
                )
            (reject if job.rejected else unreject)(
                store, job.text, job.kind, job.reviewer, job.case_id, job.cable_id
            )
        except RejectionsUnsupported as exc:
            self.failed.emit(f"{str(exc)[0].upper()}{str(exc)[1:]}.")
        except Exception as exc:
            self.failed.emit(
                f"The rejection of '{job.text}' was not saved ({exc}): it is hidden for this "
                "session only."
            )


class SuggestWorker(QObject):
    """The GUI side: ask for a cable's suggestions, write rejections, stop at the end."""

    computed = Signal(int, list, float)
    failed = Signal(str)

    def __init__(self, factory: StoreFactory | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = _Thread(factory)
        self._thread.computed.connect(self.computed)
        self._thread.failed.connect(self.failed)
        self._thread.start()

    @property
    def thread_ident(self) -> int:
        return self._thread.thread_ident

    def ask(self, request: Request) -> None:
        self._thread.ask(request)

    def write(self, job: RejectJob) -> None:
        self._thread.write(job)

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """True once nothing is queued (tests and benchmarks; the window never waits)."""
        end = time.monotonic() + timeout_s
        while self._thread.busy() and time.monotonic() < end:
            time.sleep(0.005)
        return not self._thread.busy()

    def stop(self) -> None:
        """Write the rejections still queued, then end the thread and join it."""
        self._thread.stop()
        self._thread.wait()
