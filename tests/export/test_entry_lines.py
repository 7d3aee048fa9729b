"""A one-entry-per-line block stays line for line in a release (newcomer 4, finding 5): a
participants list with one name withheld was rewrapped into prose, "[box], President Camilo
Ospina, Minister of Defense ...", and the titles went to the wrong people. The cable is
written here, on 05BOGOTA7402's pattern; prose around it is still rewrapped (test_hard_wrap)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import corpus
import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import Cable, parse_cable, read_cable
from workbench.export import publish
from workbench.review.model import Action, Decision, Redaction, Review

PROSE = (
    "During a warm and candid meeting, the Under Secretary told the President that the "
    "United States would continue its support, in particular regarding counter-narcotics "
    "and counter-terrorism efforts, and pressed for progress on several long-standing "
    "human rights cases before the certification due next month."
)
LIST = """2. (U) Participants:

Colombia
--------

{name}, President
Camilo Ospina, Minister of Defense
Acting Foreign Minister Camilo Reyes
Presidential Communications Director Jaime Bermudez
Francisco Gonzalez, MFA (notetaker)
"""


def fixture(name: str) -> str:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    prose = "\n".join(textwrap.wrap("3. (C) " + PROSE.replace("the President", name), 60))
    return (
        head
        + "1. (U) July 26, 2005, Bogota.\n\n"
        + LIST.format(name=name)
        + "\n"
        + prose
        + "\n\nSTANTON\n"
    )


def reviewed(name: str) -> tuple[Cable, Review]:
    cable = parse_cable(fixture(name), "fixture.txt")
    review = Review.for_cable(cable)
    spans: dict[int, list[Redaction]] = {}
    for p in cable.paragraphs:
        at = cable.text.find(name, p.body_start, p.end)
        while at != -1:
            spans.setdefault(p.index, []).append(Redaction(at, at + len(name), ("(b)(6)",)))
            at = cable.text.find(name, at + len(name), p.end)
    for index, found in spans.items():
        review.with_decision(index, Decision(Action.PARTIAL, spans=tuple(found)))
    return cable, release_rest(review)


def _text(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True)
    return [" ".join(line.split()) for line in out.stdout.decode().splitlines()]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_each_participant_keeps_his_title() -> None:
    lines = _text(publish.make("release", *reviewed("Alvaro Uribe Velez"), OPTIONS))
    for entry in (
        "Camilo Ospina, Minister of Defense",
        "Acting Foreign Minister Camilo Reyes",
        "Presidential Communications Director Jaime Bermudez",
        "Francisco Gonzalez, MFA (notetaker)",
    ):
        assert entry in lines
    assert "(b)(6) , President" in lines  # the box, then the title on its own row
    # The prose paragraph holding the name is still rewrapped past the teletype's 60 columns.
    assert max(len(x) for x in lines if "counter-narcotics" in x or "Under Secretary" in x) > 60


def test_names_of_one_bucket_still_give_the_same_release() -> None:
    a, b = (
        publish.make("release", *reviewed(n), OPTIONS) for n in ("Alvaro Uribe Velez", "Ana Uribe")
    )
    assert a != b  # 18 and 9 letters: boxes of 20 and 10 cells
    c = publish.make("release", *reviewed("Alvaro Uribe"), OPTIONS)  # 12 letters, 20 cells
    assert a == c


def test_bogota_participants() -> None:
    path = corpus.CORPUS / "cables" / "05BOGOTA7402.txt"
    if not path.is_file() or shutil.which("pdftotext") is None:
        pytest.skip("../shared/corpus or poppler is absent")
    cable = read_cable(path)
    review = Review.for_cable(cable)
    p2 = cable.paragraphs[1]
    spans = []
    for name in ("Alvaro Uribe Velez", "Cynthia Echeverria"):
        at = cable.text.index(name, p2.body_start)
        spans.append(Redaction(at, at + len(name), ("(b)(6)",)))
    review.with_decision(p2.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    lines = _text(publish.make("release", cable, release_rest(review), OPTIONS))
    assert "Ambassador William B. Wood" in lines and "(b)(6) , P Special Assistant" in lines
    assert "Camilo Ospina, Minister of Defense" in lines
