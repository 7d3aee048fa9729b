"""A folder opens as a batch table filled in the background (issue 6)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import corpus
import pytest
from PySide6.QtCore import Qt

from workbench.gui.batch_model import BatchModel
from workbench.gui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")


@pytest.fixture
def folder(tmp_path: Path, sample_path: Path) -> Path:
    d = tmp_path / "cables"
    (d / "sub").mkdir(parents=True)
    for t in corpus.index()[:30]:
        shutil.copy(t.path, d / t.path.name)
    shutil.copy(sample_path, d / "sub" / "07SEOUL219.txt")
    (d / "broken.txt").write_bytes(b"\x00\x01binary" * 100)
    return d


def loaded(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.batch is not None and not w.batch.is_running(), timeout=60_000)
    qtbot.wait(50)  # the last rows' queued signal


def test_folder_fills_table_sorts_filters_and_opens(window: MainWindow, folder: Path, qtbot):  # type: ignore[no-untyped-def]
    window.batch_jobs = 2  # real worker processes, as in use
    assert window.open_path(folder)
    assert window.stack.currentWidget() is window.batch
    loaded(qtbot, window)
    view = window.batch
    assert view.model.rowCount() == 32
    assert view.progress.value() == 32
    broken = next(r for r in view.model.rows if r["path"].endswith("broken.txt"))
    assert broken["status"] == "unreadable"  # check's status for it too (newcomer 5, finding 32)
    assert broken["findings"][0]["code"] == "read-error"

    # Filter by status, then by words. A file that could not be read is "Cannot read", never
    # "Needs review" (newcomer 3, finding 20: it was listed as a cable waiting for review).
    view.status_filter.setCurrentIndex(view.status_filter.findData("unreadable"))
    shown = {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())}
    assert shown == {"broken"}  # named like every other row: by ID, else the file stem
    assert view.proxy.index(0, 4).data() == "Cannot read"
    view.status_filter.setCurrentIndex(view.status_filter.findData("needs-review"))
    shown = {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())}
    assert "broken" not in shown
    view.status_filter.setCurrentIndex(0)
    view.search.setText("07SEOUL219")
    assert view.proxy.rowCount() == 1

    # Sort by due date: ISO dates in order, undated last.
    view.search.clear()
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    dues = [view.proxy.index(r, 3).data() for r in range(view.proxy.rowCount())]
    dated = [d for d in dues if d]
    assert dated == sorted(dated) and dues[: len(dated)] == dated

    # Double-click opens the cable; Ctrl+B goes back to the table.
    view.search.setText("07SEOUL219")
    rect = view.table.visualRect(view.proxy.index(0, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.cable is not None and window.controller.cable.id == "07SEOUL219"
    assert window.stack.currentWidget() is window.splitter
    window.named_actions["show_folder"].trigger()
    assert window.stack.currentWidget() is window.batch


def test_review_progress_shows_in_the_table(window: MainWindow, folder: Path, qtbot):  # type: ignore[no-untyped-def]
    window.batch_jobs = 1
    window.open_path(folder / "sub" / "07SEOUL219.txt")
    window.named_actions["release"].trigger()
    window.named_actions["withhold"].trigger()
    window.open_path(folder)
    loaded(qtbot, window)
    m = window.batch.model
    row = next(i for i, r in enumerate(m.rows) if r["id"] == "07SEOUL219")
    assert m.index(row, 6).data() == "8 of 19"  # regions: rules decided 6 of them


def test_batch_model_passes_qtmodeltester(qtmodeltester, folder: Path):  # type: ignore[no-untyped-def]
    from workbench.batch import check_file

    model = BatchModel()
    model.clear({"07SEOUL219": (1, 4)})
    model.append(
        [
            check_file(str(p), __import__("datetime").date(2026, 1, 1))
            for p in sorted(folder.rglob("*.txt"))[:8]
        ]
    )
    qtmodeltester.check(model)


def test_unreadable_files_and_copies_are_not_counted_as_cables(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, sample_path: Path, qtbot
):
    # newcomer 3, findings 20 and 37: an empty file and a table showed as "Needs review", and
    # the title counted a cable's copies (another name, its Markdown form) as more cables.
    d = tmp_path / "box"
    d.mkdir()
    shutil.copy(sample_path, d / "07SEOUL219.txt")
    shutil.copy(sample_path, d / "seoul-copy.txt")
    shutil.copy(corpus.CORPUS / "cables" / "08REYKJAVIK91.txt", d)
    shutil.copy(corpus.CORPUS / "variants" / "08REYKJAVIK91.markdown.txt", d)
    (d / "empty.txt").write_bytes(b"")
    (d / "idx.txt").write_text("id\tclassification\n" + "x.txt\tSECRET\n" * 9)
    window.batch_jobs = 1
    assert window.open_path(d)
    loaded(qtbot, window)
    view = window.batch
    assert view.model.rowCount() == 6
    title = view.title.text()
    assert "2 cables (2 more files are copies, counted once): 2 due" in title, title
    assert "needs review" not in title and title.endswith("2 files cannot be read")
    for name, why in (("empty", "Is empty"), ("idx", "Does not look like a cable: it is a table")):
        r = next(i for i, row in enumerate(view.model.rows) if row["path"].endswith(f"{name}.txt"))
        assert view.model.index(r, 4).data() == "Cannot read"
        assert view.model.index(r, 1).data().startswith(why)
        tip = view.model.index(r, 4).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Cannot read: ") and f"{name}.txt" in tip
        assert view.model.index(r, 5).data() == ""  # its reason is no finding about a cable


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_a_message_box(window: MainWindow, tmp_path: Path):
    d = tmp_path / "locked"
    d.mkdir()
    d.chmod(0)
    try:
        assert not window.open_path(d)
        assert "locked" in window.last_error and "permission" in window.last_error.lower()
    finally:
        d.chmod(0o755)
