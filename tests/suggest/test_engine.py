"""The source interface: a new source plugs in, kinds filter, rejections hold, bad spans drop."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from cables import MIXED

from workbench.cable import parse_cable
from workbench.cable.model import Cable
from workbench.suggest import (
    SuggestContext,
    Suggestion,
    known_kinds,
    make_context,
    register_source,
    suggest,
    unregister_source,
)


class CaseTerms:
    """What issue 15's case-memory source will look like: it proposes a term decided before."""

    name = "test-case-terms"
    kinds = ("case-term",)

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        i = cable.text.find("Geneva")
        yield Suggestion(i, i + 6, "Geneva", "case-term", ("(b)(6)",), "withheld in case", 0.9)
        yield Suggestion(-5, 3, "bad", "case-term", (), "outside the text", 0.9)


@pytest.fixture
def case_terms() -> Iterable[None]:
    register_source(CaseTerms())
    yield
    unregister_source("test-case-terms")


def test_a_registered_source_is_run_and_its_kind_is_known(case_terms: None) -> None:
    cable = parse_cable(MIXED, path="t.txt")
    assert "case-term" in known_kinds()
    got = [s for s in suggest(cable) if s.kind == "case-term"]
    assert [s.text for s in got] == ["Geneva"]  # the span outside the text was dropped


def test_kinds_select_sources(case_terms: None) -> None:
    cable = parse_cable(MIXED, path="t.txt")
    assert {s.kind for s in suggest(cable, ["case-term"])} == {"case-term"}
    assert "case-term" not in {s.kind for s in suggest(cable, ["person"])}


def test_rejected_texts_are_not_proposed_again() -> None:
    cable = parse_cable(MIXED, path="t.txt")
    before = [s.text for s in suggest(cable)]
    assert "Kowalczyk" in before
    ctx = make_context(rejected=["KOWALCZYK", "jan  kowalczyk"])  # case and spacing folded
    after = [s.text for s in suggest(cable, context=ctx)]
    assert "Kowalczyk" not in after and "Jan Kowalczyk" not in after
    assert "Lindqvist" in after


def test_something_that_is_not_a_source_is_refused() -> None:
    with pytest.raises(TypeError):
        register_source(object())  # type: ignore[arg-type]
