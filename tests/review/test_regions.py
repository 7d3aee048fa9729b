"""The partition: every character of a cable in exactly one region, and nothing released that
no reviewer or visible rule released."""

from __future__ import annotations

import corpus
import pytest

from workbench.cable import Cable, read_cable
from workbench.review import Action, Review, commands, partition
from workbench.review.rules import rule_for


def check_partition(cable: Cable) -> None:
    regions = partition(cable).regions
    pos = 0
    for r in regions:
        assert r.start == pos, (cable.path, r)
        assert r.start < r.end and r.start <= r.body_start <= r.end, (cable.path, r)
        pos = r.end
    assert pos == len(cable.text), cable.path
    assert len({r.key for r in regions}) == len(regions), "keys are unique"
    # Blank regions hold white space only; a rule never releases a paragraph's words.
    inside = set()  # regions overlapping a paragraph's body
    for p in cable.paragraphs:
        inside.update(x.key for x in partition(cable).overlapping(p.body_start, p.end))
    for r in regions:
        if r.kind == "blank":
            assert not cable.text[r.start : r.end].strip()
        if rule_for(r.kind) is not None:
            assert r.key not in inside, (cable.path, r)


def test_the_sample_is_partitioned(sample: Cable) -> None:
    check_partition(sample)
    keys = [r.key for r in partition(sample).decidable()]
    assert keys == [
        "routing:1",
        "from",
        "to",
        "info",
        "classification",
        "caption:1",
        "caption:2",
        "passing:1",
        "eo",
        "tags",
        "subject",
        "refs",
        "classified_by",
        "reasons",
        "p1",
        "p2",
        "p3",
        "p4",
        "signature",
    ]
    text = sample.text
    p = partition(sample)
    assert text[p["passing:1"].body_start : p["passing:1"].end].startswith("LCC SEOUL")
    assert text[p["subject"].start : p["subject"].body_start] == "SUBJECT: "
    assert text[p["classified_by"].body_start : p["classified_by"].end] == "A/DCM Joseph Y. Yun"


@pytest.mark.corpus
@pytest.mark.skipif(not corpus.available(), reason="../shared/corpus is absent")
def test_every_corpus_cable_and_variant_is_partitioned_exactly() -> None:
    rows = corpus.index()
    assert len(rows) > 2000
    for truth in rows:
        check_partition(read_cable(truth.path))


def _corpus_cable(name: str) -> Cable:
    path = corpus.CORPUS / "cables" / name
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    return read_cable(path)


def test_harare_comment_on_a_page_break_line_waits_for_a_reviewer() -> None:
    """00HARARE6677: paragraph 11 begins on a page-break line. Its text must be in a region no
    rule releases (since issue 14's reader, paragraph 11 itself; before, page debris)."""
    cable = _corpus_cable("00HARARE6677.txt")
    review = Review.for_cable(cable)
    at = cable.text.index("TSVANGIRAI WAS FRANK")
    region = partition(cable).at(at)
    assert region is not None and rule_for(region.kind) is None
    assert review.effective(region).action == Action.PENDING
    assert region.kind == "paragraph" and cable.paragraphs[region.paragraph - 1].number == 11
    # Every paragraph the window lists withheld: the comment is withheld with them.
    for p in cable.paragraphs:
        commands.withhold(p, ["(b)(1)", "1.4(d)"]).apply(review)
    assert region not in review.pending()
    withheld = review.withholdings(cable, allow_pending=True)
    assert any(w.start <= at < w.end for w in withheld)


def test_yerevan_without_paragraphs_is_not_complete() -> None:
    """08YEREVAN649: its body runs together on one line; since issue 14's reader its
    paragraphs are read there, and the body is still there to decide."""
    cable = _corpus_cable("08YEREVAN649.txt")
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 9))
    review = Review.for_cable(cable)
    assert not review.is_complete
    at = cable.text.index("The Prime Minister convoked the Charge")
    assert partition(cable).at(at).kind == "paragraph"
    assert review.effective(partition(cable).at(at)).action == Action.PENDING
    # The repeated header lines follow the originals: withholding the subject withholds them.
    repeats = [r for r in partition(cable) if r.kind == "repeat" and r.follows == "subject"]
    assert repeats
    commands.withhold("subject", ["(b)(1)"]).apply(review)
    assert all(review.effective(r).action == Action.WITHHOLD for r in repeats)


def test_redact_over_two_paragraphs_and_a_field_and_unredact_it(sample: Cable) -> None:
    review = Review.for_cable(sample)
    text = sample.text
    commands.release("p3").apply(review)
    # From the middle of the subject to the middle of paragraph 3.
    start = text.index("CLUSTER MUNITIONS")
    end = text.index("the Government of Norway") + 3
    step = commands.redact(sample, review, start, end, ["(b)(1)"])
    step.apply(review)
    touched = {k for k, d in review.decisions.items() if d.spans}
    assert {"subject", "refs", "classified_by", "p1", "p2", "p3"} <= touched
    # A line a rule releases is redacted too where selected: released in part.
    assert review.effective("reasons").action == Action.PARTIAL
    # Nothing was released: pending regions stay pending, the released one became partial.
    assert review.decision("p1").action == Action.PENDING
    assert review.decision("p3").action == Action.PARTIAL
    # No span covers a label or white space at a region's edge.
    for key in touched:
        r = review.partition[key]
        for s in review.decision(key).spans:
            assert r.body_start <= s.start and not text[s.start].isspace()
    commands.unredact(review, start, end).apply(review)
    assert not any(d.spans for d in review.decisions.values())
    assert review.decision("p3").action == Action.RELEASE  # as it was before the redaction
    assert review.decision("p1").action == Action.PENDING


def test_release_keeps_spans_already_redacted(sample: Cable) -> None:
    review = Review.for_cable(sample)
    s = sample.text.index("Kim Hye-jin")
    commands.redact(sample, review, s, s + 11, ["(b)(6)"]).apply(review)
    assert review.decision("p2").action == Action.PENDING
    commands.release("p2").apply(review)
    d = review.decision("p2")
    assert d.action == Action.PARTIAL and [(x.start, x.end) for x in d.spans] == [(s, s + 11)]


def test_a_rule_switched_off_leaves_its_regions_pending(sample: Cable) -> None:
    review = Review.for_cable(sample)
    assert review.effective("routing:1").by == "rule:routing"
    commands.set_rule("routing", False).apply(review)
    assert review.effective("routing:1").action == Action.PENDING
    w = review.withholdings(sample, allow_pending=True)
    r = review.partition["routing:1"]
    assert any(x.start <= r.body_start and r.end <= x.end for x in w)
