"""Every change command: apply, revert (undo), re-apply (redo), merging and refusals."""

from __future__ import annotations

import copy

import pytest

from workbench.cable import Cable
from workbench.review import Action, Decision, Redaction, Review, ReviewError, commands


def fresh(cable: Cable) -> Review:
    return Review.for_cable(cable)


def roundtrip(review: Review, command: commands.Command) -> Review:
    """Apply, revert and re-apply; check revert restores the exact earlier state."""
    before = copy.deepcopy(review)
    command.apply(review)
    after = copy.deepcopy(review)
    command.revert(review)
    assert review == before
    command.apply(review)
    assert review == after
    return review


def test_release_withhold_pending(sample: Cable) -> None:
    p1, p2 = sample.paragraphs[0], sample.paragraphs[1]
    r = fresh(sample)
    by_rules = r.decided_count  # routing lines, markings, page breaks (review/rules.py)
    roundtrip(r, commands.release(p1))
    assert r.decision(1).action == Action.RELEASE
    roundtrip(r, commands.withhold(p2, ["(b)(1)", "1.4(d)", "(b)(1)"], "foreign relations"))
    assert r.decision(2) == Decision(Action.WITHHOLD, ("(b)(1)", "1.4(d)"), "foreign relations")
    roundtrip(r, commands.set_pending(p2))
    assert r.decision(2).action == Action.PENDING and "p2" not in r.decisions
    assert r.decided_count == by_rules + 1 and not r.is_complete


def test_partial_with_spans(sample: Cable) -> None:
    p3 = sample.paragraphs[2]
    s = p3.body_start
    r = fresh(sample)
    roundtrip(r, commands.partial(p3, [Redaction(s, s + 3, ("(b)(6)",))]))
    d = r.decision(3)
    assert d.action == Action.PARTIAL and d.spans == (Redaction(s, s + 3, ("(b)(6)",)),)
    assert sample.text[s : s + 3] == "Kim"


def test_complete_only_when_every_region_is_decided(sample: Cable) -> None:
    r = fresh(sample)
    for p in sample.paragraphs:
        commands.release(p).apply(r)
    # Released paragraphs are not a complete review: the header fields, the passing line
    # and the signature are regions too, and a release prints none of them undecided.
    assert not r.is_complete
    assert {x.key for x in r.pending()} == {
        "from",
        "to",
        "info",
        "passing:1",
        "tags",
        "subject",
        "refs",
        "classified_by",
        "signature",
    }
    commands.release_all(r, [x.key for x in r.pending()]).apply(r)
    assert r.is_complete


def test_add_spans_merges_overlaps(sample: Cable) -> None:
    p2 = sample.paragraphs[1]
    b = p2.body_start
    r = fresh(sample)
    commands.release(p2).apply(r)
    roundtrip(r, commands.AddSpans(p2, [Redaction(b + 10, b + 20, ("(b)(6)",))]))
    roundtrip(
        r,
        commands.AddSpans(
            p2,
            [
                Redaction(b + 15, b + 30, ("(b)(1)",), "names"),
                Redaction(b + 30, b + 35, ("(b)(6)",)),  # touching: merges too
                Redaction(b + 50, b + 60, ("(b)(6)",)),
            ],
        ),
    )
    spans = r.decision(2).spans
    assert [(x.start, x.end) for x in spans] == [(b + 10, b + 35), (b + 50, b + 60)]
    assert spans[0].codes == ("(b)(6)", "(b)(1)") and spans[0].comment == "names"
    assert r.decision(2).action == Action.PARTIAL


def test_remove_spans_cuts_and_returns_to_pending(sample: Cable) -> None:
    p2 = sample.paragraphs[1]
    b = p2.body_start
    r = fresh(sample)
    commands.AddSpans(p2, [Redaction(b, b + 20, ("(b)(6)",))]).apply(r)
    roundtrip(r, commands.RemoveSpans(p2, b + 5, b + 10))
    assert [(x.start, x.end) for x in r.decision(2).spans] == [(b, b + 5), (b + 10, b + 20)]
    roundtrip(r, commands.RemoveSpans(p2, b, b + 20))
    assert r.decision(2).action == Action.PENDING


def test_add_spans_to_withheld_paragraph_is_refused(sample: Cable) -> None:
    p2 = sample.paragraphs[1]
    r = fresh(sample)
    commands.withhold(p2, ["(b)(1)"]).apply(r)
    before = copy.deepcopy(r)
    with pytest.raises(ReviewError, match="withheld in full"):
        commands.AddSpans(p2, [Redaction(p2.body_start, p2.body_start + 3, ("(b)(6)",))]).apply(r)
    assert r == before


@pytest.mark.parametrize(
    "offsets",
    [(-5, 3), (0, 3), (50, 60), (-1, 10)],
    ids=["before", "label", "header", "past-end"],
)
def test_span_outside_paragraph_is_refused(sample: Cable, offsets: tuple[int, int]) -> None:
    p2 = sample.paragraphs[1]
    if offsets == (-5, 3):
        start, end = p2.start - 5, p2.start + 3
    elif offsets == (0, 3):
        start, end = p2.start, p2.body_start + 3  # covers the paragraph label
    elif offsets == (-1, 10):
        start, end = p2.end - 1, p2.end + 10
    else:
        start, end = offsets
    with pytest.raises(ReviewError, match=r"outside paragraph 2 \(its text runs from"):
        commands.partial(p2, [Redaction(start, end, ("(b)(6)",))])
    with pytest.raises(ReviewError, match="outside paragraph 2"):
        commands.AddSpans(p2, [Redaction(start, end, ("(b)(6)",))])


def test_refusals_without_codes_or_spans(sample: Cable) -> None:
    p2 = sample.paragraphs[1]
    with pytest.raises(ReviewError, match="at least one exemption code"):
        commands.withhold(p2, [])
    with pytest.raises(ReviewError, match="at least one exemption code"):
        commands.AddSpans(p2, [Redaction(p2.body_start, p2.body_start + 2, (" ",))])
    with pytest.raises(ReviewError, match="needs at least one redacted span"):
        commands.partial(p2, [])
    with pytest.raises(ReviewError, match="is empty"):
        commands.AddSpans(p2, [Redaction(p2.body_start + 5, p2.body_start + 5, ("(b)(6)",))])


def test_field_redactions(sample: Cable) -> None:
    r = fresh(sample)
    roundtrip(r, commands.SetField("subject", ["(b)(1)", "1.4(d)"], cable=sample))
    assert r.fields["subject"].codes == ("(b)(1)", "1.4(d)")
    roundtrip(r, commands.SetField("subject", ["(b)(6)"], "changed my mind"))
    assert r.fields["subject"].codes == ("(b)(6)",)
    roundtrip(r, commands.ClearField("subject"))
    assert "subject" not in r.fields
    with pytest.raises(ReviewError, match="unknown header field"):
        commands.SetField("body", ["(b)(1)"])
    with pytest.raises(ReviewError, match="at least one exemption code"):
        commands.SetField("signature", [])


def test_field_missing_from_cable_is_refused(sample: Cable) -> None:
    from workbench.cable import parse_cable

    bare = parse_cable("SUBJECT: NOTHING ELSE\n\n1. (U) Text.\n")
    with pytest.raises(ReviewError, match="no signature line"):
        commands.SetField("signature", ["(b)(6)"], cable=bare)


def test_composite_is_one_step_and_atomic(sample: Cable) -> None:
    p1, p2, p3 = sample.paragraphs[:3]
    r = fresh(sample)
    step = commands.Composite(
        [
            commands.release(p1),
            commands.withhold(p2, ["(b)(1)"]),
            commands.AddSpans(p3, [Redaction(p3.body_start, p3.body_start + 3, ("(b)(6)",))]),
            commands.SetField("subject", ["(b)(1)"]),
        ],
        "Several at once",
    )
    roundtrip(r, step)
    assert step.paragraphs == {1, 2, 3} and step.fields == {"subject"}
    decided = {k for k, d in r.decisions.items() if d.action != Action.PENDING}
    assert decided == {"p1", "p2", "subject"} and "subject" in r.fields
    # Redacting a span never decides the rest of a pending paragraph.
    assert r.decision(3).action == Action.PENDING and len(r.decision(3).spans) == 1

    # A child that fails leaves the review as it was before the whole step.
    r2 = fresh(sample)
    commands.withhold(p3, ["(b)(1)"]).apply(r2)
    before = copy.deepcopy(r2)
    bad = commands.Composite(
        [
            commands.release(p1),
            commands.AddSpans(p3, [Redaction(p3.body_start, p3.body_start + 3, ("(b)(6)",))]),
        ],
        "fails halfway",
    )
    with pytest.raises(ReviewError):
        bad.apply(r2)
    assert r2 == before


def test_undo_stack_order(sample: Cable) -> None:
    """A stack of changes undone in reverse order returns to the empty review, step by step."""
    p2 = sample.paragraphs[1]
    b = p2.body_start
    r = fresh(sample)
    stack = [
        commands.release(p2),
        commands.AddSpans(p2, [Redaction(b, b + 4, ("(b)(6)",))]),
        commands.AddSpans(p2, [Redaction(b + 2, b + 9, ("(b)(1)",))]),
        commands.withhold(p2, ["(b)(1)"]),
        commands.set_pending(p2),
    ]
    states = [copy.deepcopy(r)]
    for c in stack:
        c.apply(r)
        states.append(copy.deepcopy(r))
    for c, expected in zip(reversed(stack), reversed(states[:-1]), strict=True):
        c.revert(r)
        assert r == expected
    for c, expected in zip(stack, states[1:], strict=True):
        c.apply(r)  # redo
        assert r == expected


def test_revert_before_apply_is_refused(sample: Cable) -> None:
    with pytest.raises(ReviewError, match="never applied"):
        commands.release(sample.paragraphs[0]).revert(fresh(sample))


def test_replace_review_refuses_other_text(sample: Cable) -> None:
    from workbench.cable import parse_cable

    other = parse_cable(sample.text.replace("Kim", "Lee"))
    target = fresh(other)
    commands.release(other.paragraphs[0]).apply(target)
    with pytest.raises(ReviewError, match="another text"):
        commands.ReplaceReview(target).apply(fresh(sample))
