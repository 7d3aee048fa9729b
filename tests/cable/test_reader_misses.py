"""Three reader misses issue 13 met at the rules level (forms written here): portion marks with
long release lists, wrapped or not; the authority line with its ``Classified By`` label lost;
and eight-digit DECL dates after 2099."""

from __future__ import annotations

from datetime import date

import pytest
from test_fixtures import spans_are_faithful

from workbench.cable import parse_cable
from workbench.cable.dates import find_date

HEAD = (
    "S E C R E T SECTION 01 OF 02 STATE 012345\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 07/22/2033\nTAGS: PARM PREL KNNP\n"
    "SUBJECT: A FLIGHT OF CONCERN\n\n"
)


@pytest.mark.parametrize(
    ("mark", "controls"),
    [
        # Wrapped after a comma, and a list too long for one short mark, on one line.
        (
            "(S//REL UZBEKISTAN, KAZAKHSTAN, KYRGYZSTAN,\nTURKMENISTAN)",
            ("REL UZBEKISTAN, KAZAKHSTAN, KYRGYZSTAN, TURKMENISTAN",),
        ),
        ("(S//REL ARMENIA, AZERBAIJAN, GEORGIA)", ("REL ARMENIA, AZERBAIJAN, GEORGIA",)),
        ("(C//REL TO USA, GBR, CAN, AUS, NZL)", ("REL TO USA, GBR, CAN, AUS, NZL",)),
        # Wrapped twice, blanks at the line ends.
        (
            "(S//REL MONGOLIA, NEPAL, BHUTAN, \n  SRI LANKA, MALDIVES, \nBANGLADESH)",
            ("REL MONGOLIA, NEPAL, BHUTAN, SRI LANKA, MALDIVES, BANGLADESH",),
        ),
    ],
)
def test_release_lists_are_portion_marks(mark: str, controls: tuple[str, ...]) -> None:
    text = HEAD + f"1. (S) Posts should act.\n\n2. {mark}:  Posts should say so.\n\n3. (S) End.\n"
    c = parse_cable(text)
    spans_are_faithful(c)
    p2 = c.paragraph(2)
    assert p2 is not None and p2.marking is not None
    assert (p2.marking.text == mark and p2.marking.level == "SECRET") or mark.startswith("(C")
    assert p2.marking.controls == controls
    assert text[p2.body_start :].startswith(":  Posts should say so.")
    assert [p.number for p in c.paragraphs] == [1, 2, 3]


def test_an_unclosed_release_list_takes_no_paragraph_with_it() -> None:
    text = HEAD + "1. (S) Posts should act.\n\n2. (S//REL UZBEKISTAN, and then the text goes on\n"
    text += "without a closing mark for a long while, as prose does. It is not a mark.\n"
    c = parse_cable(text)
    assert c.paragraph(2) is not None and c.paragraph(2).marking is None


AUTH_HEAD = (
    "C O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000321\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 11/1/2019\nTAGS: PREL PGOV LY\n"
    "SUBJECT: THE MINISTER ON VISAS\n\n"
)


@pytest.mark.parametrize(
    ("line", "name", "after"),
    [
        (
            "BY: Jane Q. Roe, Ambassador, U.S. Embassy Tripoli, Department of State. "
            "REASON: 1.4 (b), (d)\n\n",
            "Jane Q. Roe, Ambassador, U.S. Embassy Tripoli, Department of State",
            "1.(C) Summary",
        ),
        # The whole label lost, and the first paragraph run on after the reasons.
        (
            "John Doe, CDA, AmEmbassy Tripoli, State. REASON: 1.4 (b), (d) ",
            "John Doe, CDA, AmEmbassy Tripoli, State",
            "1.(C) Summary",
        ),
        ("A/DCM Richard Roe, reasons 1.5 (b) and (d).\n\n", "A/DCM Richard Roe", "1.(C) Summary"),
    ],
)
def test_authority_line_without_its_label(line: str, name: str, after: str) -> None:
    text = AUTH_HEAD + line + "1.(C) Summary: the minister spoke.\n\n2.(C) He went on.\n"
    c = parse_cable(text)
    spans_are_faithful(c)
    cb = c.classified_by
    assert cb is not None
    assert cb.name == name
    assert cb.reasons in (("1.4(b)", "1.4(d)"), ("1.5(b)", "1.5(d)"))
    assert text[cb.start : cb.end] == cb.text and cb.text.startswith(line.split(" ")[0])
    # The line is the header's, not an unnumbered paragraph.
    assert [p.number for p in c.paragraphs] == [1, 2]
    assert c.paragraphs[0].text.startswith(after)


@pytest.mark.parametrize(
    "body",
    [
        # Inside a paragraph it stays that paragraph's text.
        "1.(C) Summary: for this reason: 1.4 (b) is cited.\n",
        # After the first paragraph: body text, however it reads.
        "1.(C) Summary.\n\nJohn Doe, CDA. REASON: 1.4 (b), (d)\n",
        # A sentence that merely mentions reasons, and no section number.
        "The Ambassador gave his reasons: none.\n\n1.(C) Summary.\n",
    ],
)
def test_reasons_in_the_text_are_not_an_authority_line(body: str) -> None:
    c = parse_cable(AUTH_HEAD + body)
    assert c.classified_by is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75X1, 21000101", date(2100, 1, 1)),
        ("75X1, 21251231", date(2125, 12, 31)),
        ("50X1, 20991231", date(2099, 12, 31)),
    ],
)
def test_eight_digit_dates_past_2099(text: str, expected: date) -> None:
    found = find_date(text, 2025)
    assert found is not None and found[0] == expected
    assert text[found[1] : found[2]] == expected.strftime("%Y%m%d")


def test_eight_digit_date_in_a_decl_line() -> None:
    text = HEAD.replace("DECL: 07/22/2033", "DECL: 75X1, 21000101") + "1. (S) Text.\n"
    c = parse_cable(text)
    assert c.decl is not None and c.decl.date == date(2100, 1, 1)
    assert c.decl.kind == "75x"
