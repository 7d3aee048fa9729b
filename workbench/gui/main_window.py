"""The reviewer's main window: layout and wiring.

The review itself (the cable, its decisions, the current region, saving) is
:class:`~workbench.gui.controller.ReviewController`'s; the page a cable is reviewed on (its
list, text and inspector, and how they follow the controller) is
:class:`~workbench.gui.review_page.ReviewPage`. This window stacks that page with the folder's
table, connects actions to the controller's methods (through lambdas: ``triggered`` passes
``checked``), and keeps the title and status bar. Dialogs it opens are in
:mod:`workbench.gui.window_dialogs`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from workbench.cable import CableError, read_cable
from workbench.cable.document import not_a_cable
from workbench.gui import window_dialogs
from workbench.gui.actions import make_actions
from workbench.gui.batch_view import BatchView
from workbench.gui.controller import ReviewController
from workbench.gui.find_hits import FindHits
from workbench.gui.main_thread_gc import MainThreadCollector
from workbench.gui.recent import RecentFiles
from workbench.gui.review_page import WIDE, ReviewPage
from workbench.gui.status import StatusBar
from workbench.gui.suggestions import attach_suggestions
from workbench.review.model import ReviewError
from workbench.review.stores import describe, resolve
from workbench.settings import Settings

APP_TITLE = "Declassification Workbench"
PREFERRED_SIZE = (1400, 860)

# Actions that need a review to act on.
REVIEW_ACTIONS = (
    "release",
    "withhold",
    "choose_codes",
    "redact_selection",
    "unredact_selection",
    "set_pending",
    "find_redact",
    "export",
    "comment",
    "next_undecided",
    "release_header",
    "accept_suggestion",
    "accept_all_suggestion",
    "reject_suggestion",
)


class MainWindow(QMainWindow):
    def __init__(self, store_path: str | Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        # First: the window's threads start below, and must never run the collector.
        self._collector = MainThreadCollector(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.settings = Settings.load()
        self.last_error = ""
        self.batch: BatchView | None = None  # the folder's table, made on first use
        self.batch_jobs: int | None = None  # worker processes for folders (None: every core)
        self.controller = ReviewController(
            resolve(store_path),
            self.settings.reviewer.strip(),
            self.confirm,
            self.settings.default_codes,
            self,
        )
        c = self.controller
        # The group's actions follow the open cable's own history.
        made = {
            "undo": c.undo_group.createUndoAction(self, "Undo"),
            "redo": c.undo_group.createRedoAction(self, "Redo"),
        }
        self.named_actions, self.recent_menu = make_actions(self, made)

        self.page = ReviewPage(c, self.named_actions, self)
        # The page's views, by the names dialogs and tests know them.
        page = self.page
        self.model, self.table, self.view = page.model, page.table, page.view
        self.inspector, self.panel, self.redactions = page.inspector, page.panel, page.redactions
        self.redactions.recodeRequested.connect(lambda w: window_dialogs.recode(self, w))
        self.splitter = page  # the cable's page in the stack (the folder's table is the other)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.finder = FindHits(self, self)
        self.find_pane = self.finder.pane
        self.status = StatusBar(self.statusBar(), describe(c.store_spec))
        self.recent = RecentFiles(self.recent_menu, self.settings, self.open_path)
        self.suggestions = attach_suggestions(self)  # dotted outlines, S / X / Shift+X / D
        self.controller.flagged = lambda: self.suggestions.visible  # named in questions
        self._connect()
        self.fit_to_screen()
        from workbench.gui.team import attach_team

        self.team = attach_team(self)  # QC keys; others' changes shown as they are saved
        from workbench.gui.case_mode import attach_case

        self.case = attach_case(self)  # File > Open Case, proposals, N across a case
        self.status.show_reviewer(c.reviewer)
        self._update_progress()
        self._enable_review()

    # -- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        a, c = self.named_actions, self.controller
        on = {
            "open": lambda: self.choose_file(),
            "open_folder": lambda: self.choose_folder(),
            "show_folder": lambda: self.show_folder(),
            "export": lambda: window_dialogs.export(self),
            "settings": lambda: window_dialogs.settings(self),
            "quit": lambda: self.close(),
            "find_redact": lambda: self.finder.open("cable"),
            "find_folder": lambda: self.finder.open("folder"),
            "comment": lambda: self.panel.edit_comment(),
            "next": lambda: self._in_cable(lambda: c.step(1)),
            "previous": lambda: self._in_cable(lambda: c.step(-1)),
            "first": lambda: self._in_cable(c.go_first),
            "last": lambda: self._in_cable(c.go_last),
            "next_undecided": lambda: self.next_undecided(),
            "release": lambda: c.release(),
            "withhold": lambda: c.withhold(c.last_codes),
            "choose_codes": lambda: window_dialogs.withhold_with_codes(self),
            "redact_selection": lambda: window_dialogs.redact_selection(self),
            "unredact_selection": lambda: self.unredact_selection(),
            "set_pending": lambda: c.set_pending(),
            "release_header": lambda: self._release_header(),
            "start_over": lambda: c.start_over(),
            "focus_table": lambda: self.table.setFocus(),
            "focus_text": lambda: self.view.setFocus(),
            "focus_redactions": lambda: self.redactions.setFocus(),
            "keys": lambda: window_dialogs.show_keys(self),
            "next_suggestion": lambda: self._in_cable(lambda: self.suggestions.step(1)),
            "previous_suggestion": lambda: self._in_cable(lambda: self.suggestions.step(-1)),
            "accept_suggestion": lambda: self._in_cable(self.suggestions.accept),
            "accept_all_suggestion": lambda: self._in_cable(self.suggestions.accept_all),
            "reject_suggestion": lambda: self._in_cable(self.suggestions.reject),
            "show_suggestions": lambda: self.suggestions.set_shown(
                a["show_suggestions"].isChecked()
            ),
        }
        a["show_suggestions"].setCheckable(True)
        a["show_suggestions"].setChecked(True)
        for name, slot in on.items():
            a[name].triggered.connect(slot)
        c.cableOpened.connect(self._on_cable_opened)
        c.failed.connect(self.error)
        c.saveStatus.connect(self.status.show_saving)
        c.progressChanged.connect(self._on_progress)
        c.reviewerNeeded.connect(lambda: window_dialogs.settings(self))

    def _enable_review(self) -> None:
        c = self.controller
        on = c.review is not None
        for name in REVIEW_ACTIONS:
            self.named_actions[name].setEnabled(on)
        self.named_actions["start_over"].setEnabled(c.cable is not None)

    def _in_cable(self, do: object) -> None:
        """Paragraph moves belong to the cable's page, not the folder's table."""
        if self.stack.currentWidget() is self.splitter and callable(do):
            do()

    # -- opening -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        cable = self.controller.cable
        start = str(Path(cable.path).parent) if cable and cable.path else ""
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
        why = not_a_cable(cable, path)
        if why is not None:
            self.error(why)
            return False
        self.recent.add(path)
        self.controller.open(cable)
        return True

    def open_folder(self, path: Path) -> bool:
        if self.batch is None:
            self.batch = BatchView(self, jobs=self.batch_jobs)
            self.batch.openRequested.connect(self.open_path)
            self.stack.addWidget(self.batch)
        store = self.controller.store()
        reviewed: dict[str, tuple[int, int]] = {}
        if store is not None:
            try:
                reviewed = {r.cable_id: (r.decided, r.total or 0) for r in store.reviews()}
            except ReviewError as exc:
                self.error(str(exc))
        r = self.controller.review
        if r is not None:  # its latest changes may still be on their way to the store
            reviewed[r.cable_id] = (r.decided_count, r.region_count)
        if not self.batch.load(path, reviewed):
            self.error(self.batch.error)
            return False
        self.show_folder()
        self.find_pane.set_folder(path)
        self.recent.add(path)
        return True

    def folder(self) -> Path | None:
        """The folder opened in the window (the find pane searches it), if any."""
        return self.batch.folder if self.batch is not None else None

    def show_review(self) -> None:
        """Back from the find pane to deciding: the region list of the open cable."""
        if self.stack.currentWidget() is self.page:
            self.table.setFocus()

    def show_folder(self) -> None:
        if self.batch is None or self.batch.folder is None:
            return
        self.stack.setCurrentWidget(self.batch)
        self.setWindowTitle(f"{self.batch.folder.name} — {APP_TITLE}")
        self.status.show_progress(
            "Double-click a cable (or select it and press Enter) to review it; Ctrl+B comes back here"
        )

    def next_undecided(self) -> None:
        """The next undecided paragraph here; when none is left, the next cable of the folder
        with undecided paragraphs."""
        c = self.controller
        if self.stack.currentWidget() is self.splitter and c.next_undecided():
            return
        here = c.cable.path if c.cable else None
        nxt = self.batch.next_unreviewed(here) if self.batch is not None else None
        if nxt is not None:
            self.open_path(nxt)
            self.status.flash(
                f"Every paragraph decided; opened the next undecided cable, {Path(nxt).name}"
            )
        elif c.cable is not None:
            self.status.flash(f"Every paragraph of {c.cable.id or 'this cable'} is decided")

    def _release_header(self) -> None:
        if not self.controller.header_to_release():
            self.status.flash("Every header line is decided already.")
            return
        self.controller.release_header()

    def unredact_selection(self) -> None:
        span = self.view.selected_span()
        if span is None:
            self.error("Select redacted text first, then press Ctrl+Shift+R.")
            return
        self.controller.unredact(*span)

    # -- following the controller ------------------------------------------------------------
    def _on_cable_opened(self) -> None:
        c = self.controller
        cable = c.cable
        if cable is None:
            return
        self.setWindowTitle(f"{cable.id or Path(cable.path or 'cable').name} — {APP_TITLE}")
        self.stack.setCurrentWidget(self.page)
        self.status.show_reviewer(c.reviewer)  # a team store may name the reviewer itself
        self._enable_review()
        self._update_progress()

    def _on_progress(self, cable_id: str, decided: int, total: int) -> None:
        self._update_progress()
        if self.batch is not None:
            self.batch.model.set_reviewed(cable_id, decided, total)

    def _update_progress(self) -> None:
        c = self.controller
        if c.cable is None:
            self.status.show_progress("No cable open")
        elif c.review is None:
            n = len(c.regions)
            self.status.show_progress(f"{n} regions (read-only: decisions cannot be saved)")
        else:
            r = c.review
            self.status.show_progress(f"{r.decided_count} of {r.region_count} regions decided")

    # -- questions, errors, the screen -------------------------------------------------------
    def confirm(self, text: str) -> bool:
        """The controller's questions: a Yes/No box, No the default."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, text, parent=self)
        box.setObjectName("confirmBox")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def error(self, message: str) -> None:
        """Tell the user in a message box; window-modal but non-blocking, so the window (and
        a test driving it) carries on."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, parent=self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.status.flash(message)

    def fit_to_screen(self) -> None:
        """The preferred size, or what the screen the window opens on leaves free if smaller
        (the review page lays itself out for the width it gets)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        w, h = PREFERRED_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            w, h = min(w, int(free.width() * 0.97)), min(h, int(free.height() * 0.94))
            self.move(free.center().x() - w // 2, free.center().y() - h // 2)
        self.resize(w, h)
        self.page.arrange(w >= WIDE)

    def show_key_hint(self) -> None:
        from workbench.gui.first_run import KeyHint

        self.key_hint = KeyHint(self.view)
        self.key_hint.place()

    # -- drag and drop, closing --------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        urls = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if urls:
            e.acceptProposedAction()
            self.open_path(urls[0])

    def closeEvent(self, e: QCloseEvent) -> None:
        if not self.controller.close():
            e.ignore()
            return
        self.team.stop()
        self.suggestions.stop()
        self.case.stop()  # a case still being opened (issue 15)
        if self.batch is not None:
            self.batch.stop()
        self.finder.stop()
        self._collector.stop()  # after the threads above have ended
        super().closeEvent(e)
