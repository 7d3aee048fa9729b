"""Check a Vaughn index file (CSV or PDF) as its requester would read it: no withheld text.

``workbench verify vaughn-index.csv --cable A.txt [--cable B.txt ...]`` reads the index back and
puts every text it prints through the check the index passed before it was written
(``index_check``): a CSV row by row, each row against the cable its document column names (the
name its release goes by), every cell; a PDF page by page, its text against every cable given
(a PDF table's columns run into one another, so the neighbouring-words test is left out there
and a word counts as withheld only when no cable given prints it).
"""

from __future__ import annotations

import csv
import io
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
        pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    except Exception as exc:
        raise ExportError(f"cannot read {path} as a PDF ({exc})") from None
    printed_by_any = set().union(*(w.printed for _, w in checks)) if checks else set()
    for number, page in enumerate(pages, 1):
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
