"""A subject the first header cuts with "..." inside a word on its second line is withheld
where a later header repeats it whole over two lines (newcomer 6, finding 15: 03THEHAGUE1865
printed ``SUBJECT: [box]`` / ``TRANSATLANTIC ISSUES``, and verify called it clean).

The fixture is written here, in the form of that cable (two header copies, the first cut)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import corpus
import pytest
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, read_cable
from workbench.export.release import render_release
from workbench.review import Review, commands
from workbench.review.recurrences import needles, repeats_in

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

HEADER = """C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 004321

SIPDIS

E.O. 12958: DECL: 07/14/2013
TAGS: ECON PREL NL
SUBJECT: ORCHARD TALKS IN VELDHOVEN:  QUINCE EXPORTS AND
{cut}




C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 004321

SIPDIS

E.O. 12958: DECL: 07/14/2013
TAGS: ECON PREL NL
SUBJECT: {copy}


Classified By: CHARGE D'AFFAIRES DANNY R. RUSSEL FOR REASONS 1.5 (B AND D)

(C) 1. Officials met the delegation on July 15 and talked about trade.

(C) 2. The ministry said the harvest was good this year.

RUSSEL
"""
TWO_LINES = "ORCHARD TALKS IN VELDHOVEN: QUINCE EXPORTS AND \nMARMALADE TARIFFS "


def fixture(tmp_path: Path, cut: str, copy: str) -> Cable:
    path = tmp_path / "cut.txt"
    path.write_text(HEADER.format(cut=cut, copy=copy), encoding="utf-8")
    return read_cable(path)


def released_text(cable: Cable) -> tuple[Review, str]:
    review = Review.for_cable(cable)
    commands.withhold("subject", ["(b)(1)", "1.4(d)"]).apply(review)
    release_rest(review)
    pdf = render_release(cable, review, OPTIONS)
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return review, " ".join(out.stdout.decode("utf-8").split())


def test_a_subject_cut_inside_a_word_is_withheld_in_a_two_line_copy(tmp_path: Path) -> None:
    cable = fixture(tmp_path, "MARMALADE TARI...", TWO_LINES)
    _, text = released_text(cable)
    for word in ("ORCHARD", "QUINCE", "MARMALADE", "TARIFFS"):
        assert word not in text
    assert "Officials met the delegation" in text  # the paragraphs stay released


def test_verify_finds_the_copy_s_rest_printed(tmp_path: Path) -> None:
    cable = fixture(tmp_path, "MARMALADE TARI...", TWO_LINES)
    review, _ = released_text(cable)
    found = needles(review)
    # What the release printed before the fix: verify's check now reads it as withheld text.
    assert repeats_in("SUBJECT: MARMALADE TARIFFS", found)
    assert not repeats_in("SUBJECT: MARMOT TARGETS", found)


def test_a_cut_at_a_line_end_withholds_the_copy_s_next_line(tmp_path: Path) -> None:
    cable = fixture(tmp_path, "...", TWO_LINES)  # 04THEHAGUE1923: "... ON" / "..."
    _, text = released_text(cable)
    assert "MARMALADE" not in text and "TARIFFS" not in text


def test_a_copy_running_on_into_ref_withholds_the_subject_only(tmp_path: Path) -> None:
    copy = "ORCHARD TALKS IN VELDHOVEN: QUINCE EXPORTS AND MARMALADE TARIFFS REF: STATE 1234 "
    cable = fixture(tmp_path, "MARMALADE TARI...", copy)  # 08WARSAW947's later header
    _, text = released_text(cable)
    assert "TARIFFS" not in text
    assert "REF: STATE 1234" in text


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("03THEHAGUE1865.txt", "TRANSATLANTIC ISSUES"),
        ("09QUITO177.txt", "UNYIELDING"),
        ("08WARSAW947.txt", "ACTIONS IN GEORGIA"),
        ("04THEHAGUE1923.txt", "CORRECTED DATE"),
    ],
)
def test_real_cables_with_a_cut_subject(name: str, rest: str) -> None:
    path = corpus.CORPUS / "cables" / name
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    _, text = released_text(read_cable(path))
    assert rest not in text
