"""The window's controller: saving off the GUI thread, views following its signals, undo text."""

from __future__ import annotations

import itertools
import multiprocessing
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from gui.helpers import saved
from workbench.gui.region_model import COL_CODES
from workbench.review.model import Action


def _hold_write_lock(path: str, ready, release) -> None:  # type: ignore[no-untyped-def]
    """Another program holding the store's write lock (BEGIN IMMEDIATE) until told to stop."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    ready.set()
    release.wait(60)
    con.execute("COMMIT")
    con.close()


def test_a_held_write_lock_never_freezes_the_window_and_the_decision_lands_after(
    window, sample_path: Path, store_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    window.named_actions["release"].trigger()  # creates the store's rows first
    assert window.controller.flush()
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_write_lock, args=(str(store_path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        painted: list[float] = []
        window.view.painted.connect(lambda: painted.append(time.perf_counter()))
        t0 = time.perf_counter()
        window.named_actions["withhold"].trigger()  # paragraph 2, while the lock is held
        assert time.perf_counter() - t0 < 0.5  # the click returned at once
        assert window.controller.review.decision(2).action == Action.WITHHOLD  # shown at once
        assert "Saving" in window.status.saving.text()
        window.view.viewport().update()
        qtbot.wait(1500)  # the lock is still held: the window goes on ticking and painting
        assert window.controller.unsaved == 1
        assert "Saving" in window.status.saving.text()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert len(ticks) > 50 and max(gaps) < 0.5, max(gaps)
        assert painted
        with pytest.raises(AssertionError):  # not in the store yet
            assert saved_now(store_path, sample_path).decision(2).action == Action.WITHHOLD
        release.set()
        qtbot.waitUntil(lambda: window.controller.unsaved == 0, timeout=20_000)
        assert "Saved" in window.status.saving.text()
        assert saved(store_path, sample_path).decision(2).action == Action.WITHHOLD
        timer.stop()
    finally:
        release.set()
        holder.join(30)


def saved_now(store_path: Path, cable_path: Path):  # type: ignore[no-untyped-def]
    """What the store holds this moment, without waiting for the window's writes."""
    from workbench.cable import read_cable
    from workbench.review.store import SqliteStore

    with SqliteStore(store_path) as store:
        return store.load(read_cable(cable_path))


def test_a_failing_write_is_shown_and_retried_never_dropped(
    window, sample_path: Path, store_path: Path, qtbot, monkeypatch
):  # type: ignore[no-untyped-def]
    from workbench.review.store import SqliteStore
    from workbench.review.store_api import StoreError

    assert window.open_path(sample_path)
    failures = [2]
    real_apply = SqliteStore.apply

    def flaky(self, review, command, reviewer):  # type: ignore[no-untyped-def]
        if failures[0]:
            failures[0] -= 1
            raise StoreError(f"the review store {self.path} is full (a test)")
        return real_apply(self, review, command, reviewer)

    monkeypatch.setattr(SqliteStore, "apply", flaky)
    window.named_actions["release"].trigger()
    window.named_actions["release"].trigger()
    qtbot.waitUntil(lambda: "Not saved" in window.status.saving.text(), timeout=10_000)
    assert "is full" in window.status.saving.toolTip()
    qtbot.waitUntil(lambda: window.controller.unsaved == 0, timeout=20_000)
    assert "Saved" in window.status.saving.text()
    r = saved(store_path, sample_path)
    assert r.decision(1).action == r.decision(2).action == Action.RELEASE


def test_views_follow_the_controllers_signals(window, sample_path: Path, qtbot):  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    c = window.controller
    c.go_to("p3")
    with (
        qtbot.waitSignal(c.decisionsChanged) as changed,
        qtbot.waitSignal(window.model.dataChanged) as rows,
    ):
        c.withhold(["(b)(6)"])
    row = window.model.row_of("p3")
    assert changed.args == [["p3"]]
    assert rows.args[0].row() == row and rows.args[1].row() == row
    assert window.model.index(row, COL_CODES).data() == "(b)(6)"
    # The redactions list and the text's bars follow the same signal.
    assert window.redactions.model_.rowCount() == 1
    assert [b.codes for b in window.view._bars] == [("(b)(6)",)]
    with qtbot.waitSignal(c.currentChanged) as moved:
        c.go_to("p1")
    assert moved.args == ["p1"] and window.table.currentIndex().row() == window.model.row_of("p1")


def test_undo_and_redo_say_what_they_undo(window, sample_path: Path):  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    undo, redo = window.named_actions["undo"], window.named_actions["redo"]
    assert not undo.isEnabled()
    window.controller.go_to("p3")
    window.named_actions["withhold"].trigger()
    assert undo.isEnabled() and undo.text() == "Undo Withhold ¶3"
    undo.trigger()
    assert window.controller.review.decision("p3").action == Action.PENDING
    assert redo.text() == "Redo Withhold ¶3"
    assert undo.shortcut().toString() == "Ctrl+Z"


def test_the_controller_asks_through_the_injected_confirm(
    sample_path: Path, store_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    from workbench.cable import read_cable
    from workbench.gui.controller import ReviewController

    asked: list[str] = []
    c = ReviewController(store_path, "Tester", lambda text: asked.append(text) or False)
    c.open(read_cable(sample_path))
    assert c.release() and c.release()
    assert not c.start_over()
    assert asked and "Discard every decision" in asked[0]
    assert len(c.review.decisions) == 2
    c.confirm = lambda text: True
    assert c.start_over() and not c.review.decisions
    assert c.close()  # waits for the queued writes
    assert not saved_now(store_path, sample_path).decisions


def test_a_begun_review_reopens_at_its_first_undecided_region(
    make_window, sample_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    first = make_window()
    assert first.open_path(sample_path)
    assert first.controller.current.key == "p1"  # a new review starts on the first paragraph
    first.controller.release()  # ¶1 released; the header above it still waits
    qtbot.waitUntil(lambda: first.controller.unsaved == 0, timeout=10_000)
    first.close()
    again = make_window()
    assert again.open_path(sample_path)
    c = again.controller
    assert c.review.decision("p1").action == Action.RELEASE
    pending = next(r for r in c.regions if c.review.effective(r).action == Action.PENDING)
    assert c.current is not None and c.current.key == pending.key != "p1"
