"""The find pane (Ctrl+F in the open cable, Ctrl+Shift+F in the open folder): every hit of a
term with its cable, region, the region's state and the words around it.

Moving through the list shows each hit of the open cable in the text; Enter (or a double-click)
goes to a hit, opening its cable. Ctrl+R redacts the selected hits with the codes chosen in the
picker: one undoable, audited step per cable. A redaction only adds spans, so a hit in a region
not yet decided leaves that region undecided (the pane says how many); hits already withheld
are skipped. The matching is ``workbench.review.hits`` (issue 11's find); a folder is searched
by :class:`~workbench.gui.folder_search.FolderSearch`, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.gui import styles
from workbench.gui.table_model import ColumnsModel
from workbench.review.hits import Hit, Query

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Cable", "Region", "State", "Where it is")
COL_STATE = 2
STATE_WORDS = {
    "pending": f"{styles.DECISION_SIGNS['pending']} Undecided",
    "release": f"{styles.DECISION_SIGNS['release']} Released",
    "withhold": f"{styles.DECISION_SIGNS['withhold']} Withheld",
    "partial": f"{styles.DECISION_SIGNS['partial']} Partial",
}
SCOPES = (("cable", "This cable"), ("folder", "The open folder"))


def state_words(hit: Hit) -> str:
    if hit.covered:
        return f"{styles.DECISION_SIGNS['withhold']} Withheld already"
    return STATE_WORDS.get(hit.state, "")


class HitModel(ColumnsModel):
    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.background = QColor("#ffffff")

    def clear(self) -> None:
        self.beginResetModel()
        self.hits = []
        self.endResetModel()

    def append(self, hits: list[Hit]) -> None:
        if hits:
            n = len(self.hits)
            self.beginInsertRows(QModelIndex(), n, n + len(hits) - 1)
            self.hits.extend(hits)
            self.endInsertRows()

    def replace_hits(self, new: list[Hit]) -> None:
        """The same hits with their states read again (same order and length)."""
        changed = [i for i, (a, b) in enumerate(zip(self.hits, new, strict=True)) if a != b]
        self.hits = new
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1)
            )

    def items(self) -> Sequence[Any]:
        return self.hits

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        h, col = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (h.cable, h.label, state_words(h), h.context)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return h.path
            if col == COL_STATE and h.state == "pending" and not h.covered:
                return "Redacting it keeps the region undecided: release the rest with A"
            return f"{h.cable} {h.label}: {h.context}"
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATE:
            key = "withhold" if h.covered else h.state
            if key in styles.DECISION_COLOURS:
                return styles.readable(styles.DECISION_COLOURS[key], self.background)
        return None


class HitList(QTableView):
    """Enter goes to the hit; Ctrl+R redacts the selection (here, not the text's selection)."""

    activatedHit = Signal(object)  # Enter or double-click on a hit
    redactKey = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            # Keys here mean this list: the window's one-key decisions (A, R, arrows, Delete)
            # must not act on the region behind it, and its Ctrl+R redacts the text's
            # selection where here it redacts these hits.
            plain = not e.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if (
                (plain and e.key() != Qt.Key.Key_Escape)
                or e.matches(QKeySequence.StandardKey.SelectAll)
                or _is_ctrl_r(e)
            ):
                e.accept()
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if _is_ctrl_r(e):
            self.redactKey.emit()
            return
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.activatedHit.emit(index.row())
            return
        super().keyPressEvent(e)


def _is_ctrl_r(e: QKeyEvent) -> bool:
    return e.key() == Qt.Key.Key_R and e.modifiers() == Qt.KeyboardModifier.ControlModifier


class FindPane(QDockWidget):
    searchRequested = Signal(object, str)  # the Query, the scope ("cable" or "folder")
    stopRequested = Signal()
    goRequested = Signal(object)  # the Hit to go to (its cable opened if need be)
    previewRequested = Signal(object)  # the Hit now current in the list
    redactRequested = Signal(list)  # the selected hits
    leave = Signal()  # Escape: back to the review

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Find", parent)
        self.setObjectName("findPane")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.term = QLineEdit()
        self.term.setObjectName("findTerm")
        self.term.setPlaceholderText("A name, a place, a phrase… (Enter searches)")
        self.term.setClearButtonEnabled(True)
        self.term.returnPressed.connect(self.search)
        top.addWidget(self.term, 3)
        self.scope = QComboBox()
        self.scope.setObjectName("findScope")
        for key, words in SCOPES:
            self.scope.addItem(words, key)
        top.addWidget(self.scope)
        self.match_case = QCheckBox("Case")
        self.match_case.setToolTip("Match case")
        self.whole_words = QCheckBox("Whole words")
        self.whole_words.setChecked(True)
        self.regex = QCheckBox("Pattern")
        self.regex.setToolTip("A regular expression (Python syntax)")
        for box in (self.match_case, self.whole_words, self.regex):
            top.addWidget(box)
        self.find_button = QPushButton("Find")
        self.find_button.setObjectName("findButton")
        self.find_button.clicked.connect(self.search)
        top.addWidget(self.find_button)
        self.redact_button = QPushButton("Redact selected…  Ctrl+R")
        self.redact_button.setObjectName("redactHits")
        self.redact_button.setEnabled(False)
        self.redact_button.clicked.connect(self._redact)
        top.addWidget(self.redact_button)
        layout.addLayout(top)
        self.result = QLabel("Type a term and press Enter.")
        self.result.setObjectName("findResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)

        self.model = HitModel(self)
        self.list = HitList()
        self.list.setObjectName("hitList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(22)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hh = self.list.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.list.doubleClicked.connect(lambda i: self._go(i.row()))
        self.list.activatedHit.connect(self._go)
        self.list.redactKey.connect(self._redact)
        self.list.selectionModel().currentRowChanged.connect(self._on_current)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        for w in (self.term, self.list):
            w.installEventFilter(self)
        self.searching = False

    # -- asking ------------------------------------------------------------------------------
    def start(self, scope: str, term: str = "", folder: Path | None = None) -> None:
        """Show the pane on ``scope`` with ``term`` (the text's selection) ready to search."""
        self.set_folder(folder)
        i = self.scope.findData(scope)
        if i >= 0 and self.scope.model().item(i).isEnabled():  # type: ignore[attr-defined]
            self.scope.setCurrentIndex(i)
        if term:
            self.term.setText(term)
        self.show()
        self.raise_()
        self.term.setFocus()
        self.term.selectAll()

    def set_folder(self, folder: Path | None) -> None:
        item = self.scope.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(folder is not None)
        item.setText(f"The folder {folder.name}" if folder is not None else "The open folder")
        if folder is None and self.scope.currentIndex() == 1:
            self.scope.setCurrentIndex(0)

    def query(self) -> Query:
        return Query(
            self.term.text().strip(),
            self.regex.isChecked(),
            self.match_case.isChecked(),
            self.whole_words.isChecked(),
        )

    def search(self) -> None:
        if self.searching:
            self.stopRequested.emit()
        if not self.term.text().strip():
            self.result.setText("Type a term first.")
            return
        self.model.clear()
        self.searchRequested.emit(self.query(), self.scope.currentData())

    # -- results -----------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.result.setText(text)

    def summary(self, searched: int, skipped: int, running: bool = False) -> str:
        hits = self.model.hits
        cables = len({h.path or h.cable for h in hits})
        withheld = sum(h.covered for h in hits)
        open_ = sum(1 for h in hits if h.state == "pending" and not h.covered)
        text = f"{len(hits)} hit{'s' if len(hits) != 1 else ''} in {cables} cable"
        text += "s" if cables != 1 else ""
        if searched > 1 or running:
            text += f" ({searched} searched{'…' if running else ''})"
        if withheld:
            text += f"; {withheld} withheld already"
        if open_:
            text += f"; {open_} in regions not yet decided"
        if skipped:
            text += f"; {skipped} file{'s' if skipped != 1 else ''} could not be read"
        return text + "."

    def selected(self) -> list[Hit]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        return [self.model.hits[r] for r in rows if r < len(self.model.hits)]

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.model.hits):
            self.previewRequested.emit(self.model.hits[current.row()])

    def _on_selection(self) -> None:
        n = len(self.selected())
        self.redact_button.setEnabled(n > 0)
        self.redact_button.setText(
            f"Redact {n} selected…  Ctrl+R" if n > 1 else "Redact selected…  Ctrl+R"
        )

    def _go(self, row: int) -> None:
        if 0 <= row < len(self.model.hits):
            self.goRequested.emit(self.model.hits[row])

    def _redact(self) -> None:
        hits = self.selected()
        if hits:
            self.redactRequested.emit(hits)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.leave.emit()
                return True
            if watched is self.term and event.key() == Qt.Key.Key_Down and self.model.hits:
                self.list.setFocus()
                if not self.list.currentIndex().isValid():
                    self.list.selectRow(0)
                return True
        return bool(super().eventFilter(watched, event))
