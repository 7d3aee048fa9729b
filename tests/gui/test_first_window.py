"""The read-only first window (issue 2): text, highlights, paragraph list, errors."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.gui.main_window import MainWindow
from workbench.gui.region_model import COL_LABEL, COL_MARKING, RegionModel


def test_sample_opens_with_title_text_and_paragraphs(window: MainWindow, sample_path: Path):
    assert window.open_path(sample_path)
    assert window.windowTitle().startswith("07SEOUL219")
    assert window.view.toPlainText() == sample_path.read_text(encoding="utf-8")
    assert window.model.rowCount() == 19  # every region: routing, header fields, ¶1-4...
    # Markings as written, the Markdown form's 12. being paragraph 2.
    rows = [window.model.row_of(f"p{i}") for i in range(1, 5)]
    markings = [window.model.index(r, COL_MARKING).data() for r in rows]
    assert markings == ["(U)", "(C)", "(C)", "(C)"]
    assert window.status.progress.text() == "6 of 19 regions decided"  # 6 by visible rules


def test_marking_and_banner_are_coloured(window: MainWindow, sample_path: Path):
    window.open_path(sample_path)
    cable = window.controller.cable
    assert cable is not None
    doc = window.view.document()

    def colour_at(offset: int) -> str:
        block = doc.findBlock(offset)
        for r in block.layout().formats():
            if r.start <= offset - block.position() < r.start + r.length:
                return r.format.foreground().color().name()
        return ""

    assert colour_at(cable.classification.start) == "#1d5fc1"  # CONFIDENTIAL blue
    assert colour_at(cable.paragraphs[0].marking.start) == "#1e7b34"  # (U) green
    assert colour_at(cable.paragraphs[1].marking.start) == "#1d5fc1"  # (C) blue


def test_clicking_the_table_moves_the_text(window: MainWindow, sample_path: Path, qtbot):
    window.open_path(sample_path)
    rect = window.table.visualRect(window.model.index(window.model.row_of("p3"), COL_LABEL))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.current is not None and window.controller.current.key == "p3"
    assert window.inspector.paragraph_box.title() == "¶3 (17 of 19)"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\x01\x02ELF binary" * 50, "binary"),
        (b"hello world\nthis is a shopping list\n", "does not look like a cable"),
        (None, "does not exist"),
    ],
)
def test_bad_input_is_a_message_box_and_the_window_stays_usable(
    window: MainWindow, sample_path: Path, tmp_path: Path, content: bytes | None, words: str
):
    window.open_path(sample_path)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    assert not window.open_path(bad)
    assert words in window.last_error and "bad.txt" in window.last_error
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    box.close()
    # The cable that was open is still there, and another one opens.
    assert window.controller.cable is not None and window.controller.cable.id == "07SEOUL219"
    assert window.open_path(sample_path)


def test_paragraph_model_passes_qtmodeltester(qtmodeltester, sample_path: Path):
    from workbench.cable import read_cable
    from workbench.review.model import Review

    cable = read_cable(sample_path)
    model = RegionModel()
    review = Review.for_cable(cable)
    model.set_review(cable, review, review.regions())
    qtmodeltester.check(model)


@pytest.mark.skipif(not corpus.available(), reason="needs ../shared/corpus")
@pytest.mark.parametrize(
    "name",
    [
        "cables/00HARARE6677.txt",
        "variants/02ROME1196.markdown.txt",
        "variants/06BRASILIA527.cp1252.txt",
        "variants/06LIMA2415.crlf.txt",
        "cables/1974ATHENS02959.txt",
    ],
)
def test_corpus_cables_open(window: MainWindow, name: str):
    path = corpus.CORPUS / name
    assert window.open_path(path), window.last_error
    assert window.controller.cable is not None
    assert window.windowTitle().startswith(window.controller.cable.id or "")
    assert window.model.rowCount() == len(window.controller.regions)
    assert window.view.toPlainText() == window.controller.cable.text


def test_decl_status_and_findings_have_tooltips(window: MainWindow):
    import corpus

    if not corpus.available():
        pytest.skip("needs ../shared/corpus")
    window.open_path(corpus.CORPUS / "cables" / "05NEWDELHI2550.txt")
    cable = window.controller.cable
    view = window.view

    def tip_at(offset: int) -> str:
        cur = view.textCursor()
        cur.setPosition(offset)
        view.setTextCursor(cur)
        view.ensureCursorVisible()
        rect = view.cursorRect(cur)
        return view.tooltip_at(rect.center() + type(rect.center())(2, 0))

    decl = tip_at(cable.decl.start + 1)
    assert "DECL status: Due" in decl and "Due: 2015-04-05" in decl
    assert "32 CFR 2001.12(a)" in decl
    # The (S/NF) portion under a banner without NOFORN is a finding, underlined with its message.
    p = next(p for p in cable.paragraphs if p.marking and "NOFORN" in p.marking.controls)
    tip = tip_at(p.marking.start + 1)
    assert "Finding:" in tip and "NOFORN" in tip
    assert window.inspector.findings.count() >= 1
