"""Saving review changes off the GUI thread (Anki's background operations, ``aqt/operations``).

The window applies each change to its own copy of the review at once, so the views follow
without waiting; :class:`StoreWriter` then queues the same change for a worker thread that owns
its own store connection, opened in that thread (SQLite allows one file to be opened twice).
The worker keeps a mirror of the review and applies the queued changes to it in order, through
the store's public ``apply``/``revert``, so what is committed is exactly what the window shows.
It keeps one mirror per cable the window has opened (keyed by :func:`review_key`), so a cable
left and opened again keeps its undo history, and a change saved for a cable not shown (find
and redact across a folder) goes to that cable's own mirror.

A write that fails (the store locked by another program past its wait, a full disk) is never
dropped: the worker keeps it at the head of the queue, reports the reason, and tries it again
after a pause that grows to :data:`RETRY_MAX_S`; later changes wait behind it, so the order of
the audit log is the order the reviewer worked in.
"""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from workbench.cable.model import Cable
from workbench.review.commands import Command
from workbench.review.model import Review
from workbench.review.store_api import ConflictError, ReviewStore

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 10.0

StoreFactory = Callable[[], ReviewStore]


def review_key(review: Review) -> str:
    """Which mirror a review's writes go to: one per cable text (ID and text hash)."""
    return f"{review.cable_id}\x00{review.cable_hash}"


@dataclass
class Job:
    """One write: ``kind`` is ``open`` (set the mirror), ``apply``, ``revert`` or ``start_over``."""

    kind: str
    seq: int
    key: str = ""  # the mirror it writes to (review_key)
    cable: Cable | None = None
    review: Review | None = None
    command: Command | None = None
    command_id: int = 0
    reviewer: str = ""
    label: str = ""
    tries: int = field(default=0)


class _Worker(QThread):
    """Runs the queue. Never touches a widget: it only emits signals (queued to the GUI)."""

    saved = Signal(int)  # seq of the job now committed
    failing = Signal(int, str)  # seq, one sentence: the job will be tried again
    conflicted = Signal(str, list, str)  # mirror key, seqs dropped, the sentence

    def __init__(self, factory: StoreFactory) -> None:
        super().__init__()
        self._factory = factory
        self._jobs: deque[Job] = deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._mirrors: dict[str, Review] = {}
        # The worker's own copy of each command, so the window's copy (whose undo snapshot
        # the window uses) is never touched from this thread. Command ids are never reused,
        # so a cable opened again can still undo what was done before it was left.
        self._commands: dict[int, Command] = {}

    def put(self, job: Job) -> None:
        with self._cond:
            self._jobs.append(job)
            self._cond.notify()

    def stop(self) -> None:
        """Finish the jobs already queued (or give up waiting for a failing one), then end."""
        with self._cond:
            self._stopping = True
            self._cond.notify()

    def pending(self) -> int:
        with self._cond:
            return len(self._jobs)

    def run(self) -> None:
        store: ReviewStore | None = None
        try:
            while True:
                with self._cond:
                    while not self._jobs and not self._stopping:
                        self._cond.wait()
                    if not self._jobs:
                        return
                    job = self._jobs[0]
                try:
                    if store is None:
                        store = self._factory()
                    self._run(store, job)
                except ConflictError as exc:
                    # Someone else changed it: retrying can never succeed (the mirror is stale),
                    # so this change and those queued behind it are dropped, and the window
                    # reads the review again (issue 17's team store).
                    with self._cond:
                        mine = [j for j in self._jobs if j.key == job.key]
                        dropped = [j.seq for j in mine if j.kind != "open"]
                        for j in mine:
                            self._jobs.remove(j)
                    self._mirrors.pop(job.key, None)
                    self.conflicted.emit(job.key, dropped, _sentence(exc))
                    continue
                except Exception as exc:  # any failure: keep the job, say why, try again
                    job.tries += 1
                    self.failing.emit(job.seq, _sentence(exc))
                    if store is not None and job.tries % 3 == 0:
                        _close(store)  # a fresh connection, in case this one is wedged
                        store = None
                    pause = min(RETRY_FIRST_S * 2 ** (job.tries - 1), RETRY_MAX_S)
                    with self._cond:
                        if self._stopping:
                            return  # the window chose to quit with this change unsaved
                        self._cond.wait(pause)
                    continue
                with self._cond:
                    self._jobs.popleft()
                self.saved.emit(job.seq)
        finally:
            if store is not None:
                _close(store)

    def _run(self, store: ReviewStore, job: Job) -> None:
        if job.kind == "open":
            assert job.review is not None
            old = self._mirrors.get(job.key)
            if old is not None:
                # The window may hand back its own copy, whose versions it never saw move:
                # what this worker committed since is newer (versions only grow).
                for k, v in old.versions.items():
                    job.review.versions[k] = max(v, job.review.versions.get(k, 0))
            self._mirrors[job.key] = job.review
            return
        if job.kind == "start_over":
            assert job.cable is not None
            self._mirrors[job.key] = store.start_over(job.cable, job.reviewer)
            return
        mirror = self._mirrors.get(job.key)
        if mirror is None:  # made before the window heard of a conflict: never saved
            raise ConflictError(
                "a change made while the review was being read again after another "
                "reviewer's change was not saved: make it again"
            )
        assert job.command is not None
        if job.kind == "apply":
            command = _copy(job.command, job.cable)
            store.apply(mirror, command, job.reviewer)
            self._commands[job.command_id] = command
        else:
            store.revert(mirror, self._commands[job.command_id], job.reviewer)


class StoreWriter(QObject):
    """The GUI side of the queue: hands out sequence numbers and reports saving/saved."""

    # pending writes, and a sentence when the head of the queue is failing ("" when not)
    statusChanged = Signal(int, str)
    # a mirror's key and the sentence: its changes were dropped (another reviewer changed them)
    conflicted = Signal(str, str)

    def __init__(self, factory: StoreFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _Worker(factory)
        self._worker.saved.connect(self._on_saved)
        self._worker.failing.connect(self._on_failing)
        self._worker.conflicted.connect(self._on_conflicted)
        self._seq = 0
        self._unsaved: set[int] = set()
        self.error = ""
        self.saved_at: float | None = None
        self._worker.start()

    @property
    def pending(self) -> int:
        return len(self._unsaved)

    def open(self, review: Review) -> None:
        """The review the following changes apply to (a copy: the window keeps its own)."""
        self._put(Job("open", 0, review_key(review), review=copy.deepcopy(review)), count=False)

    def apply(
        self, key: str, cable: Cable, command: Command, command_id: int, reviewer: str
    ) -> None:
        # Copied now, on the GUI thread, before the window can change it again.
        self._put(Job("apply", 0, key, cable, None, _copy(command, cable), command_id, reviewer))

    def revert(self, key: str, command_id: int, reviewer: str) -> None:
        self._put(Job("revert", 0, key, None, None, _NoCommand, command_id, reviewer))

    def start_over(self, key: str, cable: Cable, reviewer: str) -> None:
        self._put(Job("start_over", 0, key, cable, reviewer=reviewer))

    def _put(self, job: Job, count: bool = True) -> None:
        self._seq += 1
        job.seq = self._seq
        if count:
            self._unsaved.add(job.seq)
            self.statusChanged.emit(self.pending, self.error)
        self._worker.put(job)

    def _on_saved(self, seq: int) -> None:
        if seq in self._unsaved:
            self._unsaved.discard(seq)
            self.saved_at = time.time()
        self.error = ""
        self.statusChanged.emit(self.pending, "")

    def _on_conflicted(self, key: str, seqs: list[int], message: str) -> None:
        self._unsaved.difference_update(seqs)
        self.error = ""
        self.statusChanged.emit(self.pending, "")
        self.conflicted.emit(key, message)

    def _on_failing(self, _seq: int, message: str) -> None:
        self.error = message
        self.statusChanged.emit(self.pending, message)

    def wait(self, timeout_s: float) -> bool:
        """Wait (processing nothing else) until every queued write is committed; True if so."""
        end = time.monotonic() + timeout_s
        while self._worker.pending() and time.monotonic() < end:
            time.sleep(0.005)
        return not self._worker.pending()

    def stop(self) -> None:
        """End the worker after the writes it can make; join it (never leave it running)."""
        self._worker.stop()
        self._worker.wait()


class _Placeholder(Command):
    label = "revert"


_NoCommand = _Placeholder()


def _copy(command: Command, cable: Cable | None) -> Command:
    # The cable is shared, not copied: it is immutable and may be large.
    memo: dict[int, Any] = {id(cable): cable} if cable is not None else {}
    return copy.deepcopy(command, memo)


def _close(store: ReviewStore) -> None:
    close = getattr(store, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."
