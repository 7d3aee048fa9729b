"""Hard-wrapped prose around a withheld span (issue 11): the release must not print the
teletype's own line ends in a region holding a span, since where a line ended tells how long
the withheld text on it was. Two cables that differ only in the length of a withheld name
(each wrapped by the teletype at 60 columns, so their line ends differ) print the same."""

from __future__ import annotations

import io
import shutil
import subprocess
import textwrap

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest
from pypdf import PdfReader

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.export.reflow import Bar, Box, Text, joined_ranges, reflow
from workbench.review.model import Action, Decision, Redaction, Review

PROSE = (
    "On January 23, Poloff delivered reftel demarche to {name} of the Disarmament and "
    "Nonproliferation Division, who said that the government would consider the proposal "
    "carefully and reply before the conference in Oslo next month, and asked whether the "
    "United States would attend as a participant or only as an observer to the talks."
)
LIST = "\n\nA. The first point of the list.\nB. The second point."


def _cable(name: str) -> tuple[str, int]:
    head = SAMPLE.read_text(encoding="utf-8").split("1. (U)")[0]
    body = "1. (C) " + PROSE.format(name=name)
    wrapped = "\n".join(textwrap.wrap(body, 60))  # the teletype's wrap
    text = head + wrapped + LIST + "\n\nSTANTON\n"
    return text, text.index(name)


def _review(text: str, at: int, name: str):  # type: ignore[no-untyped-def]
    cable = parse_cable(text)
    review = Review.for_cable(cable)
    p = next(p for p in cable.paragraphs if p.start <= at < p.end)
    span = Redaction(at, at + len(name), ("(b)(6)",))
    review.with_decision(p.index, Decision(Action.PARTIAL, spans=(span,)))
    return cable, release_rest(review)


def _printed(cable, review, joined: bool) -> list[list[tuple[str, int, str]]]:  # type: ignore[no-untyped-def]
    withheld = review.withholdings(cable)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    rows = reflow(cable.text, withheld, joined_ranges(regions, withheld) if joined else ())
    out = []
    for row in rows:
        items = []
        for x in row.items:
            if isinstance(x, Text):
                items.append(("text", x.col, x.text))
            elif isinstance(x, Box):
                items.append(("box", x.col, str(x.width)))
        out.append(items)
    return out


def test_the_line_ends_around_a_span_do_not_tell_its_length() -> None:
    names = ("Kim", "Kim Hye-jin")  # 3 and 11 letters: boxes of 10 and 20 cells
    short, long_ = (_review(*_cable(n)[:2], n) for n in names)
    # The teletype broke the lines differently around the two names...
    assert short[0].text.split("\n") != long_[0].text.split("\n")
    # ...and line for line, the release showed it; now only the box's bucket differs.
    assert _printed(*short, joined=False) != _printed(*long_, joined=False)
    same = ("Li", "Kim Hyejin")  # one bucket (10 cells), the teletype broke the lines apart
    a, b = (_review(*_cable(n)[:2], n) for n in same)
    assert _printed(*a, joined=False) != _printed(*b, joined=False)
    assert _printed(*a, joined=True) == _printed(*b, joined=True)
    assert publish.make("release", *a, OPTIONS) == publish.make("release", *b, OPTIONS)


def test_list_items_and_other_regions_keep_their_lines() -> None:
    cable, review = _review(*_cable("Kim")[:2], "Kim")
    rows = [[t for kind, _, t in r if kind == "text"] for r in _printed(cable, review, True)]
    flat = [" ".join(r) for r in rows]
    assert "A. The first point of the list." in flat and "B. The second point." in flat
    assert "FM AMEMBASSY SEOUL" in flat  # a region without a span is printed line for line
    # The paragraph is rewrapped at the release's 80 columns, no longer the teletype's 60.
    prose = next(r for r in rows if r and "(C) On January" in r[0])
    assert len(" ".join(prose)) > 60


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_release_reads_back_in_order_and_passes_verify() -> None:
    cable, review = _review(*_cable("Kim Hye-jin")[:2], "Kim Hye-jin")
    data = publish.make("release", cable, review, OPTIONS)  # verified, else ExportError
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert "Kim Hye-jin" not in text and "Hye" not in text
    joined = " ".join(text.split())
    assert "of the Disarmament and Nonproliferation Division, who said" in joined
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


def test_released_letters_and_tags_are_not_refused_as_leaks() -> None:
    """Verify refused good releases (random reviews, 3 of 300 corpus cables): a letter-spaced
    banner with a box inside ("C O [box] I A L" read as 'coial'), and the reader's split of
    a run-together tag (``KWMNCS``: KWMN and CS) put in the Keywords."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("TAGS: [MOPS](#) [PARM](#) [PREL](#) [KS](#)", "TAGS: PREL KWMNCS")
    text = text.replace("This is an action request.", "C O N F I D E N T I A L request.")
    cable = parse_cable(text)
    review = Review.for_cable(cable)
    at = text.index("C O N F I D E N T I A L request.") + len("C O ")
    region = review.partition.at(at)
    assert region is not None and region.kind == "paragraph"
    span = Redaction(at, at + len("N F I D E N T"), ("(b)(6)",))
    review.with_decision(region.key, Decision(Action.PARTIAL, spans=(span,)))
    release_rest(review)
    data = publish.make("release", cable, review, OPTIONS)  # verified, else ExportError
    keywords = PdfReader(io.BytesIO(data)).metadata["/Keywords"]
    assert "PREL" in keywords and "KWMN" not in keywords


def test_a_word_longer_than_a_row_breaks_after_punctuation() -> None:
    """``09CARACAS1351|09CARACAS1367|...`` (83 cells, no space) was cut at 80 cells into
    '09CARACAS1' and '430', words of no released text: verify refused the release."""
    ids = "|".join(f"09CARACAS{n}" for n in (1351, 1367, 1376, 1419, 1426, 1430))
    text = f"destination: {ids}\n"
    pieces = [x.text for row in reflow(text, []) for x in row.items if isinstance(x, Text)]
    assert pieces == ["destination:", ids[: ids.rindex("|") + 1], "09CARACAS1430"]


NAME = "Pieter de Gooijer"  # 17 characters: a box of 20 cells


def _crossing(cut: int) -> tuple[str, int]:
    """The sample with a paragraph whose teletype wrap ends a line ``cut`` characters into the
    name (0: before it), the rest of the prose the same."""
    head = SAMPLE.read_text(encoding="utf-8").split("1. (U)")[0]
    before = "1. (C) According to Dutch diplomat "
    after = ", the intense negotiations were one for the history books, he said."
    name = NAME if not cut else NAME[:cut].rstrip(" ") + "\n" + NAME[cut:].lstrip(" ")
    text = head + before + name + after + "\n\nSTANTON\n"
    return text, text.index(before) + len(before)


def test_a_name_over_a_line_end_is_its_bucket_box_in_rewrapped_prose() -> None:
    """Newcomer 5, finding 3: "Pieter de \\nGooijer" was a block of 2 rows to the right margin
    in the rewrapped paragraph, where "Pieter de Gooijer" on one line was a box of 20 cells:
    the shape told that the teletype ended a line inside the name. Now every wrap prints the
    same release, and the Vaughn index says the same box."""
    from workbench.export.vaughn import rows_for

    releases, shapes = [], []
    for cut in (0, 7, 10):  # on one line, "Pieter\nde Gooijer", "Pieter de\nGooijer"
        text, at = _crossing(cut)
        cable, review = _review(text, at, text[at : at + len(NAME)])  # a line end for a space
        rows = reflow(
            cable.text,
            review.withholdings(cable),
            joined_ranges(
                [(r.kind, r.body_start, r.end) for r in review.regions()],
                review.withholdings(cable),
            ),
        )
        boxes = [x for row in rows for x in row.items if isinstance(x, Box)]
        assert [b.width for b in boxes] == [20], cut
        assert not [x for row in rows for x in row.items if isinstance(x, Bar)], cut
        releases.append(publish.make("release", cable, review, OPTIONS))  # verified
        shapes.append([r.withheld for r in rows_for(cable, review)])
    assert releases[0] == releases[1] == releases[2]
    assert shapes[0] == shapes[1] == shapes[2] == ["part of paragraph (box for 11-20 characters)"]


def test_a_line_end_kept_inside_a_piece_still_makes_a_block() -> None:
    """Outside a rewrapped range (a region printed line for line) a piece over a line end is
    a block, as before: its rows are the source's."""
    text = "TO SECSTATE WASHDC\nRUEHXX/AMEMBASSY X\n"
    from workbench.review.model import Withholding

    w = Withholding("span", 3, 24, ("(b)(6)",))
    rows = reflow(text, [w])
    assert [x for row in rows for x in row.items if isinstance(x, Bar)]
