"""The window names a paragraph the cable does not number as every message and the Vaughn
index do, "1st paragraph (unnumbered)" (``workbench.naming``): in the region list, the
inspector's title, the code picker's title, the redactions list and Edit > Undo; never the
reader's key ``#1`` (``¶#1``), nor the region key ``p1`` the code picker's title showed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from review.test_paragraph_names import fixture

from workbench.gui.main_window import MainWindow

UNNUMBERED = "1st paragraph (unnumbered)"


def test_the_window_names_an_unnumbered_paragraph(window: MainWindow, tmp_path: Path, dialogs):  # type: ignore[no-untyped-def]
    path = tmp_path / "fixture.txt"
    path.write_text(fixture().text, encoding="utf-8")
    assert window.open_path(path)
    window.controller.go_to("p1")
    assert window.inspector.paragraph_box.title().startswith(f"{UNNUMBERED} (")
    dialogs.code_picker("b6")
    window.named_actions["choose_codes"].trigger()
    assert dialogs.seen == [f"Withhold {UNNUMBERED} with"]
    row = next(i for i, r in enumerate(window.model.regions) if r.key == "p1")
    assert window.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) == UNNUMBERED
    redactions = window.redactions.model_
    assert [redactions.where(w) for w in redactions.rows] == [UNNUMBERED]
    assert window.named_actions["undo"].text() == f"Undo Withhold {UNNUMBERED}"
    shown = [
        window.model.index(i, 0).data(Qt.ItemDataRole.DisplayRole)
        for i in range(len(window.model.regions))
    ]
    assert "¶1 (2nd paragraph)" in shown and not any("#" in s for s in shown)
