"""Team work in the window (issue 17): the QC keys in the Review menu, and others' changes.

``attach_team(window)`` adds :class:`~workbench.gui.qc_actions.QcActions` to the Review menu and
starts a :class:`~workbench.gui.team_watch.TeamWatch` on the window's store. When someone saves
a change to the open cable, the review is read again and shown, unless this window still has
changes on their way to the store (then the store's conflict check speaks when they arrive).
Our own saves are heard too: they are recognised because the stored review equals ours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QMenu

from workbench.gui.qc_actions import QcActions
from workbench.gui.team_watch import TeamWatch
from workbench.review.model import ReviewError


class Team:
    def __init__(self, window: Any) -> None:
        self.window = window
        c = window.controller
        self.qc = QcActions(
            window,
            c.store,
            lambda: c.review.cable_id if c.review is not None else None,
            lambda: c.reviewer,
            self._ask_note,
        )
        menu = window.findChild(QMenu, "menu_review")
        for action in self.qc.actions.values():
            window.addAction(action)
            if menu is not None:
                menu.addAction(action)
        self.qc.failed.connect(window.error)
        self.qc.done.connect(lambda line: window.statusBar().showMessage(line, 8000))
        self.watch = TeamWatch(c.store_spec)
        self.watch.changed.connect(self.others_changed)
        self.watch.start()

    def _ask_note(self, question: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self.window, "Return to the reviewer", question)
        return text if ok else None

    def others_changed(self, cable_ids: list[str]) -> None:
        c = self.window.controller
        if c.cable is None or c.review is None or c.review.cable_id not in cable_ids:
            return
        if c.unsaved:
            return  # ours are still being saved; a conflict, if any, is reported then
        store = c.store()
        if store is None:
            return
        try:
            stored = store.load(c.cable)
        except ReviewError:
            return
        if stored == c.review:
            return  # our own change, heard back
        current = c.current.key if c.current else ""
        c.open(c.cable)
        if current:
            c.go_to(current)
        self.window.statusBar().showMessage(
            f"{c.review.cable_id if c.review else 'The cable'} was changed by another reviewer: "
            "shown as saved now",
            8000,
        )

    def stop(self) -> None:
        self.watch.stop()


def attach_team(window: Any) -> Team:
    return Team(window)
