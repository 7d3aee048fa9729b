"""Bodies as uncleaned archives hold them (forms of issues 14 and 11, written here): a partial
extract's metadata block, paragraphs that begin on a page-break line, bodies run together on
one line, run-together records, and paragraph numbering that does not start at 1."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_fixtures import spans_are_faithful

from workbench.cable import parse_cable

PARTIAL = (
    "This record is a partial extract of the original cable. The full text of the original "
    "cable is not available.\n"
    "id: 41234\ndate: 7/14/2005 9:05\nrefid: 05LUSAKA1021\norigin: Embassy Lusaka\n"
    "classification: CONFIDENTIAL\ndestination: 05STATE1200\nheader:\n"
    "This record is a partial extract of the original cable. The full text of the original "
    "cable is not available.\n\n----------------- header ends ----------------\n\n"
    "C O N F I D E N T I A L LUSAKA 001021\n\nSIPDIS\n\nE.O. 12958: DECL: 07/13/15\n"
    "TAGS: PGOV ZA\nSUBJECT: ELECTIONS\n\n1. (C) Text.\n"
)


def test_partial_extract_metadata_gives_id_and_date() -> None:
    c = parse_cable(PARTIAL)
    spans_are_faithful(c)
    assert c.id == "05LUSAKA1021"
    assert c.sent == datetime(2005, 7, 14, 9, 5, tzinfo=UTC)
    assert (
        c.sent_span is not None and c.text[c.sent_span.start : c.sent_span.end] == "7/14/2005 9:05"
    )
    assert c.record is not None and dict(c.record.fields)["origin"] == "Embassy Lusaka"
    # The two-digit DECL year takes its century from the block's date.
    assert c.decl is not None and c.decl.date is not None and c.decl.date.year == 2015
    assert not c.warnings


def test_partial_extract_metadata_that_disagrees_is_said() -> None:
    c = parse_cable(PARTIAL.replace("LUSAKA 001021", "LUSAKA 001022"))
    assert c.id == "05LUSAKA1021"
    assert any("05LUSAKA1022" in w and "05LUSAKA1021" in w for w in c.warnings)


def test_metadata_block_run_on_after_a_truncated_preview() -> None:
    text = PARTIAL.replace("id: 41234", "Classified By: Ambassador M. Doe, 1.4 (b...id: 41234")
    assert parse_cable(text).id == "05LUSAKA1021"


HARARE_LIKE = (
    "C O N F I D E N T I A L SECTION 01 OF 02 LUSAKA 001021\n\nE.O. 12958: DECL: 07/13/15\n"
    "TAGS: PGOV ZA\nSUBJECT: ELECTIONS\n\n"
    "1. (C) THE FIRST PARAGRAPH RUNS\n CONFIDENTIAL\n"
    "PAGE 02 LUSAKA 01021 01 OF 02 141200Z ON OVER THE PAGE BREAK.\n\n"
    "2. (C) THE SECOND.\n CONFIDENTIAL\n"
    "PAGE 03 LUSAKA 01021 02 OF 02 141201Z 3. (C) COMMENT: THE THIRD BEGINS ON THE PAGE LINE.\n"
)


def test_paragraph_on_a_page_break_line_and_text_after_the_page_header() -> None:
    c = parse_cable(HARARE_LIKE)
    spans_are_faithful(c)
    assert [(p.number, p.marking.text if p.marking else None) for p in c.paragraphs] == [
        (1, "(C)"),
        (2, "(C)"),
        (3, "(C)"),
    ]
    assert c.paragraph(3).text.startswith("3. (C) COMMENT")
    # The text after a page header is the cable's, not debris.
    assert "ON OVER THE PAGE BREAK." in c.paragraph(1).text
    assert all("OVER THE PAGE" not in n.text and "COMMENT" not in n.text for n in c.noise)


def test_body_run_together_on_one_line() -> None:
    words = "The minister spoke at length about the grain shipments and the fuel. " * 8
    body = f"Classified By: CDA J. Doe, 1.4 (b) ------- SUMMARY ------- 1. (C) {words} 2. (C) {words} 3.\n (S/NF) {words}\n"
    c = parse_cable(
        "C O N F I D E N T I A L LUSAKA 001021\n\nE.O. 12958: DECL: 07/13/15\n"
        "TAGS: PGOV ZA\nSUBJECT: ELECTIONS\n\n" + body
    )
    spans_are_faithful(c)
    assert [(p.number, p.marking.text) for p in c.paragraphs if p.number] == [
        (1, "(C)"),
        (2, "(C)"),
        (3, "(S/NF)"),
    ]


def test_run_together_record_after_a_repeated_header_is_text() -> None:
    words = "The minister spoke at length about the grain shipments. " * 8
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 LUSAKA 001021\n\nE.O. 12958: DECL: 07/13/15\n"
        "TAGS: PGOV ZA\nSUBJECT: ELECTIONS\n\n1. (C) First.\n\n"
        "C O N F I D E N T I A L SECTION 02 OF 02 LUSAKA 001021\n"
        f"SUBJECT: ELECTIONS REF: LUSAKA 1000 Classified By: CDA J. Doe, 1.4 (b) 2. (C) {words}\n"
    )
    c = parse_cable(text)
    spans_are_faithful(c)
    assert [p.number for p in c.paragraphs if p.number] == [1, 2]
    assert all("minister" not in n.text for n in c.noise)


HEAD = "C O N F I D E N T I A L SEOUL 000219\n\nE.O. 12958: DECL: 01/23/2017\nTAGS: [MOPS](#) [KS](#)\nSUBJECT: TALKS\n\n"


@pytest.mark.parametrize(
    ("body", "numbers", "markdown"),
    [
        ("12. (C) Two.\n\n13. (C) Three.\n\n14. (C) Four.\n", [2, 3, 4], True),
        ("12. Two.\n\n13. Three.\n\n14. Four.\n", [2, 3, 4], True),
        ("11. (C) One.\n\n13. (C) Three.\n\n14. (C) Four.\n", [1, 3, 4], True),
        ("11. One.\n\n13. Three.\n\n14. Four.\n", [1, 3, 4], True),
        ("11. (C) One.\n\n12. (C) Two.\n\n11. (C) One.\n\n12. (C) Two.\n", [1, 2, 1, 2], True),
        ("15. (C) Five.\n\n16. (C) Six.\n\n17. (C) Seven.\n", [5, 6, 7], True),
    ],
)
def test_markdown_numbering_that_does_not_start_at_one(
    body: str, numbers: list[int], markdown: bool
) -> None:
    c = parse_cable(HEAD + body)
    assert c.markdown is markdown
    assert [p.number for p in c.paragraphs] == numbers
    assert all(p.marking is not None for p in c.paragraphs if "(C)" in p.label)


def test_plain_numbering_of_a_later_part_starts_where_it_starts() -> None:
    c = parse_cable(
        HEAD.replace("[MOPS](#) [KS](#)", "MOPS KS") + "15. (C) A.\n\n16. (C) B.\n\n17. (C) C.\n"
    )
    assert not c.markdown
    assert [p.number for p in c.paragraphs] == [15, 16, 17]


def test_years_at_line_starts_are_not_paragraphs() -> None:
    c = parse_cable(HEAD + "1. (C) The plan runs over years:\n2009. Start.\n2010. End.\n")
    assert [p.number for p in c.paragraphs] == [1]
