"""Keyboard-first review (issue 6): keys change the review, the store keeps it, undo undoes it."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.helpers import activate, all_saved, saved
from workbench.cable import read_cable
from workbench.gui.main_window import MainWindow
from workbench.gui.region_model import COL_CODES, COL_DECISION
from workbench.review.model import Action
from workbench.review.store import SqliteStore


def key(qtbot, window: MainWindow, k, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)  # a dialog may have had it: window shortcuts need it
    target = QApplication.focusWidget() or window.table
    qtbot.keyClick(target, k, mod)


def test_walk_decide_undo_redo_and_reopen(
    make_window, sample_path: Path, store_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(sample_path)
    w.table.setFocus()
    assert w.controller.current.key == "p1"
    key(qtbot, w, Qt.Key.Key_J)
    key(qtbot, w, Qt.Key.Key_J)
    assert w.controller.current.key == "p3"
    key(qtbot, w, Qt.Key.Key_K)
    key(qtbot, w, Qt.Key.Key_Up)
    assert w.controller.current.key == "p1"
    key(qtbot, w, Qt.Key.Key_Down)
    key(qtbot, w, Qt.Key.Key_Up)
    assert w.controller.current.key == "p1"

    key(qtbot, w, Qt.Key.Key_A)  # release 1, go on to 2
    assert w.controller.current.key == "p2"
    key(qtbot, w, Qt.Key.Key_R)  # withhold 2 with the default codes
    assert w.controller.current.key == "p3"
    r = saved(store_path, sample_path)
    assert r.decision(1).action == Action.RELEASE
    assert r.decision(2).action == Action.WITHHOLD
    assert r.decision(2).codes == ("(b)(1)", "1.4(d)")
    assert w.status.progress.text() == "8 of 19 regions decided"

    # Select "Kim Hye-jin" in paragraph 2... no: in paragraph 3, and redact it.
    cable = w.controller.cable
    p3 = cable.paragraphs[2]
    start = cable.text.index("Government of Norway", p3.body_start)
    end = start + len("Government of Norway")
    w.view.select_span(start, end)
    dialogs.code_picker()  # Enter: the codes ticked, the last used
    key(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen
    r = saved(store_path, sample_path)
    # Default-deny: the span is withheld and the rest of ¶3 waits for its own decision (A).
    assert r.decision(3).action == Action.PENDING
    assert [(s.start, s.end, s.codes) for s in r.decision(3).spans] == [
        (start, end, ("(b)(1)", "1.4(d)"))
    ]
    # The redactions list shows it, with its codes and (for the reviewer) its text.
    rl = w.redactions.model_
    rows = [tuple(rl.index(r, c).data() for c in range(3)) for r in range(rl.rowCount())]
    assert rows[-1] == ("¶3 span", "(b)(1) 1.4(d)", "Government of Norway")

    # Undo the redaction, then the withholding; redo the withholding.
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(store_path, sample_path).decision(3).action == Action.PENDING
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(store_path, sample_path).decision(2).action == Action.PENDING
    key(
        qtbot,
        w,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    r = saved(store_path, sample_path)
    assert r.decision(2).action == Action.WITHHOLD and r.decision(3).action == Action.PENDING
    assert w.status.progress.text() == "8 of 19 regions decided"
    assert (
        w.model.index(w.model.row_of("p2"), COL_DECISION).data() == "■ Withhold"
    )  # a sign as well as a colour
    assert w.model.index(w.model.row_of("p2"), COL_CODES).data() == "(b)(1) 1.4(d)"
    w.close()

    # Reopening restores every decision.
    w2 = make_window()
    w2.open_path(sample_path)
    assert w2.status.progress.text() == "8 of 19 regions decided"
    assert w2.controller.review.decision(2).codes == ("(b)(1)", "1.4(d)")
    assert str(store_path) in w2.status.store.text()


def test_withheld_text_is_a_bar_with_codes_and_original_on_hover(
    window: MainWindow, sample_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    window.controller.go_to("p2")
    window.named_actions["withhold"].trigger()
    p2 = window.controller.cable.paragraphs[1]
    # The bar's tooltip shows the codes and the original to the reviewer.
    cur = window.view.textCursor()
    cur.setPosition(p2.body_start + 5)
    window.view.setTextCursor(cur)
    window.view.ensureCursorVisible()  # the point must be on screen to hover it
    pos = window.view.cursorRect(cur).center()
    tip = window.view.tooltip_at(pos)
    assert "Withheld (b)(1) 1.4(d)" in tip and "Poloff delivered" in tip
    # The text under the bar is painted black on black.
    block = window.view.document().findBlock(p2.body_start + 5)
    offset = p2.body_start + 5 - block.position()
    backgrounds = [
        r.format.background().color().name()
        for r in block.layout().formats()
        if r.start <= offset < r.start + r.length
    ]
    assert backgrounds == ["#111111"]
    rl = window.redactions.model_
    assert rl.rowCount() == 1 and rl.index(0, 0).data() == "¶2"
    assert rl.index(0, 2).data().startswith("On January 23, Poloff delivered")


def test_shift_r_chooses_codes_with_search(window: MainWindow, sample_path: Path, dialogs):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    window.controller.go_to("p4")
    # Backspace unticks the last codes; "privacy" Enter ticks (b)(6); Enter accepts.
    dialogs.code_picker("<clear>", "privacy")
    window.named_actions["choose_codes"].trigger()
    assert dialogs.seen
    d = window.controller.review.decision(4)
    assert d.action == Action.WITHHOLD and d.codes == ("(b)(6)",)
    # R now reuses the codes last chosen.
    window.controller.go_to("p3")
    window.named_actions["withhold"].trigger()
    assert window.controller.review.decision(3).codes == ("(b)(6)",)


def test_comment_is_saved(window: MainWindow, sample_path: Path, store_path: Path, qtbot):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    window.named_actions["withhold"].trigger()
    window.controller.go_to("p1")
    window.panel.comment.setFocus()
    qtbot.keyClicks(window.panel.comment, "names a foreign official")
    qtbot.keyClick(window.panel.comment, Qt.Key.Key_Return)
    assert saved(store_path, sample_path).decision(1).comment == "names a foreign official"


def test_redact_with_no_selection_says_what_to_do(window: MainWindow, sample_path: Path):
    window.open_path(sample_path)
    window.view.select_span(0, 0)
    window.named_actions["redact_selection"].trigger()
    assert "Select the text to redact first" in window.last_error
    assert not window.controller.review.decisions


def test_a_store_from_a_newer_version_is_a_message_box(
    make_window, sample_path: Path, tmp_path: Path
):  # type: ignore[no-untyped-def]
    import sqlite3

    newer = tmp_path / "newer.sqlite3"
    with SqliteStore(newer):
        pass
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    w = make_window(newer)
    assert w.open_path(sample_path)
    assert "newer" in w.last_error.lower() or "version" in w.last_error.lower()
    assert w.controller.review is None and not w.named_actions["release"].isEnabled()
    assert "read-only" in w.status.progress.text()


@pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("name", ["cables/00HARARE6677.txt", "variants/06LIMA2415.crlf.txt"])
def test_review_a_corpus_cable(make_window, store_path: Path, name: str):  # type: ignore[no-untyped-def]
    path = corpus.CORPUS / name
    w = make_window()
    assert w.open_path(path), w.last_error
    n = w.controller.review.region_count
    for _ in range(n):  # N, then A, until nothing is left undecided
        if not w.controller.next_undecided():
            break
        w.named_actions["release"].trigger()
    assert w.status.progress.text() == f"{n} of {n} regions decided"
    assert saved(store_path, path).is_complete


def test_selecting_words_of_the_subject_and_ctrl_r_redacts_them(
    window: MainWindow, sample_path: Path, store_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    subject = window.controller.cable.subject
    window.view.select_span(subject.start + 5, subject.start + 12)
    dialogs.code_picker()
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen
    # The selected words of the subject are a span of its region, nothing more.
    spans = saved(store_path, sample_path).decision("subject").spans
    assert [(x.start, x.end, x.codes) for x in spans] == [
        (subject.start + 5, subject.start + 12, ("(b)(1)", "1.4(d)"))
    ]
    assert any(b.start == subject.start + 5 for b in window.view._bars)
    window.view.select_span(subject.start + 5, subject.start + 12)
    window.named_actions["unredact_selection"].trigger()
    assert not saved(store_path, sample_path).decision("subject").spans


def test_clicking_in_the_text_moves_the_table(window: MainWindow, sample_path: Path, qtbot):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    p3 = window.controller.cable.paragraphs[2]
    cur = window.view.textCursor()
    cur.setPosition(p3.body_start + 40)
    window.view.ensureCursorVisible()
    pos = window.view.cursorRect(cur).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.controller.current.key == "p3"
    assert window.table.currentIndex().row() == window.model.row_of("p3")


def test_changed_text_opens_read_only_and_start_over_begins_again(
    make_window, sample_path: Path, store_path: Path, tmp_path: Path, dialogs
):  # type: ignore[no-untyped-def]
    cable = tmp_path / "07SEOUL219.txt"
    cable.write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    w = make_window()
    w.open_path(cable)
    w.named_actions["withhold"].trigger()
    w.close()
    # One character changes: the saved offsets no longer fit, so no decision may be applied.
    cable.write_text(
        cable.read_text(encoding="utf-8").replace("Poloff", "PolOff"), encoding="utf-8"
    )
    w2 = make_window()
    assert w2.open_path(cable)
    assert "changed" in w2.last_error and "read-only" in w2.last_error
    assert w2.controller.review is None and not w2.named_actions["release"].isEnabled()
    assert w2.named_actions["start_over"].isEnabled()

    dialogs.message_box("Discard every decision", QMessageBox.StandardButton.Yes)
    w2.named_actions["start_over"].trigger()
    assert dialogs.seen
    assert w2.controller.review is not None and not w2.controller.review.decisions
    w2.named_actions["release"].trigger()
    all_saved()
    with SqliteStore(store_path) as store:
        assert store.load(read_cable(cable)).decision(1).action == Action.RELEASE
        assert any(e.what == "Start the review over" for e in store.log("07SEOUL219"))
