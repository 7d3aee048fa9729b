"""Families of names the rules were not tuned to when the labelled set's blind rounds found
them (session 5): groups and firms named like persons, a given name alone for its bearer,
community words and pronouns, streets in addresses, the office before a place, ranks written
with a digit, office words. Every text here is written for the test, none is a cable's."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest


def _names(body: str, **kw: str) -> list[str]:
    """The body's names (the test cable's authority line and signature name its author)."""
    c = parse_cable(cable(body, **kw), path="t.txt")
    return [s.text for s in suggest(c, [PERSON]) if s.text not in ("Ann Example", "EXAMPLE")]


GROUPS = """
1. (C) On May 2 the Al-Karama parliamentary bloc walked out. Al-Karama said the vote was
rigged, and Al-Karama MP Samir Haddad told PolOff that Al-Karama would boycott the session.
According to Haddad, Al-Karama wants new elections.

2. (C) Kessler Coal President Anna Petrov said the strike had cost millions. Kessler said it
would not reopen talks; according to Petrov, Kessler has offered a bonus. Kessler insists
the union must return to work.

3. (C) Saad Hariri met the Ambassador. The Hariri bloc supports him, and Hariri said the
cabinet would meet.
"""


def test_a_group_or_firm_the_cable_names_as_such_is_no_person() -> None:
    got = _names(GROUPS)
    assert not any("Karama" in t for t in got), got
    assert "Kessler" not in got, got
    assert {"Samir Haddad", "Haddad", "Anna Petrov", "Petrov"} <= set(got), got


def test_a_persons_name_a_group_bears_is_still_a_name() -> None:
    got = _names(GROUPS)
    assert "Hariri" in got and "Saad Hariri" in got, got  # "Hariri said"


GIVEN = """
1. (U) The award goes to Nadia Haddour, a teacher from the north. Nadia grew up in a
village, and in 2004 Nadia founded a shelter. Nadia now trains volunteers.

2. (U) Jose Perez flew to San Jose on Monday and met Ramon Ortiz and Ramon Lugo there.
Ramon said the harbour would reopen; Jose Rafael Mora did not attend.
"""


def test_a_given_name_alone_names_its_only_bearer() -> None:
    got = _names(GIVEN)
    assert got.count("Nadia") == 3, got


def test_a_given_name_of_two_people_or_inside_another_name_is_not_linked() -> None:
    got = _names(GIVEN)
    assert "Ramon" not in got, got  # two Ramons: which one the cable does not say
    assert "Jose" not in got, got  # "San Jose", "Jose Rafael Mora": other names' words


def test_community_words_and_pronouns_are_no_names() -> None:
    got = _names(
        """
1. (C) Shi'a clerics met Sunni leaders. The Shi'a majority protested, and a Shi'a MP
resigned. She said the talks were over. She noted that Bahraini Shi'a were angry. She
added that nothing had changed. She said more talks would follow.
"""
    )
    assert got == [], got


def test_streets_in_an_address_are_no_persons() -> None:
    got = _names(
        """
1. (U) The clinics are: Clinica Norte, Avenida Quintero Ramos 455, Colonia Centro; and
Centro Medico, Rua Ana Beltrao, 120, Bairro Alto; and the office at
Hermosillo Gaxiola 7710
Monteverde.
2. (U) Dr. Quintero Ramos will see patients.
"""
    )
    assert got == ["Quintero Ramos"], got  # only the doctor


def test_the_office_before_a_place_is_no_title() -> None:
    got = _names("1. (U) Call the U.S. Consulate General Monteverde for help.")
    assert got == [], got


def test_a_rank_written_with_its_digit_opens_a_name_field() -> None:
    got = _names(
        """
Vetting #: 11201
Rank/Name: 1LT KAREEM HASSAN SOLIMAN
DOB: 1/1/1985
"""
    )
    assert got == ["KAREEM HASSAN SOLIMAN"], got


def test_an_office_word_is_a_title_not_a_name() -> None:
    got = _names("1. (U) In a statement, General Manager Ozan Kaya said sales had doubled.")
    assert got == ["Ozan Kaya"], got


def test_a_glued_name_ends_an_office_path_in_a_passing_line() -> None:
    got = _names("1. (U) Nothing new.", passing="DOC FOR 4231/IEP/EUR/JROSSLINGER\n")
    assert "JROSSLINGER" in got, got
    assert not any(x in got for x in ("IEP", "EUR")), got
