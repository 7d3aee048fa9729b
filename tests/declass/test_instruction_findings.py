"""The instruction findings added with the orders' own rules (issue 13): each fires on a cable
that breaks its rule and stays silent on one that keeps it, boundaries included."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import assess

AS_OF = date(2026, 11, 27)


def codes(**kw) -> list[str]:
    return [f.code for f in assess(make_cable(**kw), AS_OF).findings]


def only(code: str, **kw):
    a = assess(make_cable(**kw), AS_OF)
    found = [f for f in a.findings if f.code == code]
    assert len(found) == 1, [f.code for f in a.findings]
    return a, found[0]


# 32 CFR 2001.26(a): a 25X exemption carries its date or event.
def test_25x_without_date():
    a, _ = only("25x-without-date", dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X6")
    assert a.due == date(2060, 12, 31) and a.status == "not-due"
    assert "25x-without-date" not in codes(
        dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X6, 20400101"
    )
    # 50X1-HUM needs no date; imagery under E.O. 12951 is governed by that order.
    assert "25x-without-date" not in codes(dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 50X1-HUM")
    assert "25x-without-date" not in codes(
        dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X1, EO 12951"
    )


def test_50x_and_75x_without_date():
    only("exemption-without-date", dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 50X6")
    only("exemption-without-date", dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 75X1")
    assert "exemption-without-date" not in codes(
        dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 50X2-WMD"
    )
    # 75X without its date: no rule gives a date, so a reviewer must look.
    assert assess(
        make_cable(dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 75X1"), AS_OF
    ).status == ("needs-review")


def test_mr_was_never_authorized():
    a, _ = only("mr-not-authorized", dtg="P 230828Z JAN 09", eo="E.O. 12958: DECL: MR")
    assert a.status == "not-due"
    assert "mr-not-authorized" not in codes(
        dtg="P 230828Z JAN 09", eo="E.O. 12958: DECL: 01/23/2019"
    )


# E.O. 12958 sec. 1.6(b), (d) as issued: 10 years without an X exemption, until the
# amendment of 25 Mar 2003 allowed 25.
@pytest.mark.parametrize(
    ("dtg", "eo", "fires"),
    [
        ("R 151515Z MAY 99", "E.O. 12958: DECL: 05/16/2009", True),
        ("R 151515Z MAY 99", "E.O. 12958: DECL: 05/15/2009", False),  # exactly 10 years
        ("R 151515Z MAY 99", "E.O. 12958: DECL: X1", False),
        ("R 241515Z MAR 03", "E.O. 12958: DECL: 03/25/2013", True),
        ("R 251515Z MAR 03", "E.O. 12958: DECL: 03/26/2013", False),  # the amendment's day
        ("R 151515Z MAY 99", "E.O. 12958: DECL: TWENTY YEARS", True),
        ("R 151515Z MAY 94", "E.O. 12356: DECL: 05/16/2009", False),  # another order
    ],
)
def test_decl_beyond_10_years(dtg, eo, fires):
    assert ("decl-beyond-10-years" in codes(dtg=dtg, eo=eo)) is fires


def test_decl_beyond_25_years_boundary_and_cap():
    assert "decl-beyond-25-years" not in codes(eo="E.O. 12958: DECL: 01/23/2032")
    a, _ = only("decl-beyond-25-years", eo="E.O. 12958: DECL: 01/24/2032")
    assert a.due == date(2032, 1, 24)  # within 31 Dec 2032, so the date stands
    b, _ = only("decl-beyond-25-years", eo="E.O. 12958: DECL: 01/01/2045")
    assert b.due == date(2032, 12, 31)
    only("decl-beyond-25-years", dtg="O 281022Z MAR 08", eo="E.O. 12958: DECL: THIRTY YEARS")


def test_downgrade_is_shown_never_a_due_date():
    # 09USNATO464: E.O. 12958: DNG: CO 10/18/2029 on a SECRET cable of 20 Oct 2009.
    kw = {
        "dtg": "O 201658Z OCT 09",
        "banner": "S E C R E T",
        "eo": "E.O. 12958: DNG: CO 10/18/2029",
    }
    a = assess(make_cable(**kw), AS_OF)
    assert (a.due, a.basis, a.status) == (date(2034, 12, 31), "missing-25-year", "not-due")
    assert {"downgrade", "missing-decl"} <= {f.code for f in a.findings}
    assert a.downgrade is not None
    assert (a.downgrade.level, a.downgrade.date) == ("CONFIDENTIAL", date(2029, 10, 18))
    # A passed downgrade date does not make a SECRET cable due.
    old = make_cable(**{**kw, "eo": "E.O. 12958: DNG: CO 10/18/2014"})
    assert assess(old, AS_OF).status == "not-due"
    # With a DECL date beside it, that date is the due date.
    both = make_cable(**{**kw, "eo": "E.O. 12958: DECL: 10/18/2019 DNG: CO 10/18/2014"})
    b = assess(both, AS_OF)
    assert (b.due, b.basis, b.status) == (date(2019, 10, 18), "explicit-date", "due")
    assert [f.code for f in b.findings] == ["downgrade"]
    assert "downgrade" not in codes()


def test_downgrade_not_lower():
    only("downgrade-not-lower", eo="E.O. 12958: DECL: 01/23/2017 DNG: SE 01/23/2012")
    assert "downgrade-not-lower" not in codes(
        banner="S E C R E T", eo="E.O. 12958: DECL: 01/23/2017 DNG: CO 01/23/2012"
    )
