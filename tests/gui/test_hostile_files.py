"""Hostile and unlucky files opened in the window (issue 12): each is one sentence in a message
box naming the file, never a crash or a hang, and the window stays usable. (Issue 12's test
file in issue 10's folder: it needs the window fixtures.)"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from workbench.gui.main_window import MainWindow


def _box_says(window: MainWindow, *words: str) -> str:
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible(), "no message box appeared"
    text = box.text()
    box.close()
    for w in words:
        assert w.lower() in text.lower(), (w, text)
    assert "Traceback" not in text
    return text


@pytest.mark.parametrize("kind", ["fifo", "device", "pdf", "huge"])
def test_a_file_that_is_not_a_cable(
    window: MainWindow, sample_path: Path, tmp_path: Path, kind: str
) -> None:
    window.open_path(sample_path)
    if kind == "fifo":
        bad = tmp_path / "pipe.txt"
        os.mkfifo(bad)
        words = ("pipe.txt", "named pipe")
    elif kind == "device":
        bad, words = Path("/dev/zero"), ("/dev/zero", "device")
    elif kind == "pdf":
        bad = tmp_path / "release.pdf"
        bad.write_bytes(b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n1 0 obj\n<< >>\nendobj\n%%EOF\n")
        words = ("release.pdf", "PDF")
    else:
        bad = tmp_path / "huge.txt"
        with open(bad, "wb") as f:
            f.truncate(100 * 1024 * 1024)  # sparse: costs no disk
        words = ("huge.txt", "larger than any cable")
    assert not window.open_path(bad)  # returns at once: no hang on the FIFO or the device
    _box_says(window, *words)
    assert window.controller.cable is not None and window.controller.cable.id == "07SEOUL219"


def test_a_cable_dated_9999_with_oadr_opens(window: MainWindow, tmp_path: Path) -> None:
    from corpus import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8").replace("P 230828Z JAN 07", "P 230828Z JAN 9999")
    text = text.replace("DECL: 01/23/2017", "DECL: OADR")
    odd = tmp_path / "odd.txt"
    odd.write_text(text, encoding="utf-8")
    assert window.open_path(odd), window.last_error
    assert window.controller.cable is not None and window.controller.cable.sent.year == 9999
    box = window.findChild(QMessageBox, "errorBox")
    assert box is None or not box.isVisible()


def test_a_damaged_store_is_one_sentence_naming_it_once(
    make_window, sample_path: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "damaged.sqlite3"
    db = sqlite3.connect(store)
    db.execute("CREATE TABLE t (x)")
    db.close()
    with open(store, "r+b") as f:  # an SQLite file the workbench never made
        f.seek(100)
        f.write(b"\xff" * 64)
    window = make_window(store)
    window.open_path(sample_path)
    qtbot.waitUntil(lambda: bool(window.last_error), timeout=10_000)
    text = _box_says(window, "damaged.sqlite3")
    assert text.lower().count("the review store") <= 1, text


def test_the_export_dialog_never_saves_over_the_cable_or_the_store(
    window: MainWindow, sample_path: Path, tmp_path: Path, store_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from workbench.gui.export_dialog import ExportDialog

    cable = tmp_path / "07SEOUL219.txt"
    shutil.copy(sample_path, cable)
    assert window.open_path(cable)
    window.named_actions["release"].trigger()  # a decision: the store file now exists
    d = ExportDialog(window.controller.cable, window.controller.review, window.settings, window)
    qtbot.addWidget(d)
    d.kind.setCurrentIndex(d.kind.findData("review"))  # a review copy: pending is fine
    d.preview()
    qtbot.waitUntil(lambda: d.save_button.isEnabled(), timeout=30_000)
    before = cable.read_bytes()
    qtbot.waitUntil(lambda: store_path.exists(), timeout=10_000)
    for target, words in ((cable, "a cable"), (store_path, "review store")):
        assert not d.save_to(target)
        assert words in d.message.text() and target.name in d.message.text(), d.message.text()
    assert cable.read_bytes() == before
    assert store_path.read_bytes()[:16] == b"SQLite format 3\x00"
    # The PDF made is kept: another name saves it without making it again.
    again = tmp_path / "07SEOUL219-review.pdf"  # a review copy's name says so
    assert d.save_to(again), d.message.text()
    assert again.read_bytes()[:5] == b"%PDF-"
    d.done(0)


@pytest.mark.parametrize(
    "signum, code", [(2, 130), (15, 143), (1, 129)], ids=["INT", "TERM", "HUP"]
)
def test_ctrl_c_and_stop_signals_close_the_window(
    sample_path: Path, tmp_path: Path, signum: int, code: int
) -> None:
    """Ctrl-C in the terminal was ignored by the window; SIGTERM killed it mid-whatever."""
    import signal
    import subprocess
    import sys
    import time

    from workbench.settings import Settings

    Settings(reviewer="Test Reviewer").save()  # no first-run questions
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbench",
            "gui",
            str(sample_path),
            "--store",
            str(tmp_path / "s.sqlite3"),
        ],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a Ctrl-C of the test run is not sent to it
        # As from a terminal: a test run started in the background (or under nohup) has
        # SIGINT or SIGHUP ignored, and the window rightly keeps an ignored signal ignored.
        preexec_fn=_default_signals,
    )
    try:
        time.sleep(3)  # the window is up
        p.send_signal(signal.Signals(signum))
        assert p.wait(timeout=20) == code
        assert "Traceback" not in (p.stderr.read() if p.stderr else "")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def _default_signals() -> None:
    import signal

    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)


def test_a_window_with_no_cable_claims_no_findings(window: MainWindow, tmp_path: Path) -> None:
    # Before any cable (or after the first one was refused) the inspector says so, instead of
    # "the markings look consistent" about nothing.
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not window.open_path(bad)
    assert window.inspector.no_findings.text() == "No cable is open."
