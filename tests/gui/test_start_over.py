"""Start Review Over discards a cable's decisions: only after asking, and No keeps them all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gui.helpers import saved
from workbench.review.model import Action


def decided(store_path: Path, cable_path: Path) -> int:
    return len(saved(store_path, cable_path).decisions)  # the reviewer's own


def test_the_menu_item_asks_and_no_keeps_every_decision(
    window, sample_path: Path, store_path: Path, dialogs
):  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    window.named_actions["release"].trigger()
    window.named_actions["release"].trigger()
    assert decided(store_path, sample_path) == 2

    # As the menu does it: QAction.triggered passes checked=False to whatever it calls.
    dialogs.message_box("Discard every decision", QMessageBox.StandardButton.No)
    window.named_actions["start_over"].trigger()
    assert dialogs.seen, "Start Review Over discarded the review without asking"
    assert decided(store_path, sample_path) == 2
    assert len(window.controller.review.decisions) == 2

    dialogs.message_box("Discard every decision", QMessageBox.StandardButton.Yes)
    window.named_actions["start_over"].trigger()
    assert len(dialogs.seen) == 2
    assert decided(store_path, sample_path) == 0


def test_withhold_from_the_menu_uses_the_last_codes(window, sample_path: Path):  # type: ignore[no-untyped-def]
    # triggered(checked=False) must not arrive as codes=False.
    assert window.open_path(sample_path)
    window.named_actions["withhold"].trigger()
    d = window.controller.review.decision(1)
    assert d.action == Action.WITHHOLD and d.codes == ("(b)(1)", "1.4(d)")
