"""The Vaughn index says what its paragraph column means (newcomer 3, finding 35: an unnumbered
paragraph was "#1", explained nowhere a requester could read)."""

from __future__ import annotations

import csv
import io

import corpus
import pypdf
import pytest

from workbench.cable import read_cable
from workbench.export.vaughn import LEGEND, paragraph_cell, rows_for, to_csv, to_pdf
from workbench.review import Review


def test_paragraph_cells() -> None:
    assert paragraph_cell(3, 3) == "3"
    assert [paragraph_cell(None, n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 112)] == [
        f"{o} paragraph (unnumbered)"
        for o in ("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "112th")
    ]


def test_a_paragraph_printed_under_another_number_says_both() -> None:
    """The Markdown form prints paragraph 2 as ``12.``: the index names the label a reader
    finds in the release beside the number (newcomer 6, finding 11); a plain ``2.`` is 2."""
    assert paragraph_cell(2, 2, "12.") == "2 (printed 12.)"
    assert paragraph_cell(2, 2, "2.") == "2"
    assert paragraph_cell(2, 2, "(2)") == "2"
    assert paragraph_cell(None, 3, "") == "3rd paragraph (unnumbered)"


def test_an_unnumbered_paragraph_is_named_by_its_place_in_csv_and_pdf() -> None:
    path = corpus.CORPUS / "cables" / "05DHAKA503.txt"  # its first paragraph has no number
    if not path.is_file():
        pytest.skip("../shared/corpus is absent")
    cable = read_cable(path)
    assert cable.paragraphs[0].number is None
    rows = rows_for(cable, Review.for_cable(cable), allow_pending=True)
    cells = [r["paragraph"] for r in csv.DictReader(io.StringIO(to_csv(rows).decode()))]
    assert "1st paragraph (unnumbered)" in cells
    assert not any(c.startswith("#") for c in cells)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(to_pdf(rows))).pages)
    words = " ".join(text.split())
    assert " ".join(LEGEND.split()) in words  # the legend above the table
    assert "1st paragraph (unnumbered)" in words
