"""QUndoCommand over the Qt-free review commands (orange-canvas-core's commands idiom).

The review command does the work and the store commits it; this class only lets Qt's undo
stack call ``apply``/``revert`` in the right order. A command is applied (and saved) before
it is pushed, so a refused change never reaches the stack: the first ``redo`` Qt makes on
push is therefore skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workbench.review.commands import Command

if TYPE_CHECKING:
    from workbench.gui.session import ReviewSession


class ReviewUndoCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, command: Command) -> None:
        super().__init__(command.label)
        self.session = session
        self.command = command
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        if not self.session.reapply(self.command):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.session.revert(self.command):
            self.setObsolete(True)
