"""One person, one role in a cable (newcomer 3, finding 14, seen on a held-out cable and
written again here): an official named by office in one paragraph is an official in the
next; a leader's name and a former office make an official; places with the Arabic article
and the cable's derivative-classification line are no persons."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest

BODY = """
1. (C) DAS Gordon Gray met the Foreign Ministry's Director General Ramon Iranzo on May 3.
Iranzo said that the Zapatero government would not change course, and recalled that former
Secretary of State James Baker had visited Madrid in 1991.  Gray told Iranzo that the
United States valued Spain's role, and Secretary of State Rice agreed.

2. (C) The exhibition on Al-Andalus, the Muslim Iberia of the eighth century, drew crowds
after Eid al-Fitr; Al-Arabiya said clashes in al-Hasakah had ended.  Gordon Gray later met
journalist Lucia Mendez, who asked about Zapatero's visit.  Chris Walker of the DOE and
the farmer Kirk Walker were there; Walker said little.
"""


def _roles(body: str, **kw: str) -> list[tuple[str, str]]:
    c = parse_cable(cable(body, **kw), path="t.txt")
    return [(s.text, s.detail) for s in suggest(c, [PERSON])]


def test_every_mention_of_an_official_is_official() -> None:
    got = _roles(BODY)
    assert [r for t, r in got if t == "Gordon Gray"] == ["official", "official"]
    assert {r for t, r in got if t in ("Iranzo", "Gray")} == {"official"}
    assert ("Lucia Mendez", "private") in got


def test_leaders_and_former_officials_are_officials() -> None:
    got = _roles(BODY)
    assert {r for t, r in got if t == "Zapatero"} == {"official"}
    assert ("James Baker", "official") in got  # "former Secretary of State James Baker"
    assert ("Rice", "official") in got


def test_a_surname_two_people_share_takes_no_role_from_either() -> None:
    got = dict(_roles(BODY.replace("Chris Walker of the DOE", "DOE Director Chris Walker")))
    assert got["Chris Walker"] == "official" and got["Kirk Walker"] == "private"
    assert got.get("Walker", "private") == "private"


def test_places_and_channels_with_the_article_are_not_persons() -> None:
    texts = [t for t, _ in _roles(BODY)]
    for thing in ("Al-Andalus", "Eid al-Fitr", "Al-Arabiya", "al-Hasakah"):
        assert not any(thing in t for t in texts), (thing, texts)


def test_a_derived_classification_names_no_official() -> None:
    got = _roles("1. (S) Nothing.", authority="Derived from Multiple Sources")
    assert not any("Derived" in t or "Sources" in t for t, _ in got)


def test_a_vetting_list_rank_and_name_field() -> None:
    got = _roles(
        "1. (SBU) Vetting #: 99263\nRank/Name: CAPT TAMER MOHAMED GAMALELDIN ZAKI SEWAIDAN\n"
        "DOB: 2/10/1982\nRank/Name: MAJ GASER MOHAMED ELSAID MOHAMED MAWAOUD\n"
    )
    names = [t for t, _ in got]
    assert "TAMER MOHAMED GAMALELDIN ZAKI SEWAIDAN" in names
    assert "GASER MOHAMED ELSAID MOHAMED MAWAOUD" in names


def test_names_known_in_part_and_the_drafters_lines() -> None:
    got = dict(
        _roles('1. (SBU) A Congolese male named Besto (LNU) offered uranium; "Besto" asked twice.')
    )
    assert got["Besto"] == "private"
    text = cable("1. (U) Nothing.").replace(
        "C O N F I D E N T I A L",
        "DRAFTED BY: DS/DSS/CC:JBACIGALUPO -- 06/19/2009\nCLEARED: P/E: DFABRYCKY, DCM: "
        "MRATNEY\n\nC O N F I D E N T I A L",
    )
    names = {s.text for s in suggest(parse_cable(text, path="t.txt"), [PERSON])}
    assert {"JBACIGALUPO", "DFABRYCKY", "MRATNEY"} <= names
