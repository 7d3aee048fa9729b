"""The cable's redactions as a list: every withheld paragraph, span and header field with its
codes, in text order. F2 or Enter changes a redaction's codes, Delete releases it, and moving
through the list shows each one in the text. Relativity and Acrobat reviewers look for this.
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
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workbench.cable.model import Cable
from workbench.gui.table_model import ColumnsModel
from workbench.naming import paragraph_labels
from workbench.review.commands import FIELD_LABELS
from workbench.review.model import Review, ReviewError, Withholding

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Where", "Codes", "Withheld text (reviewer only)")


class RedactionModel(ColumnsModel):
    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cable: Cable | None = None
        self.rows: list[Withholding] = []

    def set_review(self, cable: Cable | None, review: Review | None) -> None:
        """Read the withholdings again (after any change: there are few, and order matters)."""
        rows: list[Withholding] = []
        if cable is not None and review is not None:
            try:
                rows = review.withholdings(cable)
            except ReviewError:
                rows = []
        if rows == self.rows and cable is self._cable:
            return
        self.beginResetModel()
        self._cable, self.rows = cable, rows
        self.endResetModel()

    def where(self, w: Withholding) -> str:
        if w.kind == "field":
            return FIELD_LABELS.get(w.field or "", w.field or "field")
        label = "¶"
        if self._cable is not None and w.paragraph is not None:
            label = paragraph_labels(self._cable.paragraphs)[w.paragraph]
        return label if w.kind == "paragraph" else f"{label} span"

    def items(self) -> Sequence[Any]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or self._cable is None:
            return None
        w = self.rows[index.row()]
        text = " ".join(self._cable.text[w.start : w.end].split())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.where(w)
            if index.column() == 1:
                return " ".join(w.codes)
            return text if len(text) <= 60 else text[:59] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.where(w)}: {' '.join(w.codes)}\n\n{text[:600]}"
        return None


class RedactionList(QTableView):
    """Keys: F2/Enter change the codes, Delete/Backspace release, selection shows the text."""

    recodeRequested = Signal(object)  # the Withholding
    releaseRequested = Signal(object)
    shown = Signal(object)  # the Withholding now selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redactionList")
        self.model_ = RedactionModel(self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text elides
        self.verticalHeader().hide()
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.doubleClicked.connect(lambda i: self._emit(self.recodeRequested, i.row()))
        self.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._emit(self.shown, cur.row())
        )

    def _emit(self, signal: Any, row: int) -> None:
        if 0 <= row < len(self.model_.rows):
            signal.emit(self.model_.rows[row])

    _KEYS = (
        Qt.Key.Key_F2,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Backspace,
    )

    def event(self, e: QEvent) -> bool:
        # Delete and Backspace are also the window's Undecide keys: here they mean this list.
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in self._KEYS
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        row = self.currentIndex().row()
        if e.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit(self.recodeRequested, row)
            return
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._emit(self.releaseRequested, row)
            return
        super().keyPressEvent(e)
