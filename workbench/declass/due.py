"""When a classified cable's classification lapses, and which rule says so.

Every rule here is a row of declassification.md section 5; the source of each is beside it.
"""

from __future__ import annotations

from datetime import date

from workbench.cable.model import Decl

# E.O. 11652 sec. 5(A), General Declassification Schedule: declassified at the end of the
# 6th (CONFIDENTIAL), 8th (SECRET) or 10th (TOP SECRET) full calendar year after origin.
_GDS_YEARS = {"CONFIDENTIAL": 6, "SECRET": 8, "TOP SECRET": 10}


def add_years(day: date, years: int) -> date:
    """``day`` moved ``years`` years on; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_date(level: str | None, decl: Decl | None, origin: date | None) -> tuple[date | None, str]:
    """``(due, basis)`` for a cable at ``level`` (CONFIDENTIAL or above, or unknown).

    ``due`` is ``None`` when no rule gives a date (an event) or the rule counts from an origin
    the cable does not carry.
    """

    def from_origin(years: int) -> date | None:
        return add_years(origin, years) if origin else None

    if decl is None:
        # Nothing at all on a classified cable: origin + 25 years
        # (32 CFR 2001.12(c)(2); CAPCO 2016 E.6, legacy and missing instructions).
        return from_origin(25), "missing-25-year"
    kind = decl.kind
    if kind == "date" and decl.date is not None:
        # A specific date: that date (32 CFR 2001.12(a)).
        return decl.date, "explicit-date"
    if kind in ("oadr", "mr", "x"):
        # OADR, MR, X1..X8 and 1.6X#: origin + 25 years (2001.12(c)(2); CAPCO 2016 E.6).
        return from_origin(25), "legacy-25-year"
    if kind == "25x":
        # 25X# with a date: that date (2001.26(a)); without one: origin + 50 (CAPCO 2016 E.6).
        return (decl.date or from_origin(50)), "exemption"
    if kind == "50x":
        # 50X1-HUM and 50X2-WMD: origin + 75 years (2001.26(b)).
        return from_origin(75), "exemption"
    if kind == "event":
        # An event: unknown, a reviewer must decide (2001.12(a): events must be definite
        # and foreseeable, and the text alone cannot say whether one has happened).
        return None, "event"
    if kind == "gds":
        if decl.date is not None:
            # E.O. 12065 "GDS 12/31/86": the date given.
            return decl.date, "gds"
        if origin is None:
            return None, "gds"
        # E.O. 11652 sec. 5(A); an unknown level takes the longest schedule, so a cable is
        # never shown as due earlier than it could be.
        years = _GDS_YEARS.get(level or "", 10)
        return date(origin.year + years, 12, 31), "gds"
    if kind == "xgds":
        # E.O. 11652 sec. 5(B), 5(E): exempt from the schedule, reviewed at 30 years.
        return from_origin(30), "xgds"
    if kind == "rds":
        # E.O. 12065: the review date given; RDS without one: origin + 20 years.
        return (decl.date or from_origin(20)), "rds"
    if kind == "declassified":
        # "DECLASSIFIED BY NARA 09/02/2009": already lapsed, on the date recorded.
        return decl.date, "declassified"
    # N/A or an unreadable instruction on a classified cable counts as no instruction
    # (2001.12(c)(2)); the engine also marks the cable for review.
    return from_origin(25), "missing-25-year"
