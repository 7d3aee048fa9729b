"""What a check cannot decide, flagged for a reviewer with its source (declassification.md
section 5, last paragraphs): other agencies' and foreign governments' information, Restricted
Data, NODIS and EXDIS."""

from datetime import date

import pytest
from cablemaker import make_cable

from workbench.declass import assess

AS_OF = date(2026, 11, 27)


def found(**kw):
    cable = make_cable(**kw)
    return cable, {f.code: f for f in assess(cable, AS_OF).findings}


def reasons(letters: str) -> str:
    return f"Classified By: Ambassador X. Reasons 1.4 ({letters})."


@pytest.mark.parametrize(
    ("letters", "code"),
    [
        ("b", "refer-foreign-government"),
        ("b, d", "refer-foreign-government"),
        ("c", "refer-cia"),
        ("a", "refer-dod"),
        ("f", "refer-doe"),
    ],
)
def test_reasons_that_belong_to_someone_else(letters, code):
    cable, f = found(classified_by=reasons(letters))
    assert code in f
    assert cable.text[f[code].start : f[code].end].startswith("Classified By")
    assert f[code].severity == "info"
    # Reason (d), the State Department's own foreign relations, refers nothing.
    _, g = found(classified_by=reasons("d"))
    assert code not in g


def test_pre_2003_reason_section_1_5_counts_too():
    _, f = found(
        dtg="R 151515Z MAY 99",
        eo="E.O. 12958: DECL: 05/15/2009",
        classified_by="Classified By: Amb. X. Reason 1.5 (b).",
    )
    assert "refer-foreign-government" in f


@pytest.mark.parametrize(
    ("where", "text", "code"),
    [
        ("to", "RUEKJCS/SECDEF WASHINGTON DC IMMEDIATE", "refer-dod"),
        ("to", "RUEKJCS/JOINT STAFF WASHDC IMMEDIATE", "refer-dod"),
        ("to", "RUEAIIA/CIA WASHDC IMMEDIATE", "refer-cia"),
        ("to", "RUCNFB/FBI WASHINGTON DC", "refer-fbi"),
        ("to", "RUEANFA/DEPT OF ENERGY WASHDC", "refer-doe"),
        ("passing", "DOE FOR NA-20 KBAKER", "refer-doe"),
        ("passing", "DEPT PLEASE PASS TO FBI", "refer-fbi"),
        ("passing", "SECDEF FOR OSD/ISA", "refer-dod"),
    ],
)
def test_addressees_and_passing_lines_naming_an_agency(where, text, code):
    if where == "to":
        cable, f = found(to=("RUEHC/SECSTATE WASHDC 2498", text))
    else:
        cable, f = found(passing=(text,))
    assert code in f
    assert text.split("/")[-1].split()[0] in cable.text[f[code].start : f[code].end]


def test_info_copies_are_routine_distribution():
    # CIA, SECDEF and DIA are INFO addressees of most reporting cables.
    _, f = found(info=("RUEAIIA/CIA WASHDC", "RUEKJCS/SECDEF WASHINGTON DC", "RHEFDIA/DIA WASHDC"))
    assert not {"refer-cia", "refer-dod"} & set(f)


def test_unclassified_cables_refer_nothing():
    _, f = found(
        banner="UNCLAS",
        eo="E.O. 12958: N/A",
        classified_by=None,
        paragraphs=("1. Text.",),
        to=("RUEHC/SECSTATE WASHDC 2498", "RUEKJCS/SECDEF WASHINGTON DC"),
    )
    assert f == {}


@pytest.mark.parametrize(
    "mark",
    [
        "(S//RD) Text.",
        "(S//FRD) Text.",
        "(C) RESTRICTED DATA: text.",
        "(S) FORMERLY RESTRICTED DATA.",
    ],
)
def test_restricted_data(mark):
    cable, f = found(banner="S E C R E T", paragraphs=(f"¶1. {mark}",))
    assert "restricted-data" in f
    # Outside the order's automatic declassification (E.O. 13526 sec. 6.2(a)): never due by
    # the order's dates, a reviewer decides.
    assert assess(cable, AS_OF).status == "needs-review"


def test_no_restricted_data_in_ordinary_text():
    _, f = found(paragraphs=("¶1. (C) The 3RD RD round of talks on the FRD road.",))
    assert "restricted-data" not in f


@pytest.mark.parametrize(
    "text",
    [
        "Germany may keep its dual-capable aircraft",
        "NATO's nuclear sharing arrangements",
        "the tactical nuclear weapons in Europe",
        "U.S. nuclear weapons stored in Turkey",
        "the B61 life extension",
    ],
)
def test_kyl_lott_subjects(text):
    cable, f = found(tags="MNUC PARM NATO", paragraphs=(f"¶1. (S) On {text}, the allies spoke.",))
    assert "kyl-lott-review" in f
    assert cable.text[f["kyl-lott-review"].start : f["kyl-lott-review"].end].lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    ["Iran's enrichment program", "the U.S. nuclear umbrella", "extended deterrence", "uranium"],
)
def test_no_kyl_lott_on_policy_or_foreign_programs(text):
    # The MNUC tag alone is no sign: State tags Iran demarches and uranium sales with it.
    _, f = found(tags="MNUC KNNP IR", paragraphs=(f"¶1. (S) On {text}, the allies spoke.",))
    assert "kyl-lott-review" not in f


@pytest.mark.parametrize("caption", ["NODIS", "EXDIS"])
def test_nodis_and_exdis_captions(caption):
    cable, f = found(captions=(caption, "SIPDIS"))
    code = caption.lower()
    assert code in f and cable.text[f[code].start : f[code].end] == caption
    # A reference to another cable that was NODIS is not this cable's caption.
    _, g = found(before_body=f"REF: TRIPOLI 161 ({caption})")
    assert code not in g
