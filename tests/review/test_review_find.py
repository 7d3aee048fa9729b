"""Find and redact on the sample cable: bodies only, the subject as a field, one step."""

from __future__ import annotations

import copy

import pytest

from workbench.cable import Cable
from workbench.review import Action, Review, ReviewError, commands
from workbench.review.find import compile_pattern, find, redact_command, same_text


def test_term_is_found_in_bodies_only(sample: Cable) -> None:
    props = find(sample, compile_pattern("c"))  # a letter in every label's "(C)" marking
    for q in props:
        if q.kind == "span":
            p = sample.paragraphs[q.paragraph - 1]  # type: ignore[operator]
            assert p.body_start <= q.start < q.end <= p.end
    assert not any(
        q.start == p.marking.start + 1 for q in props for p in sample.paragraphs if p.marking
    )


def test_subject_match_proposes_a_span_in_the_field(sample: Cable) -> None:
    props = find(sample, compile_pattern("cluster munitions"))
    fields = [q for q in props if q.kind == "field"]
    assert [q.field for q in fields] == ["subject"] and fields[0].text == "CLUSTER MUNITIONS"
    assert any(q.kind == "span" and q.paragraph == 2 for q in props)
    review = Review.for_cable(sample)
    step = redact_command(sample, props, ["(b)(1)"])
    before = copy.deepcopy(review)
    step.apply(review)
    subject = review.decision("subject")
    assert [sample.text[x.start : x.end] for x in subject.spans] == ["CLUSTER MUNITIONS"]
    # Applying never decides a pending region: the rest of it is still for a reviewer.
    assert subject.action == Action.PENDING and review.decision(2).action == Action.PENDING
    assert review.decision(2).spans
    step.revert(review)
    assert review == before


def test_case_word_and_regex_options(sample: Cable) -> None:
    assert len(find(sample, compile_pattern("kim"))) == 8
    assert find(sample, compile_pattern("kim", match_case=True)) == []
    assert (
        len(find(sample, compile_pattern("ROK", match_case=True, whole_word=True))) == 2
    )  # (ROK), ROK-Japan
    rokg = find(sample, compile_pattern(r"\bR\w+G\b", regex=True, match_case=True))
    assert {q.text for q in rokg} == {"ROKG"}
    assert len(rokg) == 1 + sum(p.text.count("ROKG") for p in sample.paragraphs)  # + subject
    # Empty matches propose nothing.
    assert all(q.end > q.start for q in find(sample, compile_pattern("x*", regex=True)))
    with pytest.raises(ReviewError, match="not a valid regular expression"):
        compile_pattern("(b", regex=True)
    with pytest.raises(ReviewError, match="empty"):
        compile_pattern("  ")


def test_same_name_everywhere(sample: Cable) -> None:
    p2 = sample.paragraphs[1]
    start = sample.text.index("Kim Hye-jin", p2.body_start)
    props = find(sample, same_text(sample, start, start + 3))
    assert {q.paragraph for q in props} == {2, 3}


def test_withheld_and_redacted_text_is_marked_covered(sample: Cable) -> None:
    review = Review.for_cable(sample)
    commands.withhold(sample.paragraphs[1], ["(b)(1)"]).apply(review)
    pattern = compile_pattern("Kim")
    step = redact_command(sample, find(sample, pattern, review), ["(b)(6)"])
    assert step.paragraphs == {3}
    step.apply(review)
    assert review.decision(2).action == Action.WITHHOLD  # left alone
    assert len(review.decision(3).spans) == 4
    assert all(q.covered for q in find(sample, pattern, review))
    with pytest.raises(ReviewError, match="nothing to redact"):
        redact_command(sample, find(sample, pattern, review), ["(b)(6)"])


def test_find_is_importable_as_a_module() -> None:
    """``from workbench.review import find`` gives the module, as the GUI uses it."""
    import types

    from workbench.review import find as find_module

    assert isinstance(find_module, types.ModuleType)
    assert find_module.find is find


def test_context_adds_no_space_the_cable_does_not_have() -> None:
    from workbench.commands.review import _context

    text = "Chairman Abouzeid Dorda, Chairman of the (Dorda denied it)\nand went on."
    first = text.index("Dorda")
    assert "...Chairman Abouzeid [Dorda], Chairman of the (" in _context(text, first, first + 5)
    second = text.index("Dorda", first + 1)
    assert "the ([Dorda] denied it) and went" in _context(text, second, second + 5)
