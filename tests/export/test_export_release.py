"""Release PDFs of the sample cable: what is in them, what is not, and what refuses to export."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from corpus import SAMPLE
from export_checks import problems, read
from export_helpers import OPTIONS, release_rest, sample_review

from workbench.cable import parse_cable, read_cable
from workbench.export.errors import ExportError
from workbench.export.release import render_release
from workbench.export.stamps import stamps_for
from workbench.export.verify import extract, verify
from workbench.review.model import Action, Decision, Review

GOLDEN = Path(__file__).parent / "golden" / "07SEOUL219-release.sha256"


@pytest.fixture(scope="module")
def cable():
    return read_cable(SAMPLE)


def frame(cable, review, options=OPTIONS) -> set[str]:
    st = stamps_for(cable, review.withholdings(cable), False, options)
    return {st.struck, st.marking, st.header, st.disposition, *st.decl_block}


def test_sample_release_leaks_nothing_and_keeps_everything_released(cable):
    review = sample_review(cable)
    pdf = render_release(cable, review, OPTIONS)
    assert problems(pdf, cable, review, frame(cable, review)) == []
    text, meta, _ = read(pdf)
    assert "Kim Hye-jin" not in text
    assert "Joseph Y. Yun" not in text
    assert "Government of Norway" not in text
    assert "RELEASE IN PART B1, 1.4(B), 1.4(D), B6" in text
    assert "(b)(1) 1.4(d)" in text and "(b)(6)" in text
    assert "DECLASSIFIED IN PART" in text and "Page 2 of 2" in text
    assert "Case No. F-2026-00417" in text and "E.O. 13526, sec. 3.3(b)" in text
    assert "ROKG SUPPORTIVE OF US POSITION ON CLUSTER MUNITIONS" in meta
    # The Markdown form prints ¶2 as "12.": the bookmark says both (newcomer 6, finding 11).
    assert "Paragraph 2, printed 12. (withheld in full)" in extract(pdf).outline
    assert verify(cable, review, extract(pdf), OPTIONS).ok


def test_golden_bytes(cable):
    """invariant=1: the same cable, review and options always give the same file."""
    import reportlab

    pdf = render_release(cable, sample_review(cable), OPTIONS)
    assert pdf == render_release(cable, sample_review(cable), OPTIONS)
    digest = hashlib.sha256(pdf).hexdigest()
    recorded = f"reportlab {reportlab.Version} {digest}"
    if os.environ.get("WORKBENCH_UPDATE_GOLDEN") == "1":  # an intended layout change
        GOLDEN.write_text(recorded + "\n")
    _, version, want = GOLDEN.read_text().split()
    if version != reportlab.Version:
        pytest.skip(f"golden bytes were recorded with reportlab {version}, not {reportlab.Version}")
    assert digest == want, (
        "the sample's release PDF changed (layout or fonts); if intended, rerun with "
        "WORKBENCH_UPDATE_GOLDEN=1 and commit the new hash"
    )


def test_withheld_subject_stays_out_of_metadata_and_outline(cable):
    review = sample_review(cable)
    review.with_decision("subject", Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)")))
    pdf = render_release(cable, review, OPTIONS)
    text, meta, outline = read(pdf)
    for place in (text, meta, outline):
        assert "CLUSTER MUNITIONS" not in place
    assert "07SEOUL219" in meta  # the title is the reference ID
    assert verify(cable, review, extract(pdf), OPTIONS).ok


def test_release_in_full(cable):
    review = Review.for_cable(cable)
    for p in cable.paragraphs:
        review.with_decision(p.index, Decision(Action.RELEASE))
    release_rest(review)
    pdf = render_release(cable, review, OPTIONS)
    text, _, _ = read(pdf)
    assert "RELEASE IN FULL" in text
    assert "Kim Hye-jin" in text
    assert verify(cable, review, extract(pdf), OPTIONS).ok


def test_pending_paragraphs_refuse_export_unless_allowed(cable):
    review = sample_review(cable)
    review.with_decision(4, Decision())  # back to pending
    with pytest.raises(ExportError, match=r"1 region\(s\) not yet decided \(¶4\).*--allow-pending"):
        render_release(cable, review, OPTIONS)
    pdf = render_release(cable, review, replace(OPTIONS, allow_pending=True))
    text, _, _ = read(pdf)
    assert "PENDING REVIEW" in text
    assert "Post requests that Department" not in text
    assert "Paragraph 4, printed 14. (withheld: pending review)" in extract(pdf).outline


def test_unknown_code_is_refused(cable):
    review = sample_review(cable)
    review.with_decision(2, Decision(Action.WITHHOLD, ("B12",)))
    with pytest.raises(ExportError, match=r"paragraph 2 of 07SEOUL219 is withheld under 'B12'"):
        render_release(cable, review, OPTIONS)


def test_decisions_for_another_cable_are_refused(cable):
    other = parse_cable(cable.text.replace("SEOUL 000219", "SEOUL 000220"))
    review = sample_review(cable)
    with pytest.raises(ExportError, match="not for"):
        render_release(other, review, OPTIONS)


def test_markup_characters_survive(cable):
    """Text with <, > and & is drawn as written, not parsed as markup."""
    text = cable.text.replace("This is an action request.", "See <GATE 3> & AT&T; now.")
    c2 = parse_cable(text)
    review = Review.for_cable(c2)
    for p in c2.paragraphs:
        review.with_decision(p.index, Decision(Action.RELEASE))
    release_rest(review)
    pdf_text, _, _ = read(render_release(c2, review, OPTIONS))
    assert "See <GATE 3> & AT&T; now." in pdf_text


def test_partial_downgrade_keeps_a_level(cable):
    secret = parse_cable(cable.text.replace("C O N F I D E N T I A L", "S E C R E T"))
    review = Review.for_cable(secret)
    for p in secret.paragraphs:
        review.with_decision(p.index, Decision(Action.RELEASE))
    release_rest(review)
    text, _, _ = read(render_release(secret, review, replace(OPTIONS, marking="CONFIDENTIAL")))
    assert "SECRET" in text and "DOWNGRADED TO CONFIDENTIAL" in text


def test_sbu_cable_is_released_not_declassified():
    from corpus import ROOT

    sample = read_cable(ROOT / "resources" / "samples" / "unclas_sensitive.txt")
    # The sample's ¶3 is marked "C)", a CONFIDENTIAL mark that lost a parenthesis: under its
    # UNCLAS banner that makes it mis-marked, a CONFIDENTIAL cable (newcomer 5, finding 22,
    # tests/export/test_mis_marked_release.py). Marked (U), the cable is SBU throughout.
    assert ". C) Third" in sample.text
    for text_of, level in ((sample.text.replace(". C) Third", ". (U) Third"), "SBU"), (None, "C")):
        sbu = parse_cable(text_of) if text_of else sample
        review = Review.for_cable(sbu)
        for p in sbu.paragraphs:
            review.with_decision(p.index, Decision(Action.RELEASE))
        release_rest(review)
        text, _, _ = read(render_release(sbu, review, OPTIONS))
        if level == "SBU":
            assert "SENSITIVE BUT UNCLASSIFIED" in text and "//SBU" not in text
            assert "RELEASED" in text and "DECLASSIFIED" not in text
        else:
            assert "SENSITIVE BUT UNCLASSIFIED" not in text and "CONFIDENTIAL" in text
            assert "RELEASED" not in text and "DECLASSIFIED" in text
