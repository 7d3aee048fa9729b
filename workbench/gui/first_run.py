"""The first run (issue 7): ask once for the reviewer's name and code set, then show the keys.

"Once" means: whatever the answer (even Cancel), settings are saved, so the question is not
asked again; the name can be changed later in the settings file.
"""

from __future__ import annotations

import contextlib
import getpass

from PySide6.QtCore import Qt, QTimer
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
    "<tt>J</tt> / <tt>↓</tt> next paragraph &nbsp; <tt>K</tt> / <tt>↑</tt> previous<br>"
    "<tt>A</tt> release &nbsp; <tt>R</tt> withhold (last codes) &nbsp; <tt>Shift+R</tt> choose codes<br>"
    "Select text, then <tt>Ctrl+R</tt> redacts it &nbsp; <tt>Ctrl+F</tt> find and redact<br>"
    "<tt>Ctrl+Z</tt> undo &nbsp; <tt>Ctrl+Shift+Z</tt> redo &nbsp; <tt>Ctrl+E</tt> export"
    " &nbsp; <tt>F1</tt> all keys<br>"
    "Every decision is saved as you make it."
)


class FirstRunDialog(QDialog):
    def __init__(self, settings: Settings, code_sets: list[tuple[str, str]], parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle("Welcome to the Declassification Workbench")
        self.settings = settings
        form = QFormLayout(self)
        intro = QLabel(
            "Your name goes into the audit log with every decision you make. "
            "The code set is offered first when you choose exemption codes."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit(settings.reviewer or _login())
        self.name.setObjectName("reviewerName")
        # The login name is only a guess: typing replaces it rather than appending to it.
        self.name.selectAll()
        form.addRow("Reviewer's name", self.name)
        self.code_set = QComboBox()
        self.code_set.setObjectName("codeSetChoice")
        for name, label in code_sets or [("foia", "FOIA exemptions, 5 U.S.C. 552(b)")]:
            self.code_set.addItem(label, name)
        i = self.code_set.findData(settings.code_set)
        self.code_set.setCurrentIndex(max(i, 0))
        form.addRow("Code set", self.code_set)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)

    def done(self, result: int) -> None:
        self.settings.reviewer = self.name.text().strip() or _login()
        self.settings.code_set = self.code_set.currentData() or self.settings.code_set
        # If it cannot be saved, it is asked again next time; the review itself still works.
        with contextlib.suppress(OSError):
            self.settings.save()
        super().done(result)


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

    def mousePressEvent(self, _e) -> None:  # type: ignore[no-untyped-def]
        self.hide()
