"""Check a Vaughn index file (CSV or PDF) as its requester would read it: no withheld text.

``workbench verify vaughn-index.csv --cable A.txt [--cable B.txt ...]`` reads the index back and
puts every text it prints through the check the index passed before it was written
(``index_check``): a CSV row by row, each row against the cable its document column names (the
name its release goes by), every cell; a PDF page by page, its text against every cable given
(a word counts as withheld only when no cable given prints it; two neighbouring words are
read within one cell only, each cell's lines put together from the page's text pieces by their
column, since the extracted text of a table runs one column into the next).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Sequence
from pathlib import Path

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.review.codes import CodeSet
from workbench.review.model import Review

VAUGHN_SUBJECT = "Vaughn index"  # the /Subject of every index PDF (vaughn.to_pdf)
_CHECKED = ("subject", "paragraph", "withheld", "code descriptions", "reviewer comment")


def is_index(path: str | Path, data: bytes) -> bool:
    """Whether ``data`` (read from ``path``) is a Vaughn index rather than a release."""
    if str(path).lower().endswith(".csv"):
        return True
    if not data.startswith(b"%PDF"):
        return False
    from pypdf import PdfReader

    try:
        meta = PdfReader(io.BytesIO(data)).metadata
    except Exception:  # a damaged PDF: the release check says so
        return False
    if meta is None:
        return False
    # Both, so a release whose subject line happens to read "Vaughn index" is still checked
    # as a release (its author is the agency).
    return (
        str(meta.get("/Subject", "")) == VAUGHN_SUBJECT
        and str(meta.get("/Author", "")) == "Declassification Workbench"
    )


def _page_text(page: object) -> tuple[str, list[str]]:
    """A page's text, and the text of each table cell: the pieces the page draws, those in one
    column on following lines put together (a cell's wrapped lines), never two columns."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            pieces.append((round(cm[0] * tm[4] + cm[4], 1), cm[3] * tm[5] + cm[5], text))

    whole = page.extract_text(visitor_text=visit) or ""  # type: ignore[attr-defined]
    cells: list[str] = []
    last: tuple[float, float] | None = None
    for x, y, text in pieces:
        if last is not None and x == last[0] and 0 < last[1] - y < 30:
            cells[-1] += " " + text
        else:
            cells.append(text)
        last = (x, y)
    return whole, cells


def verify_index(
    path: str | Path, data: bytes, reviewed: Sequence[tuple[Cable, Review]], sets: Sequence[CodeSet]
) -> list[str]:
    """Each place the index prints withheld text of the cables given, as one line."""
    from workbench.export.index_check import _SMALL, _withheld, leaks
    from workbench.export.prepare import release_name

    checks = [(release_name(c, r), _withheld(c, r, sets)) for c, r in reviewed]
    by_name = {name: w for name, w in checks}
    out: list[str] = []
    if str(path).lower().endswith(".csv"):
        try:
            rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ExportError(f"{path} is not a Vaughn index CSV ({exc})") from None
        if rows and not set(_CHECKED) <= set(rows[0]):
            raise ExportError(
                f"{path} has not the Vaughn index's columns: give an index written by "
                "`workbench index` or `case export`"
            )
        for n, row in enumerate(rows, 2):  # line 1 is the header
            doc = row.get("document", "")
            withheld = by_name.get(doc)
            if withheld is None:
                out.append(
                    f"line {n} is for {doc or 'no document'}, which no --cable given goes by: "
                    "give every cable of the index, or it is not checked"
                )
                continue
            for column in _CHECKED:
                cell = (row.get(column) or "").removeprefix("'")
                for what, where in leaks(cell, withheld):
                    out.append(f"line {n} ({column}) prints '{what}', withheld in {where} of {doc}")
        return out
    from pypdf import PdfReader

    from workbench.export.verify import words
    from workbench.review.recurrences import repeats_in

    try:
        read = [_page_text(p) for p in PdfReader(io.BytesIO(data)).pages]
    except Exception as exc:
        raise ExportError(f"cannot read {path} as a PDF ({exc})") from None
    printed_by_any = set().union(*(w.printed for _, w in checks)) if checks else set()
    pairs_by_any = set().union(*(w.printed_pairs for _, w in checks)) if checks else set()
    for number, (page, cells) in enumerate(read, 1):
        for doc, withheld in checks:
            for cell in cells:
                for a, b in itertools.pairwise(words(cell)):
                    if (a, b) not in withheld.pairs or (a, b) in pairs_by_any:
                        continue
                    if {a, b} <= withheld.allowed | _SMALL:
                        continue
                    out.append(
                        f"page {number} prints '{a} {b}', withheld in {withheld.pairs[(a, b)]} "
                        f"of {doc}"
                    )
        toks = set(words(page))
        for doc, withheld in checks:
            for what, where in repeats_in(page, withheld.needles):  # type: ignore[arg-type]
                out.append(f"page {number} prints '{what}', withheld in {where} of {doc}")
            for t in sorted(toks - printed_by_any - withheld.allowed - _SMALL):
                if t in withheld.only and len(t) >= 2:
                    out.append(
                        f"page {number} prints '{t}', withheld in {withheld.only[t]} of {doc}"
                    )
    return list(dict.fromkeys(out))
