"""One Vaughn index row per piece the release draws (newcomer 5, finding 4: on 04THEHAGUE3333
the ``recurrences`` rule's overlapping spans "Pieter de Gooijer", "Pieter" and "Gooijer" were
one block in the release and three identical rows in the index; 26 rows for 24 pieces). The
cable is written for the test (the seed cable's header)."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import parse_cable
from workbench.export.prepare import withholdings_for_export
from workbench.export.vaughn import rows_for
from workbench.review.model import Action, Decision, Redaction, Review

BODY = """1. (C) The Dutch diplomat Pieter de Gooijer, the intense director, spoke first.

2. (C) Pieter de Gooijer (MFA) said more, and Pieter agreed with Gooijer's deputy.
"""


def test_one_row_per_drawn_piece() -> None:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    p2 = cable.paragraphs[1]
    name = "Pieter de Gooijer"
    i = cable.text.index(name, p2.body_start)
    review.with_decision(
        p2.index, Decision(Action.PARTIAL, spans=(Redaction(i, i + len(name), ("(b)(6)",)),))
    )
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    raw = review.withholdings(cable)
    drawn = withholdings_for_export(cable, review, False)
    assert len(raw) > len(drawn)  # the rule's spans overlap: the case of the finding
    rows = rows_for(cable, review)
    assert len(rows) == len(drawn)
    assert all(r.codes == "(b)(6)" for r in rows)
