"""The second review (QC) in the window: submit, approve, return with a note (issue 17).

Three ``QAction``s with object names and keys, for the Review menu. They act on whatever the
window's controller has open (``cable_id()`` and ``store()`` are injected), ask for a return's
note through an injected ``ask_note(text) -> str | None`` (tests answer with a lambda), and
report one sentence through :attr:`done` or :attr:`failed`. "Change" is the ordinary decision
keys: a QC reviewer's correction while the cable waits for QC is recorded as theirs.

The rules are the store's (``review/sqlite_qc.py``, the PostgreSQL triggers): a refusal there
("a QC reviewer cannot approve their own work on ...") is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from workbench.review.model import ReviewError
from workbench.review.qc import describe
from workbench.review.store_api import QcState, ReviewStore

KEYS = {
    "qcSubmit": ("Submit for &QC", "Ctrl+Alt+S", QcState.FIRST_PASS_DONE),
    "qcApprove": ("&Approve (QC)", "Ctrl+Alt+A", QcState.APPROVED),
    "qcReturn": ("&Return with Note… (QC)", "Ctrl+Alt+N", QcState.RETURNED),
}


class QcActions(QObject):
    done = Signal(str)  # the cable's QC state after the step, in one line
    failed = Signal(str)  # why the step was refused, in one sentence

    def __init__(
        self,
        parent: QObject,
        store: Callable[[], ReviewStore | None],
        cable_id: Callable[[], str | None],
        reviewer: Callable[[], str],
        ask_note: Callable[[str], str | None],
    ) -> None:
        super().__init__(parent)
        self._store, self._cable_id, self._reviewer, self._ask = store, cable_id, reviewer, ask_note
        self.actions: dict[str, QAction] = {}
        for name, (text, keys, state) in KEYS.items():
            action = QAction(text, parent)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            # triggered passes `checked`; the lambda takes it and drops it.
            action.triggered.connect(lambda _checked=False, s=state: self.step(s))
            self.actions[name] = action

    def step(self, state: QcState) -> bool:
        store, cid = self._store(), self._cable_id()
        if store is None or not cid:
            self.failed.emit("Open a cable first.")
            return False
        note = ""
        if state == QcState.RETURNED:
            answer = self._ask(f"What should the reviewer of {cid} change?")
            if answer is None:
                return False
            note = answer
        try:
            store.qc_step(cid, state, note, store.identity(self._reviewer()))
            line = describe(store.qc_history(cid))
        except ReviewError as exc:
            text = str(exc)
            self.failed.emit(text[0].upper() + text[1:] + ("" if text.endswith(".") else "."))
            return False
        self.done.emit(f"{cid}: {line}")
        return True
