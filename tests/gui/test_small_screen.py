"""The window at 1024x768 (what it opens at on such a screen): the inspector goes under the
region list, nothing scrolls sideways, the decision column is in view; wide, three columns."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

from workbench.gui.region_model import COL_CODES, COL_DECISION

AWKWARD = corpus.CORPUS / "cables" / "00HARARE6677.txt"


def _fits(window) -> None:  # type: ignore[no-untyped-def]
    table, header = window.table, window.table.horizontalHeader()
    width = table.viewport().width()
    for col in (COL_DECISION, COL_CODES):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert header.sectionViewportPosition(col) >= 0 and right <= width, (col, right, width)
    inspector = window.inspector
    assert inspector.horizontalScrollBar().maximum() == 0
    body = inspector.widget()
    assert body.width() <= inspector.viewport().width()
    assert window.redactions.horizontalScrollBar().maximum() == 0


def test_1024_by_768_puts_the_inspector_under_the_list_and_scrolls_nothing_sideways(
    window, sample_path: Path, qtbot
):  # type: ignore[no-untyped-def]
    window.resize(972, 691)  # 95 % by 90 % of 1024x768, as fit_to_screen makes it
    qtbot.waitUntil(lambda: window.page.wide is False)
    window.open_path(sample_path)
    c = window.controller
    c.go_to("p2")
    name = c.cable.text.index("Kim Hye-jin")
    c.redact(name, name + 11, ["(b)(6)", "(b)(7)(C)"])
    c.go_to("p3")
    window.named_actions["withhold"].trigger()
    qtbot.wait(50)
    assert window.inspector.parent() is not None
    assert window.page.left.indexOf(window.inspector) == 1  # under the list
    assert window.view.width() >= 560  # room for a cable's 69-character lines
    _fits(window)


@pytest.mark.skipif(not AWKWARD.is_file(), reason="needs ../shared/corpus")
def test_long_region_names_and_codes_still_fit(window, qtbot):  # type: ignore[no-untyped-def]
    window.resize(972, 691)
    window.open_path(AWKWARD)
    c = window.controller
    for r in c.regions[:6]:
        c.go_to(r.key)
        c.withhold(["(b)(1)", "1.4(b)", "1.4(d)"])
    qtbot.wait(50)
    _fits(window)


def test_a_wide_window_has_three_columns(window, sample_path: Path, qtbot):  # type: ignore[no-untyped-def]
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.page.wide is True)
    window.open_path(sample_path)
    assert window.page.columns.indexOf(window.inspector) == 2
    _fits(window)
