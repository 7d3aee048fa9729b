"""Export from the window (issue 6): preview in QtPdf, save, and what the PDF's text says."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from gui.helpers import activate
from workbench.gui.export_dialog import ExportDialog
from workbench.gui.main_window import MainWindow


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def review_sample(w: MainWindow, sample: Path, dialogs) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Release 1, withhold 2, redact a name in 3 and release the rest, release 4 and the
    header lines; return the withheld texts."""
    assert w.open_path(sample)
    w.named_actions["release"].trigger()
    w.named_actions["withhold"].trigger()
    text = w.controller.cable.text
    start = text.index("Government of Norway")
    w.view.select_span(start, start + len("Government of Norway"))
    dialogs.code_picker()  # the last codes, as shown
    w.named_actions["redact_selection"].trigger()
    assert dialogs.seen
    w.named_actions["release"].trigger()  # the rest of ¶3 (a redaction decides nothing else)
    assert w.controller.current.key == "p4"
    w.named_actions["release"].trigger()
    w.controller.confirm = lambda text: "Subject" in text  # the list of header lines
    assert w.controller.release_header()
    assert w.controller.review.is_complete
    return "Poloff delivered reftel demarche", "Government of Norway"


def render_and_save(qtbot, dialog: ExportDialog, out: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30_000)
    assert dialog.document.pageCount() >= 1  # the preview shows the PDF
    assert dialog.save_to(out)


def test_ctrl_e_previews_and_saves_a_release_that_leaks_nothing(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    withheld = review_sample(window, sample_path, dialogs)
    out = tmp_path / "release.pdf"
    done = []

    def drive(d: ExportDialog) -> None:
        d.case_number.setText("F-2026-00042")
        render_and_save(qtbot, d, out)
        done.append(d.message.text())
        d.accept()

    dialogs.answer(lambda w: isinstance(w, ExportDialog), drive)
    activate(qtbot, window)  # the code picker had it: shortcuts need it back
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen, "Ctrl+E opened no export dialog"
    assert done and done[0].startswith("Saved"), dialogs.errors
    text = pdf_text(out)
    for w in withheld:
        assert w not in text
    assert "This is an action request" in text
    assert "(b)(1)" in text and "F-2026-00042" in text
    assert not list(tmp_path.glob(".*part"))  # no temporary file left behind


@pytest.mark.parametrize(("kind", "expect"), [("review", "NOT FOR RELEASE"), ("vaughn", "Vaughn")])
def test_review_copy_and_vaughn_index(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot, kind: str, expect: str, dialogs
):  # type: ignore[no-untyped-def]
    review_sample(window, sample_path, dialogs)
    d = ExportDialog(window.controller.cable, window.controller.review, window.settings, window)
    qtbot.addWidget(d)
    d.kind.setCurrentIndex(d.kind.findData(kind))
    out = tmp_path / f"{kind}.pdf"
    render_and_save(qtbot, d, out)
    text = pdf_text(out)
    assert expect.lower() in text.lower()
    if kind == "review":
        assert "Poloff delivered" in text  # the review copy shows everything to the office
    else:
        assert "(b)(1)" in text and "Poloff delivered" not in text
    d.done(0)


def test_pending_paragraphs_are_refused_with_a_reason(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    window.named_actions["release"].trigger()
    d = ExportDialog(window.controller.cable, window.controller.review, window.settings, window)
    qtbot.addWidget(d)
    d.preview()
    qtbot.waitUntil(lambda: d.render_thread is None or d.render_thread.isFinished(), timeout=30_000)
    qtbot.wait(20)
    assert not d.save_button.isEnabled()
    assert "pending" in d.message.text().lower() or "undecided" in d.message.text().lower()
    assert not d.save_to(tmp_path / "x.pdf") and not (tmp_path / "x.pdf").exists()
    # With pending withheld as PENDING REVIEW, it exports.
    d.allow_pending.setChecked(True)
    render_and_save(qtbot, d, tmp_path / "y.pdf")
    assert "PENDING REVIEW" in pdf_text(tmp_path / "y.pdf")
    d.done(0)
