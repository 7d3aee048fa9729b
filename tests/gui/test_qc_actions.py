"""QC keys in the window act on the open cable through the store's rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from workbench.cable import read_cable
from workbench.review import QcState, SqliteStore, commands


def test_submit_approve_and_return_keys(qtbot, store_path: Path, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.gui.qc_actions import QcActions

    cable = read_cable(sample_path)
    store = SqliteStore(store_path)
    review = store.load(cable)
    store.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "alice")
    who = {"name": "alice"}
    notes: list[str] = []
    host = QWidget()
    qtbot.addWidget(host)
    qc = QcActions(
        host, lambda: store, lambda: cable.id, lambda: who["name"],
        lambda q: notes.append(q) or "¶2 names a source",
    )  # fmt: skip
    said: list[str] = []
    qc.done.connect(said.append)
    qc.failed.connect(said.append)
    qc.actions["qcSubmit"].trigger()
    assert said[-1].startswith("07SEOUL219: first pass done, waiting for QC (alice")
    qc.actions["qcApprove"].trigger()  # alice's own work
    assert said[-1] == "A QC reviewer cannot approve their own work on 07SEOUL219."
    who["name"] = "quinn"
    qc.actions["qcReturn"].trigger()
    assert notes == ["What should the reviewer of 07SEOUL219 change?"]  # the question was asked
    assert said[-1].endswith(": ¶2 names a source")
    assert store.qc_history(cable.id or "")[-1].state == QcState.RETURNED
    assert qc.actions["qcApprove"].shortcut().toString() == "Ctrl+Alt+A"
    store.close()
