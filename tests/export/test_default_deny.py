"""A release prints only what was released: each leak family of issue 11, read back with poppler.

Every test here failed on the workbench before regions: text the reader misread was printed,
a withheld field was printed where the cable repeats it, the post named in a withheld FM line
stayed in the routing lines and the file name, TAGS went into the keywords.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import corpus
import pytest
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, parse_cable, read_cable
from workbench.export.errors import ExportError
from workbench.export.prepare import release_name
from workbench.export.release import render_release
from workbench.review import Action, Decision, Review, commands

PENDING_OK = replace(OPTIONS, allow_pending=True)


@pytest.fixture(scope="module")
def sample() -> Cable:
    return read_cable(corpus.SAMPLE)


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def poppler(pdf: bytes) -> str:
    """What a reader gets with poppler's pdftotext, metadata aside."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def info(pdf: bytes) -> str:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def corpus_cable(name: str) -> Cable:
    path = corpus.CORPUS / "cables" / name
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    return read_cable(path)


@needs_poppler
def test_harare_paragraph_on_a_page_break_line_is_not_printed() -> None:
    cable = corpus_cable("00HARARE6677.txt")
    review = Review.for_cable(cable)
    for p in cable.paragraphs:
        commands.withhold(p, ["(b)(1)", "1.4(d)"]).apply(review)
    with pytest.raises(ExportError, match="not yet decided"):
        render_release(cable, review, OPTIONS)
    text = poppler(render_release(cable, review, PENDING_OK))
    assert "TSVANGIRAI WAS FRANK" not in text and "TSVANGIRAI" not in text
    assert "DECLASSIFIED IN PART" not in text  # nothing of it was released
    assert "WITHHELD IN FULL" in text


@needs_poppler
def test_yerevan_without_paragraphs_is_not_released_in_full() -> None:
    cable = corpus_cable("08YEREVAN649.txt")
    review = Review.for_cable(cable)
    with pytest.raises(ExportError, match="not yet decided"):
        render_release(cable, review, OPTIONS)
    text = poppler(render_release(cable, review, PENDING_OK))
    assert "RELEASE IN FULL" not in text
    assert "Prime Minister" not in text and "Sargsian" not in text
    assert "PENNINGTON" not in text
    # The FM line is undecided, so the lines that name the post are withheld with it.
    assert "YEREVAN" not in text.upper()


@needs_poppler
def test_passing_lines_tags_and_signature_can_be_withheld(sample: Cable) -> None:
    review = release_rest(Review.for_cable(sample))
    for key in ("passing:1", "tags", "signature"):
        commands.withhold(key, ["(b)(6)"]).apply(review)
    pdf = render_release(sample, review, OPTIONS)
    text, meta = poppler(pdf), info(pdf)
    assert "PLEASE PASS TO J2" not in text and "STANTON" not in text
    assert "MOPS" not in text and "MOPS" not in meta  # TAGS: not in the page, not in Keywords


@needs_poppler
def test_withholding_the_fm_line_hides_the_post_everywhere(sample: Cable) -> None:
    review = release_rest(Review.for_cable(sample))
    commands.withhold("from", ["(b)(1)", "1.4(b)"]).apply(review)
    commands.withhold("info", ["(b)(1)", "1.4(b)"]).apply(review)  # it names SEOUL too
    commands.withhold("passing:1", ["(b)(1)", "1.4(b)"]).apply(review)
    pdf = render_release(sample, review, replace(OPTIONS, doc_number=""))
    text, meta = poppler(pdf), info(pdf)
    assert "SEOUL" not in text.upper() and "RUEHUL" not in text
    assert "SEOUL" not in meta.upper()
    assert "SEOUL" not in release_name(sample, review).upper()


@needs_poppler
def test_a_withheld_subject_repeated_in_a_paragraph_is_withheld_there(sample: Cable) -> None:
    subject = "ROKG SUPPORTIVE OF US POSITION ON CLUSTER MUNITIONS"
    text = sample.text.replace(
        "This is an action request.", f"This is an action request: {subject.lower()}."
    )
    cable = parse_cable(text, sample.path)
    review = release_rest(Review.for_cable(cable))
    commands.withhold("subject", ["(b)(1)", "1.4(d)"]).apply(review)
    printed = poppler(render_release(cable, review, OPTIONS)).upper()
    assert "SUPPORTIVE OF US POSITION" not in printed
    assert "THIS IS AN ACTION REQUEST" in printed


@needs_poppler
def test_a_cable_without_an_id_is_not_named_by_its_file(sample: Cable) -> None:
    text = sample.text.replace("SEOUL 000219", "SEOUL")
    text = text.replace("DE RUEHUL #0219 0230828", "DE RUEHUL")
    cable = parse_cable(text, "/cases/NAME-OF-THE-SOURCE.txt")
    assert cable.id is None
    review = release_rest(Review.for_cable(cable))
    pdf = render_release(cable, review, replace(OPTIONS, doc_number=""))
    assert "NAME-OF-THE-SOURCE" not in info(pdf) and "SOURCE" not in poppler(pdf)
    assert release_name(cable, review).startswith("cable-")


@needs_poppler
def test_a_header_line_the_reader_left_out_waits_for_a_reviewer(sample: Cable) -> None:
    """A line after the signature: the reader takes it into ¶4 and its last word for the
    signature. Whatever it made of it, each part is in a region that waits for a reviewer."""
    cable = parse_cable(sample.text + "\nDISTRIBUTION: MR. SMITH, MS. JONES\n", sample.path)
    review = Review.for_cable(cable)
    for region in review.pending():
        body = cable.text[region.start : region.end]
        if "SMITH" not in body and "JONES" not in body:
            commands.release(region).apply(review)
    assert review.pending(), "the unknown line is a region of its own"
    text = poppler(render_release(cable, review, PENDING_OK))
    assert "SMITH" not in text and "JONES" not in text


def test_stamps_name_nothing_declassified_when_all_is_withheld(sample: Cable) -> None:
    from workbench.export.stamps import stamps_for

    review = Review.for_cable(sample)
    for r in review.pending():
        review.with_decision(r.key, Decision(Action.WITHHOLD, ("(b)(1)",)))
    from workbench.export.prepare import withheld_in_full, withholdings_for_export

    w = withholdings_for_export(sample, review, False)
    st = stamps_for(sample, w, withheld_in_full(sample, review, False), OPTIONS, review)
    assert st.disposition.startswith("WITHHELD IN FULL")
    assert not any("DECLASSIFIED" in line for line in st.decl_block)
