"""The review copy shows everything, marks what is withheld and notes the rules' findings."""

from __future__ import annotations

from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review

from workbench.cable import parse_cable, read_cable
from workbench.declass.engine import assess
from workbench.export.review_copy import Note, render_review_copy
from workbench.export.verify import extract
from workbench.review.model import Decision, text_hash


def test_everything_visible_and_marked():
    cable = read_cable(SAMPLE)
    review = sample_review(cable)
    review.with_decision(4, Decision())  # pending is shown, not refused
    eo = cable.eo
    notes = [Note("the DECL date needs a look", eo.start, eo.end), Note("a general remark")]
    found = extract(render_review_copy(cable, review, OPTIONS, notes))
    text = "".join(found.pages)
    for withheld in ("Kim Hye-jin", "Joseph Y. Yun", "Government of Norway", "Post requests"):
        assert withheld in text
    assert "NOT FOR RELEASE" in text and "CONFIDENTIAL" in text
    assert "PROPOSED: RELEASE IN PART" in text
    assert "PENDING REVIEW" in text and "(b)(1) 1.4(d)" in text
    assert "[1] the DECL date needs a look" in text and "! [1]" in text
    assert "[2] a general remark" in text
    assert "not for release" in found.metadata["/Title"]


def test_findings_of_the_rules_engine_are_listed():
    cable = read_cable(SAMPLE)
    # A DECL date before the cable's own date is a finding (declassification.md section 5).
    broken = parse_cable(cable.text.replace("DECL: 01/23/2017", "DECL: 01/23/2005"))
    findings = assess(broken).findings
    assert findings
    review = sample_review(cable)
    review.cable_hash = text_hash(broken.text)  # same length: the sample's offsets still fit
    text = "".join(extract(render_review_copy(broken, review, OPTIONS, findings)).pages)
    assert f"Findings: {len(findings)}" in text
    assert findings[0].message.split()[0] in text


def test_the_decided_count_is_the_one_review_show_gives():
    # newcomer 6, finding 23: "Decided: 6 of 11 paragraphs" where only header regions were
    from workbench.review.model import Action

    cable = read_cable(SAMPLE)
    review = sample_review(cable)
    for p in cable.paragraphs:
        review.with_decision(p.index, Decision())  # every paragraph pending again
    review.with_decision(2, Decision(Action.WITHHOLD, ("(b)(6)",)))  # but one
    assert review.decided_count > 1
    found = extract(render_review_copy(cable, review, OPTIONS, []))
    text = " ".join(" ".join(found.pages).split())
    n, total, paras = review.decided_count, review.region_count, review.paragraph_count
    assert f"Decided: {n} of {total} regions (1 of {paras} paragraphs)" in text, text[-400:]
