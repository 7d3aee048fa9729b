"""The window's Export dialog and `workbench export` are one export path (issue 11): the same
bytes for the same review and stamps, the same refusal of a bad marking, the same refusal of
a review copy under a release's name."""

from __future__ import annotations

from pathlib import Path

from gui.test_export import render_and_save, review_sample
from workbench.cli import main
from workbench.export.verify import extract
from workbench.gui.export_dialog import ExportDialog
from workbench.gui.main_window import MainWindow
from workbench.review.decisions import write_decisions


def test_the_window_saves_the_bytes_workbench_export_writes(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot, dialogs, capsys
):  # type: ignore[no-untyped-def]
    from workbench.review.model import Action, Decision

    review_sample(window, sample_path, dialogs)
    c = window.controller
    # A downgrade may not print a portion above it (newcomer 5, finding 32): the (C)
    # paragraphs released in full or in part are withheld first.
    for p in c.cable.paragraphs[2:]:
        c.review.with_decision(p.index, Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)")))
    d = ExportDialog(c.cable, c.review, window.settings, window)
    qtbot.addWidget(d)
    d.case_number.setText("F-2026-00042")
    # A partial downgrade of the CONFIDENTIAL sample, in the case the user typed.
    d.marking.setText("limited official use")
    saved = tmp_path / "window.pdf"
    render_and_save(qtbot, d, saved)
    d.done(0)

    decisions = tmp_path / "d.json"
    write_decisions(c.review, c.cable, decisions)
    cli = tmp_path / "cli.pdf"
    args = ["export", str(sample_path), "--decisions", str(decisions), "--out", str(cli)]
    more = ["--case-number", "F-2026-00042", "--marking", "LIMITED OFFICIAL USE"]
    assert main([*args, *more]) == 0, capsys.readouterr().err
    assert saved.read_bytes() == cli.read_bytes()


def test_a_bad_marking_is_refused_in_the_sentence_of_the_cli(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot, dialogs, capsys
):  # type: ignore[no-untyped-def]
    review_sample(window, sample_path, dialogs)
    d = ExportDialog(window.controller.cable, window.controller.review, window.settings, window)
    qtbot.addWidget(d)
    d.marking.setText("SEKRIT")
    d.preview()
    assert d.render_thread is None  # refused before any rendering
    assert "New marking 'SEKRIT' is not a level: use one of UNCLASSIFIED" in d.message.text()
    assert not d.save_button.isEnabled() and not d.save_to(tmp_path / "x.pdf")
    assert main(
        ["export", str(sample_path), "--out", str(tmp_path / "y.pdf"), "--marking", "SEKRIT"]
    )
    assert "--marking 'SEKRIT' is not a level: use one of UNCLASSIFIED" in capsys.readouterr().err
    # The sample's own level is no downgrade: refused when rendering, in the CLI's sentence.
    d.marking.setText("Confidential")
    d.preview()
    qtbot.waitUntil(lambda: "not a downgrade" in d.message.text(), timeout=30_000)
    assert "the new marking CONFIDENTIAL is not a downgrade of 07SEOUL219, which is " in (
        d.message.text()
    )
    assert not d.save_button.isEnabled() and not d.save_to(tmp_path / "x.pdf")
    d.done(0)


def test_a_review_copy_is_not_saved_under_a_release_name(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    review_sample(window, sample_path, dialogs)
    d = ExportDialog(window.controller.cable, window.controller.review, window.settings, window)
    qtbot.addWidget(d)
    d.kind.setCurrentIndex(d.kind.findData("review"))
    d.preview()
    qtbot.waitUntil(lambda: d.save_button.isEnabled(), timeout=30_000)
    assert not d.save_to(tmp_path / "07SEOUL219.pdf")
    assert "would look like a release" in d.message.text()
    assert not (tmp_path / "07SEOUL219.pdf").exists()
    assert d.save_to(tmp_path / "07SEOUL219-review.pdf")
    d.done(0)


def test_the_window_and_the_cli_stamp_the_same_by_the_exporting_reviewer(
    make_window, store_path: Path, sample_path: Path, tmp_path: Path, qtbot, capsys
):  # type: ignore[no-untyped-def]
    """Newcomer 3, finding 7: decisions made (imported) by one reviewer, the release made by
    another (the settings' name). "By:" names who releases it, in the window and the CLI."""
    from dataclasses import replace

    from workbench.cable import read_cable
    from workbench.review.commands import release_all
    from workbench.review.store import SqliteStore
    from workbench.settings import Settings

    cable = read_cable(sample_path)
    with SqliteStore(store_path) as store:
        review = store.load(cable)
        store.apply(review, release_all(review, [r.key for r in review.pending()]), "T. Newcomer")
    replace(Settings.load(), reviewer="New Rev").save()
    window = make_window()
    assert window.open_path(sample_path) and window.controller.review.is_complete
    c = window.controller
    d = ExportDialog(c.cable, c.review, window.settings, window, store=str(store_path))
    qtbot.addWidget(d)
    saved = tmp_path / "window.pdf"
    render_and_save(qtbot, d, saved)
    d.done(0)
    cli = tmp_path / "cli.pdf"
    args = ["export", str(sample_path), "--store", str(store_path), "--out", str(cli)]
    assert main(args) == 0, capsys.readouterr().err
    assert saved.read_bytes() == cli.read_bytes()
    text = "".join(extract(cli.read_bytes()).pages)
    assert "By: New Rev" in text and "Newcomer" not in text
    other = tmp_path / "other.pdf"
    assert main([*args[:-1], str(other), "--reviewer", "A. Releaser"]) == 0
    assert "By: A. Releaser" in "".join(extract(other.read_bytes()).pages)
    assert (
        main(
            [
                "verify",
                str(other),
                "--cable",
                str(sample_path),
                "--store",
                str(store_path),
                "--reviewer",
                "A. Releaser",
            ]
        )
        == 0
    )
