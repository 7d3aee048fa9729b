"""The reviewer's name and code set: asked at the first run (issue 7), changed later in
File > Settings (Ctrl+,); and the card of keys shown after the first run.

The name is printed on every release and goes into the audit log with every decision, so it
is never blank and never silently the login name: OK stays disabled until a name is typed.
At the first run, Cancel saves the code set only; the window then asks for the name before
the first decision. With a team's store (``gui/store_choice.py``) the database names the
reviewer, so no name is asked; OK first checks that the store can be used.
"""

from __future__ import annotations

import contextlib
import getpass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.settings import Settings

HINT = (
    "<b>Keys</b><br>"
    "<tt>J</tt> / <tt>↓</tt> next region &nbsp; <tt>K</tt> / <tt>↑</tt> previous<br>"
    "<tt>A</tt> release &nbsp; <tt>R</tt> withhold (last codes) &nbsp; <tt>Shift+R</tt> choose codes<br>"
    "Select text, then <tt>Ctrl+R</tt> redacts it (pick codes, Enter) &nbsp; <tt>Ctrl+F</tt> find and redact<br>"
    "<tt>N</tt> next undecided &nbsp; <tt>Tab</tt> list, text, redactions, comment<br>"
    "<tt>Ctrl+Z</tt> undo &nbsp; <tt>Ctrl+Shift+Z</tt> redo &nbsp; <tt>Ctrl+E</tt> export"
    " &nbsp; <tt>F1</tt> all keys<br>"
    "Every decision is saved as you make it."
)


class ReviewerDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        code_sets: list[tuple[str, str]],
        parent: QWidget | None = None,
        first: bool = True,
        store: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.first = first
        self.setObjectName("firstRunDialog" if first else "settingsDialog")
        self.setWindowTitle("Welcome to the Declassification Workbench" if first else "Settings")
        self.settings = settings
        form = QFormLayout(self)
        intro = QLabel(
            "Your name goes into the audit log with every decision you make. "
            "The code set is offered first when you choose exemption codes."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit(settings.reviewer)
        self.name.setObjectName("reviewerName")
        self.name.setPlaceholderText(f"Your full name, for example {_login() or 'Ada Lovelace'}")
        self.name.selectAll()  # typing replaces the name shown rather than adding to it
        form.addRow("Reviewer's name", self.name)
        self.code_set = QComboBox()
        self.code_set.setObjectName("codeSetChoice")
        for name, label in code_sets or [("foia", "FOIA exemptions, 5 U.S.C. 552(b)")]:
            self.code_set.addItem(label, name)
        i = self.code_set.findData(settings.code_set)
        self.code_set.setCurrentIndex(max(i, 0))
        form.addRow("Code set", self.code_set)
        from workbench.gui.store_choice import StoreChoice
        from workbench.review.stores import is_url
        from workbench.settings import default_store_path

        # The choice is the setting, where later sessions save, and it saves what it shows. A
        # team's URL given with --store is offered as that choice (joining a team is why one
        # pastes it); a file given with --store is this window's only: saved as the default,
        # it sent every later command without --store to a file relative to wherever it ran.
        team_url = store if store and is_url(store) else None
        self.store = StoreChoice(team_url or settings.store, str(default_store_path()), self)
        if store and not team_url:
            one_off = QLabel(
                f"This window saves to {Path(store).expanduser().resolve()}, as --store says. "
                "The choice below is where sessions without --store save."
            )
            one_off.setObjectName("oneOffStore")
            one_off.setWordWrap(True)
            form.addRow(one_off)
        form.addRow(self.store)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("reviewerOk")
        self.name.textChanged.connect(lambda _t: self._enable())
        self.store.changed.connect(self._enable)
        self.store.checked.connect(self._checked)
        self._enable()
        form.addRow(buttons)

    def _enable(self) -> None:
        team = self.store.is_team()
        self.name.setEnabled(not team)
        if team:
            self.name.setPlaceholderText("Given by the team store: the login you connect as")
        self.ok.setEnabled(self.store.checking is None and (team or bool(self.name.text().strip())))

    def _checked(self, usable: bool) -> None:
        self._enable()
        if usable:
            self.accept()  # the OK that started the check

    def done(self, result: int) -> None:
        team = self.store.is_team()
        if result == QDialog.DialogCode.Accepted and team and not self.store.is_verified():
            self.ok.setEnabled(False)
            self.store.check()  # accepts when the store answers; else says why, stays open
            return
        self.store.abandon()
        named = team or bool(self.name.text().strip())
        accepted = result == QDialog.DialogCode.Accepted and named
        if accepted:
            if not team:
                self.settings.reviewer = self.name.text().strip()
            self.settings.store = self.store.spec()
            self.settings.code_set = self.code_set.currentData() or self.settings.code_set
        if accepted or self.first:
            # The first run is asked once, whatever the answer. If the file cannot be saved,
            # it is asked again next time; the review itself still works.
            with contextlib.suppress(OSError):
                self.settings.save()
        super().done(result)


FirstRunDialog = ReviewerDialog


def code_set_choices() -> list[tuple[str, str]]:
    """(name, label) of every code set, for the choice of the set offered first."""
    try:
        from workbench.review.codes import available_code_sets

        return [(s.name, s.label) for s in available_code_sets()]
    except Exception:  # a broken team code-set file must not stop the first window
        return []


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class KeyHint(QFrame):
    """A small card over the cable text listing the keys; closes on click or after a minute."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("keyHint")
        self.setStyleSheet(
            "#keyHint { background: rgba(32, 40, 56, 235); border-radius: 8px; }"
            "#keyHint QLabel { color: #f4f4f4; }"
            "#keyHint QToolButton { color: #f4f4f4; border: none; font-weight: bold; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Hide (F1 shows every key)")
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        label = QLabel(HINT)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
        self.adjustSize()
        QTimer.singleShot(60_000, self.hide)

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.adjustSize()
            self.move(parent.width() - self.width() - 28, parent.height() - self.height() - 16)
            self.raise_()
            self.show()

    def mousePressEvent(self, _e: QMouseEvent) -> None:
        self.hide()
