"""Which executive order governs a cable, the dates each was in force, and the dates legacy
forms ended.

Table from declassification.md section 1.  Which order a cable *should* cite is a heuristic, not
an ISOO rule: a cable drafted in the days around a change of order may well cite the old one, so
a mismatch is a warning.
"""

from __future__ import annotations

from datetime import date

# order -> (first, last) cable dates for which citing it is expected.
ORDER_DATES: dict[str, tuple[date, date]] = {
    # E.O. 11652, signed 8 Mar 1972, in force 1 Jun 1972 (its sec. 13) until E.O. 12065.
    "11652": (date(1972, 6, 1), date(1978, 11, 30)),
    # E.O. 12065, in force 1 Dec 1978 (its sec. 6-102) until E.O. 12356 took effect.
    "12065": (date(1978, 12, 1), date(1982, 7, 31)),
    # E.O. 12356, signed 2 Apr 1982, in force 1 Aug 1982 (its sec. 6.2(c)) - 13 Oct 1995.
    "12356": (date(1982, 8, 1), date(1995, 10, 13)),
    # E.O. 12958, in force 14 Oct 1995 (180 days after its signature on 17 Apr 1995); the
    # range runs to the end of 2010 because cables kept citing it for months after E.O. 13526.
    "12958": (date(1995, 10, 14), date(2010, 12, 31)),
    # E.O. 13292 amended E.O. 12958 on 25 Mar 2003; cables sometimes cite the amending order.
    "13292": (date(2003, 3, 25), date(2010, 12, 31)),
    # E.O. 13526: signed 29 Dec 2009 and cited from then on, although most of it took effect
    # on 27 Jun 2010 (its sec. 6.3).
    "13526": (date(2009, 12, 29), date.max),
}

# OADR ("originating agency's determination required") ended with E.O. 12356: E.O. 12958 took
# effect on 14 Oct 1995 (declassification.md section 1), so a cable of that day or later
# should not cite it.
OADR_LAST_DAY = date(1995, 10, 13)
# E.O. 13292 (25 Mar 2003) renumbered the reasons 1.5(a)-(g) as 1.4(a)-(h) and let a date run
# to 25 years instead of 10, with immediate effect; its new marking rules (sec. 1.6), which
# dropped the X1..X8 codes, took effect 180 days later, on 22 Sep 2003 (CAPCO 2008;
# declassification.md section 1: "on or after 22 Sep 2003").
AMENDMENT_2003 = date(2003, 3, 25)
X_CODES_END = date(2003, 9, 22)
# E.O. 12958's first day: from then the 10-year default and the X exemptions applied.
E_O_12958_FIRST_DAY = ORDER_DATES["12958"][0]


def expected_orders(day: date) -> list[str]:
    """The orders a cable dated ``day`` is expected to cite, oldest first."""
    return [order for order, (lo, hi) in ORDER_DATES.items() if lo <= day <= hi]


def order_matches(order: str, day: date) -> bool:
    """True when citing E.O. ``order`` is expected of a cable dated ``day``.

    An order number the table does not know (``E.O. 12598``, a typo for 12958 seen in real
    cables) never matches.
    """
    span = ORDER_DATES.get(order)
    return span is not None and span[0] <= day <= span[1]


# The day each order took effect, for a cable that cites none: E.O. 11652 sec. 13 (1 Jun 1972),
# E.O. 12065 sec. 6-102 (1 Dec 1978), E.O. 12356 sec. 6.2(c) (1 Aug 1982), E.O. 12958 sec. 6.2
# (14 Oct 1995), E.O. 13526 sec. 6.3 (27 Jun 2010).  Before June 1972 E.O. 10501 governed.
IN_FORCE: tuple[tuple[date, str], ...] = (
    (date(1972, 6, 1), "11652"),
    (date(1978, 12, 1), "12065"),
    (date(1982, 8, 1), "12356"),
    (date(1995, 10, 14), "12958"),
    (date(2010, 6, 27), "13526"),
)


def order_in_force(day: date) -> str:
    """The order in force on ``day`` (``10501`` before E.O. 11652)."""
    order = "10501"
    for first, name in IN_FORCE:
        if day >= first:
            order = name
    return order


def governing_order(cited: str | None, origin: date | None) -> str | None:
    """The order whose rules a cable's markings follow: the one it cites when the table knows
    it (a typo such as ``19528`` does not count), else the one in force on its date.

    E.O. 13292 is an amendment of E.O. 12958 and is reported as ``12958``.
    """
    if cited in ORDER_DATES:
        return "12958" if cited == "13292" else cited
    return order_in_force(origin) if origin is not None else None
