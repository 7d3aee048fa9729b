"""Each cable opened in the window keeps its review and its undo history; a cable not shown can
be changed as a step of its own history (find and redact across a folder)."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

from gui.helpers import all_saved, saved
from workbench.cable import read_cable
from workbench.review import commands as rc
from workbench.review.model import Action

OTHER = corpus.CORPUS / "cables" / "05NEWDELHI2550.txt"
pytestmark = pytest.mark.skipif(not OTHER.is_file(), reason="needs ../shared/corpus")


def test_a_cable_left_and_opened_again_keeps_its_undo_history(
    window, sample_path: Path, store_path: Path
):  # type: ignore[no-untyped-def]
    c = window.controller
    window.open_path(sample_path)
    c.go_to("p3")
    window.named_actions["withhold"].trigger()
    window.open_path(OTHER)
    assert not window.named_actions["undo"].isEnabled()  # the other cable has no history yet
    all_saved()
    window.open_path(sample_path)
    undo = window.named_actions["undo"]
    assert undo.isEnabled() and undo.text() == "Undo Withhold ¶3"
    undo.trigger()
    assert c.review.decision("p3").action == Action.PENDING
    assert saved(store_path, sample_path).decision("p3").action == Action.PENDING


def test_reopening_with_writes_still_queued_is_not_a_conflict(
    window, sample_path: Path, store_path: Path
):  # type: ignore[no-untyped-def]
    """The window's own copy, handed back to the writer, carries versions it never saw move:
    the next change to the same region must not be refused as another reviewer's."""
    c = window.controller
    window.open_path(sample_path)
    window.named_actions["release"].trigger()  # p1, still queued
    window.open_path(sample_path)
    c.go_to("p1")
    window.named_actions["withhold"].trigger()
    all_saved()
    assert "changed" not in window.last_error
    assert saved(store_path, sample_path).decision("p1").action == Action.WITHHOLD


def test_a_cable_not_shown_is_changed_as_a_step_of_its_own(
    window, sample_path: Path, store_path: Path
):  # type: ignore[no-untyped-def]
    c = window.controller
    window.open_path(OTHER)
    progress: list[tuple[str, int, int]] = []
    c.progressChanged.connect(lambda *a: progress.append(a))
    sample = read_cable(sample_path)
    name = sample.text.index("Kim Hye-jin")
    assert c.execute_on(
        sample, lambda r: rc.redact(sample, r, name, name + len("Kim Hye-jin"), ["(b)(6)"])
    )
    assert Path(c.cable.path).name == OTHER.name  # still showing the other cable
    assert progress and progress[-1][0] == "07SEOUL219"
    review = saved(store_path, sample_path)
    assert review.decision("p2").action == Action.PENDING  # a redaction decides nothing else
    assert [(s.start, s.codes) for s in review.decision("p2").spans] == [(name, ("(b)(6)",))]
    window.open_path(sample_path)
    assert window.named_actions["undo"].text().startswith("Undo Redact in ¶2")
    window.named_actions["undo"].trigger()
    assert not saved(store_path, sample_path).decision("p2").spans
