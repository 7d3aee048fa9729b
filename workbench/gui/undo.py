"""QUndoCommand over the Qt-free review commands (orange-canvas-core's commands idiom).

The review command does the work; this class only lets Qt's undo stack call back into
whoever owns the review (the controller) in the right order. A command is applied before it
is pushed, so a refused change never reaches the stack: the first ``redo`` Qt makes on push is
therefore skipped. The text is what the Edit menu shows after "Undo"/"Redo".
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from workbench.review.commands import Command


class Reapplies(Protocol):
    """What an undo command needs from its owner (the controller), without importing it."""

    def reapply(self, command: Command, command_id: int) -> bool: ...

    def revert(self, command: Command, command_id: int) -> bool: ...


class ReviewUndoCommand(QUndoCommand):
    def __init__(self, owner: Reapplies, command: Command, command_id: int, text: str) -> None:
        super().__init__(text)
        self.owner = owner
        self.command = command
        self.command_id = command_id
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        if not self.owner.reapply(self.command, self.command_id):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.owner.revert(self.command, self.command_id):
            self.setObsolete(True)
