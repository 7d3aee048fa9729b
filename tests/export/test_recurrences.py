"""Withheld text that recurs elsewhere in the cable is withheld there too (red-team findings 1
and 5, /work/coord/attack-release.md): read back with poppler, on the cables of the report.

Each of these printed the withheld text on the code before the ``recurrences`` rule.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace

import corpus
import pytest
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, read_cable
from workbench.export.pdf_read import extract
from workbench.export.release import render_release
from workbench.export.vaughn import rows_for
from workbench.export.verify import verify
from workbench.review import Review, commands
from workbench.review.report import show_review

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
CODES = ["(b)(6)"]


def poppler(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def corpus_cable(name: str) -> Cable:
    path = corpus.CORPUS / "cables" / name
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    return read_cable(path)


def redact_first(  # after release_rest, which replaces decisions whole (spans too)
    cable: Cable, review: Review, text: str, after: int = 0
) -> int:
    i = cable.text.index(text, after)
    commands.redact(cable, review, i, i + len(text), CODES).apply(review)
    return i


def test_caracas_subject_copy_in_a_duplicated_header_is_withheld() -> None:
    cable = corpus_cable("06CARACAS3688.txt")
    review = Review.for_cable(cable)
    commands.withhold("subject", ["(b)(1)", "1.4(d)"]).apply(review)
    release_rest(review)
    assert review.effective("unparsed:1").by == "rule:recurrences"
    text = poppler(render_release(cable, review, OPTIONS))
    assert "ECUADORIAN" not in text and "CORREA'S VISIT" not in text
    assert "POLEMICS" not in text  # the copy's tail, past where the truncated subject ends
    assert "PROTOCOL" not in text
    assert "Correa" in text  # the name in other words stays released
    shown = show_review(review, cable)
    assert re.search(r"unparsed:1\]\s+partial .*\(rule: recurrences\)", shown)


def test_harare_passing_names_repeated_inside_paragraphs_are_withheld() -> None:
    cable = corpus_cable("00HARARE6677.txt")
    review = Review.for_cable(cable)
    start = review.region("passing:1").start
    release_rest(review)
    for name in ("GAYLE SMITH", "CHARLES GURNEY", "BISA WILLIAMS"):
        redact_first(cable, review, name, start)
    assert review.effective("p5").by == "rule:recurrences"
    assert review.effective("p9").by == "rule:recurrences"
    pdf = render_release(cable, review, OPTIONS)
    text = poppler(pdf)
    for word in ("GAYLE", "SMITH", "GURNEY", "BISA", "WILLIAMS"):
        assert word not in text
    rows = [r for r in rows_for(cable, review) if "repeat" in r.withheld]
    assert len(rows) >= 6  # three names, twice each (sections 2 and 3)
    assert all(r.codes == "(b)(6)" for r in rows)


def test_seoul_a_withheld_name_is_withheld_in_other_sentences() -> None:
    cable = read_cable(corpus.SAMPLE)
    review = Review.for_cable(cable)
    release_rest(review)
    redact_first(cable, review, "Kim Hye-jin")
    text = poppler(render_release(cable, review, OPTIONS))
    assert not re.search(r"\bkim\b", text, re.I)
    assert "Hye" not in text


def test_hague_subject_and_passing_name_copies_are_withheld() -> None:
    cable = corpus_cable("03THEHAGUE1865.txt")
    review = Review.for_cable(cable)
    commands.withhold("subject", ["(b)(1)", "1.4(d)"]).apply(review)
    release_rest(review)
    redact_first(cable, review, "IAN BRZEZINSKI")
    text = poppler(render_release(cable, review, replace(OPTIONS, doc_number="")))
    assert "BRZEZINSKI" not in text
    assert "A/S JONES VISIT" not in text and "JONES VISIT" not in text


def test_the_rule_is_switched_off_like_the_others_and_verify_catches_what_then_prints() -> None:
    cable = read_cable(corpus.SAMPLE)
    review = Review.for_cable(cable)
    release_rest(review)
    redact_first(cable, review, "Kim Hye-jin")
    off = review.copy()
    commands.set_rule("recurrences", False).apply(off)
    assert "Rule switched off: Withheld text" in show_review(off, cable)
    pdf = render_release(cable, off, OPTIONS)
    assert re.search(r"\bKim\b", poppler(pdf))
    # The reviewer switched the rule off: that release is what they decided.
    assert verify(cable, off, extract(pdf), OPTIONS).ok
    # Judged against the review with the rule on, the same PDF prints a withheld repeat.
    report = verify(cable, review, extract(pdf), OPTIONS)
    assert not report.ok
    assert any("repeat" in leak and "kim" in leak.casefold() for leak in report.leaks)


def test_a_release_named_by_hash_names_only_what_it_shows() -> None:
    """Red-team finding 4: ``cable-<hash>`` hashed the whole text, so hashing the released
    text with a guessed name in the gap confirmed the guess (03THEHAGUE1865)."""
    from workbench.cable import parse_cable
    from workbench.export.prepare import release_name

    original = corpus_cable("03THEHAGUE1865.txt").text
    names = []
    for name, surname, withheld in (
        ("Michiel den Hond", "Hond", True),
        ("Pieter Zwanenburg", "Zwanenburg", True),  # another name, another length
        ("Pieter Zwanenburg", "Zwanenburg", False),
    ):
        # The cable names him twice: "Michiel den Hond", later "Hond".
        text = re.sub(r"\bHond\b", surname, original.replace("Michiel den Hond", name))
        cable = parse_cable(text, "x.txt")
        review = release_rest(Review.for_cable(cable))
        if review.partition.get("from") is not None:  # withheld, as the ID names the post
            commands.withhold("from", ["(b)(1)", "1.4(d)"]).apply(review)
        if withheld:
            redact_first(cable, review, name)
        names.append(release_name(cable, review))
    assert names[0].startswith("cable-")
    assert names[0] == names[1]  # the name cannot tell the withheld name
    assert names[1] != names[2]  # a different release is a different name


def test_a_span_the_rule_withholds_is_not_released_one_by_one() -> None:
    """The window's redactions list: Delete on a repeat says why it stays withheld."""
    from workbench.gui.selection import recode, release_withholding
    from workbench.review import ReviewError

    cable = read_cable(corpus.SAMPLE)
    review = Review.for_cable(cable)
    release_rest(review)
    redact_first(cable, review, "Kim Hye-jin")
    repeat = next(w for w in review.withholdings(cable) if w.repeats)
    assert repeat.repeats == "paragraph 2" and cable.text[repeat.start : repeat.end] == "Kim"
    for change in (
        lambda: release_withholding(review, repeat),
        lambda: recode(review, repeat, CODES),
    ):
        with pytest.raises(ReviewError, match="recurrences"):
            change()


def test_a_repeated_header_line_withheld_does_not_make_its_label_a_term() -> None:
    """06MEXICO2702 repeats ``TAGS: PGOV PINR MX`` in a later header. Withheld, that line was
    read as a name ("TAGS", "PGOV", "PINR") and the word TAGS, which the first TAGS line's label
    prints, was a "repeat": the release was refused though it leaked nothing."""
    cable = corpus_cable("06MEXICO2702.txt")
    review = Review.for_cable(cable)
    release_rest(review)
    for key in ("tags", "repeat:1"):
        commands.withhold(key, ["(b)(1)"]).apply(review)
    pdf = render_release(cable, review, OPTIONS)
    assert verify(cable, review, extract(pdf), OPTIONS).ok
    text = poppler(pdf)
    assert "TAGS" in text and "PINR" not in text


def test_many_withheld_sources_sharing_words_give_every_place_once() -> None:
    """Sources are grouped by term (linear in hits + sources, not their product): every
    released occurrence of a withheld name is withheld, with the codes of every source."""
    from workbench.cable import parse_cable
    from workbench.review.recurrences import find_recurrences

    lines = ["UNCLASSIFIED", "", "SUBJECT: TEST", ""]
    for i in range(1, 61):
        lines += [f"{i}. (U) Meeting with Kim Daejung and staff, item {i}.", ""]
    cable = parse_cable("\n".join(lines))
    review = Review.for_cable(cable)
    release_rest(review)
    starts = [m.start() for m in re.finditer("Kim Daejung", cable.text)]
    for n, i in enumerate(starts[::2]):  # every other paragraph's name withheld, own codes
        commands.redact(cable, review, i, i + len("Kim Daejung"), [f"(b)({n % 3 + 5})"]).apply(
            review
        )
    base = {r.key: review.decisions[r.key] for r in review.regions() if r.key in review.decisions}
    found = find_recurrences(review, base)
    spans = [s for spans in found.values() for s in spans]
    withheld = {(s.start, s.end) for s in spans}
    for i in starts[1::2]:
        assert (i, i + len("Kim Daejung")) in withheld
    assert all(set(s.codes) == {"(b)(5)", "(b)(6)", "(b)(7)"} for s in spans)
    assert all("and" in s.comment and "more" in s.comment for s in spans)


def test_a_withheld_word_that_is_also_a_label_is_not_a_repeat() -> None:
    """A span "classified" withheld in a paragraph: the "Classified By:" label prints with its
    line whatever is decided, so it is no repeat (verify refused such releases: 08MANAMA22)."""
    from workbench.cable import parse_cable
    from workbench.review.recurrences import sources

    cable = parse_cable(
        "C O N F I D E N T I A L SECTION 01 OF 01 SEOUL 000219\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 01/23/2017\nTAGS: PREL KS\nSUBJECT: A TEST\n\n"
        "Classified By: POLCOUNS JOHN DOE, REASONS 1.4 (B) AND (D)\n\n"
        "1. (C) The classified annex was shared with the ministry.\n\n"
        "2. (C) Nothing else was said.\n"
    )
    review = Review.for_cable(cable)
    release_rest(review)
    i = cable.text.index("classified annex")
    commands.redact(cable, review, i, i + len("classified"), CODES).apply(review)
    assert not any("classified" in t.casefold() for src in sources(review) for t in src.terms)
    pdf = render_release(cable, review, OPTIONS)
    assert verify(cable, review, extract(pdf), OPTIONS).ok
    text = poppler(pdf)
    assert "Classified By" in text and "classified annex" not in text
