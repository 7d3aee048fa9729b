"""Cases in the window (issue 15): File > Open Case, proposals on each copy, the case's keys.

``attach_case(window)`` adds to the window, through its controller and nothing else:

* File > Open Case… (Ctrl+Shift+C): choose a case of the store; its cables are shown as a table
  with each one's progress and proposals, and its conflicts (:mod:`case_view`). Ctrl+B comes
  back to it from a cable.
* On a cable of the open case, every proposal is marked on the text (dotted underline, its
  reason in the tooltip), and the current region's proposal is named in the status bar.
  P accepts the current region's proposals, Shift+P every proposal of the cable: each
  acceptance is one undoable command, saved and audited as a decision of its own.
* N (next undecided) moves across the whole case: past the cable's last undecided region to
  the next cable of the case with one.

Nothing is applied by opening, showing or moving: only P and Shift+P decide, and only what
they name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from workbench.case.accept import command
from workbench.case.conflicts import Conflict, acceptance
from workbench.case.proposals import Proposal
from workbench.case.session import CaseSession, require_case
from workbench.gui import styles
from workbench.gui.case_loader import CaseLoader
from workbench.gui.case_view import CaseView
from workbench.gui.highlights import Highlight, char_format
from workbench.review.case_records import CaseCable, CaseRecord
from workbench.review.commands import Command
from workbench.review.model import ReviewError, review_id


class CaseMode:
    def __init__(self, window: Any) -> None:
        self.window = window
        self.session: CaseSession | None = None
        self.view: CaseView | None = None
        self.proposals: list[Proposal] = []
        self.loader: CaseLoader | None = None
        self._opening: tuple[CaseRecord, list[CaseCable]] | None = None
        self.actions: dict[str, QAction] = {}
        for name, text, key, tip, menu in (
            ("open_case", "Open &Case…", "Ctrl+Shift+C", "Open a case of the review store: "
             "its cables, their progress, its conflicts", "menu_file"),
            ("accept_proposal", "Accept &Proposal", "P", "Accept the case's proposal for "
             "this region (one decision, saved and audited)", "menu_review"),
            ("accept_all_proposals", "Accept &All Proposals", "Shift+P", "Accept every "
             "proposal of the case for this cable, each its own decision", "menu_review"),
        ):  # fmt: skip
            a = QAction(text, window)
            a.setObjectName(name)
            a.setShortcut(QKeySequence(key))
            a.setToolTip(f"{tip} ({key})")
            a.setStatusTip(tip)
            window.addAction(a)
            m = window.findChild(QMenu, menu)
            if m is not None:
                m.addAction(a)
            self.actions[name] = a
        self.actions["open_case"].triggered.connect(lambda: self.choose_case())
        self.actions["accept_proposal"].triggered.connect(lambda: self.accept_current())
        self.actions["accept_all_proposals"].triggered.connect(lambda: self.accept_all())
        wa = window.named_actions
        # N and Ctrl+B keep their meaning with no case open, and reach across the case in one.
        wa["next_undecided"].triggered.disconnect()
        wa["next_undecided"].triggered.connect(lambda: self.next_undecided())
        wa["show_folder"].triggered.disconnect()
        wa["show_folder"].triggered.connect(lambda: self.show_table())
        c = window.controller
        c.cableOpened.connect(self._on_cable)
        c.decisionsChanged.connect(lambda _keys: self._on_decided())
        c.currentChanged.connect(lambda _key: self._show_current())
        self._enable()

    # -- opening a case ----------------------------------------------------------------------
    def choose_case(self) -> None:
        store = self.window.controller.store()
        if store is None:
            return
        try:
            cases = store.cases()
        except ReviewError as exc:
            self.window.error(str(exc))
            return
        if not cases:
            self.window.error(
                "The review store has no cases yet: open one with `workbench case new` and add "
                "its cables with `workbench case add` (see the guide, Cases)."
            )
            return
        names = [f"{c.number} — {c.title}" for c in cases]
        chosen, ok = QInputDialog.getItem(self.window, "Open Case", "Case:", names, 0, False)
        if ok and chosen:
            self.open_case(cases[names.index(chosen)].number)

    def open_case(self, number: str) -> bool:
        """Start opening case ``number``: its cables are read and indexed on a worker thread
        (:mod:`case_loader`) while the window stays live, the status bar counting them; the
        case's table shows when it is done. False (and one sentence) if there is no such case."""
        store = self.window.controller.store()
        if store is None:
            return False
        try:
            record = require_case(store, number)
            entries = store.case_cables(record.number)
        except ReviewError as exc:
            self.window.error(str(exc))
            return False
        self.stop()
        loader = CaseLoader(record.number, entries)
        loader.progress.connect(self._loading)
        loader.done.connect(lambda index, problems: self._loaded(loader, index, problems))
        loader.failed.connect(self.window.error)
        self.loader, self._opening = loader, (record, entries)
        self.window.status.show_progress(
            f"Opening case {record.number}: reading its {len(entries)} cable(s)…"
        )
        loader.start()
        return True

    def stop(self) -> None:
        """Stop a case still being opened (the window closes, or another case is opened)."""
        if self.loader is not None:
            self.loader.stop()
            self.loader = None

    def _loading(self, done: int, total: int) -> None:
        if self._opening is not None:
            number = self._opening[0].number
            self.window.status.show_progress(
                f"Opening case {number}: {done} of {total} cables read and indexed…"
            )

    def _loaded(self, loader: CaseLoader, index: object, problems: object) -> None:
        if self._opening is None or loader is not self.loader:
            return  # another case was opened since this one began
        record, entries = self._opening
        self._opening = None
        if self.loader is not None:
            self.loader.wait()
            self.loader = None
        store = self.window.controller.store()
        if store is None:
            return
        try:
            self.session = CaseSession.assemble(
                store,
                record,
                entries,
                index,  # type: ignore[arg-type]
                problems,  # type: ignore[arg-type]
            )
        except ReviewError as exc:
            self.window.error(str(exc))
            return
        if self.view is None:
            self.view = CaseView(self.window)
            self.view.openRequested.connect(self.window.open_path)
            self.view.acceptRequested.connect(self.accept_conflict)
            self.window.stack.addWidget(self.view)
        self.show_table()
        self._enable()

    def show_table(self) -> None:
        if self.session is None or self.view is None:
            self.window.show_folder()
            return
        self._sync()
        self.view.show_session(self.session)
        self.window.stack.setCurrentWidget(self.view)
        self.view.table.setFocus()
        self.window.setWindowTitle(f"{self.session.number} — Declassification Workbench")
        self.window.status.show_progress(
            "Enter opens a cable; on a cable, P accepts a proposal, Shift+P all of them, "
            "N goes to the next undecided region of the case, Ctrl+B comes back here"
        )

    # -- proposals on the open cable ---------------------------------------------------------
    def _in_case(self) -> bool:
        c = self.window.controller
        return (
            self.session is not None
            and c.cable is not None
            and review_id(c.cable) in self.session.index.members
            and self.session.member(review_id(c.cable)).cable.text == c.cable.text
        )

    def _sync(self) -> None:
        """The decisions as the store has them, and the open cable's as the window has them."""
        if self.session is None:
            return
        c = self.window.controller
        try:
            self.session.refresh(c.review if self._in_case() else None)
        except ReviewError as exc:
            self.window.error(str(exc))

    def _on_cable(self) -> None:
        self._sync()
        self._update()

    def _on_decided(self) -> None:
        if self.session is not None and self._in_case():
            self.session.use_review(self.window.controller.review)
        self._update()

    def _update(self) -> None:
        view = self.window.view
        self.proposals = []
        if self._in_case():
            assert self.session is not None
            self.proposals = self.session.proposals(review_id(self.window.controller.cable))
        base = view.palette().base().color()
        marks = [
            Highlight(p.start, p.end, char_format(underline=styles.readable("#1565c0", base)),
                      f"Proposal ({p.kind}): {p.reason}\nP accepts it, Shift+P accepts all")
            for p in self.proposals
        ] + [
            Highlight(a, b, char_format(bg=styles.tint("#1565c0", 40)), "Differs from the copy")
            for p in self.proposals
            for a, b in p.differs
        ]  # fmt: skip
        view.set_layer("proposals", marks)
        self._enable()
        self._show_current()

    def current_proposals(self) -> list[Proposal]:
        cur = self.window.controller.current
        return [p for p in self.proposals if cur is not None and p.key == cur.key]

    def _show_current(self) -> None:
        here = self.current_proposals()
        if here:
            more = f" (+{len(here) - 1} more)" if len(here) > 1 else ""
            self.window.status.flash(f"Proposal: {here[0].reason}{more}. P accepts, Shift+P all.")

    def _enable(self) -> None:
        self.actions["accept_proposal"].setEnabled(bool(self.proposals))
        self.actions["accept_all_proposals"].setEnabled(bool(self.proposals))

    # -- the reviewer's actions --------------------------------------------------------------
    def accept_current(self) -> int:
        return self._accept(self.current_proposals() or self._first())

    def accept_all(self) -> int:
        return self._accept(list(self.proposals))

    def _first(self) -> list[Proposal]:
        return self.proposals[:1]

    def _accept(self, chosen: list[Proposal]) -> int:
        c, session = self.window.controller, self.session
        if session is None or not chosen or c.review is None or c.cable is None:
            return 0
        done = 0
        cable, number = c.cable, session.number

        def build(p: Proposal) -> Callable[[], Command]:
            return lambda: command(cable, c.review, p, number)

        for p in chosen:
            # Each its own command: one undo step, one audited decision.
            if c.execute(build(p)):
                done += 1
        self.window.status.flash(f"Accepted {done} proposal(s) of case {session.number}.")
        return done

    def next_undecided(self) -> None:
        c = self.window.controller
        if self.session is None or not self._in_case():
            if self.session is not None and self.window.stack.currentWidget() is self.view:
                self._open_next(None, None)
                return
            self.window.next_undecided()
            return
        if c.next_undecided():
            return
        cid = review_id(c.cable)
        self._open_next(cid, c.current.key if c.current else None)

    def _open_next(self, cid: str | None, key: str | None) -> None:
        assert self.session is not None
        self._sync()
        nxt = self.session.next_undecided(cid, key)
        if nxt is None:
            self.window.status.flash(f"Every region of case {self.session.number} is decided.")
            return
        ncid, nkey = nxt
        if ncid != cid:
            if not self.window.open_path(self.session.member(ncid).path):
                return
            self.window.status.flash(f"Opened {ncid}, the case's next cable with undecided regions")
        self.window.controller.go_to(nkey)

    def accept_conflict(self, conflict: Conflict) -> None:
        if self.session is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            "Accept Conflict",
            f"{conflict.summary}.\n\nWhy does the difference stand? (kept in the case's log)",
        )
        if not ok:
            return
        if not text.strip():
            self.window.error("A conflict is accepted only with a comment saying why.")
            return
        what, data = acceptance(conflict, text.strip())
        try:
            self.session.store.log_case(
                self.session.number, what, data, self.window.controller.reviewer
            )
        except ReviewError as exc:
            self.window.error(str(exc))
            return
        self.show_table()


def attach_case(window: Any) -> CaseMode:
    return CaseMode(window)


def case_path(session: CaseSession, cable_id: str) -> Path:
    return Path(session.member(cable_id).path)
