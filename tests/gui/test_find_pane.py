"""The find pane: hits listed with cable, region, state and context; redacting the selected
hits with codes from the picker (one undoable, audited step per cable); a folder searched off
the GUI thread; Enter goes to a hit in another cable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import corpus
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.helpers import activate, all_saved, saved
from workbench.review.model import Action
from workbench.review.store import SqliteStore

HARARE = corpus.CORPUS / "cables" / "00HARARE6677.txt"
YEREVAN = corpus.CORPUS / "cables" / "08YEREVAN649.txt"


def _search(window, qtbot, term: str, scope_shortcut: str = "find_redact") -> None:  # type: ignore[no-untyped-def]
    window.named_actions[scope_shortcut].trigger()
    pane = window.find_pane
    assert pane.isVisible() and pane.term.hasFocus()
    pane.term.clear()
    QTest.keyClicks(pane.term, term)
    QTest.keyClick(pane.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not pane.searching, timeout=60_000)


def test_find_in_the_cable_lists_every_hit_and_redacts_the_selected_ones(
    window, sample_path: Path, store_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    c = window.controller
    c.go_to("p3")
    window.named_actions["release"].trigger()  # ¶3 released: a redaction there makes it partial
    _search(window, qtbot, "kim")
    pane = window.find_pane
    text = c.cable.text
    expected = [m.start() for m in re.finditer(r"\bKim\b", text)]
    assert [h.start for h in pane.model.hits] == expected
    assert pane.result.text().startswith(f"{len(expected)} hits in 1 cable")
    first = pane.model.index(0, 3).data()
    assert "⟦Kim⟧ Hye-jin of the Disarmament" in first
    assert pane.model.index(0, 1).data() == "¶2" and pane.model.index(0, 2).data() == "○ Undecided"
    # Moving in the list shows each hit in the text.
    pane.list.setFocus()
    QTest.keyClick(pane.list, Qt.Key.Key_Down)
    assert window.view.selected_span() == (expected[1], expected[1] + 3)

    QTest.keyClick(pane.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    dialogs.code_picker("<clear>", "b6")
    QTest.keyClick(pane.list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen
    activate(qtbot, window)
    assert "stay undecided" in pane.result.text()
    r = saved(store_path, sample_path)
    assert r.decision("p2").action == Action.PENDING  # never silently decided
    assert r.decision("p3").action == Action.PARTIAL  # released, now with spans withheld
    spans = [s for k in ("p2", "p3") for s in r.decision(k).spans]
    assert sorted(s.start for s in spans) == expected
    assert {s.codes for s in spans} == {("(b)(6)",)}
    assert all("Withheld already" in pane.model.index(i, 2).data() for i in range(len(expected)))
    # One step: one undo takes the whole redaction back, and the list follows.
    assert window.named_actions["undo"].text().startswith("Undo Redact")
    window.named_actions["undo"].trigger()
    all_saved()
    r = saved(store_path, sample_path)
    assert not r.decision("p2").spans and not r.decision("p3").spans
    assert pane.model.index(0, 2).data() == "○ Undecided"


def test_a_name_wrapped_over_a_line_end_is_found(window, sample_path: Path, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    cable = tmp_path / "07SEOUL219.txt"
    text = sample_path.read_text(encoding="utf-8").replace("Kim Hye-jin", "Kim Hye-\njin", 1)
    cable.write_text(text, encoding="utf-8")
    window.open_path(cable)
    _search(window, qtbot, "Kim Hye-jin")
    hits = window.find_pane.model.hits
    assert len(hits) == 1 and hits[0].text == "Kim Hye-\njin"


def test_a_bad_pattern_is_one_sentence(window, sample_path: Path, qtbot):  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    window.find_pane.regex.setChecked(True)
    _search(window, qtbot, "Kim(")
    assert "not a valid regular expression" in window.find_pane.result.text()
    assert not window.find_pane.model.hits


@pytest.mark.skipif(not HARARE.is_file(), reason="needs ../shared/corpus")
def test_the_folder_is_searched_and_hits_in_other_cables_are_redacted_and_opened(
    window, sample_path: Path, store_path: Path, tmp_path: Path, qtbot, dialogs
):  # type: ignore[no-untyped-def]
    folder = tmp_path / "case"
    folder.mkdir()
    for p in (sample_path, HARARE, YEREVAN):
        shutil.copy(p, folder / p.name)
    window.open_path(folder)
    qtbot.waitUntil(lambda: not window.batch.is_running(), timeout=60_000)
    window.open_path(folder / sample_path.name)
    _search(window, qtbot, "government", "find_folder")
    pane = window.find_pane
    cables = {h.cable for h in pane.model.hits}
    assert cables == {"07SEOUL219", "00HARARE6677", "08YEREVAN649"}
    assert "3 searched" in pane.result.text()

    # Redact the Harare hits while Seoul is shown: a step of Harare's own.
    rows = [i for i, h in enumerate(pane.model.hits) if h.cable == "00HARARE6677"]
    harare = [pane.model.hits[i] for i in rows]
    pane.list.clearSelection()
    for i in rows:
        pane.list.selectionModel().select(
            pane.model.index(i, 0),
            pane.list.selectionModel().SelectionFlag.Select
            | pane.list.selectionModel().SelectionFlag.Rows,
        )
    dialogs.code_picker("<clear>", "b1", "14d")
    pane.list.setFocus()
    QTest.keyClick(pane.list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen
    activate(qtbot, window)
    assert window.controller.cable.id == "07SEOUL219", pane.result.text()  # still Seoul
    assert "Redacted 8 hits" in pane.result.text(), (pane.result.text(), window.last_error)
    all_saved()
    from workbench.cable import read_cable

    with SqliteStore(store_path) as store:
        review = store.load(read_cable(folder / HARARE.name))
        log = [e.what for e in store.log("00HARARE6677")]
    withheld = sorted(s.start for d in review.decisions.values() for s in d.spans)
    assert withheld == sorted(h.start for h in harare)
    assert any(w.startswith("Redact") for w in log)  # audited
    assert not saved(store_path, folder / sample_path.name).decisions

    # Enter on a Harare hit opens Harare with the hit selected; its step is undone there.
    pane.list.setCurrentIndex(pane.model.index(rows[0], 0))
    QTest.keyClick(pane.list, Qt.Key.Key_Return)
    assert window.controller.cable.id == "00HARARE6677"
    assert window.view.selected_span() == (harare[0].start, harare[0].end)
    assert window.named_actions["undo"].text().startswith("Undo Redact")
    window.named_actions["undo"].trigger()
    all_saved()
    with SqliteStore(store_path) as store:
        review = store.load(read_cable(folder / HARARE.name))
    assert not any(d.spans for d in review.decisions.values())
