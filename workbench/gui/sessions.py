"""The cables reviewed in one window: each keeps its review and its undo history.

A ``QUndoGroup`` holds one ``QUndoStack`` per cable (Qt's idiom for several documents in one
window): Edit > Undo acts on the open cable's stack, and a cable left and opened again finds
its history where it was. Keys are ``store_writer.review_key`` (ID and text hash), so a
changed text is another cable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoGroup, QUndoStack

from workbench.cable.model import Cable
from workbench.review.model import Review, review_id, text_hash
from workbench.review.store_api import ReviewStore


@dataclass
class Session:
    """A cable reviewed in this window: its review as the window holds it, and its history."""

    cable: Cable
    review: Review
    stack: QUndoStack


def cable_key(cable: Cable) -> str:
    """The session key of ``cable`` (equal to ``review_key`` of its review)."""
    return f"{review_id(cable)}\x00{text_hash(cable.text)}"


class Sessions:
    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self.group = QUndoGroup(owner)
        self._idle = QUndoStack(owner)  # active while no review is open (read-only)
        self._idle.setObjectName("undoStack")
        self.group.addStack(self._idle)
        self.group.setActiveStack(self._idle)
        self._by_key: dict[str, Session] = {}

    def get(self, key: str) -> Session | None:
        return self._by_key.get(key)

    def by_id(self, cable_id: str) -> Session | None:
        """The latest session of the cable with that review name (its ID or file stem)."""
        found = [s for s in self._by_key.values() if s.review.cable_id == cable_id]
        return found[-1] if found else None

    def of(self, cable: Cable) -> Session | None:
        return self._by_key.get(cable_key(cable))

    def new(self, cable: Cable, review: Review) -> Session:
        """A session for ``review`` with an empty history (replacing any before)."""
        key = f"{review.cable_id}\x00{review.cable_hash}"
        self.forget(key)
        stack = QUndoStack(self._owner)
        self.group.addStack(stack)
        s = self._by_key[key] = Session(cable, review, stack)
        return s

    def load(self, cable: Cable, store: ReviewStore) -> Session:
        """The cable's session with its review read from ``store``: the one already here, its
        history kept, when the store holds the same decisions; else a new one with an empty
        history. Raises ReviewError when the review cannot be read."""
        review = store.load(cable)
        old = self.of(cable)
        if old is not None and review == old.review:
            old.review, old.cable = review, cable
            return old
        return self.new(cable, review)

    def forget(self, key: str) -> None:
        old = self._by_key.pop(key, None)
        if old is not None:
            self.group.removeStack(old.stack)
            old.stack.deleteLater()

    def activate(self, s: Session | None) -> None:
        self.group.setActiveStack(s.stack if s is not None else self._idle)

    @property
    def active_stack(self) -> QUndoStack:
        return self.group.activeStack() or self._idle
