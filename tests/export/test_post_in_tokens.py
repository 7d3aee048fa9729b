"""With the FM line withheld, the post stays withheld where it hides inside a token (newcomer
5, finding 1): 06CARACAS3688 printed ``refid: 06CARACAS3688``, ``destination: 06CARACAS3557``
and a copied ``DE RUEHCV #3688/01`` routing line in its first paragraph (the mirrors' metadata
and header copy), and verify called the release clean. The cable is written here; the corpus
cable is checked too when ../shared is there."""

from __future__ import annotations

import shutil
import subprocess

import corpus
import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, parse_cable, read_cable
from workbench.export import publish
from workbench.review.model import Action, Decision, Review
from workbench.review.recurrences import needles, repeats_in

COPY = """1. (U) id: 91011
refid: 07SEOUL219
destination: 07SEOUL123, 07TOKYO456
header:
DE RUEHUL #0219 0230828
ZNY CCCCC ZZH

"""
GONE = ("SEOUL219", "SEOUL123", "RUEHUL")


def reviewed(text: str, name: str = "fixture.txt") -> tuple[Cable, Review]:
    cable = parse_cable(text, name)
    review = Review.for_cable(cable)
    review.with_decision("from", Decision(Action.WITHHOLD, ("(b)(6)",)))
    return cable, release_rest(review)


def fixture() -> tuple[Cable, Review]:
    head, rest = SAMPLE.read_text(encoding="utf-8").split("11. (U)", 1)
    return reviewed(head + COPY + "11. (U)" + rest)


def _printed(cable: Cable, review: Review) -> str:
    data = publish.make("release", cable, review, OPTIONS)  # verified, else ExportError
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode()


def test_the_rule_withholds_reference_ids_and_the_copied_de_line() -> None:
    cable, review = fixture()
    p1 = cable.paragraphs[0]
    spans = review.effective(p1.index).decision.spans
    said = {cable.text[s.start : s.end]: s.comment for s in spans}
    assert said["07SEOUL219"].endswith("(a name inside a reference ID)")
    assert said["07SEOUL123"].endswith("(a name inside a reference ID)")
    assert said["DE RUEHUL #0219 0230828"].endswith("(a routing line naming the post)")
    assert "07TOKYO456" not in said  # another post's ID says nothing of this one


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_release_prints_none_of_them() -> None:
    text = _printed(*fixture())
    assert not [g for g in GONE if g in text]
    assert "07TOKYO456" in text and "ZNY CCCCC ZZH" in text


def test_verify_looks_for_both() -> None:
    _cable, review = fixture()
    wanted = needles(review)
    assert repeats_in("refid: 07SEOUL219", wanted) == [("07SEOUL219", "From (FM line)")]
    assert repeats_in("DE RUEHUL #0219 0230828", wanted) == [("ruehul", "From (FM line)")]
    assert repeats_in("destination: 07TOKYO456", wanted) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_caracas_with_its_fm_line_withheld() -> None:
    path = corpus.CORPUS / "cables" / "06CARACAS3688.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    cable = read_cable(path)
    text = _printed(*reviewed(cable.text, path.name))
    assert not [g for g in ("CARACAS3688", "CARACAS3557", "RUEHCV") if g in text]
    assert "header ends" in text  # the paragraph is released, the names boxed
