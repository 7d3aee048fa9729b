"""What a declassification instruction says: its kind, date, duration, codes and downgrade.

Forms from declassification.md sections 1, 4 and 5 (cablemap's tests, the corpus, the orders'
own markings).  This module only reads what the instruction *says*; what it means for the due
date is ``workbench.declass``.  Finding the instruction in the text (the E.O. line, wrapped or
mistyped) is ``workbench.cable.decl``.
"""

from __future__ import annotations

import re

from workbench.cable.dates import find_date
from workbench.cable.lines import LazyPattern
from workbench.cable.model import Decl, Downgrade
from workbench.cable.patterns import compile_pattern

_CODE_RE = compile_pattern(
    r"\b(?P<c75>75X\d)\b"
    r"|\b(?P<c50>50X\d(?:[ \t]*-[ \t]*(?:HUM(?:AN)?|WMD))?)\b"
    r"|\b(?P<c25>25X\d(?:[ \t]*-?[ \t]*HUM(?:AN)?)?)\b"
    r"|\b(?P<c16>1\.6[ \t]?X[ \t]?\d)\b"
    r"|\b(?P<xgds>XGDS[ \t]*-?[ \t]*\d)\b"
    r"|\b(?P<rds>(?:RDS|XDS)[ \t]*-?[ \t]*\d)\b"
    r"|(?<![\w.])(?P<x>X[ \t]?[1-8])\b",
    re.IGNORECASE,
)
# Which family names the instruction when several are written ("25X1, 50X1-HUM"): the longest.
_RANK = {"c75": 7, "c50": 6, "c25": 5, "xgds": 4, "rds": 3, "c16": 2, "x": 1}
# 25X1-human (retired by ISOO Notice 2012-02) and 50X1-HUM/50X2-WMD: the 75-year exemptions of
# E.O. 13526 sec. 3.3(h)(2).
HUMAN_OR_WMD_RE = compile_pattern(r"-(?:HUM|HUMAN|WMD)$")

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
    "ELEVEN": 11,
    "TWELVE": 12,
    "THIRTEEN": 13,
    "FOURTEEN": 14,
    "FIFTEEN": 15,
    "SIXTEEN": 16,
    "SEVENTEEN": 17,
    "EIGHTEEN": 18,
    "NINETEEN": 19,
    "TWENTY": 20,
    "TWENTY-FIVE": 25,
    "TWENTY FIVE": 25,
    "THIRTY": 30,
}
# ``DECL: TWENTY YEARS``, ``10 YEARS``, ``TEN (10) YEARS``, ``TEN YEARS FROM DATE OF ORIGIN``:
# a duration counted from the date of the cable (E.O. 12958 sec. 1.6(a)-(b), E.O. 13526 sec.
# 1.5(a)-(b): "a specific date or event", or a number of years from the original decision).
# ``TEN YEARS AFTER KOREAN UNIFICATION`` counts from an event, so it is an event.
_DURATION_RE = LazyPattern(  # (compiled when first needed)
    r"^\s*(?P<n>\d{1,2}|TWENTY[ -]FIVE|[A-Z]+)\s*(?:\(\s*\d{1,2}\s*\)\s*)?(?:YEARS?|YRS?)\b\.?"
    r"(?:\s+(?:FROM|AFTER)\s+(?:THE\s+)?(?:DATE|ORIGIN(?:ATION)?)"
    r"(?:\s+OF\s+(?:THIS\s+|THE\s+)?(?:ORIGIN(?:ATION)?|CABLE|MESSAGE|TELEGRAM|DOCUMENT))?)?"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)
_NA_RE = compile_pattern(
    r"^\s*(?:N\s*/\s*A\b|N\.\s*A\.|NONE\b|NA\s*$|NOT\s+APPLICABLE\b)", re.IGNORECASE
)
_DECLASSIFIED_RE = compile_pattern(r"\bDECLASSIFIED\b", re.IGNORECASE)

# ``DNG: CO 10/18/2029``: downgrade to CONFIDENTIAL on that date (5 FAH-2 telegram captions;
# 32 CFR 2001.12 downgrading).  Also ``DOWNGRADE TO CONFIDENTIAL ON 10/18/2029``.
_DNG_RE = compile_pattern(
    r"\b(?:DNG|DWNG|DOWNGRADE(?:D)?(?:[ \t]+TO)?)\b[ \t]*[:.]?[ \t]*"
    r"(?P<level>CONFIDENTIAL|SECRET|CONF|SEC|CO|SE|C|S)?\b[ \t]*(?:ON[ \t]+)?",
    re.IGNORECASE,
)
_DNG_LEVELS = {
    "C": "CONFIDENTIAL",
    "CO": "CONFIDENTIAL",
    "CONF": "CONFIDENTIAL",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "S": "SECRET",
    "SE": "SECRET",
    "SEC": "SECRET",
    "SECRET": "SECRET",
}
# Where a downgrade's own text stops when a DECL instruction follows it on the line.
_DECL_AFTER_RE = compile_pattern(
    r"[ \t;,]*\bDECL(?:ASSIFY)?\b[ \t]*(?::|\bON\b)?[ \t]*", re.IGNORECASE
)


_BLANK_RE = compile_pattern(r"[ \t]")
# (Compiled here rather than looked up in re's cache at every call.)
_DASH_BEFORE_DIGIT_RE = compile_pattern(r"(\D)-?(\d)$")
_HUMAN_RE = compile_pattern(r"-?HUM(?:AN)?$")
_XGDS_RE = compile_pattern(r"\bXGDS\b")
_RDS_RE = compile_pattern(r"\b(?:RDS|XDS)\b")
_GDS_RE = compile_pattern(r"\bGDS\b")
_OADR_RE = compile_pattern(r"\bOADR\b")
_MR_RE = compile_pattern(r"^\s*MR\b")
_WORD3_RE = compile_pattern(r"[A-Z]{3,}")


def _codes(text: str) -> tuple[str, list[str]]:
    """The strongest code family in ``text`` and every code, normalised (``1.6 X1`` -> ``1.6X1``)."""
    family = ""
    codes: list[str] = []
    for m in _CODE_RE.finditer(text):
        kind = m.lastgroup or ""
        code = _BLANK_RE.sub("", m.group(0)).upper()
        if kind in ("xgds", "rds"):
            code = _DASH_BEFORE_DIGIT_RE.sub(r"\1-\2", code)
        if kind == "c25" and "HUM" in code:
            code = _HUMAN_RE.sub("-HUMAN", code)
        codes.append(code)
        if not family or _RANK[kind] > _RANK[family]:
            family = kind
    return family, codes


def duration_years(text: str) -> int | None:
    """Years in a duration instruction such as ``TWENTY YEARS`` or ``10 YEARS``."""
    m = _DURATION_RE.match(text)
    if not m:
        return None
    n = m.group("n").upper().replace(" ", "-")
    years = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
    return years if years else None


def read_downgrade(text: str, start: int, reference_year: int | None) -> Downgrade | None:
    """The downgrading instruction in ``text`` (which stands at ``start``), if it has one."""
    m = _DNG_RE.search(text)
    if m is None:
        return None
    after = _DECL_AFTER_RE.search(text, m.end())
    stop = after.start() if after else len(text)
    found = find_date(text[m.end() : stop], reference_year)
    end = m.end() + found[2] if found else stop
    raw = text[m.start() : end].rstrip(" \t.,;")
    level = m.group("level")
    return Downgrade(
        raw,
        _DNG_LEVELS.get(level.upper()) if level else None,
        found[0] if found else None,
        start + m.start(),
        start + m.start() + len(raw),
    )


def _without(text: str, dng: Downgrade | None, start: int) -> str:
    """``text`` with the downgrade's own words blanked out (offsets kept)."""
    if dng is None:
        return text
    lo, hi = dng.start - start, dng.end - start
    rest = text[:lo] + " " * (hi - lo) + text[hi:]
    # "DNG: CO 10/18/2019 DECL: 10/18/2029": the DECL label that followed the downgrade.
    return _DECL_AFTER_RE.sub(lambda m: " " * len(m.group(0)), rest, count=1)


def read_decl(text: str, start: int, reference_year: int | None) -> Decl:
    """Interpret DECL instruction ``text`` (what follows ``DECL:``, or the whole body of the
    E.O. line) that stands at ``start``.

    ``kind`` ``duration`` leaves ``date`` empty and puts the number in ``years``: the due date
    counts from the cable's date, which the rules engine knows.  A downgrade written in the
    line (``DNG: CO 10/18/2029``) is read into ``downgrade`` and never taken for the
    declassification date; a line holding nothing else has kind ``downgrade``.
    """
    end = start + len(text)
    dng = read_downgrade(text, start, reference_year)
    rest = _without(text, dng, start)
    body = rest.strip()
    upper = body.upper()
    found = find_date(body, reference_year)
    day = found[0] if found else None
    family, codes = _codes(body)
    years = None
    if not body and dng is not None:
        kind = "downgrade"
    elif _DECLASSIFIED_RE.search(upper):
        kind = "declassified"
    elif family == "c75":
        kind = "75x"
    elif family == "c50":
        kind = "50x"
    elif family == "c25":
        kind = "25x"
    elif family == "xgds" or _XGDS_RE.search(upper):
        kind = "xgds"
    elif family == "rds" or _RDS_RE.search(upper):
        kind = "rds"
    elif _GDS_RE.search(upper):
        kind = "gds"
    elif _OADR_RE.search(upper):
        kind = "oadr"
    elif family in ("x", "c16"):
        kind = "x"
    elif _MR_RE.match(upper):
        kind = "mr"
    elif day is not None:
        # ``ADS 1/1/80`` (E.O. 12065's automatic declassification on a date) is a date too.
        kind = "date"
    elif (years := duration_years(body)) is not None:
        kind = "duration"
    elif _NA_RE.match(body):
        kind = "na"
    elif _WORD3_RE.search(upper):
        kind = "event"
    else:
        kind = "unreadable"
    return Decl(text, kind, day, tuple(codes), start, end, years, dng)
