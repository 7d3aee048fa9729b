"""The page a cable is reviewed on: the region list, the cable text and the inspector, laid out
for the screen, following the controller's signals.

Wide windows (:data:`WIDE` pixels and more) get three columns: list | text | inspector. Narrower
ones (a 1024x768 screen) put the inspector under the list, so the text keeps room for a cable's
69-character lines and nothing needs a sideways scroll; the page switches as the window is
resized.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.cable.model import Cable
from workbench.gui import deciders, rules
from workbench.gui.cable_view import Bar, CableView
from workbench.gui.controller import ReviewController
from workbench.gui.decision_panel import DecisionPanel
from workbench.gui.inspector import Inspector
from workbench.gui.redaction_list import RedactionList
from workbench.gui.region_model import COL_CODES, COL_TEXT, RegionModel
from workbench.review.store_api import Author

WIDE = 1280  # window width from which the inspector gets a column of its own


class ReviewPage(QWidget):
    def __init__(
        self, controller: ReviewController, actions: dict[str, QAction], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.controller = c = controller
        self.authors: dict[str, Author] = {}  # who last decided each region of the open cable
        self.model = RegionModel(self)
        self.table = table = QTableView()
        table.setObjectName("paragraphTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the list for the text
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The first words stretch into what is left, last: the decision is never scrolled to.
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(24)
        table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.view = CableView()
        self.view.regionClicked.connect(c.go_to)
        self.inspector = Inspector()
        self.panel = DecisionPanel(actions)
        self.panel.commentEdited.connect(self._comment_edited)
        self.inspector.add_to_paragraph_box(self.panel)
        self.redactions = RedactionList()
        self.redactions.releaseRequested.connect(c.release_withholding)
        self.redactions.shown.connect(lambda w: self.view.reveal(w.start, w.end))
        self.inspector.add_redaction_list(self.redactions)

        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setObjectName("mainSplitter")
        self.columns.setChildrenCollapsible(False)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("leftSplitter")
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(table)
        self.columns.addWidget(self.left)
        self.columns.addWidget(self.view)
        self.wide: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.columns)
        self.arrange(True)
        self.setTabOrder(self.table, self.view)
        self.setTabOrder(self.view, self.redactions)
        self.setTabOrder(self.redactions, self.panel.comment)

        c.cableOpened.connect(self._on_cable_opened)
        c.decisionsChanged.connect(self.refresh)
        c.currentChanged.connect(self._on_current_changed)

    # -- layout ------------------------------------------------------------------------------
    def arrange(self, wide: bool) -> None:
        """Three columns, or the inspector under the list; sizes for the page's width."""
        if wide != self.wide:
            self.wide = wide
            if wide:
                self.columns.insertWidget(2, self.inspector)
            else:
                self.left.insertWidget(1, self.inspector)
            # Narrow, the first words go (the text beside shows them) and the codes take
            # what is left, elided, whole in their tooltip.
            hh = self.table.horizontalHeader()
            hh.setSectionHidden(COL_TEXT, not wide)
            fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
            hh.setSectionResizeMode(COL_CODES, fit if wide else stretch)
        w = max(self.width(), 640)
        if wide:
            side = max(300, w // 4)
            left = max(w * 3 // 10, 340)
            self.columns.setSizes([left, w - left - side, side])
        else:
            left = max(min(w * 2 // 5, 400), 300)
            self.columns.setSizes([left, w - left])
            h = max(self.height(), 400)
            self.left.setSizes([h * 2 // 5, h - h * 2 // 5])

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        wide = self.window().width() >= WIDE
        if wide != self.wide or e.oldSize().width() <= 0:
            self.arrange(wide)

    # -- following the controller ------------------------------------------------------------
    def _on_cable_opened(self) -> None:
        c = self.controller
        cable = c.cable
        if cable is None:
            return
        self.view.set_cable(cable)
        self.inspector.show_cable(cable)
        self._show_rules(cable)
        self.model.background = self.table.palette().base().color()
        self.model.set_review(cable, c.review, c.regions)
        self.authors = deciders.read(c.store(), c.review)
        self.refresh([])
        # Again once the new text is laid out: scrolled before, the current paragraph could
        # be left cut off at the bottom edge.
        QTimer.singleShot(0, lambda: self.view.show_paragraph(c.current))

    def _show_rules(self, cable: Cable) -> None:
        a = rules.assess_cable(cable)
        if cable.decl is not None:
            self.view.set_status_highlight(cable.decl.start, cable.decl.end, a.colour, a.tooltip)
        self.view.set_findings(a.spans)
        self.inspector.show_due(a.due_text, a.colour)
        self.inspector.show_findings(a.messages)

    def _on_current_changed(self, key: str) -> None:
        p = self.controller.current
        row = self.model.row_of(key)
        if p is None or row < 0:
            return
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

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.model.regions):
            self.controller.go_to(self.model.regions[current.row()].key)

    def _comment_edited(self, text: str) -> None:
        self.controller.set_comment(text)
        self.table.setFocus()  # Enter saved it: back to deciding

    def refresh(self, keys: list[str]) -> None:
        """Decisions changed for these regions ([]: all): update the views."""
        c = self.controller
        if c.cable is None:
            return
        for key in keys:  # changed here, by this window's reviewer
            self.authors[key] = deciders.mine(c.reviewer)
        self.model.regions_changed(keys or None)
        bars = []
        if c.review is not None:
            bars = [Bar(w.start, w.end, w.codes) for w in c.review.withholdings(c.cable)]
        self.view.set_redactions(bars)
        self.redactions.model_.set_review(c.cable, c.review)
        self.inspector.show_redaction_count(len(bars))
        self.show_current_paragraph()

    def show_current_paragraph(self) -> None:
        c = self.controller
        p, cable = c.current, c.cable
        if p is None or cable is None:
            return
        self.inspector.show_region(p, cable, c.position() + 1, len(c.regions))
        if c.review is not None:
            self.panel.show_decision(c.review.effective(p).decision)
            self.inspector.decided_by.setText(deciders.line(c.review, p, self.authors))
        else:
            self.inspector.decided_by.setText("")
