"""With the FM line withheld, released identifiers of the cable are pointed out (newcomer 6,
finding 26: ``id: 91011`` and the serial ``00003688`` named 06CARACAS3688's post)."""

from __future__ import annotations

import pytest
from corpus import CORPUS, available

from workbench.cable import read_cable
from workbench.review.identifiers import identifying
from workbench.review.model import Action, Decision, Review
from workbench.review.report import show_review

pytestmark = pytest.mark.skipif(not available(), reason="the corpus is not here")


def _review(fm: Action):  # type: ignore[no-untyped-def]
    cable = read_cable(CORPUS / "cables" / "06CARACAS3688.txt")
    review = Review.for_cable(cable)
    review.with_decision("from", Decision(fm, ("(b)(6)",) if fm != Action.RELEASE else ()))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def test_the_record_number_and_the_serial_are_named() -> None:
    cable, review = _review(Action.WITHHOLD)
    said = identifying(cable, review)
    assert any("'id: 91011'" in s for s in said), said
    assert any("'00003688'" in s and "serial" in s for s in said), said
    shown = show_review(review, cable)
    assert "Warning: " in shown and "id: 91011" in shown


def test_nothing_is_said_with_the_fm_line_released() -> None:
    cable, review = _review(Action.RELEASE)
    assert identifying(cable, review) == []
    assert "Warning: " not in show_review(review, cable)
