"""A withheld name stays withheld inside an address and with a plain suffix (newcomer 4,
finding 2): withholding "Mayi Antillon" printed ``mantillon@asamblea.go.cr``, and "Raouf Hindy"
printed "Mr. Hindys", and verify called both releases clean. The cable is written here."""

from __future__ import annotations

import shutil
import subprocess

import corpus
import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS

from workbench.cable import Cable, parse_cable, read_cable
from workbench.export import publish
from workbench.export.vaughn import rows_for
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import Needles, addresses, needles, repeats_in

BODY = """1. (U) Post met members of the community this month.

2. (C) We met Raouf Hindy, who appears regularly on television. Write to him at
rhindy@example.org, or see www.hindy-rights.org and @RaoufHindy on Twitter. Mr. Hindys
said the ministry refused. Contact the Embassy at consular@state.gov.

3. (U) Post will follow the issue.
"""
NAME = "Raouf Hindy"
GONE = ("rhindy", "hindy-rights", "RaoufHindy", "Hindys")


def reviewed() -> tuple[Cable, Review]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    p2 = cable.paragraphs[1]
    i = cable.text.index(NAME, p2.body_start)
    span = Redaction(i, i + len(NAME), ("(b)(6)",))
    review.with_decision(p2.index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def test_the_rule_withholds_addresses_and_suffixes_holding_the_name() -> None:
    cable, review = reviewed()
    spans = review.effective(cable.paragraphs[1].index).decision.spans
    withheld = {cable.text[s.start : s.end]: s.comment for s in spans}
    assert withheld["rhindy@example.org"].endswith("(a name inside an address)")
    assert "www.hindy-rights.org" in withheld and "@RaoufHindy" in withheld
    assert withheld["Hindys"] == "repeats text withheld in paragraph 2"
    assert "consular@state.gov" not in withheld  # an address without the name stays


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_release_prints_none_of_them_and_the_index_says_why() -> None:
    cable, review = reviewed()
    data = publish.make("release", cable, review, OPTIONS)  # verified, else ExportError
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert not [g for g in GONE if g.casefold() in text.casefold()]
    assert "consular@state.gov" in text and "Twitter" in text
    rows = rows_for(cable, review)
    assert sum("(a name inside an address)" in r.withheld for r in rows) == 3


def test_verify_finds_what_the_rule_would_withhold() -> None:
    _cable, review = reviewed()
    wanted = needles(review)
    said = repeats_in("write to RHINDY@example.org today", wanted)
    # The address, and in it the handle of "Raouf Hindy" (newcomer 5, finding 18).
    assert said == [("rhindy", "paragraph 2"), ("RHINDY@example.org", "paragraph 2")]
    assert repeats_in("Mr. Hindys said", wanted) == [("hindy", "paragraph 2")]
    assert repeats_in("Mr. Hindyson said", wanted) == []
    assert repeats_in("see consular@state.gov.", wanted) == []
    assert repeats_in("x", Needles({})) == []


def test_addresses_end_before_the_sentence_does() -> None:
    text = "mail a.b@c.org. Or www.x.org/y, or @handle; not user@localhost"
    assert [text[s:e] for s, e in addresses(text)] == ["a.b@c.org", "www.x.org/y", "@handle"]


def test_san_jose_deputies_addresses() -> None:
    path = corpus.CORPUS / "cables" / "07SANJOSE188.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    cable = read_cable(path)
    review = Review.for_cable(cable)
    p1 = cable.paragraphs[0]
    spans = []
    for name in ("Mayi Antillon", "Yalile Esna Williams"):
        i = cable.text.index(name, p1.body_start)
        spans.append(Redaction(i, i + len(name), ("(b)(6)",)))
    review.with_decision(p1.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    got = {cable.text[s.start : s.end] for s in review.effective(p1.index).decision.spans}
    assert {"mantillon@asamblea.go.cr", "yesna@asamblea.go.cr"} <= got
    publish.make("release", cable, review, OPTIONS)  # verified


def test_a_three_letter_surname_beside_initials_in_an_address() -> None:
    """Newcomer 5, finding 17: with "Kim Hye-jin" withheld, ``kimhj@mofat.go.kr`` printed (a
    name part of three letters was not looked for inside addresses), and verify passed."""
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    body = (
        "1. (C) We met Kim Hye-jin of MOFAT.\n\n2. (C) Write to kimhj@mofat.go.kr or "
        "hj.kim@mofat.go.kr; not kimberly@example.org or www.kimchi.kr.\n\n"
    )
    cable = parse_cable(head + body + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    i = cable.text.index("Kim Hye-jin")
    span = Redaction(i, i + len("Kim Hye-jin"), ("(b)(6)",))
    review.with_decision(cable.paragraphs[0].index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    spans = review.effective(cable.paragraphs[1].index).decision.spans
    withheld = {cable.text[s.start : s.end] for s in spans}
    assert withheld == {"kimhj@mofat.go.kr", "hj.kim@mofat.go.kr"}
    wanted = needles(review)
    assert repeats_in("mail kimhj@mofat.go.kr", wanted) == [("kimhj@mofat.go.kr", "paragraph 1")]
    assert repeats_in("mail kimberly@example.org", wanted) == []
