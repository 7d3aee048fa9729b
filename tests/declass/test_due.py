"""Due date, basis and status for every DECL form of declassification.md section 5."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import assess
from workbench.declass.due import add_years

AS_OF = date(2026, 11, 27)


def _assess(**kw):
    return assess(make_cable(**kw), AS_OF)


@pytest.mark.parametrize(
    ("dtg", "eo", "due", "basis"),
    [
        # A specific date (2001.12(a)).
        ("P 230828Z JAN 07", "E.O. 12958: DECL: 01/23/2017", date(2017, 1, 23), "explicit-date"),
        ("P 230828Z JAN 07", "E.O. 12958: DECL: 2030/02/23", date(2030, 2, 23), "explicit-date"),
        # Legacy forms: origin + 25 (2001.12(c)(2)).
        ("P 230828Z JAN 94", "E.O. 12356: DECL: OADR", date(2019, 1, 23), "legacy-25-year"),
        ("P 230828Z JAN 09", "E.O. 12958: DECL: MR", date(2034, 1, 23), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: X1, X5", date(2024, 1, 23), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: 1.6X6", date(2024, 1, 23), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: 1.6 X1", date(2024, 1, 23), "legacy-25-year"),
        # Nothing at all on a classified cable: origin + 25.
        ("P 230828Z JAN 07", None, date(2032, 1, 23), "missing-25-year"),
        # 25X with a date, and without one (origin + 50, CAPCO 2016 E.6).
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 25X1, 20500129", date(2050, 1, 29), "exemption"),
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 25X6", date(2060, 1, 23), "exemption"),
        # 50X1-HUM and 50X2-WMD: origin + 75 (2001.26(b)).
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 50X1-HUM", date(2085, 1, 23), "exemption"),
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 50X2-WMD", date(2085, 1, 23), "exemption"),
        # E.O. 11652 GDS: 31 Dec of the 6th full calendar year for CONFIDENTIAL.
        ("R 231515Z MAY 74", "E.O. 11652: GDS", date(1980, 12, 31), "gds"),
        # XGDS: origin + 30.
        ("R 231515Z MAY 74", "E.O. 11652: XGDS-2", date(2004, 5, 23), "xgds"),
        # E.O. 12065: GDS and RDS with a date take it; RDS without one is origin + 20.
        ("R 231515Z MAY 80", "E.O. 12065: GDS 12/31/86", date(1986, 12, 31), "gds"),
        ("R 231515Z MAY 80", "E.O. 12065: RDS-1 05/23/2000", date(2000, 5, 23), "rds"),
        ("R 231515Z MAY 80", "E.O. 12065: RDS-3", date(2000, 5, 23), "rds"),
        # Already declassified: the date recorded.
        (
            "R 231515Z MAY 80",
            "DECL: DECLASSIFIED BY NARA 09/02/2009",
            date(2009, 9, 2),
            "declassified",
        ),
    ],
)
def test_due_and_basis(dtg, eo, due, basis):
    a = _assess(dtg=dtg, eo=eo)
    assert (a.due, a.basis) == (due, basis)


def test_gds_years_follow_the_level():
    # E.O. 11652 sec. 5(A): 8 full calendar years for SECRET, 10 for TOP SECRET.
    secret = _assess(dtg="R 231515Z MAY 74", eo="E.O. 11652: GDS", banner="S E C R E T")
    top = _assess(dtg="R 231515Z MAY 74", eo="E.O. 11652: GDS", banner="TOP SECRET")
    assert secret.due == date(1982, 12, 31)
    assert top.due == date(1984, 12, 31)


def test_status_due_and_not_due():
    assert _assess(eo="E.O. 12958: DECL: 01/23/2017").status == "due"
    assert _assess(eo="E.O. 12958: DECL: 01/23/2030").status == "not-due"
    # On the due date itself the cable is due.
    assert assess(make_cable(), date(2017, 1, 23)).status == "due"
    assert assess(make_cable(), date(2017, 1, 22)).status == "not-due"


def test_event_needs_review():
    a = _assess(eo="E.O. 12958: DECL: AFTER KOREAN UNIFICATION")
    assert (a.due, a.basis, a.status) == (None, "event", "needs-review")
    assert [f.code for f in a.findings] == ["decl-event"]


def test_unreadable_and_na_on_classified_need_review():
    a = _assess(eo="E.O. 12958: DECL...")
    assert a.status == "needs-review"
    assert "decl-unreadable" in {f.code for f in a.findings}
    b = _assess(eo="E.O. 12958: N/A")
    assert (b.basis, b.status) == ("missing-25-year", "needs-review")
    assert "decl-na-on-classified" in {f.code for f in b.findings}


@pytest.mark.parametrize(
    ("banner", "eo"),
    [
        ("UNCLAS", "E.O. 12958: N/A"),
        ("UNCLASSIFIED", "E.O. 12958: N/A"),
        ("LIMITED OFFICIAL USE", "E.O. 12958: N/A"),
    ],
)
def test_unclassified_levels(banner, eo):
    # LIMITED OFFICIAL USE and SBU are below CONFIDENTIAL: nothing to declassify (section 2).
    a = _assess(banner=banner, eo=eo, paragraphs=("¶1. (SBU) Text.",), classified_by=None)
    assert (a.due, a.basis, a.status, a.findings) == (None, "none", "unclassified", ())


def test_sbu_caption_is_unclassified():
    a = _assess(banner="UNCLAS", captions=("SENSITIVE", "SIPDIS"), eo="E.O. 12958: N/A")
    assert a.status == "unclassified"


def test_classified_cable_without_any_date_needs_review():
    # A partial extract with no date-time group and an instruction counted from origin.
    a = _assess(dtg=None, partial=True, eo="E.O. 12958: DECL: OADR")
    assert (a.due, a.basis, a.status) == (None, "legacy-25-year", "needs-review")
    assert "no-origin-date" in {f.code for f in a.findings}
    # With an explicit date the due date stands without the cable's own date.
    b = _assess(dtg=None, partial=True, eo="E.O. 12958: DECL: 04/18/2015")
    assert (b.due, b.status) == (date(2015, 4, 18), "due")


def test_no_banner_needs_review():
    a = _assess(banner="", post="", eo="E.O. 12958: DECL: 01/23/2017")
    assert a.status == "needs-review"
    assert "no-classification" in {f.code for f in a.findings}


def test_add_years_leap_day():
    assert add_years(date(2008, 2, 29), 25) == date(2033, 2, 28)
    assert add_years(date(2008, 2, 29), 4) == date(2012, 2, 29)


def test_default_as_of_is_today():
    assert assess(make_cable()).as_of == date.today()
