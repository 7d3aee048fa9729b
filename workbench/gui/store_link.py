"""The controller's two ends of the review store: a reader on the GUI thread and the
:class:`StoreWriter` whose worker thread saves every change.

Reads (loading a cable's review, the folder's progress) stay on the GUI thread: a WAL read never
waits for a writer. Writes go through the writer's queue. Closing asks, through the injected
``confirm``, before dropping writes that keep failing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from workbench.gui.store_writer import StoreWriter
from workbench.review.model import ReviewError
from workbench.review.store_api import ReviewStore
from workbench.review.stores import describe, open_store


class StoreLink(QObject):
    saveStatus = Signal(int, str)  # writes not yet committed, and why the first fails ("")
    failed = Signal(str)  # the store cannot be opened, in one sentence
    conflicted = Signal(str, str)  # a mirror's key (review_key), the sentence

    def __init__(self, spec: str, confirm: Callable[[str], bool], parent: QObject | None) -> None:
        super().__init__(parent)
        self.spec = spec  # a SQLite file or a team's postgresql:// URL (issue 17)
        self.confirm = confirm
        self._reader: ReviewStore | None = None
        self._writer: StoreWriter | None = None

    def reader(self) -> ReviewStore | None:
        """The store for reading on this thread, opened on first use (None: it cannot be)."""
        if self._reader is None:
            try:
                self._reader = open_store(self.spec)
            except (ReviewError, OSError) as exc:
                self.failed.emit(_store_failure(describe(self.spec), str(exc)))
                return None
        return self._reader

    def reader_as(self, reviewer: str) -> tuple[ReviewStore | None, str]:
        """The reader, and who the reviewer is once it is open: a team store names the
        reviewer by the database login; a file store keeps the settings' name (and a blank
        one stays blank, to be asked for)."""
        opened = self._reader is not None
        reader = self.reader()
        if reader is not None and not opened:
            who = reader.identity(reviewer)
            if reviewer or who != "unknown":
                reviewer = who
        return reader, reviewer

    def writer(self) -> StoreWriter:
        if self._writer is None:
            spec = self.spec
            self._writer = StoreWriter(lambda: open_store(spec), self)
            self._writer.statusChanged.connect(self.saveStatus)
            self._writer.conflicted.connect(self.conflicted)
        return self._writer

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every queued write is in the store; True if it is."""
        return self._writer.wait(timeout_s) if self._writer is not None else True

    @property
    def unsaved(self) -> int:
        return self._writer.pending if self._writer is not None else 0

    def close(self, wait_s: float = 5.0) -> bool:
        """Save what is queued and end the worker. If writes are still failing after
        ``wait_s``, ask before dropping them; False (nothing closed) if the user says no."""
        if self._writer is not None:
            if not self._writer.wait(wait_s) and not self.confirm(
                f"{self._writer.pending} change(s) could not be saved yet "
                f"({self._writer.error or 'the store is busy'}). Quit anyway and lose them?"
            ):
                return False
            self._writer.stop()
            self._writer = None
        close = getattr(self._reader, "close", None)
        if close is not None:
            close()
        self._reader = None
        return True


def _store_failure(name: str, reason: str) -> str:
    """The sentence for a store that cannot be opened; the store's own sentences (damaged, not
    a review store...) already name it, and are not prefixed a second time."""
    if name in reason:
        return reason[:1].upper() + reason[1:]
    return f"The review store {name} cannot be used: {reason}"
