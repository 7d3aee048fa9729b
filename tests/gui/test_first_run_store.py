"""A file given with --store on the first run is that window's only (newcomer4 finding 3): the
dialog used to show the default file as the choice yet save the --store path, relative as
typed, as the setting, so every later command without --store read a file relative to the
folder it ran in. The dialog now saves what it shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbench.gui.first_run import FirstRunDialog
from workbench.settings import Settings, default_store_path


def _dialog(qtbot, settings: Settings, store: str | None = None) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    d = FirstRunDialog(settings, [("foia", "FOIA")], store=store)
    qtbot.addWidget(d)
    with qtbot.waitExposed(d):
        d.show()
    return d


def test_a_one_off_store_file_is_not_saved_as_the_default(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    d = _dialog(qtbot, Settings.load(), store="rel/x.sqlite3")
    note = d.findChild(QLabel, "oneOffStore")
    assert note is not None and note.isVisible()
    assert str(tmp_path / "rel" / "x.sqlite3") in note.text()
    assert str(default_store_path()) in d.store.local.text() and d.store.local.isChecked()
    qtbot.keyClicks(d.name, "Ada Reviewer")
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    assert not d.isVisible()
    s = Settings.load()
    assert s.store == "" and s.reviewer == "Ada Reviewer" and not s.first_run


def test_the_local_choice_shows_the_file_the_setting_names(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    custom = str(tmp_path / "office.sqlite3")
    d = _dialog(qtbot, Settings(reviewer="Ada", store=custom))
    assert custom in d.store.local.text() and d.findChild(QLabel, "oneOffStore") is None
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    assert Settings.load().store == custom
