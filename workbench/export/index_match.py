"""Does a Vaughn index CSV still say what the review says? (newcomer 6, finding 30)

``workbench verify INDEX`` checked only that an index prints no withheld text: one with rows
deleted, or a row's exemption changed from (b)(6) to (b)(5), passed. A court reads the index
as the list of every withholding and its exemption, so verify now compares each cable's rows
with the rows ``workbench index`` makes from its review: one row per piece the release draws,
in order, with the same region, extent (the bucket of its box or block), disposition and
codes. The reviewer's comment and the codes' descriptions may be edited by hand (that is what
the guide says the hand edit is for), so they are not compared.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cable.model import Cable
from workbench.export.errors import ExportError
from workbench.review.codes import CodeSet
from workbench.review.model import Review
from workbench.safeio.spreadsheet import inert

if TYPE_CHECKING:
    from workbench.export.vaughn import Row

COMPARED = ("paragraph", "withheld", "disposition", "codes")

Key = tuple[str, ...]


def _show(key: Key) -> str:
    where, what, disposition, codes = key
    return f"{where or 'no region'}: {what or 'nothing'}, {codes or 'no codes'} ({disposition})"


def csv_mismatches(
    path: str | Path, data: bytes, reviewed: Sequence[tuple[Cable, Review]], sets: Sequence[CodeSet]
) -> list[str]:
    """:func:`mismatches` of an index CSV's bytes; none for an index PDF, whose table is read
    back only for withheld text (its rows are not recovered reliably from the page)."""
    if not str(path).lower().endswith(".csv"):
        return []
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ExportError(f"{path} is not a Vaughn index CSV ({exc})") from None
    return mismatches(rows, reviewed, sets)


def mismatches(
    rows: Sequence[dict[str, str]],
    reviewed: Sequence[tuple[Cable, Review]],
    sets: Sequence[CodeSet],
) -> list[str]:
    """One line per row of ``rows`` (the CSV's, line 2 on) that the reviews do not make, and
    per row they make that ``rows`` lacks, for each cable given."""
    from workbench.export.prepare import release_name
    from workbench.export.vaughn import DRAFT_ROW, rows_for

    found: dict[str, list[tuple[int, Key]]] = {}
    for n, row in enumerate(rows, 2):
        key = tuple((row.get(c) or "").removeprefix("'") for c in COMPARED)
        found.setdefault(row.get("document", ""), []).append((n, key))
    out: list[str] = []
    for cable, review in reviewed:
        doc = release_name(cable, review)
        have = found.get(doc, [])
        draft = any(k[2].startswith(DRAFT_ROW) for _, k in have)
        try:
            made = rows_for(cable, review, draft, sets)
        except ExportError as exc:
            out.append(f"{doc}: the index cannot be compared with its review ({exc})")
            continue
        want = [tuple(inert(v).removeprefix("'") for v in _values(r)) for r in made]
        got = [k for _, k in have]
        lines = [n for n, _ in have]
        ops = difflib.SequenceMatcher(None, want, got, autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                w = want[i1 + k] if i1 + k < i2 else None
                g = got[j1 + k] if j1 + k < j2 else None
                if w is not None and g is not None:
                    out.append(
                        f"line {lines[j1 + k]} of {doc} says {_show(g)}; the review: {_show(w)}"
                    )
                elif w is not None:
                    out.append(f"{doc} has no row for {_show(w)}, which the review withholds")
                elif g is not None:
                    out.append(
                        f"line {lines[j1 + k]} of {doc} says {_show(g)}, which the review "
                        "does not withhold"
                    )
    return out


def _values(row: Row) -> list[str]:
    return [row.paragraph, row.withheld, row.disposition, row.codes]
