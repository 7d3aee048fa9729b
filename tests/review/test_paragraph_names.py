"""One name for a paragraph everywhere (``workbench.naming``): a paragraph the cable does not
number is "1st paragraph (unnumbered)" in the window's list, every refusal, conflict and log
sentence, and the Vaughn index; never the reader's key ``#1``, which the index had already
stopped printing (newcomer 3, finding 35) while the sentences still said ``¶#1``. A number two
paragraphs share (a multi-part cable) is told apart by the place: ``¶1 (4th paragraph)``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.export.errors import ExportError
from workbench.export.vaughn import rows_for
from workbench.review import ConflictError, SqliteStore, commands
from workbench.review.decisions import DecisionsError, load_decisions
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.report import show_review

BODY = """Summary: the ministry met post staff about the visit of Raouf Hindy.

1. (C) The minister said more about the schedule.

2. (C) He also spoke of the weather.

1. (C) A second part restarts its numbering here.

2. (U) And ends.
"""


def fixture() -> Cable:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    return parse_cable(head + BODY + "STANTON\n", "fixture.txt")


def test_the_partition_names_each_paragraph() -> None:
    review = Review.for_cable(fixture())
    paras = [r for r in review.regions() if r.kind == "paragraph"]
    assert [(r.label, r.name) for r in paras] == [
        ("1st paragraph (unnumbered)", "1st paragraph (unnumbered)"),
        ("¶1 (2nd paragraph)", "paragraph 1 (2nd paragraph)"),
        ("¶2 (3rd paragraph)", "paragraph 2 (3rd paragraph)"),
        ("¶1 (4th paragraph)", "paragraph 1 (4th paragraph)"),
        ("¶2 (5th paragraph)", "paragraph 2 (5th paragraph)"),
    ]


def test_review_show_and_command_labels() -> None:
    cable = fixture()
    review = Review.for_cable(cable)
    first = cable.paragraphs[0]
    command = commands.release(first)
    assert command.label == "1st paragraph (unnumbered): release"
    assert commands.withhold(first, ["(b)(6)"]).label.startswith("1st paragraph (unnumbered): ")
    shown = show_review(review, cable)
    assert "1st paragraph (unnumbered), ¶1 (2nd paragraph), ¶2 (3rd paragraph)" in shown
    assert re.search(r"\n  1st paragraph \(unnumbered\) +PENDING\n", shown)
    assert "#" not in shown.replace("SEOUL 000219", "")  # no key where a name belongs


def test_a_conflict_names_the_paragraph(tmp_path: Path) -> None:
    cable = fixture()
    alice, bob = SqliteStore(tmp_path / "s.sqlite3"), SqliteStore(tmp_path / "s.sqlite3")
    try:
        mine, theirs = alice.load(cable), bob.load(cable)
        alice.apply(mine, commands.release(cable.paragraphs[0]), "alice")
        with pytest.raises(ConflictError) as exc:
            bob.apply(theirs, commands.withhold(cable.paragraphs[0], ["(b)(6)"]), "bob")
        assert str(exc.value).startswith("alice changed 1st paragraph (unnumbered) of 07SEOUL219")
    finally:
        alice.close()
        bob.close()


def test_a_decisions_file_refusal_names_the_paragraph(tmp_path: Path) -> None:
    cable = fixture()
    path = tmp_path / "d.json"
    far = cable.paragraphs[1].body_start
    path.write_text(
        '{"cable": "07SEOUL219", "decisions": [{"index": 1, "action": "partial", "spans": '
        f'[{{"start": {far}, "end": {far + 3}, "text": "{cable.text[far : far + 3]}", '
        '"codes": ["(b)(6)"]}]}]}',
        encoding="utf-8",
    )
    with pytest.raises(DecisionsError, match=r"is outside 1st paragraph \(unnumbered\) \(its"):
        load_decisions(path, cable)


def test_the_index_check_names_the_paragraph() -> None:
    cable = fixture()
    review = Review.for_cable(cable)
    p = cable.paragraphs[0]
    i = cable.text.index("Raouf Hindy")
    name = Redaction(i, i + len("Raouf Hindy"), ("(b)(6)",), "Raouf Hindy is a private citizen")
    review.with_decision(p.index, Decision(Action.PARTIAL, spans=(name,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    with pytest.raises(ExportError) as exc:
        rows_for(cable, review)
    said = str(exc.value)
    assert "comment for 1st paragraph (unnumbered) of 07SEOUL219" in said
    assert "(withheld in 1st paragraph (unnumbered))" in said


def test_an_index_of_an_unnumbered_paragraph_is_not_refused_for_its_own_words() -> None:
    """'unnumbered' and '1st' held only by withheld text are the workbench's words in the
    paragraph column, a region's name and the legend, not a leak."""
    text = fixture().text.replace("Summary: the ministry", "Summary: the unnumbered 1st ministry")
    cable = parse_cable(text, "fixture.txt")
    review = Review.for_cable(cable)
    review.with_decision(cable.paragraphs[0].index, Decision(Action.WITHHOLD, ("(b)(6)",)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    rows = rows_for(cable, review)
    assert rows[0].paragraph == "1st paragraph (unnumbered)"
