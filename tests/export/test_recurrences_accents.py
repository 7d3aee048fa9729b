"""A withheld accented name where the cable writes it without accents (newcomer 5, finding 22:
``José Muñoz Peña`` withheld in one paragraph, ``JOSE MUNOZ PENA (Munoz)`` printed in the next,
and verify passed): the ``recurrences`` rule and verify compare with the accents taken off too.
The cable is written for the test (the seed cable's header)."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import parse_cable
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import find_recurrences, needles, repeats_in
from workbench.review.text_fold import fold_letters

BODY = """1. (C) Post delivered the demarche to José Muñoz Peña of the ministry.

2. (C) JOSE MUNOZ PENA (Munoz) confirmed that the ministry agrees.
"""


def test_plain_letters() -> None:
    # How the rule's folded view, verify and the index check compare letters (text_fold).
    assert fold_letters("José Muñoz Peña") == "jose munoz pena"
    assert fold_letters("Strauß Øvergård") == "strauss overgard"
    assert fold_letters("Kim Hye-jin") == "kim hye-jin"


def test_the_unaccented_copy_is_withheld_and_verify_looks_for_it() -> None:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    p1 = cable.paragraphs[0]
    name = "José Muñoz Peña"
    i = cable.text.index(name)
    span = Redaction(i, i + len(name), ("(b)(6)",))
    review.with_decision(p1.index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    base = {r.key: review.decision(r.key) for r in review.regions()}
    p2 = cable.paragraphs[1]
    spans = find_recurrences(review, base)[review.partition.paragraph_key(p2.index)]
    found = {cable.text[s.start : s.end] for s in spans}
    assert {"JOSE MUNOZ PENA", "Munoz"} <= found
    told = {w for w, _ in repeats_in("JOSE MUNOZ PENA (Munoz) confirmed", needles(review))}
    assert {"jose munoz pena", "munoz"} <= told
