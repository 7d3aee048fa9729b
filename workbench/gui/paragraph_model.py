"""The paragraph navigator's model: one row per paragraph of the cable, with its decision.

A thin adapter over the cable model and the review (napari's ``_qt/containers`` idiom):
it owns no data, and the window tells it which rows changed after each review command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from workbench.cable.model import Cable, Paragraph
from workbench.gui import styles
from workbench.review.model import Action, Decision, Review

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[str, ...] = ("¶", "Mark", "Text", "Decision", "Codes")
COL_NUMBER, COL_MARKING, COL_TEXT, COL_DECISION, COL_CODES = range(len(COLUMNS))

# The paragraph's 1-based index, for views and tests that need the key behind a row.
ParagraphIndexRole = Qt.ItemDataRole.UserRole + 1

# A sign before each word: the state is told apart without its colour.
_DECISION_LABELS = {
    a: f"{styles.DECISION_SIGNS[a.value]} {word}"
    for a, word in (
        (Action.PENDING, "Undecided"),
        (Action.RELEASE, "Release"),
        (Action.WITHHOLD, "Withhold"),
        (Action.PARTIAL, "Partial"),
    )
}


def first_words(paragraph: Paragraph, cable: Cable, words: int = 9) -> str:
    body = cable.text[paragraph.body_start : paragraph.end]
    parts = body.split()
    text = " ".join(parts[:words])
    return text + (" …" if len(parts) > words else "")


def decision_codes(decision: Decision) -> tuple[str, ...]:
    if decision.action == Action.WITHHOLD:
        return decision.codes
    if decision.action == Action.PARTIAL:
        return tuple(dict.fromkeys(c for s in decision.spans for c in s.codes))
    return ()


class ParagraphModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.background = QColor("#ffffff")  # the view's base colour: text colours adapt to it
        self._cable: Cable | None = None
        self._review: Review | None = None
        self._words: list[str] = []

    def set_review(self, cable: Cable | None, review: Review | None) -> None:
        self.beginResetModel()
        self._cable = cable
        self._review = review
        self._words = [first_words(p, cable) for p in cable.paragraphs] if cable else []
        self.endResetModel()

    def paragraphs_changed(self, indexes: list[int] | None = None) -> None:
        """Decisions changed for these paragraph indexes (all when None)."""
        n = self.rowCount()
        if not n:
            return
        rows = [i - 1 for i in indexes if 1 <= i <= n] if indexes else list(range(n))
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def paragraph(self, row: int) -> Paragraph | None:
        if self._cable is None or not 0 <= row < len(self._cable.paragraphs):
            return None
        return self._cable.paragraphs[row]

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._cable is None:
            return 0
        return len(self._cable.paragraphs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    "Paragraph number",
                    "Portion marking",
                    "First words",
                    "Review decision",
                    "Exemption codes",
                )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._cable is None:
            return None
        p = self.paragraph(index.row())
        if p is None:
            return None
        col = index.column()
        decision = self._review.decision(p.index) if self._review else Decision()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col, decision)
        if role == ParagraphIndexRole:
            return p.index
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return first_words(p, self._cable, 60)
            if col == COL_MARKING and p.marking is not None:
                return f"{p.marking.level or 'unknown level'} {' '.join(p.marking.controls)}"
            if col == COL_DECISION and decision.comment:
                return decision.comment
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_MARKING and p.marking is not None:
                return styles.readable(styles.level_colour(p.marking.level), self.background)
            if col == COL_DECISION:
                colour = styles.DECISION_COLOURS[decision.action.value]
                return styles.readable(colour, self.background)
            return None
        if role == Qt.ItemDataRole.FontRole and col in (COL_MARKING, COL_DECISION):
            font = QFont()
            font.setBold(col == COL_DECISION or bool(p.marking and p.marking.controls))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, p: Paragraph, col: int, decision: Decision) -> str:
        if col == COL_NUMBER:
            return p.key
        if col == COL_MARKING:
            return p.marking.text if p.marking else ""
        if col == COL_TEXT:
            return self._words[p.index - 1]
        if col == COL_DECISION:
            label = _DECISION_LABELS[decision.action]
            if decision.action == Action.PARTIAL:
                label += f" ({len(decision.spans)})"
            return label
        if col == COL_CODES:
            return " ".join(decision_codes(decision))
        return ""
