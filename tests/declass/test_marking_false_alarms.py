"""What a careful reviewer would not call a fault, found reading the corpus's firings (issue 13
item 5): each form below fired before and must stay silent, next to the real fault beside it."""

from datetime import date

import pytest
from cablemaker import cable_text, make_cable

from workbench.cable import parse_cable
from workbench.declass import assess

AS_OF = date(2026, 11, 27)


def codes(**kw) -> list[str]:
    return [f.code for f in assess(make_cable(**kw), AS_OF).findings]


@pytest.mark.parametrize(
    "para",
    [
        # Sub-items carry the marks: "Key Points -- (C) ...".
        "¶2. Key Points: -- (C) The minister agreed. -- (S) He said more.",
        "¶2. Summary: (C) The minister agreed.",
        # Redacted by the publisher, mark and all.
        "¶2. XXXXXXXXXXXX",
        # A mark the reader could not take whole: a REL list wrapped over lines.
        "¶2. (S//REL AFGHANISTAN, KAZAKHSTAN, KYRGYZSTAN,\nTAJIKISTAN, UZBEKISTAN) The flight.",
        # Marked, if wrongly.
        "¶2. (SE) Text.",
    ],
)
def test_marked_after_all(para):
    assert "unmarked-paragraph" not in codes(paragraphs=("¶1. (C) Text.", para))


def test_the_real_fault_still_fires():
    assert codes(paragraphs=("¶1. (C) Text.", "¶2. Unmarked text.")) == ["unmarked-paragraph"]
    # An enumeration "(A) ... (B) ... (C)" is not a portion mark.
    found = codes(paragraphs=("¶1. (C) Text.", "¶2. Options: (A) one, (B) two, (C) three."))
    assert found == ["unmarked-paragraph"]


def test_a_quoted_numbered_text_inside_a_paragraph():
    # 08LONDON1115: "Begin Text of Letter (note internal numbering)" then ¶1-¶7 of the letter.
    paras = (
        "¶1. (S/NF) Summary.",
        "¶2. (S/Rel UK) Begin Text of Letter (note internal numbering):",
        "¶1. I am grateful for your help.",
        "¶2. We have a very good relationship.",
        "¶3. However, recent flights raised issues.",
        "¶3. (S/NF) Comment. We find them burdensome.",
    )
    assert "unmarked-paragraph" not in codes(paragraphs=paras)


def test_the_authority_line_set_as_paragraph_1():
    paras = ("¶1. CLASSIFIED BY POLITICAL COUNSELOR X. REASON: 1.5(B)(D).", "¶2. (C) Text.")
    assert "unmarked-paragraph" not in codes(paragraphs=paras)


def test_another_cable_pasted_after_this_one():
    # 09BERN279: an UNCLAS Cotonou cable, with its own header, after the Bern cable's signature.
    text = cable_text(paragraphs=("¶1. (C) Text.",)) + (
        "\n215201\t2009-07-06 10:01:00\t09COTONOU278\tEmbassy Cotonou\tUNCLASSIFIED\n"
        "ZNR UUUUU ZZH\nFM AMEMBASSY COTONOU\nUNCLAS COTONOU 000278\n\n"
        "¶2. On June 20 the police intercepted a car.\n\n¶3. The BPM interviewed them.\n"
    )
    found = [f.code for f in assess(parse_cable(text), AS_OF).findings]
    assert "unmarked-paragraph" not in found


@pytest.mark.parametrize(
    "line",
    [
        "Classfied By: Charge Richard Miles, reasons 1.4 (b) and (d).",
        "CLASSIFIED\n\nBY: Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d)",
        "Chris Stevens, CDA, AmEmbassy Tripoli, State. REASON: 1.4 (b), (d)",
        "Classified ...",
    ],
)
def test_an_authority_line_the_reader_missed_is_not_missing(line):
    assert "missing-authority" not in codes(classified_by=None, before_body=line)
    assert "missing-authority" in codes(classified_by=None)


def test_no_authority_finding_on_a_part_of_a_cable():
    # A later section holds no header lines; a partial extract lost them; a record cut after
    # its subject holds no text at all.
    assert "missing-authority" not in codes(
        classified_by=None, post="SECTION 02 OF 03 SEOUL 000219"
    )
    assert "missing-authority" not in codes(classified_by=None, partial=True)
    assert "missing-authority" not in codes(classified_by=None, paragraphs=("...",))
    assert "missing-authority" in codes(classified_by=None, post="SECTION 01 OF 03 SEOUL 000219")


@pytest.mark.parametrize(
    "para",
    [
        "¶2. (C) We call attention to paragraph 54 of the Secretary-General's report.",
        "¶2. (C) In accordance with paragraph 8 of Resolution 1795.",
        "¶2. (C) REF A contained useful information, as mentioned in para 8.",
        "¶2. (C) The text follows (para 3 below). 3.(C) The text.",
    ],
)
def test_references_to_other_documents_or_inline_labels(para):
    assert "para-ref-missing" not in codes(paragraphs=("¶1. (C) Text.", para))


def test_a_reference_to_a_missing_paragraph_still_fires():
    found = codes(paragraphs=("¶1. (C) Action request: see para 10.", "¶2. (C) Text."))
    assert found == ["para-ref-missing"]
