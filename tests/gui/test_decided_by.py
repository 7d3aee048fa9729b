"""The inspector says who decided the current region (issue 17), from the store's record on
both stores (in PostgreSQL the database login), and this window's own decisions at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gui.helpers import activate
from workbench.cable import read_cable
from workbench.review import commands


def test_the_inspector_names_who_decided(make_window, make_store, sample_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    cable = read_cable(sample_path)
    alice = make_store("alice")
    alice.apply(alice.load(cable), commands.release(cable.paragraphs[0]), "alice")
    window = make_window(make_store.spec("bob"))
    assert window.open_path(sample_path)
    c, line = window.controller, window.inspector.decided_by
    c.go_to("p1")
    assert line.text().startswith("Decided by alice, 20") and line.text().endswith(" UTC")
    c.go_to("p2")
    assert line.text() == "Not decided yet"
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A)  # release ¶2, as this window's reviewer
    assert c.review is not None and c.review.decision("p2").action.value == "release"
    me = "bob" if make_store.kind == "postgresql" else "Test Reviewer"
    c.go_to("p2")  # (A moved on to the next region)
    assert c.reviewer == me and line.text().startswith(f"Decided by {me}, ")
    ruled = next(r for r in c.regions if c.review.effective(r).by.startswith("rule:"))
    c.go_to(ruled.key)
    assert line.text().startswith("Decided by the rule '")
    # Reopened, the window reads the same from the store.
    assert c.flush()
    assert window.open_path(sample_path)
    c.go_to("p2")
    assert line.text().startswith(f"Decided by {me}, ")
