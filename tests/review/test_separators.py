"""A separator line (----, ***, the full stop after the classification reasons) carries no
text: it is no region to decide, and it is printed or withheld with the region before it
(newcomer 3, finding 38)."""

from __future__ import annotations

import corpus
import pytest

from workbench.cable import read_cable
from workbench.review import Review, commands, partition


def _reykjavik():  # type: ignore[no-untyped-def]
    path = corpus.CORPUS / "variants" / "08REYKJAVIK91.markdown.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    return read_cable(path)


def test_separators_are_not_regions_to_decide() -> None:
    cable = _reykjavik()
    seps = [r for r in partition(cable) if r.kind == "separator"]
    assert [(cable.text[r.start : r.end][:3], r.follows) for r in seps] == [
        (".", "reasons"),  # the full stop after "for reasons 1.4 (b) and (d)"
        ("---", "p3"),  # the underline of a heading the reader keeps in paragraph 3
        ("---", "p9"),
    ]
    review = Review.for_cable(cable)
    assert not any(r.kind == "separator" for r in review.regions())
    assert not any(r.kind == "separator" for r in review.pending())


def test_a_separator_is_withheld_with_the_region_it_follows() -> None:
    cable = _reykjavik()
    review = Review.for_cable(cable)
    sep = next(r for r in partition(cable) if r.follows == "p3")
    for r in review.regions():
        commands.release(r.key).apply(review)
    assert not review.withholdings(cable)  # printed with p3
    commands.withhold("p3", ["(b)(1)", "1.4(d)"]).apply(review)
    (w,) = [w for w in review.withholdings(cable) if w.start == sep.start]
    assert (w.end, w.codes) == (sep.end, ("(b)(1)", "1.4(d)"))
    # Pending, exported as a draft: withheld as PENDING REVIEW with it; not without.
    commands.set_pending("p3").apply(review)
    assert not any(w.start == sep.start for w in review.withholdings(cable))
    (w,) = [w for w in review.withholdings(cable, allow_pending=True) if w.start == sep.start]
    assert w.codes == ("PENDING REVIEW",)


def test_a_release_and_its_index_with_a_withheld_underlined_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from workbench.cli import main
    from workbench.export.vaughn import rows_for

    cable = _reykjavik()
    review = Review.for_cable(cable)
    decisions = [{"region": r.key, "action": "release"} for r in review.regions() if r.key != "p3"]
    decisions.append({"region": "p3", "action": "withhold", "codes": ["(b)(1)", "1.4(d)"]})
    f = tmp_path / "d.json"
    f.write_text(json.dumps({"cable": "08REYKJAVIK91", "decisions": decisions}))
    pdf = tmp_path / "r.pdf"
    assert (
        main(
            [
                "export",
                str(cable.path),
                "--decisions",
                str(f),
                "--out",
                str(pdf),
                "--reviewer",
                "T. Rev",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "verify",
                str(pdf),
                "--cable",
                str(cable.path),
                "--decisions",
                str(f),
                "--reviewer",
                "T. Rev",
            ]
        )
        == 0
    )
    for r in review.regions():
        commands.release(r.key).apply(review)
    commands.withhold("p3", ["(b)(1)", "1.4(d)"]).apply(review)
    # One row for paragraph 3; none for the underline withheld in its box.
    # The sample is in the Markdown form: its ¶3 is printed "13." (newcomer 6, finding 11).
    assert [r.paragraph for r in rows_for(cable, review)] == ["3 (printed 13.)"]


# -- decisions files and stored reviews naming a separator -----------------------------------
def test_a_decisions_file_naming_a_separator_is_refused_in_one_sentence(
    tmp_path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    """Separators are no regions to decide (they follow the region before them): an entry for
    one is refused, the file named, nothing imported, and the sentence says what to do (an
    older export, from before separators followed their region, may hold such an entry)."""
    import json

    from workbench.cli import main
    from workbench.review import SqliteStore

    cable = read_cable(corpus.SAMPLE)
    (sep,) = [r for r in partition(cable) if r.kind == "separator"]  # the '.' after 1.4 (b,d)
    f = tmp_path / "d.json"
    entries = [
        {"region": "subject", "action": "release"},
        {"region": sep.key, "action": "withhold", "codes": ["(b)(1)"]},
    ]
    f.write_text(json.dumps({"cable": "07SEOUL219", "decisions": entries}))
    store = tmp_path / "s.sqlite3"
    args = ["review", "import", str(corpus.SAMPLE), str(f), "--store", str(store)]
    assert main([*args, "--reviewer", "x"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{f}: decisions[1]: separator:1 is a separator line (punctuation only)" in err
    assert "it follows Classification reasons, printed or withheld with it" in err
    assert "remove the entry" in err
    with SqliteStore(store) as s:  # no half-import: the subject entry was not stored either
        assert s.log("07SEOUL219") == []


def test_a_stored_decision_on_a_separator_is_dropped_and_the_log_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A review saved when a separator was a region of its own (before finding 38): reading it
    moves every decision to this reader's regions; the separator's own is dropped (it would
    be kept and never used) and the audit log says which and why."""
    import json
    import sqlite3

    from workbench.review import SqliteStore
    from workbench.review.jsonform import decision_to_json
    from workbench.review.model import Action, Decision

    cable = read_cable(corpus.SAMPLE)
    (sep,) = [r for r in partition(cable) if r.kind == "separator"]
    path = tmp_path / "s.sqlite3"
    with SqliteStore(path) as s:
        review = s.load(cable)
        s.apply(review, commands.release(cable.paragraphs[0]), "alice")
    # As the older workbench saved it: the separator among the regions, with a decision.
    db = sqlite3.connect(path)
    (regions,) = db.execute("SELECT regions FROM reviews").fetchone()
    old = sorted([*json.loads(regions), [sep.key, sep.start, sep.end]], key=lambda r: r[1])
    db.execute("UPDATE reviews SET regions = ?", (json.dumps(old),))
    data = json.dumps(decision_to_json(Decision(Action.WITHHOLD, ("(b)(1)",))))
    db.execute(
        "INSERT INTO region_decisions (cable_id, region, region_start, region_end, action, "
        "data) VALUES ('07SEOUL219', ?, ?, ?, 'withhold', ?)",
        (sep.key, sep.start, sep.end, data),
    )
    db.commit()
    db.close()
    with SqliteStore(path) as s:
        review = s.load(cable)
        assert sep.key not in review.decisions
        assert review.decision("p1").action == Action.RELEASE  # the rest moved as it was
        last = s.log("07SEOUL219")[-1]
    assert last.reviewer == "workbench"
    assert "the decisions on separator lines (separator:1) were dropped" in last.what
    assert "follows the region before it" in last.what
    db = sqlite3.connect(path)
    assert db.execute(
        "SELECT count(*) FROM region_decisions WHERE region = ?", (sep.key,)
    ).fetchone() == (0,)
    db.close()
