"""QUndoCommand over the Qt-free review commands (orange-canvas-core's commands idiom).

The review command does the work; this class only lets Qt's undo stack call back into
whoever owns the review (the controller) in the right order. A command is applied before it
is pushed, so a refused change never reaches the stack: the first ``redo`` Qt makes on push is
therefore skipped. The text is what the Edit menu shows after "Undo"/"Redo".
"""

from __future__ import annotations

import weakref
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from workbench.review import commands as rc
from workbench.review.commands import Command
from workbench.review.model import Action, Review


class Reapplies(Protocol):
    """What an undo command needs from its owner (the controller), without importing it."""

    def reapply(self, command: Command, command_id: int, key: str) -> bool: ...

    def revert(self, command: Command, command_id: int, key: str) -> bool: ...


class ReviewUndoCommand(QUndoCommand):
    """``key`` names the cable's review (``store_writer.review_key``) the command belongs to:
    each cable keeps its own undo stack while the window is open."""

    def __init__(
        self, owner: Reapplies, command: Command, command_id: int, key: str, text: str
    ) -> None:
        super().__init__(text)
        # Weakly: a command (owned by a C++ stack, owned by the controller) holding its owner
        # would make a reference cycle, and Python's collector then tears the stack down from
        # under Qt (a crash when a controller without a parent is collected).
        self._owner = weakref.ref(owner)
        self.command = command
        self.command_id = command_id
        self.key = key
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        owner = self._owner()
        if owner is None or not owner.reapply(self.command, self.command_id, self.key):
            self.setObsolete(True)

    def undo(self) -> None:
        owner = self._owner()
        if owner is None or not owner.revert(self.command, self.command_id, self.key):
            self.setObsolete(True)


def undo_text(command: rc.Command, review: Review) -> str:
    """What Edit > Undo says: "Undo Withhold ¶3", "Undo Redact in ¶2, Subject"."""
    labels = [review.partition[k].label for k in command.keys if k in review.partition.by_key]
    place = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    if isinstance(command, rc.SetDecision):
        verb = {
            Action.RELEASE: "Release",
            Action.WITHHOLD: "Withhold",
            Action.PARTIAL: "Release in part",
            Action.PENDING: "Undecide",
        }[command.decision.action]
        return f"{verb} {place}"
    if isinstance(command, rc.ClearField | rc.Release):
        return f"Release {place}"
    if isinstance(command, rc.AddSpans):
        return f"Redact in {place}"
    if isinstance(command, rc.RemoveSpans):
        return f"Un-redact in {place}"
    if isinstance(command, rc.Composite) and command.children:
        first = undo_text(command.children[0], review).split(" ")[0]
        if all(undo_text(c, review).split(" ")[0] == first for c in command.children):
            return f"{first} {place}" if first != "Redact" else f"Redact in {place}"
    return command.label
