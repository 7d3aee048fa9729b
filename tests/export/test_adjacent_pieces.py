"""Withholdings separated only by a space are one piece (newcomer 6, finding 14): the
``recurrences`` rule withholds ``Hye-jin`` and ``Kim`` of ``Hye-jin Kim`` (a withheld
``Kim Hye-jin`` in another order) as two spans; drawn as two 10-cell boxes back to back and
indexed as two rows they told "two words of at most 10 letters" where the same name in its
withheld order is one 20-cell box. Two withheld cells of a table row (a run of spaces between
them) stay two boxes, one per column."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.export.prepare import withholdings_for_export
from workbench.export.reflow import Box, reflow
from workbench.export.vaughn import rows_for
from workbench.review.model import Action, Decision, Redaction, Review

BODY = """1. (C) The source was Kim Hye-jin of the Disarmament Division.

2. (C) Later Hye-jin Kim said more.

3. (C) Rooms:
   Ralph Lee   Hong Gildong   1204
"""


def _reviewed(*withheld: tuple[int, str]) -> tuple[Cable, Review]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    for n, text in withheld:
        p = cable.paragraphs[n]
        spans = []
        for part in text.split("|"):
            i = cable.text.index(part, p.body_start)
            spans.append(Redaction(i, i + len(part), ("(b)(6)",)))
        review.with_decision(p.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def _boxes(cable: Cable, review: Review, n: int) -> list[tuple[str, int]]:
    p = cable.paragraphs[n]
    drawn = withholdings_for_export(cable, review, False)
    return [
        (cable.text[x.withheld.start : x.withheld.end], x.width)
        for row in reflow(cable.text, drawn)
        for x in row.items
        if isinstance(x, Box) and p.body_start <= x.withheld.start < p.end
    ]


def test_a_repeat_in_another_order_is_one_box_and_one_index_row() -> None:
    cable, review = _reviewed((0, "Kim Hye-jin"))
    raw = [w for w in review.withholdings(cable) if w.paragraph == cable.paragraphs[1].index]
    assert len(raw) == 2  # the rule's two spans, "Hye-jin" and "Kim": the case of the finding
    assert _boxes(cable, review, 1) == [("Hye-jin Kim", 20)]
    rows = [r for r in rows_for(cable, review) if r.paragraph == "2"]
    assert len(rows) == 1 and "11-20 characters" in rows[0].withheld


def test_two_withheld_cells_of_a_table_row_stay_two_boxes() -> None:
    cable, review = _reviewed((2, "Ralph Lee|Hong Gildong"))
    assert _boxes(cable, review, 2) == [("Ralph Lee", 10), ("Hong Gildong", 20)]
