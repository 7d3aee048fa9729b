"""Dates as cables write them: date-time groups, DECL dates and two-digit years."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from workbench.cable.lines import LazyPattern, LinePattern
from workbench.cable.patterns import compile_pattern

MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
        start=1,
    )
}
_MONTH_NAMES = {
    name: i
    for i, name in enumerate(
        (
            "JANUARY",
            "FEBRUARY",
            "MARCH",
            "APRIL",
            "MAY",
            "JUNE",
            "JULY",
            "AUGUST",
            "SEPTEMBER",
            "OCTOBER",
            "NOVEMBER",
            "DECEMBER",
        ),
        start=1,
    )
}

PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE", "M": "MANUAL"}

# ``P 230828Z JAN 07``; ``O P 100759Z FEB 10`` (action and info precedence);
# ``P R 221828 Z MAY 73`` (PlusD puts a space before the Z).
DTG_RE = LinePattern(
    r"[ \t]*+(?P<prec>(?:[ZOPRM][ \t]){1,2})[ \t]*+"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})[ \t]?Z[ \t]++"
    r"(?P<month>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ \t]++(?P<year>\d{2}|\d{4})\b",
    re.IGNORECASE,
)
# Partial-extract records: ``291359Z Nov 00`` on its own line.
BARE_DTG_RE = LinePattern(
    r"[ \t]*+(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z[ \t]++"
    r"(?P<month>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ \t]++(?P<year>\d{2}|\d{4})[ \t]*+$",
    re.IGNORECASE | re.MULTILINE,
)
# The web mirrors' own date line: ``Thursday, 07 March 2002, 10:13``.
WEEKDAY_DATE_RE = LinePattern(
    r"[ \t]*+(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,[ \t]++(?P<day>\d{1,2})[ \t]++"
    r"(?P<month>[A-Z]+)[ \t]++(?P<year>\d{4}),[ \t]++(?P<hour>\d{1,2}):(?P<minute>\d{2})",
    re.IGNORECASE,
)


def dtg_year(two_or_four: str) -> int:
    """The year of a date-time group. DTGs carry two digits; 1970-2069 covers every cable."""
    y = int(two_or_four)
    if len(two_or_four) == 4:
        return y
    return 1900 + y if y >= 70 else 2000 + y


def make_datetime(year: int, month: int, day: int, hour: int, minute: int) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, tzinfo=UTC)
    except ValueError:
        return None


def century_for(two_digit: int, reference_year: int) -> int:
    """Expand a two-digit year using the cable's own year.

    declassification.md section 4: the year is the first year with those two digits that is
    not more than one year before the cable's year (a fixed 20YY pivot is wrong for 1990s
    cables).
    """
    lowest = reference_year - 1
    year = (lowest // 100) * 100 + two_digit
    if year < lowest:
        year += 100
    return year


_NUMERIC_DATE_RE = compile_pattern(
    r"(?<!\d)(?:(?P<y1>\d{4})[/.-](?P<m1>\d{1,2})[/.-](?P<d1>\d{1,2})"
    r"|(?P<m2>\d{1,2})[/.-](?P<d2>\d{1,2})[/.-](?P<y2>\d{4}|\d{2})"
    # (8 digits: 1900-2199; a 75-year exemption of a 2025 document runs to 2100.)
    r"|(?P<y3>(?:19|2[01])\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d))(?!\d)"
)
_WORD_DATE_RE = LazyPattern(  # (compiled when first needed)
    r"\b(?P<month>[A-Z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Z]{3,9})\.?\s+(?P<year2>\d{4})\b",
    re.IGNORECASE,
)


def _month_number(word: str) -> int | None:
    w = word.upper()
    if w in _MONTH_NAMES:
        return _MONTH_NAMES[w]
    return MONTHS.get(w[:3]) if len(w) >= 3 and w[:3] in MONTHS else None


def find_date(text: str, reference_year: int | None) -> tuple[date, int, int] | None:
    """The first calendar date written in ``text``, with its offsets in ``text``.

    Reads ``01/23/2017``, ``6/3/08``, ``2020/02/23``, ``20600129`` and ``JANUARY 23, 2017``.
    Two-digit years take their century from ``reference_year`` (see :func:`century_for`);
    without one they are read as 19YY/20YY around 1970.
    """
    m = _NUMERIC_DATE_RE.search(text)
    if m:
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        elif m.group("y2"):
            raw = m.group("y2")
            mo, d = int(m.group("m2")), int(m.group("d2"))
            if len(raw) == 4:
                y = int(raw)
            elif reference_year is not None:
                y = century_for(int(raw), reference_year)
            else:
                y = dtg_year(raw)
        else:
            y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
        try:
            return date(y, mo, d), m.start(), m.end()
        except ValueError:
            return None
    w = _WORD_DATE_RE.search(text)
    if w:
        month = _month_number(w.group("month") or w.group("month2"))
        if month is None:
            return None
        try:
            day = int(w.group("day") or w.group("day2"))
            return date(int(w.group("year") or w.group("year2")), month, day), w.start(), w.end()
        except ValueError:
            return None
    return None
