"""Forms the perturbation benchmark (benchmarks/reader_perturb.py) and a reading of the
development cables found the reader missing; each fixture is written here from the form."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_fixtures import spans_are_faithful

from workbench.cable import parse_cable
from workbench.cable.model import Cable

ROOT = Path(__file__).resolve().parents[2]

ROUTING = (
    "R 081733Z DEC 08\nFM SECSTATE WASHDC\nTO AMEMBASSY RIYADH IMMEDIATE 0000\n"
    "INFO AMEMBASSY ABU DHABI 0001\n"
)
FIELDS = "E.O. 12958: DECL: 12/08/2018\nTAGS: EFIN PREL\nSUBJECT: TALKS ON THE BUDGET\n\n"
BODY = "1. (S) Text.\n\n2. (S) More.\n"


def read(text: str) -> Cable:
    c = parse_cable(text)
    spans_are_faithful(c)
    assert c.subject is None or text[c.subject.start : c.subject.end] == c.subject.text
    assert c.tags_span is None or text[c.tags_span.start : c.tags_span.end] == c.tags_span.text
    return c


# --- a banner retyped in mixed case ------------------------------------------------------------


def test_retyped_banner_is_no_addressee() -> None:
    c = read(ROUTING + "S e c r e t state 128877\n\nSIPDIS\n\n" + FIELDS + BODY)
    assert c.id == "08STATE128877"
    assert [a.name for a in c.info] == ["AMEMBASSY ABU DHABI"]
    assert c.level == "SECRET" and c.subject is not None


def test_first_banner_wins_over_a_capital_copy_further_down() -> None:
    # Partial records hold the header twice: retyped first, then the cable's own text.
    text = (
        ROUTING + "C o n f i d e n t i a l berlin 001095\n\nSIPDIS\n\n" + FIELDS
        + "Classified By: Acting...\n\n"
        + "C O N F I D E N T I A L BERLIN 001095 SIPDIS E.O. 12958: DECL: 12/08/2018 TAGS: PREL\n\n"
        + BODY
    )  # fmt: skip
    c = read(text)
    assert c.id == "08BERLIN1095" and c.level == "CONFIDENTIAL"
    assert c.subject is not None and c.subject.value == "TALKS ON THE BUDGET"
    assert c.tags == ("EFIN", "PREL")


# --- TAGS run into the E.O. line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("EO 12958 DECL: 02/02/2019 TAGS PTER, KHLS, UK", ("PTER", "KHLS", "UK")),
        ("E.O. 12958: N/ATAGS: ECON EFIN EG", ("ECON", "EFIN", "EG")),
        ("E.O. 12958: DECL: MRTAGS: ASEC", ("ASEC",)),
        ("EO 12958 DECL: 02/22/2020TAGS PREL, MARR, PL", ("PREL", "MARR", "PL")),
        ('SIPDIS E.O. 12958: DECL: 05/15/2034 "TAGS: PINR AR', ("PINR", "AR")),
    ],
)
def test_tags_run_into_the_eo_line(line: str, tags: tuple[str, ...]) -> None:
    c = read(ROUTING + "SECRET STATE 012345\n\n" + line + "\nSUBJECT: TALKS\n\n" + BODY)
    assert c.tags == tags
    assert c.subject is not None and c.subject.value == "TALKS"


def test_tags_after_decl_in_a_sentence_is_no_label() -> None:
    text = "SUBJECT: TALKS\n\n1. (S) The DECL date is wrong and TAGS PREL are missing.\n"
    c = read(ROUTING + "SECRET STATE 012345\n\n" + text)
    assert c.tags == ()


# --- subjects: the page line, blank lines, what runs in -----------------------------------------


def _subject(fields: str, banner: str = "C O N F I D E N T I A L BRASILIA 000351") -> str | None:
    c = read(ROUTING + banner + "\n\nE.O. 12958: DECL: 12/08/2018\nTAGS: PREL\n" + fields)
    return c.subject.value if c.subject else None


def test_wrapped_subject_line_run_into_the_page_line() -> None:
    fields = (
        "SUBJECT: SCENESETTER FOR THE VISIT OF MINISTER OF DEFENSE\n"
        "NELSON JOBIM TO WASHINGTON BRASILIA 00000351 001.2 OF 003\n"
        "Classified By: Ambassador Clifford Sobel\n\n" + BODY
    )
    assert _subject(fields) == (
        "SCENESETTER FOR THE VISIT OF MINISTER OF DEFENSE NELSON JOBIM TO WASHINGTON"
    )


def test_page_line_after_a_date_range_keeps_the_dates() -> None:
    fields = (
        "SUBJECT: SCENESETTER FOR THE VISIT OF GENERAL WARD TO LIBYA,\n"
        "MARCH 10-11 TRIPOLI 00000201 001.2 OF 003 CLASSIFIED BY: J. Stevens, DCM.\n\n" + BODY
    )
    banner = "C O N F I D E N T I A L TRIPOLI 000201"
    assert (
        _subject(fields, banner)
        == "SCENESETTER FOR THE VISIT OF GENERAL WARD TO LIBYA, MARCH 10-11"
    )


def test_page_line_with_the_post_cut_short() -> None:
    fields = "SUBJECT: WHY WE NEED MINUSTAH IN HAITI PORT AU PR 00001381 001.2 OF 004\n\n" + BODY
    banner = "C O N F I D E N T I A L SECTION 01 OF 04 PORT AU PRINCE 001381"
    assert _subject(fields, banner) == "WHY WE NEED MINUSTAH IN HAITI"


@pytest.mark.parametrize(
    ("fields", "subject"),
    [
        # Double-spaced: a subject wrapped over blank lines, to the blank before the text.
        (
            "SUBJECT: PLANNING MINISTER ON ARGENTINE TIES WITH \n\n"
            "U.S., VENEZUELA, AND DOMESTIC STRATEGY \n\nAND INITIATIVES \n\n",
            "PLANNING MINISTER ON ARGENTINE TIES WITH U.S., VENEZUELA, AND DOMESTIC STRATEGY "
            "AND INITIATIVES",
        ),
        ("SUBJECT: NORTH KOREA AFTER CURRENCY \n\nREFORM \n\n", "NORTH KOREA AFTER CURRENCY REFORM"),
        # The wrapped line followed by REF: directly.
        (
            "SUBJECT: (S) FCO WELCOMES ORDERS ON DETAINEE\n\nPOLICY; WILL SHARE UK EXPERIENCE\n"
            "REF: A. STATE 6516\n\n",
            "FCO WELCOMES ORDERS ON DETAINEE POLICY; WILL SHARE UK EXPERIENCE",
        ),
        # Not over a blank line: a sentence ended, a salutation, a heading, a preview, a copy.
        ("SUBJECT: TALKS ENDED.\n\nNEW ROUND IN MAY\n\n", "TALKS ENDED."),
        ("SUBJECT: ASSESSING OUR TIES\n\nFROM AMBASSADOR PAMELA WILLEFORD\n\n", "ASSESSING OUR TIES"),
        ("SUBJECT: TASK FORCE REPORT\n\nGEORGIA REPORTS MOVEMENTS\n-------\n", "TASK FORCE REPORT"),
        ("SUBJECT: INL REPORT\n\nENTIRE TEXT SENSITIVE BUT UNCLASSIFIED\n\n", "INL REPORT"),
        ("SUBJECT: POSITIVE ON JSF\n\nBRASILIA 000351 SIPDIS E.O. 12958\n\n", "POSITIVE ON JSF"),
        ("SUBJECT: Talks on the budget\n\nNEW ROUND\n\n", "Talks on the budget"),
        # ``SENSITIVE`` begins a wrapped line; ``SENSITIVE BUT UNCLASSIFIED`` is no subject.
        ("SUBJECT: PEACEKEEPING REMAINS\nSENSITIVE ISSUE IN NATO\n\n", "PEACEKEEPING REMAINS SENSITIVE ISSUE IN NATO"),
        ("SUBJECT: PEACEKEEPING\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT\n\n", "PEACEKEEPING"),
        # Run in on one line.
        ("SUBJECT: BERTONE VISIT DISAPPOINTS SIPDIS\n\n", "BERTONE VISIT DISAPPOINTS"),
        ("SUBJECT: B'S NEIGHBORHOOD THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n\n", "B'S NEIGHBORHOOD"),
        ("SUBJECT: ORGANISED CRIME? Summary: Israel ...\n\n", "ORGANISED CRIME?"),
        ("SUBJECT: VISIT MARCH 24-28REF: A. CAIRO 452 B. CAIRO 488\n\n", "VISIT MARCH 24-28"),
        # The label twice, or without its colon before a year.
        ("SUBJECT: SUBJECT: BRITISH PRESS CASE\n\n", "BRITISH PRESS CASE"),
        ("SUBJECT 2009 INVESTMENT CLIMATE STATEMENT\n\n", "2009 INVESTMENT CLIMATE STATEMENT"),
        # A record exported as CSV ends its lines with a backslash.
        ("SUBJECT: ASSESSING OUR \\\nBILATERAL TIES \\\n \\\n", "ASSESSING OUR BILATERAL TIES"),
    ],
)  # fmt: skip
def test_subject_forms(fields: str, subject: str) -> None:
    assert _subject(fields + BODY) == subject


@pytest.mark.parametrize(
    ("fields", "subject"),
    [
        # Over a blank line, the last wrapped line followed by the page line or an SBU line.
        (
            "SUBJECT: FAREWELL CALL ON KIRCHNER INNER CIRCLE\n\nMEMBER\n"
            "BRASILIA 00000351 001.2 OF 002\n\n",
            "FAREWELL CALL ON KIRCHNER INNER CIRCLE MEMBER",
        ),
        (
            "SUBJECT: TIES WITH\n\nTHE U.S.\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT\n\n",
            "TIES WITH THE U.S.",
        ),
        # HTML entities in a wrapped line: ``&quot;IRAN&quot;`` is a line in capitals.
        ("SUBJECT: UNSC RESOLUTIONS ON\n&quot;IRAN&quot; SANCTIONS\n\n", 'UNSC RESOLUTIONS ON "IRAN" SANCTIONS'),
        ("SUBJECT: INNER CIRCLE\n\n&quot;MEMBER&quot;\n\n", 'INNER CIRCLE "MEMBER"'),
    ],
)  # fmt: skip
def test_subject_forms_after_the_first_round(fields: str, subject: str) -> None:
    assert _subject(fields + BODY) == subject


@pytest.mark.parametrize(
    ("lines", "tags"),
    [
        # A line of more tags straight before SUBJECT may hold longer codes and phrases.
        ("TAGS: PREL PGOV\nKJUS INTERPOL RW FR\n", ("PREL", "PGOV", "KJUS", "INTERPOL", "RW", "FR")),
        ("TAGS: PREL PGOV\nIT ITALY NATIONAL ELECTIONS\n", ("PREL", "PGOV", "IT", "ITALY NATIONAL ELECTIONS")),
        # Not a line of words without a code, nor one that is not before the subject.
        ("TAGS: PREL PGOV\nINTERNATIONAL ORGANIZATIONS\n", ("PREL", "PGOV")),
    ],
)  # fmt: skip
def test_tags_wrapped_with_long_codes(lines: str, tags: tuple[str, ...]) -> None:
    c = read(ROUTING + "SECRET STATE 012345\n\nE.O. 12958: DECL: 12/08/2018\n" + lines
             + "SUBJECT: TALKS\n\n" + BODY)  # fmt: skip
    assert c.tags == tags
    assert c.subject is not None and c.subject.value == "TALKS"


def test_tags_phrase_line_not_before_the_subject_is_text() -> None:
    text = "E.O. 12958: DECL: 12/08/2018\nTAGS: PREL PGOV\nKJUS INTERPOL RW FR\n\n" + BODY
    c = read(ROUTING + "SECRET STATE 012345\n\n" + text)
    assert c.tags == ("PREL", "PGOV")


@pytest.mark.parametrize(
    ("captions", "controls"),
    [
        ("\nsensitive , sipdis \n", ("SBU",)),
        ("\nsipdis \n\nsipdis, Noforn \n", ("NOFORN", "SBU")),
        (" noforn sipdis AMEMBASSY ANKARA PASS TO AMCONSUL ADANA\n", ("NOFORN", "SBU")),
        ("\n\u2028SIPDIS NOFORN SIPDIS STATE FOR NEA/IR\n", ("NOFORN", "SBU")),
        ("\nSipdis \\\n \\\nSensitive \\\n", ("SBU",)),
        # Not a caption: the word in the text after the serial's line.
        ("\nSTATE FOR NEA: the sensitive talks\n", ()),
    ],
)
def test_captions_in_any_case(captions: str, controls: tuple[str, ...]) -> None:
    c = read(ROUTING + "UNCLAS ATHENS 000057" + captions + "\n" + FIELDS + BODY)
    assert c.classification is not None and c.level == "UNCLASSIFIED"
    assert tuple(sorted(c.classification.controls)) == controls


def test_wrapped_eo_line_with_a_slip_in_decl() -> None:
    c = read(ROUTING + "CONFIDENTIAL ISLAMABAD 003418\n\nE.O. 12958:\nDECLl: 10/29/2018\n"
             "TAGS: PGOV PK\nSUBJECT: TALKS\n\n" + BODY)  # fmt: skip
    assert c.decl is not None and (c.decl.kind, str(c.decl.date)) == ("date", "2018-10-29")
    assert c.tags == ("PGOV", "PK")


@pytest.mark.parametrize(
    ("fields", "subject"),
    [
        ("SUBJECT: RELATIONS WITH IRANREF: A. 07 MANAMA 1045 B. 07 MANAMA 1070\n\n", "RELATIONS WITH IRAN"),
        ("SUBJECT: THE BRIEF: WHAT IT SAYS\n\n", "THE BRIEF: WHAT IT SAYS"),
        ("SUBJECT: BUSINESSMEN ARE WELCOME CLASSIFIED\n\nBY: Gene A. Cretz, Ambassador\n\n", "BUSINESSMEN ARE WELCOME"),
        ('SUBJECT: KUDOS TO EMBASSY FOR ,,""REPORTING ,,"" ,,""REF: A. BUENOS AIRES 490\n\n', "KUDOS TO EMBASSY FOR"),
    ],
)  # fmt: skip
def test_subject_forms_of_the_third_round(fields: str, subject: str) -> None:
    assert _subject(fields + BODY) == subject


# --- Markdown numbering that starts at 2 ----------------------------------------------------------


def test_markdown_numbering_whose_first_paragraph_is_two() -> None:
    c = read(ROUTING + "SECRET STATE 012345\n\n" + FIELDS + "12. (C) A.\n\n13. (C) B.\n\n14. C.\n")
    assert c.markdown
    assert [p.number for p in c.paragraphs] == [2, 3, 4]


# --- no new quadratic paths -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"UNCLAS BRASILIA 000872\\nE.O. 12958: DECL: now" + " TAGS: PREL" * N + "\\n"',
        '"UNCLAS BRASILIA 000872\\nE.O. 12958: DECL:" + "TAGX" * N + "\\n"',
        '"UNCLAS BRASILIA 000872\\nSUBJECT: A" + " 00000000 001.2 OF 002" * N + "\\n"',
        '"UNCLAS BRASILIA 000872\\nSUBJECT: A" + "1REF" * N + "\\n"',
        '"UNCLAS BRASILIA 000872\\nSUBJECT: A WITH\\n\\n" + "B " * N + "\\n\\n1. Text\\n"',
        '"UNCLAS BRASILIA 000872\\nSUBJECT: A\\n" + "B WITH\\n\\n" * N',
        '"R 081733Z DEC 08\\nFM SECSTATE WASHDC\\nTO X\\n" + "Secret x 1\\n" * (N // 10)',
    ],
)
def test_new_paths_parse_in_linear_time(text: str) -> None:
    code = f"from workbench.cable import parse_cable\nN = 200_000\nparse_cable({text})\n"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=ROOT)
    assert time.perf_counter() - start < 10


# --- finding 42: the authority's label run into the subject's end ------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "CLASSIFIED BY: Gene A. Doe, Ambassador.",  # on the subject's line
        "Classified By: Gene A. Doe, Ambassador.",
        "CLASSIFIED\n\nBY: Gene A. Doe, Ambassador.",  # broken over a blank line
        "CLASSIFIED\nBY: Gene A. Doe, Ambassador.",
        "Classified\n\nBy: Gene A. Doe, Ambassador.",  # the same in mixed case
        "Classfied\n\nBy: Gene A. Doe, Ambassador.",  # with the label's slip
    ],
)
def test_subject_ends_before_a_run_in_classified_by(label: str) -> None:
    c = read(
        ROUTING + "C O N F I D E N T I A L TRIPOLI 000100\n\nE.O. 12958: DECL: 2/4/2020\n"
        f"TAGS: PREL CVIS\n\nSUBJECT: VISAS: BUSINESSMEN ARE WELCOME {label} REASON: 1.4 (b), (d)\n\n"
        + BODY
    )
    assert c.subject is not None and c.subject.value == "VISAS: BUSINESSMEN ARE WELCOME"
    assert c.classified_by is not None and c.classified_by.name == "Gene A. Doe, Ambassador"
    assert c.classified_by.text.startswith(label.split()[0])


def test_a_subject_ending_in_declassified_keeps_it() -> None:
    c = read(
        ROUTING
        + "CONFIDENTIAL\n\nTAGS: PREL\nSUBJECT: FILES DECLASSIFIED\n\nBy 2010 the files were open.\n\n"
        + BODY
    )
    assert c.subject is not None and c.subject.value == "FILES DECLASSIFIED"
