"""A withheld number where the cable writes it again with other separators (newcomer 5,
finding 17: "(506) 280-7776" withheld, "506-280-7776", "506.280.7776", "5062807776" and "280
7776" printed, and verify passed). Numbers are compared by their digits, a group at a time:
dates, years and serials that do not hold the withheld number's own digits print. The cable
is written for the test (the seed cable's header)."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import needles, repeats_in
from workbench.review.withheld_numbers import number_keys, numbers_in

BODY = """1. (C) Poloff called Kim Hye-jin (tel (506) 280-7776) at MOFAT.

2. (C) Her numbers: 506-280-7776, 506.280.7776, 5062807776, 280 7776 and +1 (506) 280-7776.

3. (C) On 28/07/2007 at 280 77 (SECTION 01 OF 02) the serials 5062807775 and 50628077761234
were read, and 2006 280 7777 called.
"""


def reviewed() -> tuple[Cable, Review]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    i = cable.text.index("(506) 280-7776")
    span = Redaction(i, i + len("(506) 280-7776"), ("(b)(6)",))
    review.with_decision(cable.paragraphs[0].index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def withheld_in(cable: Cable, review: Review, n: int) -> list[str]:
    spans = review.effective(cable.paragraphs[n].index).decision.spans
    return [cable.text[s.start : s.end] for s in spans]


def test_the_number_with_other_separators_is_withheld() -> None:
    cable, review = reviewed()
    assert withheld_in(cable, review, 1) == [
        "506-280-7776",
        "506.280.7776",
        "5062807776",
        "280 7776",
        "+1 (506) 280-7776",
    ]
    # Not a date, a year, a short run, another number, nor one inside a longer group.
    assert withheld_in(cable, review, 2) == []


def test_verify_looks_for_the_number_by_its_digits() -> None:
    _cable, review = reviewed()
    wanted = needles(review)
    said = repeats_in("call 506.280.7776 or 280 7776 today", wanted)
    assert said == [("506.280.7776", "paragraph 1"), ("280 7776", "paragraph 1")]
    assert repeats_in("call 506.280.7775 on 28.07.2007", wanted) == []


def test_the_digits_of_a_number() -> None:
    assert number_keys("tel (506) 280-7776, ext 12") == ("5062807776",)
    assert number_keys("On 12 March 2007 at 14:30, SECTION 01 OF 02, 291400Z") == ()
    keys = dict.fromkeys(number_keys("280-7776"))  # a local number: found with an area code
    text = "(506) 280-7776 and 9 280 7776 and 12802807776"
    assert [text[s:e] for s, e, _ in numbers_in(text, keys)] == ["(506) 280-7776", "9 280 7776"]


def test_the_release_is_written_and_verified() -> None:
    import io

    from pypdf import PdfReader

    from workbench.export.options import ExportOptions
    from workbench.export.release import render_release

    cable, review = reviewed()
    pdf = render_release(cable, review, ExportOptions(reviewer="T. Rev"))
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "280-7776" not in text and "5062807775" in text and "50628077761234" in text
