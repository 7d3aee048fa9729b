"""One cable under review in the window: its review, the store it is saved to, the undo stack.

Every change goes through :meth:`ReviewSession.execute`, which applies a Qt-free review
command, commits it to the store at once (so a crash loses nothing) and pushes it on the
undo stack. Views listen to :attr:`changed` and never write to the review themselves.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.cable.model import Cable
from workbench.gui.undo import ReviewUndoCommand
from workbench.review.commands import Command
from workbench.review.model import Review, ReviewError
from workbench.review.store_api import ReviewStore

# What a store can raise when a disk fills or another process holds a lock too long.
STORE_ERRORS = (ReviewError, sqlite3.Error, OSError)


class ReviewSession(QObject):
    changed = Signal(list)  # paragraph indexes whose decision changed ([] for header fields)
    failed = Signal(str)  # one sentence for the user

    def __init__(
        self,
        cable: Cable,
        review: Review,
        store: ReviewStore | None,
        reviewer: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cable = cable
        self.review = review
        self.store = store
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

    def execute(self, command: Command) -> bool:
        """Apply and save ``command``; on refusal, say why and change nothing."""
        if not self._run(command, undo=False):
            return False
        self.undo_stack.push(ReviewUndoCommand(self, command))
        return True

    def reapply(self, command: Command) -> bool:
        return self._run(command, undo=False)

    def revert(self, command: Command) -> bool:
        return self._run(command, undo=True)

    def _run(self, command: Command, undo: bool) -> bool:
        try:
            if self.store is None:
                (command.revert if undo else command.apply)(self.review)
            elif undo:
                self.store.revert(self.review, command, self.reviewer)
            else:
                self.store.apply(self.review, command, self.reviewer)
        except STORE_ERRORS as exc:
            self.failed.emit(_sentence(exc))
            return False
        self.changed.emit(sorted(command.paragraphs))
        return True


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, sqlite3.Error | OSError):
        return f"The review store could not save the change ({text}): check the disk and try again."
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
