"""Choosing exemption codes: a searchable, checkable list drawn from the team's code sets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.review.codes import CodeSet

CodeRole = Qt.ItemDataRole.UserRole + 1


class CodePicker(QDialog):
    """Tick codes; type to filter by code, label or description (``b6``, ``privacy``)."""

    def __init__(
        self,
        code_sets: Sequence[CodeSet],
        selected: Sequence[str],
        parent: QWidget | None = None,
        title: str = "Choose exemption codes",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codePicker")
        self.setWindowTitle(title)
        self.resize(520, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("codeSearch")
        self.search.setPlaceholderText("Search codes: b6, privacy, 25X1, foreign…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setObjectName("codeList")
        layout.addWidget(self.list, 1)
        self.hint = QLabel("Space ticks a code; Enter accepts.")
        self.hint.setStyleSheet("color: #666")
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        wanted = {s.lower() for s in selected}
        seen: set[str] = set()
        for cs in code_sets:
            for code in cs.codes:
                if code.code in seen:
                    continue
                seen.add(code.code)
                item = QListWidgetItem(f"{code.code}    {code.label}")
                item.setData(CodeRole, code.code)
                item.setToolTip(code.description or code.label)
                item.setData(
                    Qt.ItemDataRole.UserRole + 2,
                    " ".join((code.code, code.label, code.description, *code.aliases)).lower(),
                )
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                hit = code.code.lower() in wanted or any(a.lower() in wanted for a in code.aliases)
                item.setCheckState(Qt.CheckState.Checked if hit else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        # Codes already chosen that no loaded set knows (a team's own code) stay choosable.
        for code in selected:
            if code not in seen and not self._find(code):
                item = QListWidgetItem(f"{code}    (not in the loaded code sets)")
                item.setData(CodeRole, code)
                item.setData(Qt.ItemDataRole.UserRole + 2, code.lower())
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.list.addItem(item)
        self.list.itemActivated.connect(self._toggle)
        self.search.returnPressed.connect(self._tick_first_visible)
        self.search.setFocus()

    def _find(self, code: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(CodeRole) == code:
                return self.list.item(i)
        return None

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.data(Qt.ItemDataRole.UserRole + 2) or ""
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _tick_first_visible(self) -> None:
        """Enter in the search box ticks the highlighted match, or accepts with no search."""
        if not self.search.text().strip():
            self.accept()
            return
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            item.setCheckState(Qt.CheckState.Checked)
            self.search.clear()

    def codes(self) -> list[str]:
        return [
            self.list.item(i).data(CodeRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
