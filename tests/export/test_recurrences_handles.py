"""A withheld name's addressee handle (newcomer 5, finding 18: ``NSC FOR JBRENNAN`` printed in
09RIYADH447 with "John Brennan" withheld everywhere else; ``We (DBLOME)`` after "Donald A.
Blome"): the given names' initials and the surname as one word are the name, withheld as a
repeat, and verify and the index check look for them. The cable is written for the test (the
seed cable's header, a passing line with handles)."""

from __future__ import annotations

import io

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import needles, repeats_in
from workbench.review.withheld_names import handles

BODY = """1. (C) We (DBLOME) met Raouf Hindy and the minister; JBRENNAN joined later.

2. (C) Donald A. Blome said the schedule holds. John Brennan agreed.

3. (U) The PRICE of bread rose; Susan Rice spoke.
"""


def fixture() -> Cable:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    head = head.replace(
        "LCC SEOUL SEOUL KOREA PLEASE PASS TO J2, J5 AND SCJS", "NSC FOR RHINDY AND SRICE"
    )
    return parse_cable(head + BODY + "STANTON\n", "fixture.txt")


def reviewed() -> tuple[Cable, Review]:
    cable = parse_cable(fixture().text, "fixture.txt")
    review = Review.for_cable(cable)
    p1, p2 = cable.paragraphs[0], cable.paragraphs[1]
    text = cable.text
    spans = {p1.index: ["Raouf Hindy"], p2.index: ["Donald A. Blome", "John Brennan"]}
    for index, names in spans.items():
        para = cable.paragraphs[index - 1]
        reds = tuple(
            Redaction(i, i + len(n), ("(b)(6)",))
            for n in names
            if (i := text.index(n, para.body_start))
        )
        review.with_decision(index, Decision(Action.PARTIAL, spans=reds))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def test_handles_of_a_name() -> None:
    # Folded, as the rule and verify compare them.
    assert handles("John Brennan") == ["jbrennan"]
    assert handles("Donald A. Blome") == ["dblome", "dablome"]
    assert handles("Ambassador Raouf Hindy") == ["rhindy"]
    assert handles("Susan Rice") == ["srice"]
    assert handles("Brennan") == [] and handles("Ann Li") == []  # no given name; too short


def test_the_handles_are_withheld_and_verify_looks_for_them() -> None:
    from pypdf import PdfReader

    from workbench.export.options import ExportOptions
    from workbench.export.release import render_release

    cable, review = reviewed()
    options = ExportOptions(reviewer="T. Rev")
    pdf = render_release(cable, review, options)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    for word in ("RHINDY", "DBLOME", "JBRENNAN", "Hindy", "Blome", "Brennan"):
        assert word not in text, word
    assert "PRICE" in text and "SRICE" in text  # no handle of a withheld name
    found = needles(review)
    told = {w for w, _ in repeats_in("NSC FOR RHINDY AND JBRENNAN; We (DBLOME)", found)}
    assert told == {"rhindy", "jbrennan", "dblome"}
