"""The real cables issue 13 names, and others that show a rule, through the real reader and
engine (../shared/corpus; skipped when it is absent)."""

from datetime import date

import pytest
from corpus import CORPUS, available

from workbench.cable import read_cable
from workbench.declass import assess

pytestmark = pytest.mark.skipif(not available(), reason="../shared/corpus is absent")
AS_OF = date(2026, 12, 1)


def check(name: str):
    a = assess(read_cable(CORPUS / "cables" / f"{name}.txt"), AS_OF)
    return a, {f.code for f in a.findings}


@pytest.mark.parametrize(
    ("name", "due", "basis", "status", "has", "lacks"),
    [
        # DECL: TEN YEARS from 28 Mar 2008: lapsed in 2018 (was reported not-due).
        ("08QUITO297", date(2018, 3, 28), "duration", "due", set(), {"missing-decl"}),
        ("09QUITO103", date(2029, 2, 10), "duration", "not-due", set(), set()),
        # E.O. 12958: DNG: CO 10/18/2029 is a downgrade, never the due date.
        (
            "09USNATO464",
            date(2034, 12, 31),
            "missing-25-year",
            "not-due",
            {"downgrade", "missing-decl", "refer-dod"},
            set(),
        ),
        # UNCLAS banners over (S/NF) and (C) paragraphs: mis-marked, not unclassified.
        (
            "09TRIPOLI868",
            date(2034, 12, 31),
            "missing-25-year",
            "needs-review",
            {"banner-below-portion"},
            set(),
        ),
        (
            "09TRIPOLI483",
            date(2034, 12, 31),
            "missing-25-year",
            "needs-review",
            {"banner-below-portion"},
            set(),
        ),
        # A CONFIDENTIAL cable pasted after an UNCLAS one: a reviewer must look.
        (
            "09CAIRO1962",
            date(2034, 12, 31),
            "missing-25-year",
            "needs-review",
            {"banner-below-portion"},
            set(),
        ),
        # An event: a reviewer until 31 Dec 2035, then due whatever the event.
        ("10SHENYANG4", date(2035, 12, 31), "event", "needs-review", {"decl-event"}, set()),
        # MR was never an authorized instruction: the 25-year date.
        (
            "09STATE63860",
            date(2034, 12, 31),
            "legacy-25-year",
            "not-due",
            {"mr-not-authorized"},
            set(),
        ),
        # E.O. 11652 GDS on a CONFIDENTIAL cable of May 1974: 31 Dec 1980; no portion marks
        # needed ("to the extent practicable").
        ("1974ATHENS03099", date(1980, 12, 31), "gds", "due", set(), {"unmarked-paragraph"}),
        # DECL cut off: a reviewer until the 25-year date.
        (
            "08KABUL1064",
            date(2033, 12, 31),
            "missing-25-year",
            "needs-review",
            {"decl-unreadable"},
            set(),
        ),
        # 1996, before the 2003 amendment: 21 years without an X exemption.
        (
            "96ANKARA12278",
            date(2017, 11, 15),
            "explicit-date",
            "due",
            {"decl-beyond-10-years"},
            set(),
        ),
        # E.O. 12598, a typo: the E.O. 12958 rules of its date apply.
        ("10KABUL571", date(2020, 2, 15), "explicit-date", "due", {"eo-mismatch"}, set()),
        # The DECL date is a week before the cable's own date.
        (
            "06PARTO9",
            date(2006, 2, 23),
            "explicit-date",
            "needs-review",
            {"decl-not-after-origin"},
            set(),
        ),
        # NATO nuclear weapons stored in Germany, dual-capable aircraft: Kyl-Lott.
        ("09BERLIN1403", date(2019, 11, 5), "explicit-date", "due", {"kyl-lott-review"}, set()),
    ],
)
def test_named_cable(name, due, basis, status, has, lacks):
    a, codes = check(name)
    assert (a.due, a.basis, a.status) == (due, basis, status)
    assert has <= codes, codes
    assert not lacks & codes, codes


def test_09USNATO464_downgrade_is_shown():
    a, _ = check("09USNATO464")
    assert a.downgrade is not None
    assert (a.downgrade.level, a.downgrade.date) == ("CONFIDENTIAL", date(2029, 10, 18))


@pytest.mark.parametrize("name", ["1974ATHENS02959", "1973STATE097844"])
def test_limited_official_use_of_the_1970s(name):
    a, codes = check(name)
    assert (a.status, a.due) == ("unclassified", None) and not codes
