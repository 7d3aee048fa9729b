"""Families of false names that are places or things named after places (session 6): regions
of two words (ISO 3166-2 names), a newspaper named after its city, and the later mentions such
a name lends its words to. Every text here is written for the test, none is a cable's."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest
from workbench.suggest.regions_build import regions


def _names(body: str) -> list[str]:
    c = parse_cable(cable(body), path="t.txt")
    return [s.text for s in suggest(c, [PERSON]) if s.text not in ("Ann Example", "EXAMPLE")]


REGIONS = """
1. (SBU) Governor Paulo Mendes of Minas Gerais met farmers from Espirito Santo and Mato
Grosso on May 4. Minas Gerais produces most of the coffee; Mendes said Tamil Nadu buyers had
signed. Farmers in Nuevo Leon and Andhra Pradesh watch the price.
"""


def test_a_region_of_two_words_is_no_person() -> None:
    got = _names(REGIONS)
    for place in ("Minas Gerais", "Espirito Santo", "Mato Grosso", "Tamil Nadu", "Andhra Pradesh"):
        assert not any(place in t for t in got), (place, got)
    assert {"Paulo Mendes", "Mendes"} <= set(got), got


PAPER = """
1. (U) The editor of "O Estado de Rio Grande do Sul" told PolOff the paper would run the
story. Rio Grande do Sul readers buy it in Porto Alegre; Rio Grande do Sul is its market.
Editor Carla Nunes said Nunes would write it.

2. (U) Vice President Maria Teresa Fernandez de la Vega met Raul de la Paz on June 1.
"""


def test_a_paper_named_after_its_place_lends_no_name_to_the_place() -> None:
    got = _names(PAPER)
    assert not any("Rio Grande" in t for t in got), got
    assert {"Carla Nunes", "Nunes"} <= set(got), got


def test_a_surname_with_de_la_stays_a_name_though_it_is_a_town() -> None:
    got = _names(PAPER)
    assert "Maria Teresa Fernandez de la Vega" in got, got
    assert "Raul de la Paz" in got, got


def _ranks(word: str) -> tuple[int, int]:
    return {"francisco": (7, 900), "morazan": (0, 65), "mato": (146, 560), "grosso": (0, 419)}.get(
        word, (0, 0)
    )


def test_the_region_list_leaves_out_one_word_article_and_person_named_regions() -> None:
    got = regions(
        ["Minas Gerais", "Espírito Santo", "Leon", "La Vega", "Francisco Morazán", "Mato Grosso"],
        _ranks,
    )
    assert "minas gerais" in got and "espirito santo" in got and "espírito santo" in got
    assert "mato grosso" in got
    assert "leon" not in got and "la vega" not in got
    assert not any("morazan" in g or "morazán" in g for g in got), got


OFFICES = """
1. (U) ConGen Rio Grande do Sul hosted Deputy Joao Paulo Pereira on May 3. Pereira visited
Sao Paulo and Porto Alegre; in Sao Paulo he met the mayor.

2. (U) Luis Mora, head of the Costa Rican Chamber of Exporters, said Costa Rican firms
and the Costa Rican economy would gain. Mora spoke for them.
"""


def test_a_place_after_an_office_is_no_person() -> None:
    got = _names(OFFICES)
    assert not any("Rio Grande" in t for t in got), got


def test_a_place_lends_no_name_word_to_its_later_mentions() -> None:
    got = _names(OFFICES)
    assert "Paulo" not in got and "Sao Paulo" not in got, got  # of Joao Paulo Pereira
    assert not any("Costa" in t or "Rican" in t for t in got), got
    assert {"Joao Paulo Pereira", "Pereira", "Luis Mora", "Mora"} <= set(got), got


THINGS = """
1. (C) The Casa Rosada, through an aide, asked Banque Misr and Banco Nacion for loans;
Jorge Ruiz of Banque Misr said the bank would lend. Ruiz met MFA Deputy U/S for Americas
Kemal Ozturk on May 2.

2. (U) The road from Palmar Norte to Ciudad Neily reopens in July; tourists fly to Cayo
Largo and Cayo Coco instead.
"""


def test_a_building_a_bank_a_key_or_a_town_of_the_compass_is_no_person() -> None:
    got = _names(THINGS)
    for thing in ("Casa Rosada", "Banque Misr", "Palmar Norte", "Cayo Largo", "Cayo Coco"):
        assert not any(thing in t or t in thing for t in got), (thing, got)
    assert {"Jorge Ruiz", "Ruiz", "Kemal Ozturk"} <= set(got), got  # not "Americas Kemal ..."


INITIALS = """
1. (C) President Cristina Fernandez de Kirchner (CFK) met Andres Manuel Lopez Obrador
(AMLO) on May 4. CFK said the talks went well; AMLO agreed. The CFK government and the
PRD (a party) will meet again, and the OAS will watch.
"""


def test_a_names_initials_in_parentheses_stand_for_the_person() -> None:
    got = _names(INITIALS)
    assert got.count("CFK") == 3 and got.count("AMLO") == 2, got
    assert "PRD" not in got and "OAS" not in got, got


def test_initials_that_do_not_fit_the_name_stand_for_nobody() -> None:
    got = _names("1. (C) Juan Carlos Perez (PRI) said the PRI would win. PRI leaders agreed.")
    assert "PRI" not in got, got


def _subject_names(subject: str, body: str) -> list[str]:
    c = parse_cable(cable(body, subject=subject), path="t.txt")
    return [s.text for s in suggest(c, [PERSON]) if s.text not in ("Ann Example", "EXAMPLE")]


PROSE = """
1. (C) The FCO told PolOff on May 3 that the UK would make a separate demarche to Libya.
Director Adam Wood of the FCO Africa department said Africa policy was unchanged; Mr. Wood
also spoke of rice prices.
"""


def test_an_upper_case_subject_of_the_cables_own_words_is_no_name() -> None:
    got = _subject_names("UK DEMARCHE ON LIBYA; FCO AFRICA DIRECTOR ADAM WOOD", PROSE)
    assert not any("DEMARCHE" in t or "FCO" in t or "AFRICA" in t for t in got), got
    assert "ADAM WOOD" in got and "Adam Wood" in got, got


def test_a_signature_in_capitals_stays_a_name_though_the_prose_has_the_word() -> None:
    c = parse_cable(cable(PROSE, signature="RICE"), path="t.txt")
    got = [s.text for s in suggest(c, [PERSON])]
    assert "RICE" in got, got
