"""Person names: titles stay out, every form of a name is found, places and firms are not."""

from __future__ import annotations

from cables import MIXED, UPPER, cable, parsed

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest


def names(text: str) -> list[str]:
    cable = parse_cable(text, path="t.txt")
    return [s.text for s in suggest(cable, [PERSON])]


def test_titles_are_not_part_of_the_name() -> None:
    got = names(MIXED)
    assert "Jan Kowalczyk" in got  # not "Foreign Minister Jan Kowalczyk"
    assert "Vershbow" in got  # "Ambassador Vershbow" suggests "Vershbow"
    assert "Tomas Berglund" in got  # "Dr." stays out
    assert "Whitcombe" in got
    assert not any(t.split()[0] in {"Ambassador", "Dr", "Dr.", "Senator", "Mr."} for t in got)


def test_later_mentions_and_possessives() -> None:
    got = names(MIXED)
    assert got.count("Kowalczyk") >= 2  # "Kowalczyk said", "Kowalczyk's deputy"
    assert "Lindqvist" in got  # "According to Lindqvist"
    assert "Berglund" in got  # "Mr. Berglund's view": the possessive is not in the span


def test_places_and_organisations_are_not_people() -> None:
    got = names(MIXED)
    assert not any("Costa" in t or "Taft" in t or "Geneva" in t for t in got)


def test_header_names_classified_by_signature_and_passing_lines() -> None:
    got = names(MIXED)
    assert "Ann Example" in got  # Classified By: Ambassador Ann Example
    assert "EXAMPLE" in got  # the signature
    assert "JBRANDT" in got and "LEE" in got  # EUR/CE FOR JBRANDT AND DAS LEE
    assert "CE" not in got and "EUR" not in got


def test_upper_case_cable() -> None:
    got = names(UPPER)
    assert "JAN KOWALCZYK" in got
    assert got.count("KOWALCZYK") >= 3  # subject line, "KOWALCZYK SAID", "TOLD KOWALCZYK"
    assert "OKONJO" in got
    assert "ANN EXAMPLE" in got
    # Capitals carry no information here: common words are never taken for names.
    assert not {"WASHINGTON", "GOVERNMENT", "MINISTER", "AMBASSADOR"} & set(got)


def test_offsets_give_the_text_as_written() -> None:
    cable = parse_cable(MIXED, path="t.txt")
    for s in suggest(cable):
        assert cable.text[s.start : s.end] == s.text


def test_private_person_gets_privacy_code_official_is_flagged() -> None:
    cable = parsed("1. (C) The trader Piotr Zielinski said the deal was off.")
    found = {s.text: s for s in suggest(cable, [PERSON])}
    assert found["Piotr Zielinski"].codes == ("(b)(6)",)
    assert found["Piotr Zielinski"].detail == "private"
    assert found["Ann Example"].detail == "official"
    assert "released" in found["Ann Example"].reason


def test_name_fields_speakers_and_repeated_passing_lines() -> None:
    cable = parsed(
        """
1. (SBU) Name: Duque Girlado, Horacio
DOB: 18-MAY-1954

2. (C) Summers, a UK citizen, said the deal was off.  Summers added that the board
would meet.  Summers told us more.

3. (C) C O N F I D E N T I A L SECTION 02 OF 02 RIVERTON 000001 SIPDIS DEPT FOR EUR/RUS,
FOR EEB/ESC GALLOGLY AND WRIGHT E.O. 12958: DECL: 01/01/2019
"""
    )
    got = [s.text for s in suggest(cable, [PERSON])]
    assert "Duque Girlado, Horacio" in got
    assert got.count("Summers") == 3  # never written "summers": the cable's name for someone
    assert "GALLOGLY" in got and "WRIGHT" in got
    assert "DOB" not in got and "RUS" not in got


def test_name_forms_of_the_third_round() -> None:
    from cables import ROUND3

    got = names(ROUND3)
    assert "Joseph Haddad" in got  # not cut at "Sao Paulo", nor left as "Haddad"
    assert "Brenes" in got and not any("FonMin" in t for t in got)
    assert "Baker" in got  # "Bank" after the comma is the next item, not "Baker Bank"
    assert "Aboul Zarqawen" in got and "Aboul" not in got  # a later mention is one span
    assert "Peter Andrade" in got  # a given name that is also a word, mid-sentence
    assert "Rania Zarqawen" in got and not any("Job" in t for t in got)  # the next label
    assert "Robert Dudley" in got and "Dudley" in got  # AmCit is a title; a town as surname


def test_passing_lines_given_names_initials_and_trailers() -> None:
    from cables import ROUND3

    got = names(ROUND3)
    for name in ("DANA KOPP", "LISA MARSH", "NATE HOLLIS", "AMORENO", "ANNA K. BERGSTROM"):
        assert name in got, (name, got)
    assert "HOLLOWAY" in got  # the signature above "NNNN" and "End Cable Text"
    assert not any("Cable" in t or "NNNN" in t for t in got)


def test_codes_in_capitals_are_not_names() -> None:
    # A two-letter tag before a firm in an upper-case subject is no given name, and capitals
    # in mixed-case text are acronyms: nothing of "RS TNK-XY" is a person.
    text = cable(
        "1. (C) TNK-XY announced losses.  Later TNK-XY reported a profit to investors.",
        subject="ECON,EINV,PREL,RS TNK-XY INTERNAL FIGHT GOES PUBLIC",
    )
    assert not any("TNK" in t or t == "RS" for t in names(text))


def test_titles_bodies_and_regions_beside_names_stay_out() -> None:
    from cables import BESIDE_NAMES

    got = names(BESIDE_NAMES)
    for name in ("Robert Scholl", "Gordon Battle", "Salman", "Nasrallah"):
        assert name in got, (name, got)
    assert not any(w in t for t in got for w in ("Asia", "Special", "Instituto", "Crown"))
    assert not any(w in t for t in got for w in ("SecGen", "Poloffs")), got
    assert "Bahrain" not in got  # "al-Bahrain" lends no name: Bahrain is a place
    assert "Karimov" in got and not any(w in got for w in ("GOH", "Qatari"))


def test_round_five_forms_offices_list_letters_and_things() -> None:
    got = names(
        cable(
            """
1. (C) Minister of Defense Silva thanked the Ambassador, and Minister for Reintegration
Yakobashvili said the same.  The Chief of Army Staff and the President of Colombia did
not attend.  SPDC Chairman Than Shwe spoke under Article 5 of the General Penal Code.
Than Shwe used up most of the hour.

-- E.  Traffickers in Riverton tend to operate in small groups.

2. (U) The ship "Juan Santamaria" is stationed at Penas Blancas.  The 64TH UN GENERAL
ASSEMBLY was discussed, and so was the LTTE's support in Tamil Nadu.  Former Prime
Minister Rajiv Gandhi knew Aung San Suu Kyi.
"""
        )
    )
    assert "Silva" in got and "Yakobashvili" in got  # not "Defense Silva"
    assert "Than Shwe" in got  # a common word opens the name after a title
    assert got.count("Than Shwe") == 2  # and the later mention opening a sentence is whole
    assert "Rajiv Gandhi" in got  # a surname SCOWL capitalises is no nationality word
    assert "Aung San Suu Kyi" in got
    for wrong in ("Staff", "Colombia", "Penal Code", "Traffickers", "Juan Santamaria"):
        assert not any(wrong in t for t in got), wrong
    for wrong in ("Penas Blancas", "TH UN", "Tamil Nadu", "Reintegration", "Defense"):
        assert not any(wrong in t for t in got), wrong


def test_nameparser_titles_that_are_names_are_names() -> None:
    got = names(
        cable(
            """
1. (C) Former Sudanese PM Al Sadiq Al Mahdi told Poloff that the policy is new.  The
envoy thanked Al Mahdi for the talks, and Herr Schmidt agreed.
"""
        )
    )
    assert "Al Sadiq Al Mahdi" in got
    assert any(t.endswith("Mahdi") and "Sadiq" not in t for t in got)  # the later mention
    assert "Schmidt" in got  # "Herr" is still a title
