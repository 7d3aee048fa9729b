"""A withheld name's two-letter parts (Li, Wu, Ng, Oh: newcomer 5 left them unsearched, so
"Li said" printed after "Li Zhaoxing" was withheld). They are looked for only where a reader
takes the word for the person: capitalised as a word of its own ("Li", not "Lima"); a common
English word ("Oh", "An") not where it starts a sentence unless a verb of saying follows; in
capitals after a title, or on a line in capitals (a teletype cable's), never as an
abbreviation in mixed text ("The LI report"). The cable is written for the test."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import needles, repeats_in
from workbench.review.withheld_names import short_parts

BODY = """1. (C) Poloff met Li Zhaoxing and Oh Joon of MOFAT.

2. (C) Li said the talks in Lima would go on. Mr. Oh agreed; Oh said so. An official
and Minister Oh met FM LI. The LI report on Li-ion cells. Oh, and No. 5 was so.

3. (C) LI SAID THAT OH AGREED AND MR OH LEFT. OH IS NO LONGER THERE.
"""


def reviewed() -> tuple[Cable, Review]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    p1 = cable.paragraphs[0]
    spans = []
    for name in ("Li Zhaoxing", "Oh Joon"):
        i = cable.text.index(name, p1.body_start)
        spans.append(Redaction(i, i + len(name), ("(b)(6)",)))
    review.with_decision(p1.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def shown(cable: Cable, review: Review, n: int) -> str:
    """Paragraph ``n``'s text with the rule's spans in brackets."""
    p = cable.paragraphs[n]
    text = cable.text[p.body_start : p.end]
    for s in sorted(review.effective(p.index).decision.spans, key=lambda s: -s.start):
        a, z = s.start - p.body_start, s.end - p.body_start
        text = text[:a] + "[" + text[a:z] + "]" + text[z:]
    return " ".join(text.split())


def test_two_letter_parts_are_withheld_where_they_name_the_person() -> None:
    cable, review = reviewed()
    assert shown(cable, review, 1) == (
        "[Li] said the talks in Lima would go on. Mr. [Oh] agreed; [Oh] said so. An official "
        "and Minister [Oh] met FM [LI]. The LI report on Li-ion cells. Oh, and No. 5 was so."
    )
    assert shown(cable, review, 2) == (
        "[LI] SAID THAT [OH] AGREED AND MR [OH] LEFT. OH IS NO LONGER THERE."
    )


def test_verify_looks_for_them_too() -> None:
    _cable, review = reviewed()
    wanted = needles(review)
    assert repeats_in("Mr. Li said so; Oh said it.", wanted) == [
        ("Li", "paragraph 1"),
        ("Oh", "paragraph 1"),
    ]
    # A release's row in capitals may be a line in mixed case in the cable: capitals count
    # there only after a title.
    assert repeats_in("LI REPORT. AN OFFICIAL CAME", wanted) == []
    assert repeats_in("AS FM LI SAID", wanted) == [("LI", "paragraph 1")]


def test_which_parts_are_two_letter_surnames() -> None:
    assert short_parts("Li Zhaoxing") == ["Li"]
    assert short_parts("OH JOON-HEE") == ["OH"]
    assert short_parts("Martin Luther King Jr.") == []
    assert short_parts("UK") == [] and short_parts("CA FO") == []  # abbreviations


def test_the_release_is_written_and_verified() -> None:
    """The rule and verify agree on the release's own rows (export verifies what it writes)."""
    import io

    from pypdf import PdfReader

    from workbench.export.options import ExportOptions
    from workbench.export.release import render_release

    cable, review = reviewed()
    pdf = render_release(cable, review, ExportOptions(reviewer="T. Rev"))
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Li said" not in text and "Lima" in text and "MR OH" not in text
