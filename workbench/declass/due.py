"""When a classified cable's classification lapses, and which rule says so.

Every rule here is a row of declassification.md section 5; the source of each is beside it.
"The 25-year date" is 31 December of the year that is 25 years from the date of origin (E.O.
13526 sec. 3.3(a)); the 50- and 75-year dates likewise (sec. 3.3(h)).  A date, a duration or
an event the classifier wrote never holds a cable past the limit that applies without an
exemption: the 25-year date, or under E.O. 11652 the General Declassification Schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.cable.instruction import HUMAN_OR_WMD_RE
from workbench.cable.model import Decl
from workbench.declass.calendar import (
    add_years,
    automatic_date,
    full_calendar_years,
    years_date,
)

# E.O. 11652 sec. 5(A), General Declassification Schedule: declassified at the end of the
# 6th (CONFIDENTIAL), 8th (SECRET) or 10th (TOP SECRET) full calendar year following the year
# of origin.  An unknown level takes the longest schedule, so a cable is never shown as due
# earlier than it could be.
GDS_YEARS = {"CONFIDENTIAL": 6, "SECRET": 8, "TOP SECRET": 10}
# E.O. 11652 sec. 5(E)(1): exempted (XGDS) material is declassified automatically "at the end
# of thirty full calendar years after the date of its original classification".
XGDS_YEARS = 30
# E.O. 12065 sec. 1-401: a date or event "no more than six years later" than the original
# classification, the E.O. 12065 general schedule a bare ``GDS`` stands for.
E_O_12065_GDS_YEARS = 6

# Instructions from which no date can be read: the cable waits for a reviewer until the
# default limit (the 25-year date, or the E.O. 11652 schedule) has passed, and is due from then
# on whatever the instruction meant (declassification.md section 5, the event row;
# E.O. 13526 sec. 3.3(a)).
UNSETTLED_KINDS = frozenset({"event", "na", "unreadable"})


@dataclass(frozen=True, slots=True)
class Due:
    """The due date (``None`` when no rule gives one) and the basis that gave it."""

    date: date | None
    basis: str


def gds_date(level: str | None, origin_year: int) -> date | None:
    """The E.O. 11652 General Declassification Schedule date for ``level``."""
    return full_calendar_years(origin_year, GDS_YEARS.get(level or "", 10))


def default_limit(level: str | None, order: str | None, origin_year: int | None) -> Due:
    """The date a classified cable lapses when its instruction gives none it may keep.

    Under E.O. 11652 every classified record not exempted (XGDS) followed the General
    Declassification Schedule (sec. 5(A)); under every later order the 25-year rule applies
    (E.O. 13526 sec. 1.5(d) and 3.3(a): "classified information that contains incomplete
    declassification instructions or lacks declassification instructions shall be
    declassified in accordance with part 3").
    """
    if origin_year is None:
        return Due(None, "gds" if order == "11652" else "missing-25-year")
    if order == "11652":
        return Due(gds_date(level, origin_year), "gds")
    return Due(automatic_date(origin_year), "missing-25-year")


def _capped(day: date | None, limit: date | None) -> date | None:
    if day is None:
        return limit
    return day if limit is None or day <= limit else limit


def _exemption(decl: Decl, origin_year: int | None) -> Due:
    """25X#, 50X# and 75X# (E.O. 13526 sec. 3.3(b), (h); 32 CFR 2001.26)."""
    year = origin_year
    human_or_wmd = any(HUMAN_OR_WMD_RE.search(c) for c in decl.codes)
    if decl.kind == "75x":
        # Beyond 75 years only with ISCAP's approval (sec. 3.3(h)(3)); only the date written
        # says when.
        return Due(decl.date, "exemption")
    if decl.kind == "50x" or human_or_wmd:
        # 50X1-HUM, 50X2-WMD and the retired 25X1-human: the 75-year date (sec. 3.3(h)(2);
        # ISOO Notice 2012-02).  Any other 50X# with its date: that date, at most 75 years.
        limit = years_date(year, 75) if year is not None else None
        return Due(_capped(decl.date, limit) if decl.date else limit, "exemption")
    # 25X# with a date: that date, at most the 50-year date; without one: the 50-year date
    # (sec. 3.3(h): "on December 31 of a year that is no more than 50 years from the date of
    # origin"; 32 CFR 2001.26(a)).
    limit = years_date(year, 50) if year is not None else None
    return Due(_capped(decl.date, limit) if decl.date else limit, "exemption")


def due_date(level: str | None, decl: Decl | None, origin: date | None, order: str | None) -> Due:
    """The due date and basis of a cable at ``level`` (CONFIDENTIAL or above, or unknown)
    under E.O. ``order`` (see ``orders.governing_order``).

    ``date`` is ``None`` when the rule counts from an origin the cable does not carry.
    """
    year = origin.year if origin else None
    default = default_limit(level, order, year)
    kind = decl.kind if decl else None
    if decl is None or kind == "downgrade":
        # Nothing at all, or only a downgrade (32 CFR 2001.12: a downgrade is never a
        # declassification): the default limit.
        return default
    if kind in ("25x", "50x", "75x"):
        return _exemption(decl, year)
    if kind == "declassified":
        # "DECLASSIFIED BY NARA 09/02/2009": already lapsed, on the date recorded.
        return Due(decl.date, "declassified")
    if kind == "xgds":
        # E.O. 11652 sec. 5(B): the date written with the exemption, if any; in any case no
        # later than the end of the 30th full calendar year (sec. 5(E)(1), automatic).
        limit = full_calendar_years(year, XGDS_YEARS) if year is not None else None
        return Due(_capped(decl.date, limit) if decl.date else limit, "xgds")
    if kind == "rds":
        # E.O. 12065 sec. 1-402: RDS sets a date for *review*, not declassification; the
        # cable stayed classified (E.O. 12356 sec. 1.4(c)) until the 25-year rule ended it
        # (E.O. 13292 sec. 3.3(a): 31 Dec 2006 for records then older than 25 years).
        return Due(automatic_date(year) if year is not None else None, "rds")
    if kind == "gds":
        if decl.date is not None:
            # E.O. 12065 "GDS 12/31/86": the date given (sec. 1-401), within the limit.
            return Due(_capped(decl.date, default.date), "gds")
        if order == "12065" and origin is not None:
            return Due(add_years(origin, E_O_12065_GDS_YEARS), "gds")
        # E.O. 11652 sec. 5(A).
        return Due(gds_date(level, year) if year is not None else None, "gds")
    if kind == "date" or (kind == "x" and decl.date is not None):
        # A specific date: that date (32 CFR 2001.12(a)(1)); past the default limit without
        # an exemption the default limit ends it (E.O. 13526 sec. 3.3(a); E.O. 11652 sec. 5(A)).
        return Due(_capped(decl.date, default.date), "explicit-date")
    if kind == "duration":
        # "TEN YEARS": that many years from the date of origin (E.O. 12958 sec. 1.6(a)-(b);
        # E.O. 13526 sec. 1.5(a)-(b)), within the limit.
        if origin is None or decl.years is None:
            return Due(None, "duration")
        return Due(_capped(add_years(origin, decl.years), default.date), "duration")
    if kind in ("oadr", "mr", "x"):
        # OADR, MR, X1..X8 and 1.6X#: indefinite or legacy instructions, so the 25-year date
        # (E.O. 13526 sec. 1.5(d), 3.3(a)); under E.O. 11652 they mean nothing and the
        # schedule applies.
        return default if order == "11652" else Due(default.date, "legacy-25-year")
    if kind == "event":
        # An event: unknown until the default limit, which ends it whatever the event
        # (32 CFR 2001.12(a); E.O. 13526 sec. 3.3(a)).
        return Due(default.date, "event")
    # N/A or an unreadable instruction on a classified cable: incomplete instructions
    # (E.O. 13526 sec. 1.5(d)), the default limit.
    return default
