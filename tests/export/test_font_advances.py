"""The embedded font's advance widths are the PDF's /Widths (newcomer 5, finding 12: the subset
said 602 of 2048 units, 0.29 em, where /Widths said 0.60 em, and MuPDF-based readers showed
the release letter-spaced, "V Z C Z C X Y Z", which search and copy could not read); verify
refuses a font whose two widths differ."""

from __future__ import annotations

import io

import pypdf
import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review
from fontTools.ttLib import TTFont

from workbench.cable import read_cable
from workbench.export import publish


def _release() -> bytes:
    cable = read_cable(SAMPLE)
    return publish.make("release", cable, sample_review(cable), OPTIONS)


def test_the_subset_s_advances_are_the_pdf_s_widths() -> None:
    reader = pypdf.PdfReader(io.BytesIO(_release()))
    checked = 0
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        desc = font.get("/FontDescriptor")
        if desc is None:
            continue
        program = TTFont(io.BytesIO(desc.get_object()["/FontFile2"].get_object().get_data()))
        upem = program["head"].unitsPerEm
        advances = {aw * 1000 / upem for aw, _ in program["hmtx"].metrics.values()}
        assert {round(a) for a in advances} == {round(float(w)) for w in font["/Widths"]}
        checked += 1
    assert checked >= 1


def test_mupdf_reads_the_words_whole() -> None:
    fitz = pytest.importorskip("fitz")
    doc = fitz.open(stream=_release(), filetype="pdf")
    text = doc[0].get_text()
    assert "VZCZCXYZ0000" in text and "V Z C Z C" not in text
