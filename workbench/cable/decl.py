"""Reading the E.O. line and the DECL instruction into a kind, a date and codes.

Forms from declassification.md sections 1 and 4 (cablemap's tests and the corpus). This module
only says what the line *says*; what it means for the due date is ``workbench.declass``.
"""

from __future__ import annotations

import re

from workbench.cable.dates import find_date
from workbench.cable.model import Decl, EOLine

# ``E.O. 12958:``, ``EO 12958``, ``E.o. 12958: decl:``, ``E. O. 11652:``, ``E.O.12958:N/A``.
# Run together with the previous line (``NA-20E.O. 12958``, ``SIPDISE.O. 12958``) only the
# dotted form is safe to recognise.
EO_RE = re.compile(
    r"(?:(?<![A-Za-z])E\.?[ \t]?O\.?|E\.[ \t]?O\.)[ \t]*(?P<order>1[1-3]\d{3})(?!\d)[ \t]*:?",
    re.IGNORECASE,
)
DECL_RE = re.compile(r"\bDECL(?:ASSIFY)?\b[ \t]*(?::|\bON\b)?[ \t]*", re.IGNORECASE)
# Where a run-together E.O. line stops: the next header field on the same line.
FIELD_STOP_RE = re.compile(r"TAGS?\b|SUBJ(?:ECT)?\s*:|\bREF\w*\s*:", re.IGNORECASE)

_CODE_RE = re.compile(
    r"\b(?P<c50>50X[12](?:-(?:HUM|WMD))?)\b"
    r"|\b(?P<c25>25X\d(?:-HUM(?:AN)?)?)\b"
    r"|\b(?P<c16>1\.6[ \t]?X[ \t]?\d)\b"
    r"|\b(?P<xgds>XGDS[ \t]*-?[ \t]*\d)\b"
    r"|\b(?P<rds>RDS[ \t]*-?[ \t]*\d)\b"
    r"|(?<![\w.])(?P<x>X[ \t]?[1-8])\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "ONE": 1,
    "TWO": 2,
    "THREE": 3,
    "FOUR": 4,
    "FIVE": 5,
    "SIX": 6,
    "SEVEN": 7,
    "EIGHT": 8,
    "NINE": 9,
    "TEN": 10,
    "FIFTEEN": 15,
    "TWENTY": 20,
    "TWENTY-FIVE": 25,
    "THIRTY": 30,
}
# ``DECL: TWENTY YEARS``: a duration from the date of the cable (E.O. 12958 sec. 1.5(b) let
# classifiers set "a specific date or event", or a number of years from the decision).
_DURATION_RE = re.compile(
    r"^\s*(?P<n>\d{1,2}|[A-Z]+(?:-[A-Z]+)?)\s+(?:\(\d+\)\s+)?YEARS?\.?\s*$", re.IGNORECASE
)
_NA_RE = re.compile(r"^\s*N\s*/\s*A\b|^\s*NONE\b|^\s*NA\s*$", re.IGNORECASE)


def _codes(text: str) -> tuple[str, list[str]]:
    """The strongest code family in ``text`` and every code, normalised (``1.6 X1`` -> ``1.6X1``)."""
    family = ""
    codes: list[str] = []
    rank = {"c50": 6, "c25": 5, "xgds": 4, "rds": 3, "c16": 2, "x": 1}
    for m in _CODE_RE.finditer(text):
        kind = m.lastgroup or ""
        code = re.sub(r"[ \t]", "", m.group(0)).upper()
        if kind in ("xgds", "rds"):
            code = re.sub(r"(\D)-?(\d)$", r"\1-\2", code)
        codes.append(code)
        if not family or rank[kind] > rank[family]:
            family = kind
    return family, codes


def duration_years(text: str) -> int | None:
    """Years in a duration instruction such as ``TWENTY YEARS`` or ``10 YEARS``."""
    m = _DURATION_RE.match(text)
    if not m:
        return None
    n = m.group("n").upper()
    return int(n) if n.isdigit() else _NUMBER_WORDS.get(n)


def read_decl(text: str, start: int, reference_year: int | None) -> Decl:
    """Interpret DECL instruction ``text`` (what follows ``DECL:``) that stands at ``start``.

    ``kind`` ``duration`` leaves ``date`` empty: the due date counts from the cable's date,
    which the rules engine knows (see :func:`duration_years`).
    """
    end = start + len(text)
    upper = text.upper()
    found = find_date(text, reference_year)
    day = found[0] if found else None
    family, codes = _codes(text)
    if "DECLASSIFIED" in upper:
        kind = "declassified"
    elif family == "c50":
        kind = "50x"
    elif family == "c25":
        kind = "25x"
    elif family == "xgds" or re.search(r"\bXGDS\b", upper):
        kind = "xgds"
    elif family == "rds" or re.search(r"\bRDS\b", upper):
        kind = "rds"
    elif re.search(r"\bGDS\b", upper):
        kind = "gds"
    elif re.search(r"\bOADR\b", upper):
        kind = "oadr"
    elif family in ("x", "c16"):
        kind = "x"
    elif re.match(r"^\s*MR\b", upper):
        kind = "mr"
    elif day is not None:
        kind = "date"
    elif duration_years(text) is not None:
        kind = "duration"
    elif _NA_RE.match(text):
        kind = "na"
    elif re.search(r"[A-Z]{3,}", upper):
        kind = "event"
    else:
        kind = "unreadable"
    return Decl(text, kind, day, tuple(codes), start, end)


def read_eo_line(
    source: str, lo: int, hi: int, reference_year: int | None
) -> tuple[EOLine | None, Decl | None]:
    """Find the E.O. line (and its DECL instruction) within ``source[lo:hi]``."""
    m = EO_RE.search(source, lo, hi)
    if m:
        line_end = source.find("\n", m.end())
        line_end = hi if line_end == -1 or line_end > hi else line_end
        stop = FIELD_STOP_RE.search(source, m.end(), line_end)
        end = stop.start() if stop else line_end
        line = source[m.start() : end].rstrip()
        eo = EOLine(line, m.group("order"), m.start(), m.start() + len(line))
        d = DECL_RE.search(source, m.end(), eo.end)
        if d:
            body_start = d.end()
        else:
            body_start = m.end()
        body = source[body_start : eo.end].strip()
        if not body:
            return eo, None
        body_start = source.index(body, body_start, eo.end + 1)
        return eo, read_decl(body, body_start, reference_year)
    # No E.O. cited, but a bare ``DECL: OADR`` line.
    d = re.compile(r"(?m)^[ \t]*DECL[ \t]*:[ \t]*").search(source, lo, hi)
    if not d:
        return None, None
    line_end = source.find("\n", d.end())
    line_end = hi if line_end == -1 or line_end > hi else line_end
    body = source[d.end() : line_end].strip()
    if not body:
        return None, None
    return None, read_decl(body, source.index(body, d.end(), line_end + 1), reference_year)
