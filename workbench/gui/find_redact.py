"""Find and redact: every occurrence of a word or name in the paragraphs' text, at once."""

from __future__ import annotations

import re
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

from workbench.cable.model import Cable, Paragraph
from workbench.review.model import Action, Review


def find_in_paragraphs(
    cable: Cable, term: str, match_case: bool, whole_words: bool
) -> list[tuple[Paragraph, list[tuple[int, int]]]]:
    """Where ``term`` occurs in each paragraph's text (label and marking excluded)."""
    if not term.strip():
        return []
    pattern = re.escape(term.strip())
    if whole_words:
        pattern = rf"\b{pattern}\b"
    rx = re.compile(pattern, 0 if match_case else re.IGNORECASE)
    out = []
    for p in cable.paragraphs:
        spans = [(m.start(), m.end()) for m in rx.finditer(cable.text, p.body_start, p.end)]
        if spans:
            out.append((p, spans))
    return out


class FindRedactDialog(QDialog):
    chooseCodes = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(
        self, cable: Cable, review: Review, codes: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findRedactDialog")
        self.setWindowTitle("Find and redact")
        self.setMinimumWidth(460)
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
        opts.addWidget(self.match_case)
        opts.addWidget(self.whole_words)
        form.addRow("", opts)
        codes_row = QHBoxLayout()
        self.codes_label = QLabel()
        choose = QPushButton("Codes…")
        choose.clicked.connect(self.chooseCodes)
        codes_row.addWidget(self.codes_label, 1)
        codes_row.addWidget(choose)
        form.addRow("Codes", codes_row)
        self.result = QLabel("Type to search the paragraphs.")
        self.result.setObjectName("findResult")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.redact_button = buttons.addButton("Redact all", QDialogButtonBox.ButtonRole.AcceptRole)
        self.redact_button.setObjectName("redactAll")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for w in (self.term_edit,):
            w.textChanged.connect(self._update)
        self.match_case.toggled.connect(self._update)
        self.whole_words.toggled.connect(self._update)
        self._hits: list[tuple[Paragraph, list[tuple[int, int]]]] = []
        self._skipped = 0
        self.set_codes(list(codes))

    @property
    def term(self) -> str:
        return self.term_edit.text().strip()

    def set_codes(self, codes: list[str]) -> None:
        if codes:
            self.codes = tuple(codes)
        self.codes_label.setText(" ".join(self.codes))

    def _update(self) -> None:
        found = find_in_paragraphs(
            self.cable, self.term, self.match_case.isChecked(), self.whole_words.isChecked()
        )
        # A paragraph withheld in full already hides every match; redacting spans in it
        # would release the rest of it, so it is left alone.
        self._hits = [
            (p, s) for p, s in found if self.review.decision(p.index).action != Action.WITHHOLD
        ]
        self._skipped = sum(len(s) for p, s in found) - sum(len(s) for _, s in self._hits)
        n = sum(len(s) for _, s in self._hits)
        text = f"{n} match{'es' if n != 1 else ''} in {len(self._hits)} paragraph(s)"
        if self._skipped:
            text += f"; {self._skipped} more already withheld with their paragraph"
        self.result.setText(text if self.term else "Type to search the paragraphs.")
        self.redact_button.setEnabled(n > 0)

    def redactions(self) -> list[tuple[Paragraph, list[tuple[int, int]]]]:
        return self._hits
