"""A folder of cables as a table: classification, DECL, due date, status, findings, review
progress. Filled by :class:`~workbench.gui.batch_worker.BatchWorker` (a background thread running
the same engine as ``workbench check``); the model and its filter are in ``batch_model``.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
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

from workbench.batch import Row
from workbench.gui.batch_model import PROGRESS_FILTERS, BatchFilter, BatchModel, cable_name
from workbench.gui.batch_worker import BatchWorker
from workbench.gui.rules import STATUS_WORDS

__all__ = ["BatchFilter", "BatchModel", "BatchView", "cable_name"]


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
        self.progress.setFormat("%v of %m files checked")
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
        _out_of_full_collections()
        self.progress.setValue(self.model.rowCount())

    def _on_failed(self, message: str) -> None:
        self.title.setText(f"<b>{self.folder}</b> — <span style='color:#b00020'>⚠ {message}</span>")

    def _on_finished(self) -> None:
        n = self.model.rowCount()
        self.progress.setRange(0, max(n, 1))
        self.progress.setValue(n)
        self.title.setText(f"<b>{self.folder}</b> — {_counts(self.model.rows)}")

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


def _counts(rows: list[Row]) -> str:
    """The title's counts, as ``workbench check`` counts: cables, not files (a copy, the same
    reference ID as an earlier row, is counted once), and files that could not be read apart
    from the cables that need review."""
    from workbench.batch.summary import Summary

    summary = Summary()
    for row in rows:
        summary.add(row)
    unread = summary.unread  # never cables, nor copies
    counts = dict(summary.by_status)
    cables = summary.cables
    parts = [
        f"{counts[k]} {STATUS_WORDS[k][0].split(':')[0].lower()}"
        for k in STATUS_WORDS
        if counts.get(k)
    ]
    text = f"{cables} cable{'s' if cables != 1 else ''}"
    if summary.copies:
        n = summary.copies
        text += f" ({n} more file{'s are copies' if n != 1 else ' is a copy'}, counted once)"
    text += f": {', '.join(parts) or 'none'}"
    if unread:
        text += f"; {unread} file{'s' if unread != 1 else ''} cannot be read"
    return text


def _out_of_full_collections() -> None:
    """Keep the folder's rows (and everything older) out of Python's full garbage collections.

    10,000 rows are some 60,000 tracked objects: each full collection walked them all, holding
    the GIL for 80-200 ms, on whichever thread allocated last (often the worker, so the window
    froze too). ``gc.freeze`` moves every object alive now into a generation collections never
    walk; rows hold no reference cycles, so reference counting still frees them when the folder
    is closed. Young cycles are collected first (cheap) so that few garbage cycles are frozen.
    """
    gc.collect(1)
    gc.freeze()


def _same(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b
