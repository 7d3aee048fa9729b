"""A reviewer's session through the real window by keys: many decisions over a folder of real
cables, with every question and picker answered only because it appeared, the region list
following each key, and the store (read from a fresh connection) holding exactly what the window
shows. ``benchmarks/gui_session.py`` runs the same day longer and prints its figures."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import corpus
import pytest

pytestmark = pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")

DECISIONS = 80


def _folder(tmp_path: Path, part: str, n: int) -> list[Path]:
    folder = tmp_path / "folder"
    folder.mkdir()
    picked = [
        t.path
        for t in sorted(corpus.index(), key=lambda t: t.path.name)
        if t.lineage == "original" and t.part == part and 2_000 <= t.path.stat().st_size <= 8_000
    ][:n]
    for p in picked:
        try:
            os.link(p, folder / p.name)
        except OSError:
            shutil.copyfile(p, folder / p.name)
    return [folder / p.name for p in picked]


def _decision_cell(window, key: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """The region's row in the list and what its Decision cell reads."""
    from workbench.gui.region_model import COLUMNS

    row = next(i for i, r in enumerate(window.controller.regions) if r.key == key)
    return row, str(window.model.index(row, COLUMNS.index("Decision")).data())


@pytest.mark.parametrize("part", ["dev", "held-out"])
def test_a_long_session_by_keys_saves_every_decision(  # type: ignore[no-untyped-def]
    qtbot, window, dialogs, tmp_path: Path, store_path: Path, part: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gui.helpers import activate, all_saved
    from workbench.cable import read_cable
    from workbench.gui import styles
    from workbench.review.model import Action, review_id
    from workbench.review.stores import open_store

    K, M = Qt.Key, Qt.KeyboardModifier
    cables = _folder(tmp_path, part, 12)
    assert window.open_path(cables[0].parent)
    qtbot.waitUntil(lambda: not window.batch.is_running(), timeout=60_000)
    assert window.open_path(cables[0])
    c = window.controller

    told: set[int] = set()  # rows of the region list the model said changed
    window.model.dataChanged.connect(lambda a, b, *_: told.update(range(a.row(), b.row() + 1)))

    def key(k, mod=M.NoModifier) -> None:  # type: ignore[no-untyped-def]
        activate(qtbot, window)
        told.clear()
        QTest.keyClick(QApplication.focusWidget() or window.table, k, mod)

    decisions = asked = picked = 0
    opened: list[str] = []
    n = 0
    while decisions < DECISIONS:
        if not opened or opened[-1] != c.cable.path:
            opened.append(c.cable.path)
            if c.header_to_release():
                dialogs.message_box("header lines?", QMessageBox.StandardButton.Yes)
                key(K.Key_H, M.ControlModifier | M.ShiftModifier)
                asked += 1
                assert len(dialogs.seen) == asked + picked, "the header question never came"
                assert not c.header_to_release()
                decisions += 1
            window.table.setFocus()
        here = c.cable.path
        key(K.Key_N)
        if c.cable.path != here:
            continue  # N opened the folder's next cable
        r = c.current
        if c.review.effective(r).action != Action.PENDING:
            assert window.batch.next_unreviewed(here) is None
            break  # every cable of the folder is done
        n += 1
        m = re.search(r"\b[A-Z][a-z]{3,}\b", c.cable.text[r.body_start : r.end])
        if r.kind == "paragraph" and n % 6 == 0 and m:
            s = r.body_start + m.start()
            window.view.select_span(s, s + len(m.group()))
            dialogs.code_picker()  # Enter: the last span codes as ticked
            key(K.Key_R, M.ControlModifier)
            picked += 1
            assert len(dialogs.seen) == asked + picked, "the code picker never came"
            assert [(w.start, w.end) for w in c.review.decision(r.key).spans] == [
                (s, s + len(m.group()))
            ]
            window.table.setFocus()
            key(K.Key_A)  # the rest of the paragraph released
            expect = Action.PARTIAL
            decisions += 2
        elif r.kind == "paragraph" and n % 4 == 0:
            key(K.Key_R)
            expect = Action.WITHHOLD
            decisions += 1
        else:
            key(K.Key_A)
            expect = Action.RELEASE
            decisions += 1
        assert c.review.decision(r.key).action == expect, (r.key, c.review.decision(r.key))
        # The list was told (so its views repaint) and shows the sign of what the region now
        # prints (a rule may make a release partial: the recurrence of a redacted name).
        row, cell = _decision_cell(window, r.key)
        assert row in told, (r.key, "the region list was not told of the change")
        shown = c.review.effective(r).action
        assert cell.startswith(styles.DECISION_SIGNS[shown.value]), (r.key, cell)
        assert shown == expect or (expect == Action.RELEASE and shown == Action.PARTIAL)
    assert decisions >= DECISIONS and len(opened) >= 3 and picked >= 3 and asked >= 3
    all_saved()
    store = open_store(str(store_path))
    try:
        for path in opened:
            cable = read_cable(Path(path))
            held = c.session_by_id(review_id(cable))  # the window's own review of it
            assert held is not None and store.load(cable) == held.review, path
    finally:
        store.close()
