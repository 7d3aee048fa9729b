"""Release PDFs of real corpus cables under seeded random reviews: checked by pypdf text
extraction (an independent checker), by `verify`, and by Free Law Project's x-ray."""

from __future__ import annotations

import asyncio
import io
import random
from dataclasses import replace

import corpus
import pytest
from export_checks import problems
from export_helpers import OPTIONS, random_review

from workbench.cable import read_cable
from workbench.export.release import render_release
from workbench.export.stamps import stamps_for
from workbench.export.verify import extract, verify
from workbench.review.model import PENDING_CODE

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus.available(), reason="../shared/corpus is absent"),
]

N_CABLES = 40


@pytest.fixture(scope="module")
def releases():
    """(cable, review, pdf) for 40 cables picked by a fixed seed, varied forms included."""
    rng = random.Random(20261127)
    rows = corpus.index()
    picked = rng.sample(rows, N_CABLES)
    out = []
    for truth in picked:
        cable = read_cable(truth.path)
        pending = rng.random() < 0.2
        review = random_review(cable, rng, pending=pending)
        options = replace(OPTIONS, allow_pending=pending)
        out.append((cable, review, render_release(cable, review, options), options))
    return out


def test_no_withheld_text_and_all_released_text(releases):
    withheld = 0
    for cable, review, pdf, options in releases:
        ws = review.withholdings(cable, allow_pending=True)
        withheld += len(ws)
        st = stamps_for(cable, ws, False, options)
        frame = {st.struck, st.marking, st.header, *st.decl_block}
        assert problems(pdf, cable, review, frame) == [], cable.id
    assert withheld > 50  # the random reviews did withhold a good deal


def test_verify_agrees(releases):
    for cable, review, pdf, options in releases:
        report = verify(cable, review, extract(pdf), options)
        assert report.ok, (cable.id, report.leaks[:3], report.missing[:3])


def test_pending_paragraphs_show_the_pending_code(releases):
    seen = 0
    for cable, review, pdf, options in releases:
        if options.allow_pending and any(
            w.codes == (PENDING_CODE,) for w in review.withholdings(cable, True)
        ):
            assert PENDING_CODE in "".join(extract(pdf).pages)
            seen += 1
    assert seen >= 1


def test_verify_catches_a_release_made_from_the_wrong_review(releases):
    """The same PDF judged against a review that withholds more must be reported as leaking."""
    from workbench.review.model import Action, Decision

    cable, review, pdf, _ = next(
        r for r in releases if any(review_released(r[1], p) for p in r[0].paragraphs)
    )
    stricter = review.copy()
    p = next(p for p in cable.paragraphs if review_released(review, p))
    stricter.with_decision(p.index, Decision(Action.WITHHOLD, ("(b)(6)",)))
    report = verify(cable, stricter, extract(pdf), OPTIONS)
    assert report.leaks, "a released paragraph now withheld must show as a leak"


def review_released(review, p) -> bool:
    from workbench.review.model import Action

    return review.decision(p.index).action == Action.RELEASE and len(p.text.split()) > 8


@pytest.fixture(scope="module")
def xray():
    return pytest.importorskip("xray", reason="x-ray (the test extra) is not installed")


def test_xray_finds_no_bad_redactions(releases, xray):
    for cable, _, pdf, _ in releases:
        assert asyncio.run(xray.inspect(pdf)) == {}, cable.id


def test_xray_catches_text_drawn_under_a_box(xray):
    """The classic leak, made on purpose: text drawn, then a black rectangle over it."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen.canvas import Canvas

    secret = "Ambassador met the source at the old customs house"
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=letter)
    c.setFont("Courier", 10)
    c.drawString(72, 600, f"Paragraph 2. {secret} on Tuesday.")
    c.rect(150, 596, 330, 14, stroke=0, fill=1)
    c.showPage()
    c.save()
    found = asyncio.run(xray.inspect(buf.getvalue()))
    assert found and "customs" in found[1][0]["text"]
