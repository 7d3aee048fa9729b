"""A folder of cables as a table: classification, DECL, due date, status, findings, review
progress. Filled by a background thread running the same engine as ``workbench check``
(``workbench.batch.scan``); the thread never touches a widget, it only emits rows.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.batch import Row, count_files, default_jobs, scan
from workbench.batch.formats import classification_text
from workbench.cable.files import iter_cable_paths
from workbench.gui import styles
from workbench.gui.rules import BASIS_WORDS, STATUS_WORDS

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Cable", "Classification", "DECL", "Due", "Status", "Findings", "Reviewed", "File")
EMIT_EVERY = 0.1  # seconds: rows reach the window in batches, at most ten times a second
WORKER_NICE = 10  # worker processes yield the CPU to the window


class BatchWorker(QThread):
    """Runs the batch engine over a folder and hands rows to the GUI thread in batches."""

    rowsReady = Signal(list)
    total = Signal(int)
    failed = Signal(str)

    def __init__(self, folder: Path, jobs: int | None = None) -> None:
        super().__init__()
        self.folder = folder
        # Always worker processes, even on one core: checking in this process would hold the
        # GIL through long regular-expression searches and freeze the window for 100 ms+.
        self.jobs = jobs if jobs is not None else max(2, default_jobs())
        self._stop = False

    def stop(self) -> None:
        self._stop = True
        self.wait()

    def run(self) -> None:
        try:
            self.total.emit(count_files([str(self.folder)]))
            rows = scan(iter_cable_paths([str(self.folder)]), as_of=date.today(), jobs=self.jobs)
            close = getattr(rows, "close", lambda: None)  # a generator: closing it ends the workers
            batch: list[Row] = []
            last = time.monotonic()
            reniced = False
            try:
                for row in rows:
                    if self._stop:
                        break
                    if not reniced:
                        reniced = True
                        _lower_priority_of_workers()
                    batch.append(row)
                    now = time.monotonic()
                    if now - last >= EMIT_EVERY:
                        self.rowsReady.emit(batch)
                        batch, last = [], now
            finally:
                close()  # cancels queued work and ends the worker processes
            if batch and not self._stop:
                self.rowsReady.emit(batch)
        except OSError as exc:
            self.failed.emit(
                f"{self.folder} could not be read to the end ({exc.strerror or exc}): "
                "check its permissions."
            )
        except Exception as exc:  # an exception here would end the thread silently
            self.failed.emit(
                f"checking {self.folder} stopped ({type(exc).__name__}: {exc}); "
                "please report this as a bug."
            )


def _lower_priority_of_workers() -> None:
    """Let the window have the CPU first: on two cores, worker processes at the same priority
    as the window's thread starve it for 100 ms at a time. A process may always lower its own
    children's priority (raise their nice value); where it cannot, nothing changes."""
    if not hasattr(os, "setpriority"):
        return
    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, child.pid or 0, WORKER_NICE)


def cable_name(row: Row) -> str:
    """The name a review is stored under: the reference ID, else the file name without its
    extensions (as ``review.model.review_id`` names a cable with no ID), so the Cable column
    reads the same for every row and matches the Reviewed column's key."""
    return row["id"] or Path(row["path"]).name.split(".", 1)[0]


PROGRESS_FILTERS = (
    ("", "Any progress"),
    ("none", "Not started"),
    ("some", "In progress"),
    ("done", "Reviewed"),
    ("undone", "Not fully reviewed"),
)


class BatchModel(QAbstractTableModel):
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._value(row, col, role == SortRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 5 and row["findings"]:
                return "\n".join(f"{f['severity']}: {f['message']}" for f in row["findings"])
            if col == 7:
                return row["path"]
            if col == 4:
                words = STATUS_WORDS.get(row["status"], (row["status"], ""))[0]
                return f"{words}\nBasis: {BASIS_WORDS.get(row['basis'], row['basis'])}"
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and row["classification"]:
                return styles.level_colour(row["classification"]["level"])
            if col == 4:
                return QColor(STATUS_WORDS.get(row["status"], ("", "#666"))[1])
        return None

    def _value(self, row: Row, col: int, sorting: bool) -> Any:
        if col == 0:
            return cable_name(row)
        if col == 1:
            return classification_text(row)
        if col == 2:
            return row["decl"]["text"] if row["decl"] else ""
        if col == 3:
            return row["due"] or ("9999" if sorting else "")
        if col == 4:  # the short form: "Unclassified", not the explanation after it
            return STATUS_WORDS.get(row["status"], (row["status"], ""))[0].split(":")[0]
        if col == 5:
            return len(row["findings"]) if sorting else (len(row["findings"]) or "")
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
        if self.status and row["status"] != self.status:
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


class BatchView(QWidget):
    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, jobs: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchView")
        self.jobs = jobs
        self.worker: BatchWorker | None = None
        self.folder: Path | None = None
        self.expected = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("batchTitle")
        top.addWidget(self.title, 1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem("All statuses", "")
        for key, (words, _colour) in STATUS_WORDS.items():
            self.status_filter.addItem(words.split(":")[0], key)
        top.addWidget(self.status_filter)
        self.progress_filter = QComboBox()
        self.progress_filter.setObjectName("progressFilter")
        for key, words in PROGRESS_FILTERS:
            self.progress_filter.addItem(words, key)
        top.addWidget(self.progress_filter)
        self.search = QLineEdit()
        self.search.setObjectName("batchSearch")
        self.search.setPlaceholderText("Filter: ID, post, finding…")
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setFormat("%v of %m cables checked")
        layout.addWidget(self.progress)

        self.model = BatchModel(self)
        self.proxy = BatchFilter(self.model)
        self.table = QTableView()
        self.table.setObjectName("batchTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(22)
        hh = self.table.horizontalHeader()
        # Fixed widths: sizing columns to their contents would read all 10,000 rows.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((150, 190, 170, 90, 130, 70, 80)):
            hh.resizeSection(col, width)
        hh.setStretchLastSection(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_row)
        self.table.activated.connect(self._open_row)
        layout.addWidget(self.table, 1)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.progress_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)

    def load(self, folder: Path, reviewed: dict[str, tuple[int, int]] | None = None) -> bool:
        """Start checking ``folder``; False (with ``self.error``) if it cannot be read at all."""
        self.error = ""
        try:
            with os.scandir(folder):
                pass
        except OSError as exc:
            self.error = (
                f"{folder} cannot be opened ({exc.strerror or exc}): check its permissions."
            )
            return False
        self.stop()
        self.folder = folder
        self.model.clear(reviewed or {})
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.title.setText(f"<b>{folder}</b>")
        self.worker = BatchWorker(folder, self.jobs)
        self.worker.total.connect(self._on_total)
        self.worker.rowsReady.connect(self._on_rows)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()
        return True

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def _on_total(self, n: int) -> None:
        self.expected = n
        self.progress.setRange(0, max(n, 1))

    def _on_rows(self, rows: list[Row]) -> None:
        self.model.append(rows)
        self.progress.setValue(self.model.rowCount())

    def _on_failed(self, message: str) -> None:
        self.title.setText(f"<b>{self.folder}</b> — <span style='color:#b00020'>⚠ {message}</span>")

    def _on_finished(self) -> None:
        n = self.model.rowCount()
        self.progress.setRange(0, max(n, 1))
        self.progress.setValue(n)
        counts: dict[str, int] = {}
        for r in self.model.rows:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        summary = ", ".join(
            f"{counts[k]} {STATUS_WORDS[k][0].split(':')[0].lower()}"
            for k in STATUS_WORDS
            if counts.get(k)
        )
        self.title.setText(f"<b>{self.folder}</b> — {n} cables: {summary or 'none'}")

    def _filter(self) -> None:
        self.proxy.set_filter(
            self.status_filter.currentData() or "",
            self.search.text(),
            self.progress_filter.currentData() or "",
        )

    def next_unreviewed(self, after: str | None) -> str | None:
        """The path of the next cable, in the table's order, not fully reviewed (after the
        row of ``after``, wrapping round); None when every cable shown is reviewed."""
        n = self.proxy.rowCount()
        paths = [
            self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]["path"]
            for r in range(n)
        ]
        start = next((i for i, p in enumerate(paths) if after and _same(p, after)), -1)
        for k in range(1, n + 1):
            i = (start + k) % n
            if i == start:
                break
            row = self.model.rows[self.proxy.mapToSource(self.proxy.index(i, 0)).row()]
            unreadable = any(f["code"] == "read-error" for f in row["findings"])
            if self.model.progress(row) != "done" and not unreadable:
                return str(row["path"])
        return None

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            src = self.proxy.mapToSource(index)
            self.openRequested.emit(self.model.rows[src.row()]["path"])


def _same(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b
