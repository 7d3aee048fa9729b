"""Suggested redactions in the window (issue 16): drawn, gone through, accepted, rejected.

Every test drives the real window with its keys; what it saved is read back from the store as
another process would.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from gui.helpers import activate, all_saved, saved
from workbench.gui.main_window import MainWindow
from workbench.review.store import SqliteStore

SHIFT = Qt.KeyboardModifier.ShiftModifier

# Written here (not from the corpus): a private person named three times, two contacts.
SMALL = """VZCZCXYZ0000
PP RUEHWEB

DE RUEHXX #0001 0010001
ZNY CCCCC ZZH
P 010001Z JAN 09
FM AMEMBASSY RIVERTON
TO RUEHC/SECSTATE WASHDC PRIORITY 0001

C O N F I D E N T I A L RIVERTON 000001

SIPDIS

E.O. 12958: DECL: 01/01/2019
TAGS: PREL PGOV XX
SUBJECT: A VISA APPLICANT

Classified By: Ambassador Ann Example for reasons 1.4 (b) and (d).

1. (C) Businessman Tomasz Wierzbicki called on Poloff on May 3. Wierzbicki said his
passport number is XK4471920 and that he can be reached at +48 22 628 4471.

2. (C) Poloff told Wierzbicki that the Embassy would reply by e-mail to
t.wierzbicki@example.pl within a week.

EXAMPLE
"""


def key(qtbot, window: MainWindow, k, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    target = QApplication.focusWidget() or window.table
    qtbot.keyClick(target, k, mod)


def ready(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.suggestions._ready, timeout=20_000)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "09RIVERTON1.txt"
    path.write_text(SMALL)
    return path


def texts(w: MainWindow) -> list[str]:
    return [s.text for s in w.suggestions.visible]


def test_suggestions_come_from_a_worker_and_withhold_nothing(
    make_window, small: Path, store_path: Path, qtbot, monkeypatch
):  # type: ignore[no-untyped-def]
    from workbench.gui import suggest_worker

    threads: list[int] = []
    real = suggest_worker.suggest

    def spy(cable, **kw):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(cable, **kw)

    monkeypatch.setattr(suggest_worker, "suggest", spy)
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    assert threads and threading.get_ident() not in threads  # never on the GUI thread
    found = texts(w)
    assert "Tomasz Wierzbicki" in found and found.count("Wierzbicki") == 2
    assert "XK4471920" in found and "+48 22 628 4471" in found
    assert "t.wierzbicki@example.pl" in found
    assert w.suggestions.label.text().startswith("Suggestions: ")
    # Shown is not withheld: nothing in the review or the store until a key says so.
    assert w.controller.review.withholdings(w.controller.cable) == []
    assert saved(store_path, small).withholdings(w.controller.cable) == []


def test_outlines_are_drawn_in_the_kind_colour(make_window, small: Path, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    pane = w.suggestions
    target = next(s for s in pane.visible if s.text == "XK4471920")
    pane.go_to(target)
    w.view.select_span(target.end, target.end)  # no selection colour over the outline
    qtbot.wait(50)
    drawn = dict((s, rects) for s, rects in pane.overlay.outlines())
    assert target in drawn and set(pane.visible) >= set(drawn)
    rect = drawn[target][0].toRect()
    colour = QColor("#7b1fa2")  # contact

    def coloured_pixels() -> int:
        image = w.view.grab().toImage()
        at = w.view.viewport().pos()
        n = 0
        for x in range(rect.left() - 3, rect.right() + 4):
            for y in (
                *range(rect.top() - 3, rect.top() + 2),
                *range(rect.bottom() - 1, rect.bottom() + 4),
            ):
                c = image.pixelColor(QPoint(x, y) + at)
                if (
                    abs(c.red() - colour.red())
                    + abs(c.green() - colour.green())
                    + abs(c.blue() - colour.blue())
                    < 90
                ):
                    n += 1
        return n

    assert coloured_pixels() >= 10  # a dotted outline along the top and bottom edges
    tip = pane.overlay.tooltip_at(rect.center())
    assert "contact: passport" in tip and "(b)(6)" in tip
    w.named_actions["show_suggestions"].trigger()  # hidden: the same pixels are plain text
    qtbot.wait(50)
    assert coloured_pixels() == 0


def test_next_accept_undo_through_the_keys(make_window, small: Path, store_path: Path, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    c = w.controller
    key(qtbot, w, Qt.Key.Key_X)  # no suggestion chosen yet: nothing is withheld
    assert c.review.withholdings(c.cable) == []
    assert c.current.key == "p1"  # the cursor is at paragraph 1: S goes to what follows
    key(qtbot, w, Qt.Key.Key_S)
    first = w.suggestions.current
    assert first is not None and w.view.selected_span() == (first.start, first.end)
    assert first.text == "Tomasz Wierzbicki"
    key(qtbot, w, Qt.Key.Key_X)
    spans = [(x.start, x.end, x.codes) for x in c.review.withholdings(c.cable)]
    assert spans == [(first.start, first.end, ("(b)(6)",))]
    assert "Tomasz Wierzbicki" not in texts(w)
    assert w.suggestions.current.text == "Wierzbicki"  # went on to the next one
    review = saved(store_path, small)
    assert [(x.start, x.end) for x in review.withholdings(c.cable)] == [(first.start, first.end)]
    with SqliteStore(store_path) as store:
        entry = store.log(review.cable_id)[-1]
    assert entry.reviewer == "Test Reviewer" and "accepted suggestion (person)" in str(entry.after)
    assert c.undo_stack.undoText().startswith("Redact in")
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.review.withholdings(c.cable) == []
    assert "Tomasz Wierzbicki" in texts(w)  # shown again
    assert saved(store_path, small).withholdings(c.cable) == []


def test_accept_every_occurrence_is_one_step(make_window, small: Path, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    c, pane = w.controller, w.suggestions
    pane.go_to(next(s for s in pane.visible if s.text == "Wierzbicki"))
    depth = c.undo_stack.count()
    key(qtbot, w, Qt.Key.Key_X, SHIFT)
    held = [c.cable.text[x.start : x.end] for x in c.review.withholdings(c.cable)]
    # Every whole-word "Wierzbicki" (the full name's surname too), not the e-mail's letters.
    assert held.count("Wierzbicki") == 3
    assert all("@" not in h for h in held)
    assert c.undo_stack.count() == depth + 1
    c.undo_stack.undo()
    assert c.review.withholdings(c.cable) == []


def test_reject_is_kept_in_the_store_and_undone(make_window, small: Path, store_path: Path, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    pane = w.suggestions
    pane.go_to(next(s for s in pane.visible if s.text == "Wierzbicki"))
    key(qtbot, w, Qt.Key.Key_D)
    assert "Wierzbicki" not in texts(w) and "Tomasz Wierzbicki" in texts(w)
    assert w.controller.review.withholdings(w.controller.cable) == []  # rejecting withholds nothing
    assert pane.worker.wait_idle()

    def rows() -> list[tuple[str, str]]:
        with sqlite3.connect(store_path) as db:
            return db.execute("SELECT cable_id, folded FROM suggestion_rejections").fetchall()

    assert rows() == [("09RIVERTON1", "wierzbicki")]
    # Opened again in a new window: not proposed again.
    w.close()
    w2 = make_window()
    assert w2.open_path(small)
    ready(qtbot, w2)
    assert "Wierzbicki" not in texts(w2) and "XK4471920" in texts(w2)
    w2.close()
    # Undone in the first window's history (made again to keep it): proposed again.
    w3 = make_window()
    assert w3.open_path(small)
    ready(qtbot, w3)
    pane3 = w3.suggestions
    pane3.go_to(next(s for s in pane3.visible if s.text == "XK4471920"))
    key(qtbot, w3, Qt.Key.Key_D)
    assert "XK4471920" not in texts(w3)
    key(qtbot, w3, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "XK4471920" in texts(w3)
    assert pane3.worker.wait_idle()
    assert rows() == [("09RIVERTON1", "wierzbicki")]


def test_suggestions_follow_the_open_cable(
    make_window, small: Path, sample_path: Path, qtbot, monkeypatch
):  # type: ignore[no-untyped-def]
    """The answer for a cable the reviewer has left is never shown over the next one."""
    import time

    from workbench.gui import suggest_worker

    started = threading.Event()
    real = suggest_worker.suggest

    def slow_for_small(cable, **kw):  # type: ignore[no-untyped-def]
        if "Wierzbicki" in cable.text:
            started.set()
            time.sleep(0.3)  # still working on it when the reviewer opens the next cable
        return real(cable, **kw)

    monkeypatch.setattr(suggest_worker, "suggest", slow_for_small)
    w = make_window()
    mismatched: list[str] = []

    def check() -> None:
        text = w.controller.cable.text if w.controller.cable else ""
        mismatched.extend(s.text for s in w.suggestions.visible if text[s.start : s.end] != s.text)

    w.suggestions.changed.connect(check)
    assert w.open_path(small)
    assert started.wait(10)
    assert w.open_path(sample_path)
    ready(qtbot, w)
    qtbot.wait(400)  # the first cable's late answer has come and gone
    assert w.suggestions.worker.wait_idle()
    assert mismatched == []
    assert "Kim Hye-jin" in texts(w) and "Wierzbicki" not in texts(w)
    assert w.open_path(small)
    ready(qtbot, w)
    assert "Wierzbicki" in texts(w) and "Kim Hye-jin" not in texts(w)
    assert mismatched == []


def test_a_withheld_paragraph_hides_its_suggestions(make_window, small: Path, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    assert w.open_path(small)
    ready(qtbot, w)
    w.controller.go_to("p2")
    key(qtbot, w, Qt.Key.Key_R)  # paragraph 2 withheld in full
    assert "t.wierzbicki@example.pl" not in texts(w) and "XK4471920" in texts(w)
    all_saved()


def test_keys_are_listed_in_f1_and_the_guide(qapp: object) -> None:
    # qapp: the key summary builds QKeySequences, which need an application (alone, it crashed)
    from workbench.gui.actions import key_summary

    summary = key_summary()
    for words in (
        "Next Suggestion",
        "Accept Suggestion",
        "Accept Every Occurrence",
        "Reject Suggestion",
    ):
        assert words in summary
    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide.md").read_text()
    for k in ("| S / Shift+S |", "| X |", "| Shift+X |", "| D |", "**S**", "**X**", "**D**"):
        assert k in guide


def test_the_current_tag_covers_no_text_of_the_line_above(make_window, small: Path, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage, QPainter

    w = make_window()
    w.resize(900, 700)
    assert w.open_path(small)
    ready(qtbot, w)
    pane, text = w.suggestions, w.controller.cable.text
    placed = []
    for wanted in ("XK4471920", "+48 22 628 4471", "t.wierzbicki@example.pl"):
        target = next(s for s in pane.visible if s.text == wanted)
        pane.go_to(target)
        qtbot.wait(50)
        rects = dict(pane.overlay.outlines())[target]
        image = QImage(pane.overlay.size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        tag = pane.overlay.label_rect(target, rects, painter)
        placed.append(tag is not None)
        if tag is None:
            tag = pane.overlay.badge_rect(rects, "C", painter)
        painter.end()
        # The line above the suggestion's first line, as the view lays it out.
        line = text.rfind("\n", 0, target.start)
        above = text.rfind("\n", 0, line)
        for r in w.view.bar_rects(above + 1, line):
            # At most the gap between the lines (the badge's half), never a line's words.
            assert tag.intersected(r).height() <= 0.4 * r.height(), (wanted, tag, r)
        # Nor the words of its own line: the tag stands after them (or the badge on the
        # outline's corner, over the next character's top at most).
        eol = text.find("\n", target.end)
        for r in w.view.bar_rects(target.end, eol):
            assert tag.intersected(r).width() <= 0.5 * tag.width(), (wanted, tag, r)
    assert any(placed)  # the short last line leaves room for the whole tag


def test_release_header_lines_names_the_suggestions_it_would_release(
    qtbot, make_window, small: Path
) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.open_path(small)
    ready(qtbot, w)
    header = w.controller.header_to_release()
    inside = [s for s in w.suggestions.visible if any(r.start <= s.start < r.end for r in header)]
    assert inside  # the Classified By line's name, the signature
    asked: list[str] = []
    w.controller.confirm = lambda text: asked.append(text) or False
    assert not w.controller.release_header()  # No: nothing released
    (question,) = asked
    assert "hold text the suggester proposes to withhold" in question
    assert all(f"{s.text} ({s.kind})" in question for s in inside)
    assert w.controller.review is not None and not w.controller.review.decisions


def test_release_header_lines_shows_each_line_whole_and_leaves_longer_ones(
    qtbot, make_window, small: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Newcomer 6, finding 21: the question cut each field at 70 characters, so Yes released
    words the reviewer was never shown. Each line is shown whole now; one too long for a
    question box is left out of the one-step release and named."""
    from workbench.gui.selection import SHOWN_WHOLE

    text = small.read_text(encoding="utf-8")
    eol = text.index("\n", text.index("TO RUEHC/SECSTATE"))
    posts = " ".join(f"AMEMBASSY POST{i:02d}" for i in range(120))  # ~2,400 characters
    cable = tmp_path / "long.txt"
    cable.write_text(text[:eol] + " " + posts + text[eol:], encoding="utf-8")
    w = make_window()
    w.open_path(cable)
    ready(qtbot, w)
    header = w.controller.header_to_release()
    whole = {r.key: " ".join(w.controller.cable.text[r.body_start : r.end].split()) for r in header}
    long = [k for k, v in whole.items() if len(v) > SHOWN_WHOLE]
    assert len(long) == 1  # the To line
    asked: list[str] = []
    w.controller.confirm = lambda t: asked.append(t) or True
    assert w.controller.release_header()
    (question,) = asked
    for key, words in whole.items():
        if key not in long:
            assert words in question, key  # each shown line whole, not cut
    assert "longer line(s) are not released by this" in question
    review = w.controller.review
    assert review.decision(long[0]).action.value == "pending"
    assert all(review.decision(k).action.value == "release" for k in whole if k not in long)
