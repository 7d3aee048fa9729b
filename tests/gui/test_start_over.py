"""Start Review Over discards a cable's decisions: only after asking, and No keeps them all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from workbench.cable import read_cable
from workbench.review.model import Action
from workbench.review.store import SqliteStore


def decided(store_path: Path, cable_path: Path) -> int:
    with SqliteStore(store_path) as store:
        # The reviewer's own decisions (decided_count also counts regions rules decide).
        return len(store.load(read_cable(cable_path)).decisions)


def test_the_menu_item_asks_and_no_keeps_every_decision(
    window, sample_path: Path, store_path: Path, dialogs
):  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    window.actions["release"].trigger()
    window.actions["release"].trigger()
    assert decided(store_path, sample_path) == 2

    # As the menu does it: QAction.triggered passes checked=False to whatever it calls.
    dialogs.message_box("Discard every decision", QMessageBox.StandardButton.No)
    window.actions["start_over"].trigger()
    assert dialogs.seen, "Start Review Over discarded the review without asking"
    assert decided(store_path, sample_path) == 2
    assert len(window.session.review.decisions) == 2

    dialogs.message_box("Discard every decision", QMessageBox.StandardButton.Yes)
    window.actions["start_over"].trigger()
    assert len(dialogs.seen) == 2
    assert decided(store_path, sample_path) == 0


def test_withhold_from_the_menu_uses_the_last_codes(window, sample_path: Path):  # type: ignore[no-untyped-def]
    # triggered(checked=False) must not arrive as codes=False.
    assert window.open_path(sample_path)
    window.actions["withhold"].trigger()
    d = window.session.review.decision(1)
    assert d.action == Action.WITHHOLD and d.codes == ("(b)(1)", "1.4(d)")
