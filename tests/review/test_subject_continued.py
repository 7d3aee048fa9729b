"""A subject cut by a page break (newcomer 5, finding 2, seen on 00HARARE6677: ``SUBJECT:
ASSISTANT SECRETARY MEETS WITH ZIMBABWE`` / ``PAGE 02 HARARE 06677 01 OF 03 291400Z
OPPOSITION LEADER``): its tail was "Passing line 2", released with the other header lines
while the subject was withheld. It now follows the subject: withheld with it, never released
by a rule (a reviewer decides it when the subject is released), and its words are the
subject's for the ``recurrences`` rule. The fixture is the seed cable with its subject cut
that way."""

from __future__ import annotations

import io

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.review import Review, commands
from workbench.review.model import Action

CUT = "SUBJECT: ROKG SUPPORTIVE OF US POSITION ON \n CONFIDENTIAL\nPAGE 02 SEOUL 00219 01 OF 02 230828Z CLUSTER MUNITIONS"


def fixture() -> Cable:
    text = SAMPLE.read_text(encoding="utf-8")
    return parse_cable(
        text.replace("SUBJECT: ROKG SUPPORTIVE OF US POSITION ON CLUSTER MUNITIONS", CUT), "x.txt"
    )


def _tail(review: Review):  # type: ignore[no-untyped-def]
    (tail,) = [r for r in review.partition.regions if r.continues]
    return tail


def test_the_tail_follows_the_subject() -> None:
    cable = fixture()
    review = Review.for_cable(cable)
    tail = _tail(review)
    assert cable.text[tail.start : tail.end] == "CLUSTER MUNITIONS"
    assert (tail.follows, tail.label) == ("subject", "Subject (continued)")
    assert not any(r.kind == "passing" and "CLUSTER" in cable.text[r.start : r.end]
                   for r in review.regions())  # fmt: skip
    # Withheld with the subject, in full or in part.
    commands.withhold("subject", ["(b)(1)"]).apply(review)
    assert review.effective(tail).decision.action == Action.WITHHOLD
    assert review.effective(tail).decision.codes == ("(b)(1)",)
    # Released subject: the tail waits for a reviewer (no rule releases it).
    commands.release("subject").apply(review)
    assert review.effective(tail).decision.action == Action.PENDING
    assert tail in review.pending()


def test_a_release_with_the_subject_withheld_prints_no_word_of_it() -> None:
    """The tail released by hand first (Release Header Lines with the subject undecided),
    the subject withheld after: the tail's words are withheld where they stand and wherever
    the cable repeats them ("cluster munitions" in the paragraphs), and verify agrees."""
    from pypdf import PdfReader

    from workbench.export.options import ExportOptions
    from workbench.export.release import render_release
    from workbench.export.verify import extract, verify

    cable = fixture()
    review = Review.for_cable(cable)
    for r in review.pending():
        commands.release(r.key).apply(review)  # the tail among them
    commands.withhold("subject", ["(b)(1)", "1.4(d)"]).apply(review)
    assert review.decision(_tail(review).key).action == Action.RELEASE
    options = ExportOptions(reviewer="T. Rev")
    pdf = render_release(cable, review, options)
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "ROKG SUPPORTIVE" not in text
    assert "CLUSTER" not in text.upper() and "MUNITIONS" not in text.upper()
    report = verify(cable, review, extract(pdf), options)
    assert report.ok, report.leaks[:3]
