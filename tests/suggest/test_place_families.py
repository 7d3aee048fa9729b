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
