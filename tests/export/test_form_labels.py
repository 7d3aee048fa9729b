"""Lines of a form (``NAME:``, ``TITLE AND INSTITUTION:``, ``CONTACT INFORMATION:``) stay line
for line in a release (newcomer 5, finding 14: on 07SANJOSE188 the contact line ran into the
title and the biography, "Justice CONTACT INFORMATION: Tel: [box] [box] currently serves").
The cable is written here on that pattern (wrapped at 70 columns, as the teletype did)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.review.model import Action, Decision, Redaction, Review

BIO = (
    "Quesada currently serves simultaneous roles as vice-president and justice minister in "
    "the administration. She was minister of public security and a deputy in the national "
    "legislature before that."
)
FORM = (
    "2. (SBU) The following women lead ministries of the government:\n\n"
    "NAME: Laura Quesada\n"
    "TITLE AND INSTITUTION: First Vice President of Costa Rica and\n"  # the wrap's line end
    "Minister of Justice\n"
    "CONTACT INFORMATION: Tel: (506) 280-7776\n" + "\n".join(textwrap.wrap(BIO, 66)) + "\n"
)
PROSE = (
    "\n".join(
        textwrap.wrap(
            "3. (U) Post will follow the careers of the three women closely and report on their "
            "work in the ministries and in the legislature during the year.",
            66,
        )
    )
    + "\n"
)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_each_labelled_line_starts_a_row() -> None:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + "1. (U) Summary.\n\n" + FORM + "\n" + PROSE + "\nSTANTON\n", "x.txt")
    review = Review.for_cable(cable)
    p = cable.paragraphs[1]
    spans = []
    for word in ("Laura Quesada", "(506) 280-7776", "Quesada currently"[:7]):
        at = cable.text.find(word, p.body_start)
        while at != -1 and at < p.end:
            spans.append(Redaction(at, at + len(word), ("(b)(6)",)))
            at = cable.text.find(word, at + len(word))
    spans = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
    review.with_decision(p.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    review = release_rest(review)
    pdf = publish.make("release", cable, review, OPTIONS)
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True)
    lines = [" ".join(line.split()) for line in out.stdout.decode().splitlines()]
    starts = {line.split(":")[0] for line in lines if ":" in line}
    assert {"NAME", "TITLE AND INSTITUTION", "CONTACT INFORMATION"} <= starts, lines
    contact = next(line for line in lines if line.startswith("CONTACT INFORMATION"))
    assert "currently" not in contact and "Justice" not in contact
