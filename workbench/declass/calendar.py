"""Date arithmetic for due dates: years from a date, and 31 December of a year.

None of it raises: a cable dated in year 9999 has no 25-year date, so each helper returns
``None`` where the result would fall outside the calendar ``datetime.date`` can hold, and the
engine reports the cable as needing a reviewer.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date

# E.O. 13292 sec. 3.3(a) (E.O. 12958 as amended, 25 Mar 2003): "on December 31, 2006, all
# classified records that (1) are more than 25 years old and (2) have been determined to have
# permanent historical value ... shall be automatically declassified"; only after that day does
# every record lapse on 31 December of its own 25th year.  A record from before 1982 therefore
# lapsed on 31 Dec 2006, not in its 25th year (declassification.md section 5, the RDS row).
FIRST_AUTOMATIC_DAY = date(2006, 12, 31)


def add_years(day: date, years: int) -> date | None:
    """``day`` moved ``years`` years on; 29 February becomes 28 February in a common year.

    "10 years from the date of the original decision" (E.O. 13526 sec. 1.5(b)) falls on the
    same day of the month; a leap day has none in a common year, and the last day of
    February is the day the period ends.
    """
    year = day.year + years
    if not MINYEAR <= year <= MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def year_end(year: int) -> date | None:
    """31 December of ``year``, or ``None`` outside the calendar."""
    return date(year, 12, 31) if MINYEAR <= year <= MAXYEAR else None


def years_date(origin_year: int, years: int) -> date | None:
    """ "December 31 of the year that is ``years`` years from the date of origin" (E.O. 13526
    sec. 3.3(a) for 25 years, sec. 3.3(h) for 50 and 75)."""
    return year_end(origin_year + years)


def automatic_date(origin_year: int) -> date | None:
    """The 25-year date: 31 December of the 25th year after origin (E.O. 13526 sec. 3.3(a)),
    and never before 31 Dec 2006, the day automatic declassification first took effect for
    records already older (E.O. 13292 sec. 3.3(a))."""
    day = years_date(origin_year, 25)
    return max(day, FIRST_AUTOMATIC_DAY) if day else None


def full_calendar_years(origin_year: int, years: int) -> date | None:
    """ "At the end of the ``years``th full calendar year following the year in which it was
    originated" (E.O. 11652 sec. 5(A), 5(E)(1)): 31 December of ``origin_year + years``."""
    return year_end(origin_year + years)
