"""The reviewer's main window: paragraph navigator, cable text, inspector, status bar.

Review changes are made in :mod:`workbench.gui.review_ops` (mixed in here) through the
session, which saves each one to the store at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from workbench.cable import Cable, CableError, read_cable
from workbench.cable.model import Paragraph
from workbench.gui import rules
from workbench.gui.actions import make_actions
from workbench.gui.batch_view import BatchView
from workbench.gui.cable_view import Bar, CableView
from workbench.gui.decision_panel import DecisionPanel
from workbench.gui.inspector import Inspector
from workbench.gui.paragraph_model import COL_TEXT, ParagraphModel
from workbench.gui.recent import RecentFiles
from workbench.gui.review_ops import ReviewOps
from workbench.gui.session import ReviewSession
from workbench.review.model import Action, Review, ReviewError
from workbench.review.store_api import ReviewStore
from workbench.review.stores import describe, open_store, resolve
from workbench.settings import Settings, reviewer_name

APP_TITLE = "Declassification Workbench"


def not_a_cable(cable: Cable) -> bool:
    """Text with neither a classification line nor a date is not something we can review."""
    return cable.classification is None and cable.sent is None and cable.id is None


class MainWindow(ReviewOps, QMainWindow):
    def __init__(self, store_path: str | Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.settings = Settings.load()
        self.reviewer = reviewer_name()
        # A SQLite file or a team's postgresql:// URL (issue 17).
        self.store_path = resolve(store_path)
        self.store: ReviewStore | None = None
        self.cable: Cable | None = None
        self.session: ReviewSession | None = None
        self.current: Paragraph | None = None
        self.last_codes: list[str] = list(self.settings.default_codes) or ["(b)(1)"]
        self.last_error = ""
        self.batch: BatchView | None = None  # the folder's table, made on first use
        self.batch_jobs: int | None = None  # worker processes for folders (None: every core)

        self.actions = make_actions(self)
        self._connect_actions()

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
        self.panel = DecisionPanel(self.actions)
        self.panel.commentEdited.connect(self.set_comment)
        self.inspector.add_to_paragraph_box(self.panel)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([330, 690, 380])
        self.splitter = splitter
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.setCentralWidget(self.stack)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.reviewer_label = QLabel()
        self.reviewer_label.setObjectName("reviewerLabel")
        self.store_label = QLabel()
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addWidget(self.progress_label, 1)
        self.statusBar().addPermanentWidget(self.reviewer_label)
        self.statusBar().addPermanentWidget(self.store_label)
        self.recent = RecentFiles(self.recent_menu, self.settings, self.open_path)  # type: ignore[attr-defined]
        self.update_status()
        self._enable_review(False)

    def _connect_actions(self) -> None:
        a = self.actions
        a["open"].triggered.connect(self.choose_file)
        a["open_folder"].triggered.connect(self.choose_folder)
        a["show_folder"].triggered.connect(self.show_folder)
        a["export"].triggered.connect(self.export)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo)
        a["redo"].triggered.connect(self.redo)
        a["find_redact"].triggered.connect(self.find_and_redact)
        a["next"].triggered.connect(lambda: self.move(1))
        a["previous"].triggered.connect(lambda: self.move(-1))
        a["release"].triggered.connect(self.release)
        # triggered passes checked=False first: never let it land in a parameter.
        a["withhold"].triggered.connect(lambda: self.withhold())
        a["choose_codes"].triggered.connect(self.choose_codes)
        a["redact_selection"].triggered.connect(self.redact_selection)
        a["unredact_selection"].triggered.connect(self.unredact_selection)
        a["set_pending"].triggered.connect(self.set_pending)
        a["release_header"].triggered.connect(lambda: self.release_header())
        a["keys"].triggered.connect(self.show_keys)
        a["start_over"].triggered.connect(lambda: self.start_over())

    def _enable_review(self, on: bool) -> None:
        for name in (
            "release",
            "withhold",
            "choose_codes",
            "redact_selection",
            "unredact_selection",
            "set_pending",
            "find_redact",
            "export",
            "start_over",
        ):
            self.actions[name].setEnabled(on)
        self.actions["undo"].setEnabled(
            on and self.session is not None and self.session.undo_stack.canUndo()
        )
        self.actions["redo"].setEnabled(
            on and self.session is not None and self.session.undo_stack.canRedo()
        )

    # -- opening -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(Path(self.cable.path).parent) if self.cable and self.cable.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a cable", start, "Cables (*.txt);;All files (*)"
        )
        if path:
            self.open_path(path)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Check a folder of cables")
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a cable file or a folder; say what is wrong in a message box and keep going."""
        path = Path(path)
        if path.is_dir():
            return self.open_folder(path)
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
        self.recent.add(path)
        self.set_cable(cable)
        return True

    def open_folder(self, path: Path) -> bool:
        if self.batch is None:
            self.batch = BatchView(self, jobs=self.batch_jobs)
            self.batch.openRequested.connect(self.open_path)
            self.stack.addWidget(self.batch)
        store = self._open_store()
        reviewed: dict[str, tuple[int, int]] = {}
        if store is not None:
            try:
                reviewed = {r.cable_id: (r.decided, r.paragraph_count) for r in store.reviews()}
            except ReviewError as exc:
                self.error(str(exc))
        if not self.batch.load(path, reviewed):
            self.error(self.batch.error)
            return False
        self.show_folder()
        self.recent.add(path)
        return True

    def show_folder(self) -> None:
        if self.batch is None or self.batch.folder is None:
            return
        self.stack.setCurrentWidget(self.batch)
        self.setWindowTitle(f"{self.batch.folder.name} — {APP_TITLE}")
        self.progress_label.setText(
            "Double-click a cable (or select it and press Enter) to review it; Ctrl+B comes back here"
        )

    def _open_store(self) -> ReviewStore | None:
        if self.store is None:
            try:
                self.store = open_store(self.store_path)
            except (ReviewError, OSError) as exc:
                self.error(f"The review store {describe(self.store_path)} cannot be used: {exc}")
                return None
            # In team mode the database names the reviewer, not the settings.
            self.reviewer = self.store.identity(self.reviewer)
            self.update_status()
        return self.store

    def set_cable(self, cable: Cable) -> None:
        """Show ``cable`` with its saved review; if that cannot be loaded, show it read-only."""
        store = self._open_store()
        review: Review | None = None
        if store is not None:
            try:
                review = store.load(cable)
            except ReviewError as exc:
                self.error(f"{exc} The cable is shown read-only.")
        self.cable = cable
        self.current = None
        self.view.set_cable(cable)
        self.inspector.show_cable(cable)
        self._show_rules(cable)
        self.setWindowTitle(f"{cable.id or Path(cable.path or 'cable').name} — {APP_TITLE}")
        self.stack.setCurrentWidget(self.splitter)
        self.start_session(review)
        if cable.paragraphs:
            self.go_to(cable.paragraphs[0].index)

    def start_session(self, review: Review | None) -> None:
        """Review the open cable with ``review`` (None: read-only), with a fresh undo stack."""
        assert self.cable is not None
        if self.session is not None:
            self.session.deleteLater()
        self.session = None
        if review is not None:
            self.session = ReviewSession(self.cable, review, self.store, self.reviewer, self)
            self.session.changed.connect(self.refresh)
            self.session.failed.connect(self.error)
            stack = self.session.undo_stack
            stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
            stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        self.model.set_review(self.cable, review)
        self._enable_review(self.session is not None)
        self.actions["start_over"].setEnabled(self.store is not None)
        self.refresh([])
        if self.current is not None:
            self.show_current_paragraph()
            self.table.selectRow(self.current.index - 1)

    def _show_rules(self, cable: Cable) -> None:
        a = rules.assess_cable(cable)
        if cable.decl is not None:
            self.view.set_status_highlight(cable.decl.start, cable.decl.end, a.colour, a.tooltip)
        self.view.set_findings(a.spans)
        self.inspector.show_due(a.due_text, a.colour)
        self.inspector.show_findings(a.messages)

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
        if self.stack.currentWidget() is not self.splitter:
            return
        if self.cable is None or not self.cable.paragraphs:
            return
        i = (self.current.index if self.current else 0) + step
        self.go_to(max(1, min(len(self.cable.paragraphs), i)))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.go_to(current.row() + 1)

    # -- showing changes ---------------------------------------------------------------------
    def refresh(self, indexes: list[int]) -> None:
        """A change was saved for these paragraphs (or the header): update every view."""
        if self.cable is None:
            return
        review = self.session.review if self.session else None
        self.model.paragraphs_changed(indexes or None)
        bars = []
        if review is not None:
            bars = [Bar(w.start, w.end, w.codes) for w in review.withholdings(self.cable)]
        self.view.set_redactions(bars)
        self.show_current_paragraph()
        self.update_status()

    def show_current_paragraph(self) -> None:
        p, cable = self.current, self.cable
        if p is None or cable is None:
            return
        review = self.session.review if self.session else None
        decision = review.decision(p.index) if review else None
        marking = p.marking
        info = (
            f"Marked {marking.text} ({marking.level or 'unknown level'}"
            + (" // " + "/".join(marking.controls) if marking.controls else "")
            + ")"
            if marking
            else "No portion marking"
        )
        withheld = ""
        if decision is not None and decision.action == Action.WITHHOLD:
            withheld = cable.text[p.body_start : p.end].strip()
        elif decision is not None and decision.action == Action.PARTIAL:
            withheld = "\n\n".join(
                f"[{' '.join(s.codes)}] {cable.text[s.start : s.end]}" for s in decision.spans
            )
        self.inspector.show_paragraph(
            f"Paragraph {p.key} of {len(cable.paragraphs)}", info, withheld
        )
        if decision is not None:
            self.panel.show_decision(decision)

    # -- status and errors -------------------------------------------------------------------
    def update_status(self) -> None:
        self.reviewer_label.setText(f"Reviewer: {self.reviewer}")
        self.store_label.setText(f"Store: {describe(self.store_path)}")
        self.store_label.setToolTip("Every decision is saved here as it is made")
        if self.cable is None:
            self.progress_label.setText("No cable open")
            return
        n = len(self.cable.paragraphs)
        if self.session is None:
            self.progress_label.setText(f"{n} paragraphs (read-only: decisions cannot be saved)")
            return
        review = self.session.review
        self.progress_label.setText(
            f"{review.decided_count} of {review.region_count} regions decided"
        )

    def error(self, message: str) -> None:
        """Tell the user in a message box; window-modal but non-blocking, so the window (and
        a test driving it) carries on."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, parent=self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.statusBar().showMessage(message, 10000)

    def show_key_hint(self) -> None:
        from workbench.gui.first_run import KeyHint

        self.key_hint = KeyHint(self.view)
        self.key_hint.place()

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
        if self.batch is not None:
            self.batch.stop()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(e)
