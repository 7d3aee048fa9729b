"""The case's page in the window: its cables as a table with their progress, and its conflicts.

A view over a :class:`~workbench.case.session.CaseSession` (Qt-free): the table lists each cable
with the regions decided, the proposals waiting for it and its file; Enter or a double-click
opens the cable. Below it, the case's conflicts; "Accept Conflict…" asks for the comment the
case's log keeps. Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.case.conflicts import Conflict
from workbench.case.session import CaseSession
from workbench.gui.table_model import ColumnsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Cable", "Decided", "Proposals", "Subject", "File")


class CaseModel(ColumnsModel):
    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int, int, str, str]] = []

    def load(self, session: CaseSession) -> None:
        self.beginResetModel()
        self.rows = []
        for cid in session.cable_ids():
            decided, total = session.progress(cid)
            m = session.member(cid)
            subject = m.cable.subject.value if m.cable.subject else ""
            props = len(session.proposals(cid))
            self.rows.append((cid, decided, total, props, subject, m.path))
        self.endResetModel()

    def items(self) -> Sequence[Any]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cid, decided, total, props, subject, path = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return cid
            if col == 1:
                mark = "✓ " if decided >= total else "○ " if decided == 0 else "◧ "
                return f"{mark}{decided} of {total}"
            if col == 2:
                return f"{props} waiting" if props else "—"
            if col == 3:
                return subject
            return path
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and props:
            return "Open the cable: each proposal is marked on its text; P accepts one, Shift+P all"
        return None

    def path(self, row: int) -> str:
        return self.rows[row][5]


class _Table(QTableView):
    enter = Signal()
    # The window's paragraph keys (Down/Up/Home/End/PageUp/PageDown, issue 10's actions) would
    # take these from the table: here they choose the cable.
    _KEYS = (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
    )

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in self._KEYS
            and e.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(e)


class CaseView(QWidget):
    """The case's table and conflicts. ``openRequested(path)``; ``acceptRequested(conflict)``."""

    openRequested = Signal(str)
    acceptRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.session: CaseSession | None = None
        self.heading = QLabel()
        self.heading.setObjectName("caseHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CaseModel(self)
        self.table = _Table()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda i: self._open(i.row()))
        self.table.enter.connect(lambda: self._open(self.table.currentIndex().row()))
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("caseConflicts")
        self.conflicts.setWordWrap(True)
        self.accept = QPushButton("Accept Conflict…")
        self.accept.setObjectName("acceptConflict")
        self.accept.setToolTip(
            "Accept the selected conflict as it stands, with a comment the case's log keeps"
        )
        self.accept.clicked.connect(self._accept)
        self.conflict_label = QLabel("Conflicts")
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.conflict_label)
        row.addStretch(1)
        row.addWidget(self.accept)
        lv.addLayout(row)
        lv.addWidget(self.conflicts)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split)

    def show_session(self, session: CaseSession) -> None:
        self.session = session
        r = session.record
        ids = session.cable_ids()
        done = sum(1 for c in ids if session.progress(c)[0] >= session.progress(c)[1])
        lines = [
            f"{r.number}  {r.title}",
            f"Requester: {r.requester or '—'}    Received: {r.received or '—'}    "
            f"Due: {r.due or '—'}    {len(ids)} cables, {done} fully decided",
        ]
        lines += [f"⚠ {p}" for p in [*session.problems, *session.decided.stale.values()]]
        groups = session.index.identical_cables()
        if groups:
            lines.append("Identical cables: " + "; ".join(", ".join(g) for g in groups))
        self.heading.setText("\n".join(lines))
        current = self.table.currentIndex().row()
        self.model.load(session)
        if self.model.rowCount() and current < 0:
            current = 0
        if 0 <= current < self.model.rowCount():
            self.table.selectRow(current)
        self._show_conflicts(session.conflicts())

    def _show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.conflicts.clear()
        n_open = sum(1 for c in conflicts if c.open)
        self.conflict_label.setText(
            f"Conflicts: {n_open} open (they block the release package), "
            f"{len(conflicts) - n_open} accepted"
        )
        for c in conflicts:
            state = "OPEN" if c.open else "accepted"
            item = QListWidgetItem(f"[{state}] {c.describe()}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.conflicts.addItem(item)
        self.accept.setEnabled(n_open > 0)

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.openRequested.emit(self.model.path(row))

    def _accept(self) -> None:
        item = self.conflicts.currentItem()
        if item is None:
            item = next(
                (
                    self.conflicts.item(i)
                    for i in range(self.conflicts.count())
                    if self.conflicts.item(i).data(Qt.ItemDataRole.UserRole).open
                ),
                None,
            )
        if item is not None:
            self.acceptRequested.emit(item.data(Qt.ItemDataRole.UserRole))
