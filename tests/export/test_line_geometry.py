"""Lines printed as the source has them, around a withheld piece, must not give its length.

* A withheld cell of a table row (newcomer 5, finding 13): the source pads each cell to the next
  column, so the spaces printed after a withheld name were the column's width less the name's
  length: 09RABAT607's mayors table gave every mayor's exact length. Now the spaces after a
  withheld piece are one gap.
* A heading withheld between two rules of its own length (finding 19, 00HARARE6677's "HOW TO
  GET MUGABE OUT"): the rules are printed as long as the row they underline.

Each test: two cables that differ only in the withheld text's length print the same release."""

from __future__ import annotations

from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.export.reflow import Box, Text, joined_ranges, reflow
from workbench.review.model import Action, Decision, Redaction, Review

ROWS = (("Meknes", "Party"), ("Tangier", "Other"), ("Fes", "Party"))


def _table(names: tuple[str, ...]) -> str:
    rows = "\n".join(f"{c:<12}{n:<21}{p:<9}RNI, UC" for (c, p), n in zip(ROWS, names, strict=True))
    return f"9. (U) Mayors and their parties follow:\nCity        Mayor                Party    Coalition\n{rows}\n"


def _review(names: tuple[str, ...]):  # type: ignore[no-untyped-def]
    head, rest = SAMPLE.read_text(encoding="utf-8").split("11. (U)", 1)
    cable = parse_cable(head + _table(names) + "\n11. (U)" + rest, "fixture.txt")
    review = Review.for_cable(cable)
    at = [cable.text.index(n) for n in names]
    p = next(p for p in cable.paragraphs if p.start <= at[0] < p.end)
    spans = [Redaction(i, i + len(n), ("(b)(6)",)) for i, n in zip(at, names, strict=True)]
    review.with_decision(p.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    return cable, release_rest(review)


def test_the_padding_after_a_withheld_cell_does_not_tell_its_length() -> None:
    short = ("Ahmed Hilal", "Omar Hejira", "Tarik Kabbage")  # 11, 11, 13: boxes of 20
    long_ = ("Samir Abdelmoula", "Abdelhamid Chabat", "Hamdi Ould er Rachid")  # 16, 17, 20
    a, b = _review(short), _review(long_)
    cable, review = a
    withheld = review.withholdings(cable)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    rows = reflow(cable.text, withheld, joined_ranges(regions, withheld))
    for row in rows:
        for box, nxt in zip(row.items, row.items[1:], strict=False):
            if isinstance(box, Box) and isinstance(nxt, Text):
                assert nxt.col == box.col + box.width + 1, row  # one gap, not the padding
    assert sum(isinstance(x, Box) for row in rows for x in row.items) == 3
    assert publish.make("release", *a, OPTIONS) == publish.make("release", *b, OPTIONS)


def _heading(title: str):  # type: ignore[no-untyped-def]
    head, rest = SAMPLE.read_text(encoding="utf-8").split("11. (U)", 1)
    rule = "-" * len(title)
    body = f"9. (C) The talks went on.\n\n{rule}\n{title}\n{rule}\n\nThey ended late.\n"
    cable = parse_cable(head + body + "\n11. (U)" + rest, "fixture.txt")
    review = Review.for_cable(cable)
    i = cable.text.index(title)
    region = review.partition.at(i)
    assert region is not None
    span = Redaction(i, i + len(title), ("(b)(6)",))
    review.with_decision(region.key, Decision(Action.PARTIAL, spans=(span,)))
    return cable, release_rest(review)


def test_the_rules_around_a_withheld_heading_do_not_tell_its_length() -> None:
    a, b = _heading("HOW TO GET MUGABE OUT"), _heading("WHAT THE ARMY WILL DO NEXT")  # 21, 26
    cable, review = a
    withheld = review.withholdings(cable)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    rows = reflow(cable.text, withheld, joined_ranges(regions, withheld))
    rules = [x.text for row in rows for x in row.items if isinstance(x, Text) and "---" in x.text]
    assert rules == ["-" * 40, "-" * 40]  # as wide as the box (21-40 characters)
    assert publish.make("release", *a, OPTIONS) == publish.make("release", *b, OPTIONS)


def _inline_heading(title: str):  # type: ignore[no-untyped-def]
    """A run-together cable's inline heading (09MOSCOW1530: ``----- TITLE ----- 2. (C)``)."""
    head, rest = SAMPLE.read_text(encoding="utf-8").split("11. (U)", 1)
    rule = "-" * len(title)
    body = f"9. (C) The talks went on. {rule} {title} {rule} They ended late.\n"
    cable = parse_cable(head + body + "\n11. (U)" + rest, "fixture.txt")
    review = Review.for_cable(cable)
    i = cable.text.index(title)
    region = review.partition.at(i)
    assert region is not None
    span = Redaction(i, i + len(title), ("(b)(6)",))
    review.with_decision(region.key, Decision(Action.PARTIAL, spans=(span,)))
    return cable, release_rest(review)


def test_the_inline_rules_beside_a_withheld_heading_are_withheld_with_it() -> None:
    # newcomer 6, finding 28: the rules stayed in the prose, each exactly as long as the heading
    a, b = _inline_heading("NORD STREAM AG"), _inline_heading("SPENDING LIKE HELL")  # 14, 18
    cable, review = a
    withheld = review.withholdings(cable)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    rows = reflow(cable.text, withheld, joined_ranges(regions, withheld))
    texts = [x.text for row in rows for x in row.items if isinstance(x, Text)]
    assert not [t for t in texts if "----" in t], texts
    assert any("went on." in t for t in texts) and any("They ended" in t for t in texts)
    # The index still tells the bucket the release draws (it finds the box by the review's piece)
    from workbench.export.vaughn import rows_for

    assert [r.withheld for r in rows_for(cable, review)] == ["part of paragraph (block of 1 row)"]
    assert publish.make("release", *a, OPTIONS) == publish.make("release", *b, OPTIONS)
