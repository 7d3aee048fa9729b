"""Accepting a suggestion makes an ordinary, undoable redaction; nothing happens otherwise."""

from __future__ import annotations

import pytest
from cables import MIXED

from workbench.cable import parse_cable
from workbench.review.model import Review, ReviewError
from workbench.suggest import PERSON, suggest
from workbench.suggest.accept import accept, accept_all, occurrences


def _spans(review: Review) -> list[tuple[int, int, tuple[str, ...]]]:
    return sorted((s.start, s.end, s.codes) for d in review.decisions.values() for s in d.spans)


def test_suggesting_withholds_nothing_accepting_withholds_the_span_with_its_codes() -> None:
    cable = parse_cable(MIXED, path="t.txt")
    review = Review.for_cable(cable)
    found = [s for s in suggest(cable, [PERSON]) if s.text == "Maria Lindqvist"]
    assert _spans(review) == []  # suggestions alone change nothing
    cmd = accept(cable, review, found[0])
    cmd.apply(review)
    assert _spans(review) == [(found[0].start, found[0].end, ("(b)(6)",))]
    cmd.revert(review)  # one undoable step
    assert _spans(review) == []


def test_accept_all_withholds_every_occurrence_in_one_step() -> None:
    cable = parse_cable(MIXED, path="t.txt")
    review = Review.for_cable(cable)
    s = next(s for s in suggest(cable, [PERSON]) if s.text == "Kowalczyk")
    places = occurrences(cable, "Kowalczyk")
    assert len(places) >= 3  # "Jan Kowalczyk", "Kowalczyk said", "Kowalczyk's deputy"
    cmd = accept_all(cable, review, s, codes=["(b)(6)", "(b)(7)(C)"])
    cmd.apply(review)
    got = _spans(review)
    assert [(a, b) for a, b, _ in got] == places
    assert all(c == ("(b)(6)", "(b)(7)(C)") for _, _, c in got)
    cmd.revert(review)
    assert _spans(review) == []
    with pytest.raises(ReviewError):
        cmd2 = accept_all(cable, review, s)
        cmd2.apply(review)
        accept_all(cable, review, s)  # nothing left to withhold: one sentence, no change
