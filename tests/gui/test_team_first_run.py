"""Joining a team on the first run (issue 17): the first-run dialog offers a team's PostgreSQL
store by URL, checks it in a worker thread, says who the server knows the user as, and asks
no name (the database gives it); a store that cannot be used is said in one sentence and the
dialog stays open. On the tests' own PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.gui.first_run import FirstRunDialog
from workbench.settings import Settings


def _dialog(qtbot, store: str | None = None) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    d = FirstRunDialog(Settings.load(), [("foia", "FOIA")], store=store)
    qtbot.addWidget(d)
    with qtbot.waitExposed(d):
        d.show()
    return d


def _join(qtbot, d: FirstRunDialog, url: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(d.store.team, Qt.MouseButton.LeftButton)
    d.store.url.clear()
    qtbot.keyClicks(d.store.url, url)
    assert not d.name.isEnabled() and d.ok.isEnabled()  # no name asked: the server names you
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)


def test_first_run_joins_a_team_store_and_the_window_names_the_login(
    qtbot, pg_db, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from workbench.gui import app as gui_app

    url = pg_db.url("quinn")
    assert Settings.load().first_run
    seen: dict[str, object] = {}

    def answer() -> None:
        d = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, FirstRunDialog) and w.isVisible()
        )
        seen["dialog"] = True
        d.store.checked.connect(lambda ok: seen.setdefault("status", d.store.status.text()))
        _join(qtbot, d, url)

    QTimer.singleShot(100, answer)
    win = gui_app.start(sample_path)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.controller.cable is not None, timeout=20_000)
    reviewer, store = win.status.reviewer.text(), win.controller.store_spec
    win.close()
    assert seen["dialog"]
    assert str(seen["status"]).startswith("Connected to postgresql://")
    assert "as quinn (QC reviewer)." in str(seen["status"])
    s = Settings.load()
    assert not s.first_run and s.store == url and s.reviewer == ""
    assert store == url and reviewer == "Reviewer: quinn"


def test_a_store_that_cannot_be_used_is_said_and_the_dialog_stays(qtbot, pg_db) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot)
    # A server with no review store in that database.
    pg_db.cluster.psql("postgres", "CREATE DATABASE not_a_store")
    _join(qtbot, d, pg_db.cluster.url("not_a_store", "alice"))
    qtbot.waitUntil(lambda: "holds no review store yet" in d.store.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: d.ok.isEnabled(), timeout=5_000)  # OK may be pressed again
    assert d.isVisible() and d.result() == 0
    # A password in the URL is refused before any connection is tried.
    d.store.url.setText("postgresql://alice:secret@db.example.org/workbench")
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    assert ".pgpass" in d.store.status.text() and d.isVisible()
    # Saving on this computer instead asks for the name again.
    qtbot.mouseClick(d.store.local, Qt.MouseButton.LeftButton)
    assert d.name.isEnabled() and not d.ok.isEnabled()
    qtbot.keyClicks(d.name, "Ada Reviewer")
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    s = Settings.load()
    assert not d.isVisible() and s.reviewer == "Ada Reviewer" and s.store == ""


def test_a_team_url_given_with_store_is_offered(qtbot, pg_db) -> None:  # type: ignore[no-untyped-def]
    """`workbench gui --store postgresql://...` on the first run: the team store is chosen."""
    url = pg_db.url("alice")
    d = _dialog(qtbot, store=url)
    assert d.store.is_team() and d.store.url.text() == url and not d.name.isEnabled()
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=20_000)
    assert "as alice (reviewer)." in d.store.status.text()
    assert Settings.load().store == url
