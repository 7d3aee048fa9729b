"""What the rules engine says about one cable: due date, basis, status and findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.cable.model import Downgrade

# Status of a cable as of a date (issue 3).  LIMITED OFFICIAL USE and SBU cables are
# "unclassified": they carry administrative controls below CONFIDENTIAL that no executive order
# governs, so there is nothing to declassify (declassification.md section 2).
# "declassified": the DECL line records that the cable was declassified on a date now past
# (``DECLASSIFIED BY NARA 09/02/2009``): nothing is left to do, so it is kept off a "due" worklist.
STATUSES: tuple[str, ...] = ("unclassified", "declassified", "due", "not-due", "needs-review")

# Which rule gave the due date (declassification.md section 5), in a reviewer's words with the
# source of each; the window and the docs show these.  Beyond the first issue's list: ``xgds``
# and ``rds`` name the E.O. 11652 / E.O. 12065 forms that have their own rules,
# ``declassified`` a DECL line recording that the cable was already declassified
# (``DECL: DECLASSIFIED BY NARA 09/02/2009``), and ``duration`` ``DECL: TEN YEARS``.
BASIS_WORDS: dict[str, str] = {
    "explicit-date": "the date in the DECL line (32 CFR 2001.12(a)(1)), at most the 25-year "
    "date without an exemption (E.O. 13526 sec. 3.3(a))",
    "duration": "that many years from the cable's date (E.O. 13526 sec. 1.5(a)-(b); E.O. "
    "12958 sec. 1.6(a)-(b)), at most the 25-year date",
    "legacy-25-year": "31 December of the 25th year: OADR, MR and X-codes are indefinite or "
    "legacy instructions (E.O. 13526 sec. 1.5(d), 3.3(a))",
    "missing-25-year": "31 December of the 25th year: no usable instruction (E.O. 13526 sec. "
    "1.5(d), 3.3(a))",
    "exemption": "the 25X/50X exemption: its date, at most 31 December of the 50th year "
    "(25X) or the 75th (50X1-HUM, 50X2-WMD, 25X1-human) (E.O. 13526 sec. 3.3(h); 32 CFR "
    "2001.26)",
    "gds": "the General Declassification Schedule: 31 December of the 6th (C), 8th (S) or "
    "10th (TS) full year after origin (E.O. 11652 sec. 5(A)), or the date an E.O. 12065 GDS "
    "line gives (sec. 1-401)",
    "xgds": "the date written with XGDS, at most the end of the 30th full year after origin "
    "(E.O. 11652 sec. 5(B), 5(E)(1))",
    "rds": "RDS is a review date: the 25-year date ended it (E.O. 12065 sec. 1-402; E.O. "
    "13292 sec. 3.3(a))",
    "declassified": "the date the DECL line records it was declassified",
    "event": "an event: a reviewer decides until the 25-year date, which ends it whatever "
    "the event (32 CFR 2001.12(a); E.O. 13526 sec. 3.3(a))",
    "none": "nothing to declassify",
}
BASES: tuple[str, ...] = tuple(BASIS_WORDS)

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with a cable's markings or instructions, and the text it concerns.

    ``code`` is stable (reports and tests key on it); ``message`` is one sentence for a reviewer;
    ``start``/``end`` index ``Cable.text`` (both 0 when the problem is something missing from
    a cable with nothing better to point at).
    """

    code: str
    severity: str
    message: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Assessment:
    """The engine's answer for one cable as of ``as_of``."""

    as_of: date
    origin: date | None
    due: date | None
    basis: str
    status: str
    findings: tuple[Finding, ...]
    # The order whose rules were applied (``"12958"``; ``None`` when nothing says), and the
    # cable's downgrading instruction, shown beside the due date and never as one.
    order: str | None = None
    downgrade: Downgrade | None = None
