"""What a check cannot decide, flagged for a reviewer with its source (declassification.md
section 5, last paragraphs): other agencies' and foreign governments' information, Restricted
Data, NODIS and EXDIS."""

from datetime import date

import pytest
from cablemaker import cable_text, make_cable

from workbench.cable import parse_cable
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
    ("where", "text", "code", "tags"),
    [
        ("to", "RUEKJCS/SECDEF WASHINGTON DC IMMEDIATE", "refer-dod", "PREL MARR GM"),
        ("to", "RUEKJCS/JOINT STAFF WASHDC IMMEDIATE", "refer-dod", "MOPS AF"),
        ("to", "RUEAIIA/CIA WASHDC IMMEDIATE", "refer-cia", "PINR PREL"),
        ("to", "RUCNFB/FBI WASHINGTON DC", "refer-fbi", "PTER KJUS"),
        ("to", "RUEANFA/DEPT OF ENERGY WASHDC", "refer-doe", "KNNP ENRG"),
        ("passing", "DOE FOR NA-20 KBAKER", "refer-doe", "IAEA PARM"),
        ("passing", "DEPT PLEASE PASS TO FBI", "refer-fbi", "KCRM SNAR"),
        ("passing", "SECDEF FOR OSD/ISA", "refer-dod", "NATO PREL"),
    ],
)
def test_addressees_and_passing_lines_naming_an_agency(where, text, code, tags):
    def make(tags: str, to_count: int = 0):
        extra = tuple(f"RUEHXX/AMEMBASSY POST{i} {i}" for i in range(to_count))
        if where == "to":
            return found(tags=tags, to=("RUEHC/SECSTATE WASHDC 2498", text, *extra))
        return found(tags=tags, passing=(text,))

    cable, f = make(tags)
    assert code in f
    assert text.split("/")[-1].split()[0] in cable.text[f[code].start : f[code].end]
    # The same addressee on a cable about something else holds none of the agency's
    # information: a farewell call routed to a political adviser, an oil company's quarrel.
    _, g = make("PREL PGOV EPET")
    assert code not in g
    if where == "to":
        # Sent for action to many agencies at once: broadcast, not a sign of ownership.
        _, h = make(tags, to_count=3)
        assert code not in h


def test_the_originator_settles_it():
    # Information that originated with the agency is its own (E.O. 13526 sec. 3.3(d)(3)),
    # whatever the cable's TAGS; an action addressee alone does not settle it.
    text = cable_text(tags="PREL PGOV").replace("FM AMEMBASSY SEOUL", "FM USDAO SEOUL")
    f = {x.code for x in assess(parse_cable(text), AS_OF).findings}
    assert "refer-dod" in f
    _, g = found(tags="PREL PGOV", to=("RUEKJCS/SECDEF WASHDC",))
    assert "refer-dod" not in g


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
        "Germany may keep its dual-capable aircraft and have the NATO weapons stored elsewhere",
        "the U.S. nuclear weapons stored in Turkey",
        "NATO's nuclear sharing and the B61 bombs deployed in Europe",
        "the allies want to keep their stock of nuclear weapons on their territory",
    ],
)
def test_kyl_lott_deployed_weapons(text):
    # Formerly Restricted Data: where US and NATO nuclear weapons are kept and shared.
    cable, f = found(tags="MNUC PARM NATO", paragraphs=(f"¶1. (S) On {text}, the allies spoke.",))
    assert "kyl-lott-review" in f
    hit = cable.text[f["kyl-lott-review"].start : f["kyl-lott-review"].end]
    assert hit.lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Iran's enrichment program and Iranian nuclear weapons",
        "the U.S. nuclear umbrella and extended deterrence",
        "U.S. measures based on realities; no differences on the nuclear weapons issue",
        "treaty measures on non-strategic nuclear weapons",
        "the uranium sale",
    ],
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
