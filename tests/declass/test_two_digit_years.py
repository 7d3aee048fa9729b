"""Two-digit DECL years take their century from the cable's own date (declassification.md
section 4), never from a fixed pivot; the parser resolves them, the engine relies on it."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.cable.dates import century_for
from workbench.declass import assess


@pytest.mark.parametrize(
    ("two", "cable_year", "year"),
    [
        (8, 2007, 2008),
        (5, 2004, 2005),
        (98, 1998, 1998),
        (97, 1998, 1997),  # one year before the cable's year is still allowed
        (96, 1998, 2096),  # more than one year before: the next century
        (10, 1999, 2010),  # a 1990s cable pointing past 2000 (cablemap's 20YY is right here)
        (99, 1999, 1999),  # ...but cablemap's fixed 20YY would make this 2099
        (0, 1999, 2000),
    ],
)
def test_century_for(two, cable_year, year):
    assert century_for(two, cable_year) == year


@pytest.mark.parametrize(
    ("dtg", "decl", "due"),
    [
        ("P 230828Z JAN 07", "6/3/08", date(2008, 6, 3)),
        ("P 291400Z NOV 00", "11/29/10", date(2010, 11, 29)),
        ("R 231515Z MAY 98", "12/31/99", date(1999, 12, 31)),
        ("R 231515Z MAY 98", "05/24/08", date(2008, 5, 24)),
    ],
)
def test_due_from_two_digit_decl(dtg, decl, due):
    a = assess(make_cable(dtg=dtg, eo=f"E.O. 12958: DECL: {decl}"), date(2026, 1, 1))
    assert (a.due, a.basis) == (due, "explicit-date")
    assert "decl-not-after-origin" not in {f.code for f in a.findings}
