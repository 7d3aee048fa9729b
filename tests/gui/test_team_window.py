"""The window shows another reviewer's saved change to the open cable, and has the QC keys."""

from __future__ import annotations

from pathlib import Path

from workbench.cable import read_cable
from workbench.review import Action, SqliteStore, commands


def test_window_shows_another_reviewers_change(
    make_window, store_path: Path, sample_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(sample_path)
    qtbot.waitUntil(lambda: window.team.watch.watching, timeout=10000)
    cable = read_cable(sample_path)
    key = f"p{cable.paragraphs[0].index}"
    other = SqliteStore(store_path)
    other.apply(other.load(cable), commands.release(cable.paragraphs[0]), "bob")
    other.close()
    qtbot.waitUntil(
        lambda: (
            window.controller.review is not None
            and window.controller.review.decision(key).action == Action.RELEASE
        ),
        timeout=10000,
    )
    names = {a.objectName() for a in window.actions()}
    assert {"qcSubmit", "qcApprove", "qcReturn"} <= names
