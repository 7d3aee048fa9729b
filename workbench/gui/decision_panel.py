"""The decision panel for the current paragraph: release / withhold / partial, codes, comment.

Its buttons carry the window's QActions, so the panel, the menus and the keys share one
implementation (and one tooltip showing the key).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from workbench.gui import styles
from workbench.gui.region_model import decision_codes
from workbench.review.model import Action, Decision

# Each state has its own sign as well as its colour, so no one needs the colour to tell.
_WORDS = {
    Action.PENDING: f"{styles.DECISION_SIGNS['pending']} Not decided",
    Action.RELEASE: f"{styles.DECISION_SIGNS['release']} Release in full",
    Action.WITHHOLD: f"{styles.DECISION_SIGNS['withhold']} Withhold in full",
    Action.PARTIAL: f"{styles.DECISION_SIGNS['partial']} Release in part",
}


class DecisionPanel(QWidget):
    commentEdited = Signal(str)

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        self.state = QLabel()
        self.state.setObjectName("decisionState")
        grid.addWidget(self.state, 0, 0, 1, 2)

        buttons = QGridLayout()
        self.buttons: dict[str, QToolButton] = {}
        for key in ("release", "withhold", "choose_codes", "redact_selection", "set_pending"):
            b = QToolButton()
            b.setDefaultAction(actions[key])
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setObjectName(f"button_{key}")
            self.buttons[key] = b
        # Two rows that fit a narrow inspector: the everyday pair first.
        buttons.addWidget(self.buttons["release"], 0, 0)
        buttons.addWidget(self.buttons["withhold"], 0, 1)
        buttons.addWidget(self.buttons["choose_codes"], 1, 0)
        buttons.addWidget(self.buttons["set_pending"], 1, 1)
        buttons.addWidget(self.buttons["redact_selection"], 2, 0, 1, 2)
        grid.addLayout(buttons, 1, 0, 1, 2)

        grid.addWidget(QLabel("Codes"), 3, 0)
        self.codes = QLabel()
        self.codes.setObjectName("decisionCodes")
        self.codes.setWordWrap(True)
        grid.addWidget(self.codes, 3, 1)
        grid.addWidget(QLabel("Comment"), 4, 0)
        self.comment = QLineEdit()
        self.comment.setObjectName("decisionComment")
        self.comment.setPlaceholderText("Justification for the Vaughn index (Enter saves)")
        self.comment.editingFinished.connect(self._comment_done)
        grid.addWidget(self.comment, 4, 1)
        self._shown_comment = ""

    def show_decision(self, decision: Decision) -> None:
        bg = self.palette().window().color()  # readable on a dark palette too
        colour = styles.readable(styles.DECISION_COLOURS[decision.action.value], bg).name()
        words = _WORDS[decision.action]
        if decision.action == Action.PARTIAL:
            n = len(decision.spans)
            words += f": {n} span{'s' if n != 1 else ''} withheld"
        self.state.setText(f'<b style="color:{colour}; font-size: 13pt">{words}</b>')
        self.state.setAccessibleName(words)
        self.codes.setText(" ".join(decision_codes(decision)) or "—")
        self._shown_comment = decision.comment
        self.comment.setText(decision.comment)
        self.comment.setEnabled(decision.action != Action.PENDING)

    def edit_comment(self) -> None:
        """C: type the justification (Enter saves it and goes back to the list)."""
        if self.comment.isEnabled():
            self.comment.setFocus()
            self.comment.selectAll()

    def _comment_done(self) -> None:
        text = self.comment.text().strip()
        if text != self._shown_comment:
            self._shown_comment = text
            self.commentEdited.emit(text)
