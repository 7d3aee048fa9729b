"""TAGS and SUBJECT as uncleaned archives write them (fragments written here, in the forms of
issue 14: labels with slips and in any case, values that run on, fields run together)."""

from __future__ import annotations

import pytest
from test_fixtures import spans_are_faithful

from workbench.cable import parse_cable

HEAD = "C O N F I D E N T I A L SECTION 01 OF 02 VILNIUS 000417\n\nSIPDIS\n\n"


def _cable(fragment: str):  # type: ignore[no-untyped-def]
    c = parse_cable(HEAD + fragment)
    spans_are_faithful(c)
    return c


@pytest.mark.parametrize(
    ("fragment", "tags"),
    [
        ("TAGS: PREL PGOV LH\nSUBJECT: X\n", ["PREL", "PGOV", "LH"]),
        ("TAGS PREL, PGOV, LH\nSUBJECT: X\n", ["PREL", "PGOV", "LH"]),
        ("Tags: prel, pgov, lh\nSubject: x\n", ["PREL", "PGOV", "LH"]),
        ("tags prel pgov\nSUBJECT: X\n", ["PREL", "PGOV"]),
        ("TAG ECON, EFIN\nSUBJECT: X\n", ["ECON", "EFIN"]),
        ("TAS: PREL PHUM\nSUBJECT: X\n", ["PREL", "PHUM"]),
        ("TGS: PREL PHUM\nSUBJECT: X\n", ["PREL", "PHUM"]),
        ("TABS: PREL PHUM\nSUBJECT: X\n", ["PREL", "PHUM"]),
        ("TAGES: PREL PHUM\nSUBJECT: X\n", ["PREL", "PHUM"]),
        ("E.O. 12958: DECL: 08/22/2017 AGS: PGOV, PREL, AR\nSUBJECT: X\n", ["PGOV", "PREL", "AR"]),
        ("TAGS:PGOV PREL\nSUBJECT: X\n", ["PGOV", "PREL"]),
        # Run on after a trailing comma, or a line of more tags.
        ("TAGS: PREL, PGOV, ECON,\nETRD, LH\nSUBJECT: X\n", ["PREL", "PGOV", "ECON", "ETRD", "LH"]),
        (
            "TAGS: PREL PGOV KPAL MARR\nNATO, UK, CN\nSUBJECT: X\n",
            ["PREL", "PGOV", "KPAL", "MARR", "NATO", "UK", "CN"],
        ),
        ("Tags: prel, pgov, econ,\netra, ch\nSubject: x\n", ["PREL", "PGOV", "ECON", "ETRA", "CH"]),
        (
            "TAGS: PREL PGOV\nECON, PHUM, UK SUBJECT: MILIBAND VISITS\n",
            ["PREL", "PGOV", "ECON", "PHUM", "UK"],
        ),
        # A caption line after TAGS is not more tags; nor is the subject's wrapped line.
        ("TAGS: PREL PGOV\nSIPDIS\nSUBJECT: X\n", ["PREL", "PGOV"]),
        ("TAGS: ECON ETRD CA MX SIPDIS\nSUBJECT: X\n", ["ECON", "ETRD", "CA", "MX"]),
        # Repeats, codes typed without blanks, subject phrases, Markdown links.
        ("TAGS PHUM, OPRC, OPRC, IT\nSUBJECT: X\n", ["PHUM", "OPRC", "IT"]),
        ("TAGS: KFRDKIRFCVISPHUMEG\nSUBJECT: X\n", ["KFRD", "KIRF", "CVIS", "PHUM", "EG"]),
        ("TAGS: PREL MOPS IT IRAQI FREEDOM\nSUBJECT: X\n", ["PREL", "MOPS", "IT", "IRAQI FREEDOM"]),
        ("TAGS: [MOPS](#) [PARM](#)\nKS, JA\nSUBJECT: X\n", ["MOPS", "PARM", "KS", "JA"]),
        ("E.O. 12958: DECL: 1/1/2019 TAGS: PREL, PGOV SUBJECT: X\n", ["PREL", "PGOV"]),
        ("TAGS: PREL PGOV &amp; ECON\nSUBJECT: X\n", ["PREL", "PGOV", "ECON"]),
    ],
)
def test_tags_forms(fragment: str, tags: list[str]) -> None:
    assert list(_cable(fragment).tags) == tags


@pytest.mark.parametrize(
    ("fragment", "tags", "visitors"),
    [
        (
            "TAGS: OVIP (CLINTON, HILLARY), PGOV, PREL, NL\nSUBJECT: X\n",
            ["OVIP", "PGOV", "PREL", "NL"],
            ["CLINTON, HILLARY"],
        ),
        (
            "Tags: ovip (steinberg, james b.), prel, ch\nSubject: x\n",
            ["OVIP", "PREL", "CH"],
            ["STEINBERG, JAMES B."],
        ),
        (
            "TAGS: OVIP RICE CONDOLEEZZA PREL SP\nSUBJECT: X\n",
            ["OVIP", "PREL", "SP"],
            ["RICE, CONDOLEEZZA"],
        ),
        ("TAGS: MASS MOPS OVIP PARM YM\nSUBJECT: X\n", ["MASS", "MOPS", "OVIP", "PARM", "YM"], []),
    ],
)
def test_ovip_names_are_visitors_not_tags(
    fragment: str, tags: list[str], visitors: list[str]
) -> None:
    c = _cable(fragment)
    assert (list(c.tags), list(c.visitors)) == (tags, visitors)


@pytest.mark.parametrize(
    ("fragment", "subject"),
    [
        ("TAGS: PREL\nSUBJECT: A SINGLE LINE \n\nREF: STATE 1\n", "A SINGLE LINE"),
        ("TAGS: PREL\nSubject: Mixed case subject\n\n", "Mixed case subject"),
        ("TAGS: PREL\nSUBJ: SHORT LABEL\n\n", "SHORT LABEL"),
        ("TAGS: PREL\nUBJECT: FIRST LETTER LOST\n\n", "FIRST LETTER LOST"),
        ("TAGS: PREL\nSUBJECT NO COLON HERE\n\n", "NO COLON HERE"),
        ("TAGS: PREL\nSUBJECT:NO BLANK AFTER THE COLON\n\n", "NO BLANK AFTER THE COLON"),
        # Wrapped over lines, to a blank line or the next label.
        (
            "TAGS: PREL\nSUBJECT: A SUBJECT THAT\nWRAPS OVER\nTHREE LINES\n\nREF: X\n",
            "A SUBJECT THAT WRAPS OVER THREE LINES",
        ),
        (
            "TAGS: PREL\nSUBJECT: WRAPS ONCE\nAND ENDS AT REF\nREF: STATE 12345\n",
            "WRAPS ONCE AND ENDS AT REF",
        ),
        (
            "TAGS: PREL\nSUBJECT: WRAPS AND\nENDS AT THE AUTHORITY\nClassified By: DCM J. Doe, 1.4 (d)\n",
            "WRAPS AND ENDS AT THE AUTHORITY",
        ),
        ("TAGS: PREL\nSUBJECT: MEETING ON AUGUST 20,\n2009\n\n", "MEETING ON AUGUST 20, 2009"),
        # Alone on its line, the subject after a blank line.
        (
            "TAGS: PREL\nSUBJECT:\n\nTHE SUBJECT COMES LATER\n\n1. (C) Text.\n",
            "THE SUBJECT COMES LATER",
        ),
        # Not the subject: the page line, the SBU line, a sentence of text, dashes.
        ("TAGS: PREL\nSUBJECT: TALKS GO ON\nVILNIUS 00000417 001.2 OF 002\n\n", "TALKS GO ON"),
        (
            "TAGS: PREL\nSUBJECT: TALKS GO ON\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY\n",
            "TALKS GO ON",
        ),
        (
            "TAGS: PREL\nSUBJECT: ALL CAPITALS SUBJECT\nThis is an action request. See para 4.\n",
            "ALL CAPITALS SUBJECT",
        ),
        ("TAGS: PREL\nSUBJECT: TALKS GO ON\n-----------\n1. SUMMARY\n", "TALKS GO ON"),
        # Run together with the next field, the caption or the first paragraph.
        ("TAGS: PREL\nSUBJECT: GAS TALKS REF: A. VILNIUS 12 B. STATE 3\n", "GAS TALKS"),
        ("TAGS: PREL\nSUBJECT: GAS TALKS Ref(s): A) 08 VILNIUS 138\n", "GAS TALKS"),
        ("TAGS: PREL\nSUBJECT: GAS TALKS REFTELS: A) 2008 VILNIUS 67\n", "GAS TALKS"),
        ("TAGS: PREL\nSUBJECT: GAS TALKS Classified By: Ambassador J. Doe, 1.4 (b)\n", "GAS TALKS"),
        (
            "TAGS: PREL\nSUBJECT: GAS TALKS Sensitive but Unclassified. Please handle accordingly.\n",
            "GAS TALKS",
        ),
        ("TAGS: PREL\nSUBJECT: GAS TALKS 1. (C) Summary: text.\n", "GAS TALKS"),
        (
            "TAGS: PREL\nSUBJECT: GAS TALKS AND\nMORE TALKS  VILNIUS 00000417  001.2 OF 002   Classified By: X\n",
            "GAS TALKS AND MORE TALKS",
        ),
        (
            "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov Subject: turkish p.m. goes to washington?\n\n",
            "turkish p.m. goes to washington?",
        ),
        # HTML left in the text reads as its characters.
        (
            "TAGS: PREL\nSUBJECT: MINISTER&#8217;S VISIT &amp; &quot;TALKS&quot;\n\n",
            'MINISTER\u2019S VISIT & "TALKS"',
        ),
    ],
)
def test_subject_forms(fragment: str, subject: str) -> None:
    c = _cable(fragment)
    assert c.subject is not None
    assert c.subject.value == subject
    # The span is the subject as written.
    assert c.text[c.subject.start : c.subject.end] == c.subject.text


def test_subject_portion_mark_is_the_subjects_marking() -> None:
    c = _cable("TAGS: PREL\nSUBJECT: (C/NF) WHO WOULD REPLACE THE MINISTER\n\n1. (C) Text.\n")
    assert c.subject is not None and c.subject.marking is not None
    m = c.subject.marking
    assert (m.text, m.level, m.controls) == ("(C/NF)", "CONFIDENTIAL", ("NOFORN",))
    assert c.text[m.start : m.end] == "(C/NF)"
    assert c.subject.text == "WHO WOULD REPLACE THE MINISTER"
    assert c.subject.start > m.end


def test_html_entities_keep_spans_on_the_bytes_as_written() -> None:
    c = _cable("TAGS: PREL\nSUBJECT: AT&amp;T&#8217;S BID\n\n")
    assert c.subject is not None
    assert c.subject.text == "AT&amp;T&#8217;S BID"
    assert c.subject.value == "AT&T\u2019S BID"


@pytest.mark.parametrize(
    ("fragment", "tags", "subject"),
    [
        # Header fragments with no classification line, as peer parsers test themselves with.
        ("tAgs something\nhere", ["SOMETHING"], None),
        ("tAgs: something,\nhere", ["SOMETHING", "HERE"], None),
        ("DECL: 08/22/2017 AGS: PGOV, PREL, AR", ["PGOV", "PREL", "AR"], None),
        (
            "SUBJECT: TALKS WITH THE\nOPPOSITION LEADER \n CONFIDENTIAL\nPAGE 02 LUSAKA 01021",
            [],
            "TALKS WITH THE OPPOSITION LEADER",
        ),
    ],
)
def test_header_fragments_without_a_classification_line(
    fragment: str, tags: list[str], subject: str | None
) -> None:
    c = parse_cable(fragment)
    spans_are_faithful(c)
    assert list(c.tags) == tags
    assert (c.subject.value if c.subject else None) == subject
