"""The reviewer's main window: paragraph navigator, cable text, inspector, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from workbench.cable import Cable, CableError, read_cable
from workbench.cable.model import Paragraph
from workbench.gui.cable_view import CableView
from workbench.gui.inspector import Inspector
from workbench.gui.paragraph_model import COL_TEXT, ParagraphModel
from workbench.review.model import Review

APP_TITLE = "Declassification Workbench"


def not_a_cable(cable: Cable) -> bool:
    """Text with neither a classification line nor a date is not something we can review."""
    return cable.classification is None and cable.sent is None and cable.id is None


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.cable: Cable | None = None
        self.review: Review | None = None
        self.current: Paragraph | None = None
        self.last_error = ""

        self.model = ParagraphModel(self)
        self.table = QTableView()
        self.table.setObjectName("paragraphTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.view = CableView()
        self.view.paragraphClicked.connect(self.go_to)
        self.inspector = Inspector()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([380, 720, 300])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.statusBar().addWidget(self.progress_label, 1)

    # -- opening -----------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a cable file; report a file we cannot read in a message box and keep going."""
        path = Path(path)
        try:
            cable = read_cable(path)
        except CableError as exc:
            self.error(str(exc))
            return False
        if not_a_cable(cable):
            self.error(
                f"{path} does not look like a cable: it has no classification line and no "
                "date-time group. Open the text file of a cable."
            )
            return False
        self.set_cable(cable)
        return True

    def set_cable(self, cable: Cable) -> None:
        self.cable = cable
        self.review = Review.for_cable(cable)
        self.current = None
        self.model.set_review(cable, self.review)
        self.view.set_cable(cable)
        self.inspector.show_cable(cable)
        self.setWindowTitle(f"{cable.id or Path(cable.path or 'cable').name} — {APP_TITLE}")
        self.update_status()
        if cable.paragraphs:
            self.go_to(cable.paragraphs[0].index)

    # -- navigation --------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        """Make paragraph ``index`` (1-based) current in the table, the text and the inspector."""
        if self.cable is None or not 1 <= index <= len(self.cable.paragraphs):
            return
        p = self.cable.paragraphs[index - 1]
        if self.current is p:
            return
        self.current = p
        row = index - 1
        sm = self.table.selectionModel()
        if sm.currentIndex().row() != row:
            sm.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(self.model.index(row, 0))
        self.view.show_paragraph(p)
        self.show_current_paragraph()

    def move(self, step: int) -> None:
        if self.cable is None or not self.cable.paragraphs:
            return
        i = (self.current.index if self.current else 0) + step
        self.go_to(max(1, min(len(self.cable.paragraphs), i)))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.go_to(current.row() + 1)

    def show_current_paragraph(self) -> None:
        p = self.current
        if p is None or self.cable is None:
            return
        marking = p.marking.text if p.marking else "no portion marking"
        self.inspector.show_paragraph(f"Paragraph {p.key}", marking, "")

    # -- status and errors -------------------------------------------------------------------
    def update_status(self) -> None:
        if self.cable is None or self.review is None:
            self.progress_label.setText("No cable open")
            return
        n = len(self.cable.paragraphs)
        self.progress_label.setText(f"{self.review.decided_count} of {n} paragraphs decided")

    def error(self, message: str) -> None:
        """Tell the user in a message box; window-modal but non-blocking, so the window (and
        a test driving it) carries on."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, parent=self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.statusBar().showMessage(message, 10000)

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        urls = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if urls:
            e.acceptProposedAction()
            self.open_path(urls[0])

    def closeEvent(self, e: QCloseEvent) -> None:
        super().closeEvent(e)
