"""The first-run question as a new user meets it: typing a name replaces the guessed login."""

from __future__ import annotations

from workbench.gui.first_run import FirstRunDialog
from workbench.settings import Settings


def test_typing_a_name_replaces_the_guess(qtbot):
    dialog = FirstRunDialog(Settings(reviewer="jsmith"), [("foia", "FOIA")])
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Jane Smith")
    assert dialog.name.text() == "Jane Smith"
    dialog.accept()
    assert Settings.load().reviewer == "Jane Smith"
