"""Era facts of declassification.md sections 1-3, at the day each order took effect."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import assess
from workbench.declass.orders import governing_order, order_in_force

AS_OF = date(2026, 11, 27)


def codes(**kw) -> list[str]:
    return [f.code for f in assess(make_cable(**kw), AS_OF).findings]


@pytest.mark.parametrize(
    ("day", "order"),
    [
        (date(1972, 5, 31), "10501"),
        (date(1972, 6, 1), "11652"),  # E.O. 11652 sec. 13
        (date(1978, 11, 30), "11652"),
        (date(1978, 12, 1), "12065"),
        (date(1982, 7, 31), "12065"),
        (date(1982, 8, 1), "12356"),  # E.O. 12356 took effect on 1 Aug 1982, not in April
        (date(1995, 10, 13), "12356"),
        (date(1995, 10, 14), "12958"),
        (date(2010, 6, 26), "12958"),
        (date(2010, 6, 27), "13526"),
    ],
)
def test_order_in_force(day, order):
    assert order_in_force(day) == order


def test_governing_order_prefers_a_known_citation():
    assert governing_order("11652", date(1979, 3, 1)) == "11652"
    assert governing_order("13292", date(2005, 3, 1)) == "12958"
    assert governing_order("19528", date(2005, 3, 1)) == "12958"  # a typo counts for nothing
    assert governing_order(None, None) is None


@pytest.mark.parametrize(
    ("dtg", "eo", "fires"),
    [
        ("R 311515Z JUL 82", "E.O. 12356: DECL: OADR", True),
        ("R 011515Z AUG 82", "E.O. 12356: DECL: OADR", False),
        ("R 311515Z JUL 82", "E.O. 12065: GDS 07/31/88", False),
        ("R 011515Z AUG 82", "E.O. 12065: GDS 08/01/88", True),
        ("R 311515Z MAY 72", "E.O. 11652: GDS", True),
        ("R 011515Z JUN 72", "E.O. 11652: GDS", False),
        ("R 301515Z NOV 78", "E.O. 11652: GDS", False),
        ("R 011515Z DEC 78", "E.O. 11652: GDS", True),
        ("R 011515Z DEC 78", "E.O. 12065: GDS 12/01/84", False),
        ("R 151515Z MAY 05", "E.O. 19528: DECL: 05/15/2015", True),
    ],
)
def test_eo_mismatch_at_the_boundaries(dtg, eo, fires):
    assert ("eo-mismatch" in codes(dtg=dtg, eo=eo, classified_by=None)) is fires


# E.O. 11652 sec. 4(A): portion marks only "to the extent practicable"; E.O. 12065 sec. 1-504
# required them.
@pytest.mark.parametrize(
    ("dtg", "eo", "fires"),
    [
        ("R 231515Z MAY 74", "E.O. 11652: GDS", False),
        ("R 301515Z NOV 78", "E.O. 11652: GDS", False),
        ("R 011515Z DEC 78", "E.O. 12065: GDS 12/01/84", True),
        ("R 231515Z MAY 85", "E.O. 12356: DECL: OADR", True),
    ],
)
def test_unmarked_paragraphs_by_era(dtg, eo, fires):
    found = codes(dtg=dtg, eo=eo, classified_by=None, paragraphs=("1. Text.", "2. More."))
    assert ("unmarked-paragraph" in found) is fires


@pytest.mark.parametrize(
    ("dtg", "eo", "reasons", "fires"),
    [
        # Section 1.5 of E.O. 13526 is "Duration of classification".
        ("P 120828Z FEB 10", "E.O. 13526: DECL: 02/12/2020", "1.5 (d)", True),
        ("P 120828Z FEB 10", "E.O. 13526: DECL: 02/12/2020", "1.4 (d)", False),
        # Under the amended E.O. 12958 cables kept writing 1.5: common, not flagged.
        ("P 120828Z FEB 08", "E.O. 12958: DECL: 02/12/2018", "1.5 (d)", False),
        # Before the 2003 amendment the categories were section 1.5.
        ("P 120828Z FEB 99", "E.O. 12958: DECL: 02/12/2009", "1.4 (d)", True),
        ("P 240828Z MAR 03", "E.O. 12958: DECL: 03/24/2013", "1.4 (d)", True),
        ("P 250828Z MAR 03", "E.O. 12958: DECL: 03/25/2013", "1.4 (d)", False),
        ("P 120828Z FEB 99", "E.O. 12958: DECL: 02/12/2009", "1.5 (d)", False),
    ],
)
def test_reason_wrong_section(dtg, eo, reasons, fires):
    found = codes(dtg=dtg, eo=eo, classified_by=f"Classified By: Amb. X. Reasons {reasons}.")
    assert ("reason-wrong-section" in found) is fires
