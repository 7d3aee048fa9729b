"""The Vaughn index PDF is dated like its releases and says what made it (newcomer 5, finding
5: its properties said 1 January 2000, ReportLab's invariant mode, and Creator
"(unspecified)"; the release had been fixed for the same, newcomer 3's finding 32)."""

from __future__ import annotations

import io
from datetime import date

import pypdf
from corpus import SAMPLE
from export_helpers import OPTIONS, sample_review

from workbench.cable import read_cable
from workbench.export.vaughn import rows_for, to_pdf


def test_the_index_is_dated_and_signed() -> None:
    cable = read_cable(SAMPLE)
    rows = rows_for(cable, sample_review(cable))
    day = date(2026, 3, 2)
    data = to_pdf(rows, "Vaughn index", day)
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert str(meta["/CreationDate"]).startswith("D:20260302000000")
    assert str(meta["/ModDate"]).startswith("D:20260302000000")
    assert meta["/Creator"] == "Declassification Workbench"
    assert to_pdf(rows, "Vaughn index", day) == data  # the same bytes for the same day
    today = pypdf.PdfReader(io.BytesIO(to_pdf(rows))).metadata
    assert today is not None and str(today["/CreationDate"]).startswith(f"D:{date.today():%Y%m%d}")


def test_the_window_s_and_the_cli_s_index_take_the_release_date() -> None:
    from workbench.export import publish

    cable = read_cable(SAMPLE)
    data = publish.make("vaughn", cable, sample_review(cable), OPTIONS)
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert str(meta["/CreationDate"]).startswith(f"D:{OPTIONS.released:%Y%m%d}")
