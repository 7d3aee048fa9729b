"""A withheld word found elsewhere in a case (a case term): accepting it lets the package go,
and a word the ``recurrences`` rule already withholds is neither a conflict nor a proposal
(newcomer 6, findings 7 and 8)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from casekit import NUMBER, Case, decide_seed, forms
from copymaker import from_markdown, with_id

from workbench.case.accept import accept
from workbench.case.package import export_package
from workbench.case.proposals import COPY, TERM
from workbench.export.options import ExportOptions
from workbench.review import commands as rc


def _texts() -> dict[str, str]:
    """The seed, and a cable that is its copy but for one more mention of the name in ¶4."""
    texts = forms()
    other = with_id(from_markdown(texts["07SEOUL219"]), "SEOUL", 300).replace(
        "Action Request: Post requests", "Action Request: KIM HYE-\nJIN asked, and Post requests"
    )
    return {"07SEOUL219": texts["07SEOUL219"], "07SEOUL300": other}


def _options() -> ExportOptions:
    return ExportOptions(reviewer="carol", authority="E.O. 13526").resolve()


def _release_pending(case: Case, cid: str) -> None:
    cable = case.cable(cid)
    review = case.store.load(cable)
    for r in review.pending():
        case.store.apply(review, rc.release(r), "bob")
    assert review.is_complete


def test_an_accepted_case_term_names_neither_the_word_nor_the_other_cable(
    make_case: Callable[..., Case], tmp_path: Path
) -> None:
    case = make_case(_texts())
    decide_seed(case)
    cable = case.cable("07SEOUL300")
    review = case.store.load(cable)
    (term,) = [p for p in case.session().proposals("07SEOUL300") if p.kind == TERM]
    assert accept(case.store, cable, review, term, NUMBER, "bob")
    (span,) = review.decision(term.key).spans
    assert span.comment == f"case {NUMBER}: the same text is withheld elsewhere in the case"
    # The audit log keeps where it came from.
    assert "07SEOUL219" in case.store.log("07SEOUL300")[-1].what
    for p in case.session().proposals("07SEOUL300"):
        if p.kind == COPY:
            accept(case.store, cable, review, p, NUMBER, "bob")
    _release_pending(case, "07SEOUL300")
    out = tmp_path / "package"
    export_package(case.session(), out, _options())  # the index check no longer refuses it
    with open(out / "vaughn-index.csv", newline="", encoding="utf-8") as f:
        text = " ".join(" ".join(r.values()) for r in csv.DictReader(f))
    assert "KIM" not in text.upper() and "HYE" not in text.upper()


def test_a_word_the_recurrences_rule_withholds_is_neither_conflict_nor_proposal(
    make_case: Callable[..., Case],
) -> None:
    case = make_case(_texts())
    decide_seed(case)
    cable = case.cable("07SEOUL300")
    review = case.store.load(cable)
    # Only the copies accepted: ¶2's name withheld by its span; ¶4 released whole by the
    # reviewer, where the rule withholds the name again.
    for p in case.session().proposals("07SEOUL300"):
        if p.kind == COPY:
            accept(case.store, cable, review, p, NUMBER, "bob")
    _release_pending(case, "07SEOUL300")
    review = case.store.load(cable)
    drawn = [" ".join(cable.text[s.start : s.end].split()) for s in review.recurrences()["p4"]]
    assert "KIM HYE- JIN" in drawn, drawn
    session = case.session()
    assert [c.summary for c in session.conflicts() if c.kind == "term"] == []
    assert [p for p in session.proposals("07SEOUL300") if p.kind == TERM] == []
    # With the rule off, the reviewer's release prints the name: a conflict again.
    case.store.apply(review, rc.SetRule("recurrences", False), "bob")
    session = case.session()
    (conflict,) = [c for c in session.conflicts() if c.kind == "term"]
    assert conflict.summary.startswith("'Kim Hye-jin' is withheld in ¶2 of 07SEOUL")
