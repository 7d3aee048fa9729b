"""Which executive order a cable of a given date should cite, and the dates legacy forms ended.

Table from declassification.md section 1.  These are heuristics, not ISOO rules: a cable drafted
in the days around a change of order may well cite the old one.
"""

from __future__ import annotations

from datetime import date

# order -> (first, last) cable dates for which citing it is expected.  Ranges overlap where
# the doc's table overlaps (E.O. 12958 until the end of 2010, E.O. 13526 from 29 Dec 2009),
# so a transition cable is not flagged.
ORDER_DATES: dict[str, tuple[date, date]] = {
    # E.O. 11652: 1972 - Nov 1978.
    "11652": (date(1972, 1, 1), date(1978, 11, 30)),
    # E.O. 12065: Dec 1978 - Mar 1982.
    "12065": (date(1978, 12, 1), date(1982, 3, 31)),
    # E.O. 12356: Apr 1982 - 13 Oct 1995.
    "12356": (date(1982, 4, 1), date(1995, 10, 13)),
    # E.O. 12958: 14 Oct 1995 - 2010.
    "12958": (date(1995, 10, 14), date(2010, 12, 31)),
    # E.O. 13292 amended E.O. 12958 in March 2003; cables sometimes cite the amending order.
    "13292": (date(2003, 3, 25), date(2010, 12, 31)),
    # E.O. 13526: from 29 Dec 2009.
    "13526": (date(2009, 12, 29), date.max),
}

# OADR ("originating agency's determination required") ended with E.O. 12356: E.O. 12958 took
# effect on 14 Oct 1995 (declassification.md section 1), so a cable of that day or later
# should not cite it.
OADR_LAST_DAY = date(1995, 10, 13)
# X1..X8 (E.O. 12958 sec. 1.6(d)) were dropped by the 2003 amendment; CAPCO 2008 dates the end
# to 22 Sep 2003 (declassification.md section 1: "on or after 22 Sep 2003").
X_CODES_END = date(2003, 9, 22)


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
