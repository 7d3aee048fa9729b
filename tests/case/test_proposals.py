"""Copies decided alike: every form of a copy is found, near copies and withheld terms are
proposed, and nothing is ever applied without a reviewer's action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from casekit import NAME, NUMBER, Case, decide_seed, forms
from copymaker import from_markdown, rewrap, with_id
from corpus import SAMPLE

from workbench.case.accept import accept
from workbench.case.proposals import COPY, SIMILAR, TERM
from workbench.review import commands as rc
from workbench.review.model import Action

COPIES = ("07STATE12345", "07SEOUL220", "07SEOUL221", "07SEOUL222", "07SEOUL224")


def _with_page_break() -> dict[str, str]:
    texts = forms()
    t = with_id(rewrap(from_markdown(texts["07SEOUL219"]), 60), "SEOUL", 224)
    j = t.index("\n", t.index("co-opted just"))
    texts["07SEOUL224"] = (
        t[: j + 1] + "\nPAGE 02        SEOUL  00219  01 OF 02  230828Z\n\n" + t[j + 1 :]
    )
    return texts


def test_copies_in_every_form_get_the_same_decisions(make_case: Callable[..., Case]) -> None:
    case = make_case(_with_page_break())
    decide_seed(case)
    session = case.session()
    assert session.index.identical_cables()[0][:2] == ["07SEOUL219", "07SEOUL220"]
    for cid in COPIES:
        cable = case.cable(cid)
        got = {p.key: p for p in session.proposals(cid) if p.kind == COPY}
        # Every paragraph, whatever its wrapping, numbering, case or page break.
        assert {"p1", "p2", "p3", "p4", "subject"} <= set(got), cid
        assert got["p3"].decision.action == Action.WITHHOLD  # type: ignore[union-attr]
        assert got["p3"].decision.codes == ("(b)(1)", "1.4(d)")  # type: ignore[union-attr]
        assert got["p3"].reason == "same text as ¶3 of 07SEOUL219 (withheld (b)(1) 1.4(d))"
        assert got["p1"].decision.action == Action.RELEASE  # type: ignore[union-attr]
        # The name withheld in the seed's ¶2 is withheld on the same words in the copy.
        (span,) = got["p2"].decision.spans  # type: ignore[union-attr]
        assert " ".join(cable.text[span.start : span.end].split()) == NAME
        assert span.codes == ("(b)(6)",)


def test_a_near_copy_is_proposed_with_the_words_that_differ(
    make_case: Callable[..., Case],
) -> None:
    case = make_case()
    decide_seed(case)
    cable = case.cable("07SEOUL223")
    (p,) = [p for p in case.session().proposals("07SEOUL223") if p.key == "p2"]
    assert p.kind == SIMILAR
    assert p.reason.startswith("similar to ¶2 of 07SEOUL219 (released in part, 1 span withheld")
    assert [cable.text[a:b] for a, b in p.differs] == ["deeply concerned"]
    (span,) = p.decision.spans  # type: ignore[union-attr]
    assert cable.text[span.start : span.end] == NAME


def test_a_near_copy_missing_a_sentence_says_so(make_case: Callable[..., Case]) -> None:
    texts = forms()
    dropped = " Kim said that the ROKG would welcome future military-to-military discussions on CM."
    plain = texts["07SEOUL221"]
    assert dropped in plain
    case = make_case({"07SEOUL219": texts["07SEOUL219"], "07SEOUL221": plain.replace(dropped, "")})
    decide_seed(case)
    (p,) = [p for p in case.session().proposals("07SEOUL221") if p.key == "p2"]
    assert p.kind == SIMILAR and p.differs == ()
    # Nothing in this copy differs, but the sentence's 14 words ("military-to-military" is
    # three) are not here: said, not hidden.
    assert p.reason.endswith("; 0 words differ, 14 of its words are not here")


def test_near_copies_found_are_the_same_in_every_process(tmp_path: Path) -> None:
    """The LSH's hashes do not depend on Python's per-process string hashing, so a case gives
    the same near copies every time it is opened (they did not at the threshold's edge)."""
    import os
    import subprocess
    import sys

    code = (
        "from workbench.cable import read_cable\n"
        "from workbench.case.index import member\n"
        "from workbench.case.similar import SimilarIndex\n"
        f"m = member(read_cable({str(SAMPLE)!r}))\n"
        "index = SimilarIndex.build([m])\n"
        "print(sorted(tuple(h) for h in index.lsh.hashtables[0].keys())[:5])\n"
    )
    out = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(out) == 1 and out.pop().startswith("[(")


def test_a_withheld_name_is_proposed_wherever_it_occurs(make_case: Callable[..., Case]) -> None:
    texts = forms()
    # Another cable of the case that names her in other words (not a copy of any paragraph).
    other = with_id(from_markdown(texts["07SEOUL219"]), "SEOUL", 300).replace(
        "Action Request: Post requests", "Action Request: KIM HYE-\nJIN asked, and Post requests"
    )
    case = make_case({"07SEOUL219": texts["07SEOUL219"], "07SEOUL300": other})
    decide_seed(case)
    cable = case.cable("07SEOUL300")
    terms = [p for p in case.session().proposals("07SEOUL300") if p.kind == TERM]
    assert [cable.text[p.start : p.end] for p in terms] == ["KIM HYE-\nJIN"]
    assert terms[0].codes == ("(b)(6)",) and terms[0].key == "p4"
    assert terms[0].reason == "'Kim Hye-jin' is withheld (b)(6) in ¶2 of 07SEOUL219"


def test_nothing_is_applied_without_a_reviewer(make_case: Callable[..., Case]) -> None:
    from workbench.cli import main

    case = make_case()
    decide_seed(case)
    session = case.session()
    for cid in COPIES[:4]:
        assert session.proposals(cid)
    # Showing, listing and suggesting propose; they decide nothing.
    for argv in (
        ["case", "show", NUMBER],
        ["case", "proposals", NUMBER],
        ["suggest", str(case.folder), "--case", NUMBER],
    ):
        assert main([*argv, "--store", str(case.store_path)]) == 0, argv
    for cid in COPIES[:4]:
        assert case.store.load(case.cable(cid)).decisions == {}, cid
        assert case.store.log(cid) == []
    # One acceptance is one audited decision, naming what it accepted.
    cable = case.cable("07SEOUL220")
    review = case.store.load(cable)
    p3 = next(p for p in session.proposals("07SEOUL220") if p.key == "p3")
    assert accept(case.store, cable, review, p3, NUMBER, "bob")
    assert set(case.store.load(cable).decisions) == {"p3"}
    (entry,) = case.store.log("07SEOUL220")
    assert entry.reviewer == "bob"
    assert entry.what == (
        "¶3: withhold (b)(1), 1.4(d) (accepted proposal of case F-2026-00001: same text as ¶3 "
        "of 07SEOUL219)"
    )
    # Accepting all: each its own audited decision.
    session.refresh()
    rest = session.proposals("07SEOUL220")
    from workbench.case.accept import accept_all

    done, skipped = accept_all(case.store, cable, review, rest, NUMBER, "bob")
    assert (done, skipped) == (len(rest), [])
    assert len(case.store.log("07SEOUL220")) == 1 + len(rest)
    assert case.store.load(cable).is_complete


def test_accept_on_the_command_line_takes_tags_that_do_not_shift(
    make_case: Callable[..., Case], capsys: pytest.CaptureFixture[str]
) -> None:
    """`case accept N CABLE TAG`: the tag `case proposals` printed still names the same
    proposal after others were accepted (a list number would have moved to another one), a
    number is refused, and a tag whose source was decided again is refused, accepting nothing."""
    from workbench.cli import main

    case = make_case()
    decide_seed(case)
    store = ["--store", str(case.store_path), "--reviewer", "bob"]
    listed = case.session().proposals("07SEOUL221")
    first, later = listed[0], listed[-1]
    assert main(["case", "accept", NUMBER, "07SEOUL221", first.tag, *store]) == 0
    assert first.tag in capsys.readouterr().out
    assert main(["case", "accept", NUMBER, "07SEOUL221", later.tag, *store]) == 0
    decided = case.store.load(case.cable("07SEOUL221")).decisions
    assert set(decided) == {first.key, later.key}
    assert main(["case", "accept", NUMBER, "07SEOUL221", "2", *store]) == 1
    assert "not its number" in capsys.readouterr().err
    # The seed's ¶4 decided again: the proposal it made is another one now.
    p4 = next(p for p in case.session().proposals("07SEOUL220") if p.key == "p4")
    c = case.cable("07SEOUL219")
    review = case.store.load(c)
    case.store.apply(review, rc.withhold(c.paragraphs[3], ["(b)(5)"]), "alice")
    assert main(["case", "accept", NUMBER, "07SEOUL220", p4.tag, *store]) == 1
    assert "has no proposal" in capsys.readouterr().err
    assert case.store.load(case.cable("07SEOUL220")).decisions == {}
