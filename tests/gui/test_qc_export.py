"""The window's Export dialog under a QC policy (issue 17): the release and the Vaughn index are
refused in the sentence ``workbench export`` gives until QC approved the cable; the review copy
is not a release. On both stores (the PostgreSQL one on the tests' own server)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gui.helpers import activate
from workbench.cable import read_cable
from workbench.gui.export_dialog import ExportDialog
from workbench.review import commands
from workbench.review.store_api import QcState

REFUSED = "requires QC approval before a release is exported"


def _finished(qtbot, d: ExportDialog) -> str:  # type: ignore[no-untyped-def]
    d.preview()
    qtbot.waitUntil(lambda: d.render_thread is None or d.render_thread.isFinished(), timeout=30_000)
    qtbot.wait(20)  # the thread's last signal
    return d.message.text()


def test_export_dialog_refuses_an_unapproved_release(
    make_window, make_store, sample_path: Path, tmp_path: Path, qtbot, dialogs
) -> None:  # type: ignore[no-untyped-def]
    cable = read_cable(sample_path)
    alice = make_store("alice")
    review = alice.load(cable)
    alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "alice")
    make_store("carol").set_requires_qc(True, "carol")
    window = make_window(make_store.spec("alice"))
    assert window.open_path(sample_path)
    assert window.controller.review is not None and window.controller.review.is_complete
    seen: list[str] = []

    def drive(d: ExportDialog) -> None:
        for kind in ("release", "vaughn"):
            d.kind.setCurrentIndex(d.kind.findData(kind))
            seen.append(_finished(qtbot, d))
            assert not d.save_button.isEnabled()
            assert not d.save_to(tmp_path / f"{kind}.pdf")
        d.kind.setCurrentIndex(d.kind.findData("review"))
        seen.append(_finished(qtbot, d))
        assert d.save_button.isEnabled()  # the office's own copy is not a release
        d.reject()

    dialogs.answer(lambda w: isinstance(w, ExportDialog), drive)
    activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(seen) == 3 or bool(dialogs.errors), timeout=60_000)
    assert dialogs.seen and not dialogs.errors, dialogs.errors
    for message in seen[:2]:
        assert "07SEOUL219 is in first review, and the release policy of" in message
        assert REFUSED in message
    assert not list(tmp_path.glob("*.pdf"))

    make_store("alice").qc_step("07SEOUL219", QcState.FIRST_PASS_DONE, "", "alice")
    make_store("quinn").qc_step("07SEOUL219", QcState.APPROVED, "", "quinn")
    c = window.controller
    d = ExportDialog(c.cable, c.review, window.settings, window, c.store_spec)
    qtbot.addWidget(d)
    assert "the leak check passed" in _finished(qtbot, d)
    assert d.save_to(tmp_path / "release.pdf")
    d.done(0)


def test_a_change_in_the_window_after_approval_is_not_released_as_approved(
    make_window, make_store, sample_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The review being released is the window's; if it is not the approved one, no release."""
    cable = read_cable(sample_path)
    alice = make_store("alice")
    review = alice.load(cable)
    alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "alice")
    make_store("carol").set_requires_qc(True, "carol")
    alice.qc_step("07SEOUL219", QcState.FIRST_PASS_DONE, "", "alice")
    make_store("quinn").qc_step("07SEOUL219", QcState.APPROVED, "", "quinn")
    window = make_window(make_store.spec("alice"))
    assert window.open_path(sample_path)
    c = window.controller
    changed = c.review.copy()
    commands.withhold(cable.paragraphs[0], ["(b)(1)"]).apply(changed)  # not saved
    d = ExportDialog(c.cable, changed, window.settings, window, c.store_spec)
    qtbot.addWidget(d)
    message = _finished(qtbot, d)
    assert "the review in this window for 07SEOUL219 differs from the review QC approved" in message
    assert "paragraph 1 decided otherwise" in message and not d.save_button.isEnabled()
    d.done(0)
