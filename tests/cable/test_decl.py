"""DECL instructions as real cables write them (declassification.md section 4)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.cable.dates import century_for
from workbench.cable.decl import duration_years, read_decl, read_eo_line


@pytest.mark.parametrize(
    ("text", "kind", "day", "codes"),
    [
        ("01/23/2017", "date", date(2017, 1, 23), ()),
        ("6/3/08", "date", date(2008, 6, 3), ()),
        ("6/18/2018", "date", date(2018, 6, 18), ()),
        ("08/24/05", "date", date(2005, 8, 24), ()),
        ("2020/02/23", "date", date(2020, 2, 23), ()),
        ("12/31/2034", "date", date(2034, 12, 31), ()),
        ("OADR", "oadr", None, ()),
        ("X1, X5", "x", None, ("X1", "X5")),
        ("1.6X6", "x", None, ("1.6X6",)),
        ("1.6 X1", "x", None, ("1.6X1",)),
        ("AFTER KOREAN UNIFICATION", "event", None, ()),
        ("DECLASSIFIED BY NARA 09/02/2009", "declassified", date(2009, 9, 2), ()),
        ("N/A", "na", None, ()),
        ("25X1, 20600129", "25x", date(2060, 1, 29), ("25X1",)),
        ("25X6", "25x", None, ("25X6",)),
        ("50X1-HUM", "50x", None, ("50X1-HUM",)),
        ("GDS", "gds", None, ()),
        ("XGDS-2", "xgds", None, ("XGDS-2",)),
        ("RDS-3", "rds", None, ("RDS-3",)),
        ("TWENTY YEARS", "duration", None, ()),
        ("MR", "mr", None, ()),
    ],
)
def test_decl_forms(text: str, kind: str, day: date | None, codes: tuple[str, ...]) -> None:
    d = read_decl(text, 0, 2005)
    assert (d.kind, d.date, d.codes) == (kind, day, codes)


@pytest.mark.parametrize(
    ("two", "cable_year", "expected"),
    [
        (17, 2007, 2017),
        (5, 2005, 2005),
        (4, 2005, 2004),  # one year before the cable is still this century
        (3, 2005, 2103),  # more than a year before: the next century
        (17, 1996, 2017),  # a 1990s cable: a fixed 20YY pivot would get 1990s dates wrong
        (98, 1997, 1998),
        (96, 1997, 1996),
        (10, 2000, 2010),
    ],
)
def test_two_digit_year_takes_century_from_cable(two: int, cable_year: int, expected: int) -> None:
    assert century_for(two, cable_year) == expected


@pytest.mark.parametrize(
    ("line", "order", "decl_text"),
    [
        ("E.O. 12958: DECL: 01/23/2017\n", "12958", "01/23/2017"),
        ("EO 12958 DECL: 12/31/2034\n", "12958", "12/31/2034"),
        ("E.o. 12958: decl: 07/01/2034\n", "12958", "07/01/2034"),
        ("E.O.12958:N/A\n", "12958", "N/A"),
        ("E. O. 11652:  N/ A\n", "11652", "N/ A"),
        ("E.O. 11652: XGDS-2\n", "11652", "XGDS-2"),
        ("E.O. 13526: DECL: 2020/02/23\n", "13526", "2020/02/23"),
        ("DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012\n", "12958", "11/22/2012"),
        ("DOE FOR KBAKER, NA-20E.O. 12958: DECL: 10/24/2018TAGS: PARM\n", "12958", "10/24/2018"),
        ("DECL: OADR\n", None, "OADR"),
    ],
)
def test_eo_line_variants(line: str, order: str | None, decl_text: str) -> None:
    eo, decl = read_eo_line(line, 0, len(line), 2008)
    assert (eo.order if eo else None) == order
    assert decl is not None and decl.text == decl_text
    assert line[decl.start : decl.end] == decl.text


def test_duration_years() -> None:
    assert duration_years("TWENTY YEARS") == 20
    assert duration_years("10 YEARS") == 10
    assert duration_years("TEN YEARS AFTER KOREAN UNIFICATION") is None
