"""The folder table's model and filter: one row dict per cable (what ``workbench check``
reports) and the review progress of each, filtered by status, progress and words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from workbench.batch import Row
from workbench.batch.formats import classification_text
from workbench.gui import styles
from workbench.gui.rules import BASIS_WORDS, STATUS_WORDS
from workbench.gui.table_model import ColumnsModel

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Cable", "Classification", "DECL", "Due", "Status", "Findings", "Reviewed", "File")


def cable_name(row: Row) -> str:
    """The name a review is stored under: the reference ID, else the file name without its
    extensions (as ``review.model.review_id`` names a cable with no ID), so the Cable column
    reads the same for every row and matches the Reviewed column's key."""
    return row["id"] or Path(row["path"]).name.split(".", 1)[0]


def shown_status(row: Row) -> str:
    """The status the table shows: ``unreadable`` for a file that could not be read (or is
    not a cable; its row says so too, but a row from before newcomer 5's finding 32 said
    needs-review), else the row's own."""
    return "unreadable" if unreadable(row) else row["status"]


def unreadable(row: Row) -> bool:
    return any(f["code"] == "read-error" for f in row["findings"])


def read_error(row: Row) -> str:
    """The one sentence saying why the file could not be read ("" for a cable)."""
    return next((f["message"] for f in row["findings"] if f["code"] == "read-error"), "")


def read_error_words(row: Row) -> str:
    """The reason without the file's name (the File column shows it): "Is empty: ...",
    "Does not look like a cable: it is a table ..."."""
    text = read_error(row)
    if text.startswith(row["path"]):
        text = text[len(row["path"]) :].lstrip()
    return text[:1].upper() + text[1:]


PROGRESS_FILTERS = (
    ("", "Any progress"),
    ("none", "Not started"),
    ("some", "In progress"),
    ("done", "Reviewed"),
    ("undone", "Not fully reviewed"),
)


class BatchModel(ColumnsModel):
    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.reviewed: dict[str, tuple[int, int]] = {}
        self._row_of: dict[str, list[int]] = {}

    def clear(self, reviewed: dict[str, tuple[int, int]]) -> None:
        self.beginResetModel()
        self.rows = []
        self.reviewed = dict(reviewed)
        self._row_of = {}
        self.endResetModel()

    def progress(self, row: Row) -> str:
        """``none``, ``some`` or ``done``: how far the cable's review has gone."""
        done = self.reviewed.get(cable_name(row))
        if not done or done[0] == 0:
            return "none"
        return "done" if done[1] and done[0] >= done[1] else "some"

    def set_reviewed(self, name: str, decided: int, total: int) -> None:
        """A review changed (in this window): its row's Reviewed cell follows at once."""
        self.reviewed[name] = (decided, total)
        for r in self._row_of.get(name, []):
            self.dataChanged.emit(self.index(r, 6), self.index(r, 6))

    def append(self, rows: list[Row]) -> None:
        if not rows:
            return
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        self.rows.extend(rows)
        for i, row in enumerate(rows, n):
            self._row_of.setdefault(cable_name(row), []).append(i)
        self.endInsertRows()

    def items(self) -> Sequence[Any]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._value(row, col, role == SortRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (1, 5) and unreadable(row):
                return read_error(row)
            if col == 5 and row["findings"]:
                return "\n".join(f"{f['severity']}: {f['message']}" for f in row["findings"])
            if col == 7:
                return row["path"]
            if col == 4:
                words = STATUS_WORDS.get(shown_status(row), (row["status"], ""))[0]
                if unreadable(row):
                    return f"{words}: {read_error(row)}"
                return f"{words}\nBasis: {BASIS_WORDS.get(row['basis'], row['basis'])}"
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and unreadable(row):
                return QColor(STATUS_WORDS["unreadable"][1])
            if col == 1 and row["classification"]:
                return styles.level_colour(row["classification"]["level"])
            if col == 4:
                return QColor(STATUS_WORDS.get(shown_status(row), ("", "#666"))[1])
        return None

    def _value(self, row: Row, col: int, sorting: bool) -> Any:
        if col == 0:
            return cable_name(row)
        if col == 1:  # an unreadable file has none: the cell says why instead
            return read_error_words(row) if unreadable(row) else classification_text(row)
        if col == 2:
            return row["decl"]["text"] if row["decl"] else ""
        if col == 3:
            return row["due"] or ("9999" if sorting else "")
        if col == 4:  # the short form: "Unclassified", not the explanation after it
            status = shown_status(row)
            return STATUS_WORDS.get(status, (status, ""))[0].split(":")[0]
        if col == 5:
            if sorting:
                return len(row["findings"])
            # An unreadable file's one "finding" is why it could not be read: shown instead of
            # a classification, not counted here as a finding about a cable.
            return "" if unreadable(row) else (len(row["findings"]) or "")
        if col == 6:
            done = self.reviewed.get(cable_name(row))
            if sorting:
                return done[0] / done[1] if done and done[1] else -1.0
            return f"{done[0]} of {done[1]}" if done else ""
        if col == 7:
            return row["path"]
        return None


class BatchFilter(QSortFilterProxyModel):
    """Filters on the row dicts directly: a status, and words found anywhere in the row."""

    def __init__(self, model: BatchModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SortRole)
        self.batch = model
        self.status = ""
        self.progress = ""
        self.words: list[str] = []

    def set_filter(self, status: str, text: str, progress: str = "") -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.status, self.words, self.progress = status, text.lower().split(), progress
            self.endFilterChange()
        else:
            self.status, self.words, self.progress = status, text.lower().split(), progress
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        if not self.status and not self.words and not self.progress:
            return True
        row = self.batch.rows[source_row]
        if self.status and shown_status(row) != self.status:
            return False
        if self.progress:
            have = self.batch.progress(row)
            if have != self.progress and not (self.progress == "undone" and have != "done"):
                return False
        if self.words:
            hay = " ".join(
                (
                    row["id"] or "",
                    row["path"],
                    classification_text(row),
                    row["decl"]["text"] if row["decl"] else "",
                    *(f["code"] + " " + f["message"] for f in row["findings"]),
                )
            ).lower()
            return all(w in hay for w in self.words)
        return True
