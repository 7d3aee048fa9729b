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
    assert [r.paragraph for r in rows_for(cable, review)] == ["3"]
