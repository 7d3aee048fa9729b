"""Cases in the window (issue 15): File > Open Case, proposals on each copy accepted with P and
Shift+P, N across the whole case, a conflict accepted with a comment."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "case"))

from casekit import NUMBER, decide_seed, forms, make_case_fixture  # noqa: E402

from gui.helpers import activate  # noqa: E402
from workbench.review import commands as rc  # noqa: E402


def _key(qtbot, window, k, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)  # a dialog may have had it: window shortcuts need it
    qtbot.keyClick(QApplication.focusWidget() or window, k, mod)


def _case(tmp_path: Path, store_path: Path):  # type: ignore[no-untyped-def]
    texts = forms()
    chosen = {k: texts[k] for k in ("07SEOUL219", "07STATE12345", "07SEOUL220")}
    case = make_case_fixture(tmp_path)(chosen)
    decide_seed(case)
    case.store.close()
    return case


def test_open_case_accept_proposals_and_move_across_the_case(
    make_window, tmp_path: Path, dialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path, tmp_path / "store.sqlite3")
    window = make_window(case.store_path)
    # File > Open Case asks which case, from the store's.
    dialogs.answer(
        lambda w: isinstance(w, QInputDialog) and w.windowTitle() == "Open Case",
        lambda d: d.accept(),
    )
    window.case.actions["open_case"].trigger()
    dialogs.stop()
    assert dialogs.seen == ["Open Case"]
    # Read and indexed on a worker thread: the table shows when it is done.
    qtbot.waitUntil(lambda: window.case.session is not None, timeout=30000)
    view = window.case.view
    assert window.stack.currentWidget() is view
    rows = {r[0]: r for r in view.model.rows}
    assert set(rows) == {"07SEOUL219", "07STATE12345", "07SEOUL220"}
    assert rows["07SEOUL219"][1] == rows["07SEOUL219"][2]  # fully decided
    assert rows["07STATE12345"][3] > 0  # proposals waiting
    # Enter on a row opens the cable; nothing is decided by opening it.
    view.table.selectRow(list(view.model.rows).index(rows["07STATE12345"]))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    c = window.controller
    assert c.cable is not None and c.cable.id == "07STATE12345"
    assert c.review.decisions == {}
    proposals = list(window.case.proposals)
    assert proposals
    # P accepts the current region's proposal; Shift+P every other one.
    c.go_to(proposals[0].key)
    _key(qtbot, window, Qt.Key.Key_P)
    assert set(c.review.decisions) == {proposals[0].key}
    _key(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert {p.key for p in proposals} <= set(c.review.decisions)
    assert c.flush(10)
    log = c.store().log("07STATE12345")
    assert len(log) == len(proposals)  # each acceptance its own audited decision
    assert all("accepted proposal of case F-2026-00001" in e.what for e in log)
    # Undo takes back one acceptance.
    before = dict(c.review.decisions)
    c.undo_stack.undo()
    assert c.review.decisions != before
    c.undo_stack.redo()
    # N: past this cable's last undecided region, on to the case's next cable with one.
    for r in c.review.pending():
        c.go_to(r.key)
        c.release()
    _key(qtbot, window, Qt.Key.Key_N)
    assert c.cable is not None and c.cable.id == "07SEOUL220"
    assert c.current is not None and c.review.decision(c.current.key).action.value == "pending"


def test_a_conflict_is_listed_and_accepted_with_a_comment(
    make_window, tmp_path: Path, dialogs, qtbot
) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path, tmp_path / "store.sqlite3")
    from workbench.review.stores import open_store

    with open_store(str(case.store_path)) as store:
        cable = case.cable("07STATE12345")
        review = store.load(cable)
        store.apply(review, rc.release(cable.paragraphs[2]), "dan")
    window = make_window(case.store_path)
    assert window.case.open_case(NUMBER)
    qtbot.waitUntil(lambda: window.case.session is not None, timeout=30000)
    view = window.case.view
    assert view.conflicts.count() == 1
    assert view.conflicts.item(0).text().startswith("[OPEN] the text of ¶3 of 07SEOUL219")

    def answer(d: QInputDialog) -> None:
        d.setTextValue("released in 2019 under F-2019-01234")
        d.accept()

    dialogs.answer(
        lambda w: isinstance(w, QInputDialog) and w.windowTitle() == "Accept Conflict", answer
    )
    view.conflicts.setCurrentRow(0)
    view.accept.click()
    dialogs.stop()
    assert dialogs.seen == ["Accept Conflict"]
    assert view.conflicts.item(0).text().startswith("[accepted]")
    entry = window.controller.store().case_log(NUMBER)[-1]
    assert entry.data["comment"] == "released in 2019 under F-2019-01234"


def test_a_large_case_opens_without_blocking_the_window(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The cables are read and indexed on a worker thread: while it runs, the event loop goes
    on (a timer fires) and the status bar counts the cables; closing the window stops it."""
    from copymaker import with_id
    from PySide6.QtCore import QTimer

    texts = forms()
    many = {k: texts[k] for k in ("07SEOUL219", "07SEOUL220")}
    for n in range(300):
        many[f"07SEOUL{500 + n}"] = with_id(texts["07SEOUL221"], "SEOUL", 500 + n)
    case = make_case_fixture(tmp_path)(many)
    case.store.close()
    window = make_window(case.store_path)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    seen: list[str] = []
    assert window.case.open_case(NUMBER)
    assert window.case.session is None  # not yet: it is being read
    while window.case.session is None:
        seen.append(window.status.progress.text())
        qtbot.wait(20)
    timer.stop()
    assert len(ticks) >= 3  # the window's loop ran while the case was read
    assert any(" of 302 cables read" in t for t in seen)
    assert {r[0] for r in window.case.view.model.rows} >= {"07SEOUL219", "07SEOUL799"}
    # Closing while another case is being opened stops the reading thread.
    assert window.case.open_case(NUMBER)
    loader = window.case.loader
    window.close()
    assert loader is not None and loader.isFinished()


def test_arrow_keys_choose_the_cable_enter_opens(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path, tmp_path / "store.sqlite3")
    window = make_window(case.store_path)
    assert window.case.open_case(NUMBER)
    qtbot.waitUntil(lambda: window.case.session is not None, timeout=30000)
    table = window.case.view.table
    activate(qtbot, window)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.controller.cable is not None
    assert window.controller.cable.id == window.case.view.model.rows[2][0]
