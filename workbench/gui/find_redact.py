"""Find and redact: every occurrence of a word or name in the paragraphs (and the subject),
redacted in one step. The review package finds the matches and builds the command."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbench.cable.model import Cable
from workbench.review import find as rfind
from workbench.review.commands import Command
from workbench.review.model import Review, ReviewError


class FindRedactDialog(QDialog):
    chooseCodes = Signal()

    def __init__(
        self, cable: Cable, review: Review, codes: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findRedactDialog")
        self.setWindowTitle("Find and redact")
        self.setMinimumWidth(480)
        self.cable, self.review = cable, review
        self.codes: tuple[str, ...] = tuple(codes)
        form = QFormLayout(self)
        self.term_edit = QLineEdit()
        self.term_edit.setObjectName("findTerm")
        self.term_edit.setPlaceholderText("A name, a place, a phrase…")
        form.addRow("Find", self.term_edit)
        opts = QHBoxLayout()
        self.match_case = QCheckBox("Match case")
        self.whole_words = QCheckBox("Whole words")
        self.whole_words.setChecked(True)
        self.regex = QCheckBox("Regular expression")
        for box in (self.match_case, self.whole_words, self.regex):
            opts.addWidget(box)
            box.toggled.connect(self._update)
        form.addRow("", opts)
        codes_row = QHBoxLayout()
        self.codes_label = QLabel()
        choose = QPushButton("Codes…")
        choose.setAutoDefault(False)  # Enter in the search box redacts; it never opens this
        choose.clicked.connect(self.chooseCodes)
        codes_row.addWidget(self.codes_label, 1)
        codes_row.addWidget(choose)
        form.addRow("Codes", codes_row)
        self.result_label = QLabel("Type to search the paragraphs and the subject.")
        self.result_label.setObjectName("findResult")
        self.result_label.setWordWrap(True)
        form.addRow(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.redact_button = buttons.addButton("Redact all", QDialogButtonBox.ButtonRole.AcceptRole)
        self.redact_button.setObjectName("redactAll")
        self.redact_button.setEnabled(False)
        self.redact_button.setDefault(True)  # type, then Enter redacts every match
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.term_edit.textChanged.connect(self._update)
        self._proposals: list[rfind.Proposal] = []
        self.set_codes(list(codes))

    @property
    def term(self) -> str:
        return self.term_edit.text().strip()

    def set_codes(self, codes: list[str]) -> None:
        if codes:
            self.codes = tuple(codes)
        self.codes_label.setText(" ".join(self.codes))

    def _update(self) -> None:
        self._proposals = []
        if not self.term:
            self.result_label.setText("Type to search the paragraphs and the subject.")
            self.redact_button.setEnabled(False)
            return
        try:
            pattern = rfind.compile_pattern(
                self.term,
                regex=self.regex.isChecked(),
                match_case=self.match_case.isChecked(),
                whole_word=self.whole_words.isChecked(),
            )
        except ReviewError as exc:
            self.result_label.setText(str(exc))
            self.redact_button.setEnabled(False)
            return
        self._proposals = rfind.find(self.cable, pattern, self.review)
        new = [p for p in self._proposals if not p.covered]
        places = {p.paragraph_key or p.field for p in new}
        text = f"{len(new)} match{'es' if len(new) != 1 else ''} in {len(places)} place(s)"
        covered = len(self._proposals) - len(new)
        if covered:
            text += f"; {covered} already withheld"
        self.result_label.setText(text)
        self.redact_button.setEnabled(bool(new))

    def command(self) -> Command:
        """One step redacting every match not yet withheld (raises ReviewError if none)."""
        return rfind.redact_command(
            self.cable, self._proposals, self.codes, label=f"Find and redact “{self.term}”"
        )
