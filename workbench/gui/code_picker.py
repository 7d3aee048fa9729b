"""Choosing exemption codes: a searchable, checkable list drawn from the team's code sets.

Keys, so that a code is chosen without the mouse: type to find a code (``b6``, ``14d``,
``privacy``: punctuation is ignored), Enter in the search ticks or unticks the highlighted
match; Up/Down move the highlight, Space ticks or unticks it; Backspace in an empty search
unticks everything; Enter with an empty search accepts the codes exactly as they are ticked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
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
SearchRole = Qt.ItemDataRole.UserRole + 2


def _plain(text: str) -> str:
    """Letters and digits only, so ``b6`` finds (b)(6) and ``14d`` finds 1.4(d)."""
    return re.sub(r"[^0-9a-z ]+", "", text.lower())


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
        self.resize(460, 420)
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
        self.hint = QLabel(
            "Type a code (b6, 14d) and Enter to tick or untick it; ↑↓ and Space too; "
            "Backspace clears every tick. Enter with nothing typed accepts."
        )
        self.hint.setWordWrap(True)
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
                    SearchRole,
                    _plain(" ".join((code.code, code.label, code.description, *code.aliases))),
                )
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                hit = code.code.lower() in wanted or any(a.lower() in wanted for a in code.aliases)
                item.setCheckState(Qt.CheckState.Checked if hit else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        # Codes already chosen that no loaded set knows (a team's own code) stay choosable.
        for own in selected:
            if own not in seen and not self._find(own):
                item = QListWidgetItem(f"{own}    (not in the loaded code sets)")
                item.setData(CodeRole, own)
                item.setData(SearchRole, _plain(own))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.list.addItem(item)
        # Enter on the list accepts as shown (it used to tick the code and accept at once).
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.search.installEventFilter(self)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Handled here, not by returnPressed: a line edit passes Enter on to the
                # dialog's default button as well, which accepted before the tick showed.
                self._enter_in_search()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Space and not self.search.text():
                item = self.list.currentItem()
                if item is not None:
                    self._toggle(item)
                return True
            if key == Qt.Key.Key_Backspace and not self.search.text():
                self.clear_ticks()
                return True
        return super().eventFilter(watched, event)

    def _move(self, by: int) -> None:
        row = self.list.currentRow()
        n = self.list.count()
        for _ in range(n):
            row = (row + by) % n
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                return

    def clear_ticks(self) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Unchecked)

    def _find(self, code: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(CodeRole) == code:
                return self.list.item(i)
        return None

    def _filter(self, text: str) -> None:
        words = _plain(text).split()
        typed = "".join(words)
        best, best_rank = None, 4
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.data(SearchRole) or ""
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if hidden:
                continue
            # The code itself first: "14d" is 1.4(d), not (b)(1) whose description cites 1.4.
            code = _plain(item.data(CodeRole) or "").replace(" ", "")
            rank = 0 if code == typed else 1 if code.startswith(typed) else 2
            if rank < best_rank:
                best, best_rank = item, rank
        if best is not None:
            self.list.setCurrentItem(best)

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _enter_in_search(self) -> None:
        """Enter in the search box ticks (or unticks) the highlighted match; with nothing
        typed it accepts the codes as they are ticked."""
        if not self.search.text().strip():
            self.accept()
            return
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self._toggle(item)
            self.search.clear()

    def codes(self) -> list[str]:
        return [
            self.list.item(i).data(CodeRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
