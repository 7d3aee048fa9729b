"""Each finding of issue 3 firing on a cable that breaks its rule, and silent on one that
does not.  Rules and sources: declassification.md sections 1-5."""

import re
from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import CODES, assess

AS_OF = date(2026, 11, 27)


def codes(**kw) -> list[str]:
    return [f.code for f in assess(make_cable(**kw), AS_OF).findings]


def one(code: str, **kw):
    cable = make_cable(**kw)
    found = [f for f in assess(cable, AS_OF).findings if f.code == code]
    assert len(found) == 1, [f.code for f in assess(cable, AS_OF).findings]
    return cable, found[0]


def test_the_clean_cable_has_no_findings():
    assert codes() == []


def test_every_finding_has_a_registered_severity():
    cable = make_cable(
        banner="UNCLAS",
        eo="E.O. 12356: DECL: OADR",
        paragraphs=("¶1. (S//NF) Text, see para 7.", "2. More."),
    )
    found = assess(cable, AS_OF).findings
    assert found
    for f in found:
        assert f.severity == CODES[f.code][0]
        # One sentence: it ends with a full stop and has no sentence break inside.
        assert f.message.endswith(".") and not re.search(r"[a-z0-9]\. [A-Z]", f.message)
        assert 0 <= f.start <= f.end <= len(cable.text)


# Section 2: the banner is at least the highest portion mark (32 CFR 2001.21(b)).
def test_banner_below_portion():
    cable, f = one("banner-below-portion", paragraphs=("¶1. (C) Text.", "¶2. (S) Secret text."))
    assert cable.text[f.start : f.end] == "(S)"
    assert "banner-below-portion" not in codes(
        banner="S E C R E T", paragraphs=("¶1. (C) Text.", "¶2. (S) Secret text.")
    )


def test_banner_below_portion_on_an_unclassified_cable():
    # An UNCLAS banner over a (C) portion: the banner is wrong, whatever else is.
    assert "banner-below-portion" in codes(
        banner="UNCLAS", eo="E.O. 12958: N/A", paragraphs=("¶1. (C) Text.",)
    )


# Section 2: any NF portion makes the banner NOFORN (32 CFR 2001.21(b); CAPCO 2016 D.2).
def test_noforn_portion_without_noforn_banner():
    cable, f = one("noforn-not-on-banner", paragraphs=("¶1. (C//NF) Text.", "¶2. (C) More."))
    assert cable.text[f.start : f.end] == "(C//NF)"
    assert "noforn-not-on-banner" not in codes(
        captions=("NOFORN", "SIPDIS"), paragraphs=("¶1. (C//NF) Text.", "¶2. (C) More.")
    )
    assert "noforn-not-on-banner" not in codes(paragraphs=("¶1. (C//REL TO USA, GBR) Text.",))


# Section 2: a numbered paragraph with no portion mark in a classified cable.
def test_unmarked_paragraph():
    cable, f = one("unmarked-paragraph", paragraphs=("¶1. (C) Text.", "¶2. Unmarked text."))
    assert cable.text[f.start : f.end] == "¶2."
    # An unclassified cable need not mark its paragraphs.
    assert "unmarked-paragraph" not in codes(
        banner="UNCLAS", eo="E.O. 12958: N/A", paragraphs=("¶1. Text.", "¶2. More.")
    )


def test_entire_text_marks_every_paragraph():
    # Older cables write "CONFIDENTIAL - ENTIRE TEXT." instead of portion marks (section 2).
    paras = ("1. The minister agreed.", "2. He said more.")
    assert codes(paragraphs=paras).count("unmarked-paragraph") == 2
    assert "unmarked-paragraph" not in codes(
        paragraphs=paras, before_body="CONFIDENTIAL - ENTIRE TEXT."
    )


def test_malformed_portion_mark():
    cable, f = one("malformed-portion-mark", paragraphs=("¶1. C) Text.", "¶2. (C) More."))
    assert cable.text[f.start : f.end] == "C)"
    assert "malformed-portion-mark" not in codes()


# Section 2 and 32 CFR 2001.12: a classified cable must say when it is declassified.
def test_missing_decl():
    _, f = one("missing-decl", eo=None)
    assert f.severity == "error"
    assert "missing-decl" not in codes(
        banner="UNCLAS", eo=None, classified_by=None, paragraphs=("¶1. Text.",)
    )


# Section 3: the classification authority line.
def test_missing_authority():
    one("missing-authority", classified_by=None)
    assert "missing-authority" not in codes()
    # Cables older than E.O. 12958 (14 Oct 1995) did not carry the line.
    assert "missing-authority" not in codes(
        dtg="R 231515Z MAY 94", eo="E.O. 12356: DECL: OADR", classified_by=None
    )


def test_bad_reason_letter():
    cable, f = one(
        "bad-reason-letter", classified_by="Classified By: Amb. X. Reasons 1.4 (b) and (i)."
    )
    assert "1.4(i)" in f.message
    assert cable.text[f.start : f.end].startswith("Classified By")
    # (h) exists in section 1.4 but not in the pre-2003 section 1.5.
    assert "bad-reason-letter" not in codes(
        classified_by="Classified By: Amb. X. Reasons 1.4 (d,h)."
    )
    assert "bad-reason-letter" in codes(classified_by="Classified By: Amb. X. Reasons 1.5 (d,h).")


# Section 5 / 32 CFR 2001.12(a)(1): at most 25 years without a 25X or 50X code.
def test_decl_beyond_25_years():
    cable, f = one("decl-beyond-25-years", eo="E.O. 12958: DECL: 01/24/2032")
    assert cable.text[f.start : f.end] == "01/24/2032"
    assert "decl-beyond-25-years" not in codes(eo="E.O. 12958: DECL: 01/23/2032")
    assert "decl-beyond-25-years" not in codes(eo="E.O. 13526: DECL: 25X1, 20400101")


# Section 5: a date on or before the cable's own date; contradictory, so needs review.
def test_decl_not_after_origin():
    for day in ("01/23/2007", "01/01/2007"):
        cable = make_cable(eo=f"E.O. 12958: DECL: {day}")
        a = assess(cable, AS_OF)
        assert "decl-not-after-origin" in [f.code for f in a.findings]
        assert a.status == "needs-review"
    assert "decl-not-after-origin" not in codes(eo="E.O. 12958: DECL: 01/24/2007")


# Section 1: OADR after 14 Oct 1995 (E.O. 12958 took effect that day).
def test_oadr_after_1995():
    one("oadr-after-1995", dtg="R 141515Z OCT 95", eo="E.O. 12958: DECL: OADR")
    assert "oadr-after-1995" not in codes(dtg="R 131515Z OCT 95", eo="E.O. 12356: DECL: OADR")


# Section 1: X1-X8 on a cable dated on or after 22 Sep 2003 (CAPCO 2008).
def test_x_codes_after_2003():
    one("x-code-after-2003", dtg="R 221515Z SEP 03", eo="E.O. 12958: DECL: X1")
    one("x-code-after-2003", dtg="R 221515Z SEP 03", eo="E.O. 12958: DECL: 1.6X6")
    assert "x-code-after-2003" not in codes(dtg="R 211515Z SEP 03", eo="E.O. 12958: DECL: X1")


# Section 1: the order cited does not match the cable's date.
@pytest.mark.parametrize(
    ("dtg", "eo", "fires"),
    [
        ("R 231515Z MAY 98", "E.O. 12356: DECL: OADR", True),
        ("R 231515Z MAY 94", "E.O. 12356: DECL: OADR", False),
        ("P 120828Z FEB 10", "E.O. 12598: DECL: 02/12/2020", True),  # a typo seen in Cablegate
        ("P 120828Z FEB 10", "E.O. 12958: DECL: 02/12/2020", False),
        ("P 120828Z FEB 10", "E.O. 13526: DECL: 02/12/2020", False),
        ("P 120828Z FEB 08", "E.O. 13526: DECL: 02/12/2018", True),
        ("R 231515Z MAY 74", "E.O. 11652: GDS", False),
        ("R 231515Z MAY 80", "E.O. 11652: GDS", True),
    ],
)
def test_eo_mismatch(dtg, eo, fires):
    assert ("eo-mismatch" in codes(dtg=dtg, eo=eo)) is fires


# Section 2: an unclassified cable that carries a DECL date.
def test_decl_on_unclassified():
    unclas = {"banner": "UNCLAS", "classified_by": None, "paragraphs": ("¶1. Text.",)}
    cable, f = one("decl-on-unclassified", eo="E.O. 12958: DECL: 01/23/2017", **unclas)
    assert cable.text[f.start : f.end] == "01/23/2017"
    assert "decl-on-unclassified" not in codes(eo="E.O. 12958: N/A", **unclas)


# A reference to a paragraph the cable does not have.
def test_para_ref_missing():
    paras = ("¶1. (C) Text.", "¶2. (C) As para 3 says.")
    cable, f = one("para-ref-missing", paragraphs=paras)
    assert cable.text[f.start : f.end] == "para 3"
    assert "para-ref-missing" not in codes()  # the default cable refers to para 1
    # A partial extract lost paragraphs, so its references prove nothing.
    assert "para-ref-missing" not in codes(paragraphs=paras, partial=True)


# Section 5 limits: 25X1-human (retired), subject to treaty (2001.26(a)(6)), 25X over 50 years.
def test_retired_25x1_human():
    # ISOO Notice 2012-02: read as 50X1-HUM (75 years), so the rules settle it.
    a = assess(make_cable(dtg="P 120828Z FEB 10", eo="E.O. 12958: DECL: 25X1-HUMAN"), AS_OF)
    assert [f.code for f in a.findings] == ["retired-25x1-human"]
    assert a.status == "not-due"
    assert "retired-25x1-human" not in codes(dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X1")


def test_subject_to_treaty():
    a = assess(make_cable(eo="E.O. 12958: DECL: SUBJECT TO TREATY"), AS_OF)
    assert [f.code for f in a.findings] == ["subject-to-treaty"]
    assert a.status == "needs-review"


def test_exemption_beyond_50_years():
    # E.O. 13526 sec. 3.3(h): at the latest 31 December of the 50th year.
    one("exemption-beyond-50-years", dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X1, 20610101")
    assert "exemption-beyond-50-years" not in codes(
        dtg="P 120828Z FEB 10", eo="E.O. 13526: DECL: 25X1, 20601231"
    )


def test_exemption_beyond_75_years():
    # E.O. 13526 sec. 3.3(h)(2)-(3): a 50X exemption ends at the latest at 75 years; longer
    # only as a 75X exemption approved by ISCAP (newcomer4 finding 11: capped silently).
    for eo in ("E.O. 13526: DECL: 50X1-HUM, 20900101", "E.O. 13526: DECL: 50X2-WMD, 20900101"):
        _cable, f = one("exemption-beyond-75-years", dtg="P 120828Z FEB 09", eo=eo)
        assert "2084-12-31" in f.message
    assert "exemption-beyond-75-years" not in codes(
        dtg="P 120828Z FEB 09", eo="E.O. 13526: DECL: 50X1-HUM, 20841231"
    )
    assert "exemption-beyond-75-years" not in codes(
        dtg="P 120828Z FEB 09", eo="E.O. 13526: DECL: 75X1, 20900101"
    )


def test_findings_sorted_by_position():
    a = assess(make_cable(eo=None, classified_by=None, paragraphs=("¶1. Text.",)), AS_OF)
    starts = [f.start for f in a.findings]
    assert starts == sorted(starts)


# The transmission header's security line disagrees with the banner (files with another
# cable pasted after the header).
def test_banner_conflicts_header():
    a = assess(make_cable(zny="ZNY SSSSS ZZH"), AS_OF)
    assert [f.code for f in a.findings] == ["banner-conflicts-header"]
    assert a.status == "needs-review"
    assert codes(zny="ZNY CCCCC ZZH") == []
    unclas = {"banner": "UNCLAS", "eo": "E.O. 12958: N/A", "classified_by": None}
    unclas["paragraphs"] = ("¶1. Text.",)
    assert assess(make_cable(zny="ZNR UUUUU ZZH", **unclas), AS_OF).status == "unclassified"
    lou = {**unclas, "banner": "LIMITED OFFICIAL USE"}
    assert assess(make_cable(zny="ZNR UUUUU ZZH", **lou), AS_OF).status == "unclassified"
    # A classified header over an UNCLAS banner: counted as classified until reviewed.
    b = assess(make_cable(zny="ZNY CCCCC ZZH", **unclas), AS_OF)
    assert (b.status, b.basis, b.due) == ("needs-review", "missing-25-year", date(2032, 12, 31))
