"""What the rules engine says about one cable: due date, basis, status and findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Status of a cable as of a date (issue 3).  LIMITED OFFICIAL USE and SBU cables are
# "unclassified": they carry administrative controls below CONFIDENTIAL that no executive order
# governs, so there is nothing to declassify (declassification.md section 2).
STATUSES: tuple[str, ...] = ("unclassified", "due", "not-due", "needs-review")

# Which rule gave the due date (declassification.md section 5).  Beyond the list:
# ``xgds`` and ``rds`` name the E.O. 11652 / E.O. 12065 forms that have their own rules, and
# ``declassified`` a DECL line recording that the cable was already declassified
# (``DECL: DECLASSIFIED BY NARA 09/02/2009``), whose date is taken as the due date.
BASES: tuple[str, ...] = (
    "explicit-date",
    "legacy-25-year",
    "missing-25-year",
    "exemption",
    "gds",
    "xgds",
    "rds",
    "declassified",
    "event",
    "none",
)

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
