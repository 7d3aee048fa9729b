"""What a DECL instruction says, read by ``workbench.cable.instruction.read_decl`` (issue 13
owns the interpretation; issue 14 owns finding the line)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.cable.instruction import duration_years, read_decl, read_downgrade


@pytest.mark.parametrize(
    ("text", "kind", "day", "codes", "years"),
    [
        ("TEN YEARS", "duration", None, (), 10),
        ("TWENTY YEARS", "duration", None, (), 20),
        ("25 YEARS", "duration", None, (), 25),
        ("TWENTY-FIVE YEARS", "duration", None, (), 25),
        ("TEN (10) YEARS", "duration", None, (), 10),
        ("10 YRS", "duration", None, (), 10),
        ("ONE YEAR", "duration", None, (), 1),
        ("TEN YEARS FROM DATE OF ORIGIN", "duration", None, (), 10),
        ("TEN YEARS AFTER KOREAN UNIFICATION", "event", None, (), None),
        ("FIVE YEARS AFTER ICTY CLOSURE", "event", None, (), None),
        ("25X1, 20600129", "25x", date(2060, 1, 29), ("25X1",), None),
        ("25X1-HUMAN", "25x", None, ("25X1-HUMAN",), None),
        ("25X1-human", "25x", None, ("25X1-HUMAN",), None),
        ("25X1 HUMAN", "25x", None, ("25X1-HUMAN",), None),
        ("50X1-HUM", "50x", None, ("50X1-HUM",), None),
        ("50X2-WMD", "50x", None, ("50X2-WMD",), None),
        ("50X6, 20850101", "50x", date(2085, 1, 1), ("50X6",), None),
        ("75X1, 20991231", "75x", date(2099, 12, 31), ("75X1",), None),
        ("XGDS-3 12/31/1990", "xgds", date(1990, 12, 31), ("XGDS-3",), None),
        ("RDS-1 5/9/99", "rds", date(1999, 5, 9), ("RDS-1",), None),
        ("XDS-2 12/31/99", "rds", date(1999, 12, 31), ("XDS-2",), None),
        ("GDS 12/31/86", "gds", date(1986, 12, 31), (), None),
        ("ADS 1/1/80", "date", date(1980, 1, 1), (), None),
        ("MR", "mr", None, (), None),
        ("N/A", "na", None, (), None),
        ("NOT APPLICABLE", "na", None, (), None),
        ("...", "unreadable", None, (), None),
        ("02/30/2017", "unreadable", None, (), None),
    ],
)
def test_forms(text, kind, day, codes, years):
    d = read_decl(text, 0, 1980 if "80" in text or "86" in text or "99" in text else 2008)
    assert (d.kind, d.date, d.codes, d.years) == (kind, day, codes, years)
    assert d.downgrade is None


@pytest.mark.parametrize(
    ("text", "kind", "day", "level", "dng_day", "dng_text"),
    [
        # 09USNATO464: a downgrade only, no declassification instruction.
        ("DNG: CO 10/18/2029", "downgrade", None, "CONFIDENTIAL", date(2029, 10, 18), None),
        ("DNG: C 10/18/29", "downgrade", None, "CONFIDENTIAL", date(2029, 10, 18), None),
        (
            "DOWNGRADE TO CONFIDENTIAL ON 10/18/2029",
            "downgrade",
            None,
            "CONFIDENTIAL",
            date(2029, 10, 18),
            None,
        ),
        # A DECL date and a downgrade on one line, in either order.
        (
            "10/18/2034 DNG: CO 10/18/2019",
            "date",
            date(2034, 10, 18),
            "CONFIDENTIAL",
            date(2019, 10, 18),
            "DNG: CO 10/18/2019",
        ),
        (
            "DNG: SE 10/18/2019 DECL: 10/18/2034",
            "date",
            date(2034, 10, 18),
            "SECRET",
            date(2019, 10, 18),
            "DNG: SE 10/18/2019",
        ),
        (
            "DNG: CO 10/18/2019; OADR",
            "oadr",
            None,
            "CONFIDENTIAL",
            date(2019, 10, 18),
            "DNG: CO 10/18/2019",
        ),
    ],
)
def test_downgrades_are_never_declassification_dates(text, kind, day, level, dng_day, dng_text):
    d = read_decl(text, 100, 2009)
    assert (d.kind, d.date) == (kind, day)
    assert d.downgrade is not None
    assert (d.downgrade.level, d.downgrade.date) == (level, dng_day)
    assert d.downgrade.text == (dng_text or text)
    assert text[d.downgrade.start - 100 : d.downgrade.end - 100] == d.downgrade.text


def test_no_downgrade_in_ordinary_instructions():
    for text in ("01/23/2017", "OADR", "25X1, 20600129", "TEN YEARS", "AFTER THE DINNER"):
        assert read_downgrade(text, 0, 2009) is None


def test_duration_years():
    assert duration_years("TWENTY YEARS") == 20
    assert duration_years("10 YEARS") == 10
    assert duration_years("TEN YEARS AFTER KOREAN UNIFICATION") is None
    assert duration_years("ZERO YEARS") is None
