"""The Vaughn index tells no more than the release (red-team finding 2): no word counts, only
the box width bucket or block height the PDF itself draws."""

from __future__ import annotations

import corpus
from export_helpers import release_rest, sample_review

from workbench.cable import parse_cable, read_cable
from workbench.export.prepare import withholdings_for_export
from workbench.export.reflow import BLOCK_ROWS, Bar, reflow
from workbench.export.vaughn import rows_for
from workbench.review import Review, commands


def test_no_word_counts_and_the_block_the_pdf_draws() -> None:
    cable = read_cable(corpus.SAMPLE)
    review = sample_review(cable)
    rows = rows_for(cable, review)
    assert rows and not any("word" in r.withheld for r in rows)
    p2 = cable.paragraphs[1]
    (row,) = [r for r in rows if r.withheld.startswith("paragraph in full")]
    bars = [
        item
        for line in reflow(cable.text, withholdings_for_export(cable, review, False))
        for item in line.items
        if isinstance(item, Bar) and item.withheld.start == p2.body_start
    ]
    assert len(bars) in BLOCK_ROWS
    assert row.withheld == f"paragraph in full (block of {len(bars)} rows)"
    spans = [r.withheld for r in rows if r.withheld.startswith("part of paragraph")]
    assert spans == [
        "part of paragraph (box for 21-40 characters)",
        "part of paragraph (box for 1-10 characters)",
    ]


def test_names_of_one_bucket_give_the_same_index() -> None:
    original = read_cable(corpus.SAMPLE).text
    indexes = []
    for name in ("Kim Hye-jin", "Kim Hye Jin Park"):  # 11 and 16 characters; 2 and 4 words
        cable = parse_cable(original.replace("Kim Hye-jin", name), str(corpus.SAMPLE))
        review = release_rest(Review.for_cable(cable))
        i = cable.text.index(name)
        commands.redact(cable, review, i, i + len(name), ["(b)(6)"]).apply(review)
        indexes.append([r.values() for r in rows_for(cable, review)])
    assert indexes[0] == indexes[1]
    assert any("box for 11-20 characters" in v for row in indexes[0] for v in row)
