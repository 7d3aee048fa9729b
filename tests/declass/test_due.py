"""Due date, basis and status for every row of declassification.md section 5, on small cables
written here.  "The 25-year date" is 31 December of the 25th year after origin (E.O. 13526 sec.
3.3(a)); the 50- and 75-year dates likewise (sec. 3.3(h))."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import assess
from workbench.declass.calendar import add_years, automatic_date, years_date

AS_OF = date(2026, 11, 27)


def _assess(as_of=AS_OF, **kw):
    return assess(make_cable(**kw), as_of)


@pytest.mark.parametrize(
    ("dtg", "eo", "due", "basis"),
    [
        # A specific date: that date (32 CFR 2001.12(a)(1)).
        ("P 230828Z JAN 07", "E.O. 12958: DECL: 01/23/2017", date(2017, 1, 23), "explicit-date"),
        ("P 230828Z JAN 07", "E.O. 12958: DECL: 2030/02/23", date(2030, 2, 23), "explicit-date"),
        # Past the 25-year date without an exemption: the 25-year rule ends it (sec. 3.3(a)).
        ("P 230828Z JAN 07", "E.O. 12958: DECL: 06/01/2040", date(2032, 12, 31), "explicit-date"),
        # A duration: that many years from the date of origin (sec. 1.5(a)-(b)).
        ("O 281022Z MAR 08", "E.O. 12958: DECL: TEN YEARS", date(2018, 3, 28), "duration"),
        ("O 281022Z MAR 08", "E.O. 12958: DECL: TWENTY YEARS", date(2028, 3, 28), "duration"),
        ("O 281022Z MAR 08", "E.O. 12958: DECL: 25 YEARS", date(2033, 3, 28), "duration"),
        ("O 281022Z MAR 08", "E.O. 12958: DECL: TEN (10) YEARS", date(2018, 3, 28), "duration"),
        ("O 281022Z MAR 08", "E.O. 12958: DECL: THIRTY YEARS", date(2033, 12, 31), "duration"),
        # Legacy forms: the 25-year date (sec. 1.5(d), 3.3(a)).
        ("P 230828Z JAN 94", "E.O. 12356: DECL: OADR", date(2019, 12, 31), "legacy-25-year"),
        ("P 230828Z JAN 09", "E.O. 12958: DECL: MR", date(2034, 12, 31), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: X1, X5", date(2024, 12, 31), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: 1.6X6", date(2024, 12, 31), "legacy-25-year"),
        ("P 230828Z JAN 99", "E.O. 12958: DECL: 1.6 X1", date(2024, 12, 31), "legacy-25-year"),
        # Nothing at all on a classified cable: the 25-year date.
        ("P 230828Z JAN 07", None, date(2032, 12, 31), "missing-25-year"),
        ("P 300828Z JUN 01", None, date(2026, 12, 31), "missing-25-year"),
        # 25X with a date; past the 50-year date it ends there; without one the 50-year date.
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 25X1, 20500129", date(2050, 1, 29), "exemption"),
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 25X1, 20610101", date(2060, 12, 31), "exemption"),
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 25X6", date(2060, 12, 31), "exemption"),
        # 50X1-HUM, 50X2-WMD and the retired 25X1-human: the 75-year date (sec. 3.3(h)(2)).
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 50X1-HUM", date(2085, 12, 31), "exemption"),
        ("P 230828Z JAN 10", "E.O. 13526: DECL: 50X2-WMD", date(2085, 12, 31), "exemption"),
        ("P 230828Z JAN 10", "E.O. 12958: DECL: 25X1-HUMAN", date(2085, 12, 31), "exemption"),
        ("P 230828Z JAN 10", "E.O. 12958: DECL: 25X1-human", date(2085, 12, 31), "exemption"),
        # E.O. 11652 GDS: 31 Dec of the 6th full calendar year for CONFIDENTIAL (sec. 5(A)).
        ("R 231515Z MAY 74", "E.O. 11652: GDS", date(1980, 12, 31), "gds"),
        # Unmarked 11652-era cable: the schedule is the default.
        ("R 231515Z MAY 74", None, date(1980, 12, 31), "gds"),
        # XGDS: its own date, else the end of the 30th full calendar year (sec. 5(B), 5(E)(1)).
        ("R 231515Z MAY 74", "E.O. 11652: XGDS-2", date(2004, 12, 31), "xgds"),
        ("R 231515Z MAY 74", "E.O. 11652: XGDS-3 12/31/1990", date(1990, 12, 31), "xgds"),
        ("R 231515Z MAY 74", "E.O. 11652: XGDS-1 12/31/2020", date(2004, 12, 31), "xgds"),
        # E.O. 12065: GDS with a date takes it (sec. 1-401); a bare GDS six years.
        ("R 231515Z MAY 80", "E.O. 12065: GDS 12/31/86", date(1986, 12, 31), "gds"),
        ("R 231515Z MAY 80", "E.O. 12065: GDS", date(1986, 5, 23), "gds"),
        # RDS is a review date: the 25-year rule ended it, on 31 Dec 2006 for records then
        # older than 25 years (E.O. 13292 sec. 3.3(a)).
        ("R 231515Z MAY 80", "E.O. 12065: RDS-1 05/23/2000", date(2006, 12, 31), "rds"),
        ("R 231515Z MAY 80", "E.O. 12065: RDS-3", date(2006, 12, 31), "rds"),
        ("R 231515Z JUN 82", "E.O. 12065: RDS-2 06/23/2002", date(2007, 12, 31), "rds"),
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


def test_a_cable_already_declassified_is_no_due_work():
    # newcomer4 finding 8: it was "due", so a --status due worklist listed records NARA had
    # already declassified.
    a = _assess(
        date(2026, 12, 1), dtg="R 231515Z MAY 80", eo="DECL: DECLASSIFIED BY NARA 09/02/2009"
    )
    assert (a.basis, a.status) == ("declassified", "declassified")
    # A marking in doubt still needs a reviewer, whatever the DECL line records.
    doubt = _assess(
        date(2026, 12, 1),
        dtg="R 231515Z MAY 80",
        eo="DECL: DECLASSIFIED BY NARA 09/02/2009",
        banner="UNCLAS",
        paragraphs=("1. (C) Text.",),
    )
    assert doubt.status == "needs-review"


def test_the_25_year_date_is_31_december():
    # A March 2001 cable with no usable instruction lapses on 31 Dec 2026, not in March 2026.
    kw = {"dtg": "P 150828Z MAR 01", "eo": None}
    assert _assess(date(2026, 3, 15), **kw).status == "not-due"
    assert _assess(date(2026, 12, 30), **kw).status == "not-due"
    assert _assess(date(2026, 12, 31), **kw).status == "due"
    # 31 December itself, cable and limit: the last day of the year is still that year.
    assert _assess(dtg="P 312359Z DEC 01", eo=None).due == date(2026, 12, 31)
    assert _assess(dtg="P 010001Z JAN 02", eo=None).due == date(2027, 12, 31)


def test_records_older_than_1982_lapsed_on_31_december_2006():
    # E.O. 13292 sec. 3.3(a): the first automatic declassification day.
    assert automatic_date(1975) == date(2006, 12, 31)
    assert automatic_date(1981) == date(2006, 12, 31)
    assert automatic_date(1982) == date(2007, 12, 31)
    a = _assess(dtg="R 231515Z MAY 80", eo="E.O. 12065: N/A")
    assert (a.due, a.basis, a.status) == (date(2006, 12, 31), "missing-25-year", "due")


def test_duration_on_a_leap_day():
    a = _assess(dtg="P 291200Z FEB 08", eo="E.O. 12958: DECL: TEN YEARS")
    assert a.due == date(2018, 2, 28)
    assert add_years(date(2008, 2, 29), 4) == date(2012, 2, 29)


def test_08QUITO297_duration_lapsed_in_2018():
    a = _assess(dtg="O 281022Z MAR 08", eo="E.O. 12958: DECL: TEN YEARS")
    assert (a.status, a.findings) == ("due", ())


def test_gds_years_follow_the_level():
    # E.O. 11652 sec. 5(A): 8 full calendar years for SECRET, 10 for TOP SECRET; the highest
    # portion counts when it is above the banner.
    kw = {"dtg": "R 231515Z MAY 74", "eo": "E.O. 11652: GDS", "classified_by": None}
    assert _assess(banner="S E C R E T", **kw).due == date(1982, 12, 31)
    assert _assess(banner="TOP SECRET", **kw).due == date(1984, 12, 31)
    assert _assess(paragraphs=("1. (S) Text.",), **kw).due == date(1982, 12, 31)


def test_unmarked_11652_cable_follows_the_schedule():
    a = _assess(dtg="R 231515Z MAY 74", eo=None, classified_by=None, paragraphs=("1. Text.",))
    assert (a.due, a.basis, a.status) == (date(1980, 12, 31), "gds", "due")
    assert [f.code for f in a.findings] == ["missing-decl"]
    assert "General Declassification Schedule" in a.findings[0].message


def test_status_due_and_not_due():
    assert _assess(eo="E.O. 12958: DECL: 01/23/2017").status == "due"
    assert _assess(eo="E.O. 12958: DECL: 01/23/2030").status == "not-due"
    # On the due date itself the cable is due.
    assert assess(make_cable(), date(2017, 1, 23)).status == "due"
    assert assess(make_cable(), date(2017, 1, 22)).status == "not-due"


@pytest.mark.parametrize(
    ("eo", "code"),
    [
        ("E.O. 12958: DECL: AFTER KOREAN UNIFICATION", "decl-event"),
        ("E.O. 12958: N/A", "decl-na-on-classified"),
        ("E.O. 12958: DECL...", "decl-unreadable"),
        ("E.O. 12958: DECL: 13/45/2017", "decl-unreadable"),
    ],
)
def test_unsettled_instructions_wait_for_the_25_year_date(eo, code):
    # Needs a reviewer until the 25-year date, which ends the classification whatever the
    # instruction meant (E.O. 13526 sec. 3.3(a)); then due.
    a = _assess(eo=eo)
    assert (a.due, a.status) == (date(2032, 12, 31), "needs-review")
    assert code in {f.code for f in a.findings}
    assert _assess(as_of=date(2032, 12, 30), eo=eo).status == "needs-review"
    assert _assess(as_of=date(2032, 12, 31), eo=eo).status == "due"
    # An old cable with such an instruction is due today.
    old = _assess(dtg="P 230828Z JAN 94", eo=eo.replace("12958", "12356"))
    assert (old.due, old.status) == (date(2019, 12, 31), "due")


def test_event_basis():
    a = _assess(eo="E.O. 12958: DECL: AFTER KOREAN UNIFICATION")
    assert a.basis == "event"
    assert [f.code for f in a.findings] == ["decl-event"]


def test_decl_not_after_origin_waits_for_the_25_year_date():
    a = _assess(eo="E.O. 12958: DECL: 01/23/2007")
    assert (a.due, a.status) == (date(2007, 1, 23), "needs-review")
    assert _assess(as_of=date(2033, 1, 1), eo="E.O. 12958: DECL: 01/23/2007").status == "due"


def test_retired_25x1_human_is_settled():
    # ISOO Notice 2012-02: read as 50X1-HUM; a finding, not a review.
    a = _assess(dtg="P 120828Z FEB 10", eo="E.O. 12958: DECL: 25X1-HUMAN")
    assert (a.due, a.status) == (date(2085, 12, 31), "not-due")
    assert "retired-25x1-human" in {f.code for f in a.findings}


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
    a = _assess(
        banner="UNCLAS",
        captions=("SENSITIVE", "SIPDIS"),
        eo="E.O. 12958: N/A",
        paragraphs=("¶1. (SBU) Text.", "¶2. (U) More."),
        classified_by=None,
    )
    assert a.status == "unclassified"


@pytest.mark.parametrize("mark", ["(C)", "(S//NF)", "(S/NF)", "(TS)"])
def test_unclas_banner_over_classified_portions_needs_review(mark):
    # Section 2: mis-marked, not unclassified (09TRIPOLI868, 09TRIPOLI483).
    a = _assess(
        banner="UNCLAS",
        eo="E.O. 12958: N/A",
        paragraphs=("1. (SBU) Summary.", f"2. {mark} Text."),
        classified_by=None,
    )
    assert (a.status, a.basis, a.due) == ("needs-review", "missing-25-year", date(2032, 12, 31))
    assert "banner-below-portion" in {f.code for f in a.findings}
    # Even once the 25-year date has passed: the markings themselves need settling.
    later = assess(
        make_cable(banner="UNCLAS", eo="E.O. 12958: N/A", paragraphs=(f"1. {mark} T.",)),
        date(2040, 1, 1),
    )
    assert later.status == "needs-review"


def test_unclas_banner_with_a_declassification_date_needs_review():
    a = _assess(banner="UNCLAS", classified_by=None, paragraphs=("1. Text.",))
    assert (a.status, a.due) == ("needs-review", date(2017, 1, 23))
    assert [f.code for f in a.findings] == ["decl-on-unclassified"]


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


def test_year_9999_never_overflows():
    # A cable dated in year 9999 has no 25-year date in the calendar: a reviewer looks.
    for eo in ("E.O. 12958: DECL: OADR", None, "E.O. 13526: DECL: 50X1-HUM", "E.O. 11652: GDS"):
        a = _assess(dtg="P 230828Z JAN 9999", eo=eo)
        assert (a.due, a.status) == (None, "needs-review"), eo
    assert years_date(9990, 25) is None and add_years(date(9999, 1, 1), 10) is None


def test_default_as_of_is_today():
    assert assess(make_cable()).as_of == date.today()
