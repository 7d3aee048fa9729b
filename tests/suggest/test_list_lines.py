"""A participant list, one person a line, is not one long name (newcomer4 finding 6: "William
B. Wood" / "Cynthia Echeverria" on two lines was one suggestion, whose rejection would have
released a private person), while a name wrapped over a line end in prose is still whole.
Fixtures written here."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest


def names(text: str) -> list[str]:
    return [s.text for s in suggest(parse_cable(text, path="t.txt"), [PERSON])]


def test_each_line_of_a_participant_list_is_its_own_name() -> None:
    body = (
        "1. (U) Participants:\n\n"
        "United States\n-------------\n\n"
        "Ambassador William B. Wood\n"
        "Cynthia Echeverria, Special Assistant\n"
        "Jeffrey Delaurentis, Polcouns (notetaker)\n\n"
        "Riverton\n--------\n\n"
        "Camilo Ospina, Minister of Defense\n"
        "Acting Foreign Minister Camilo Reyes\n"
        "Francisco Gonzalez, MFA (notetaker)\n\n"
        "2. (C) The Ambassador met the minister on Tuesday.\n"
    )
    got = names(cable(body))
    assert "William B. Wood" in got and "Cynthia Echeverria" in got
    assert "Camilo Reyes" in got and "Francisco Gonzalez" in got
    assert not any("\n" in n for n in got), got


def test_a_name_wrapped_in_prose_stays_whole() -> None:
    body = (
        "1. (C) During the meeting on Tuesday the delegation was received by Deputy Minister\n"
        "of the Interior Ana Maria Kowalczyk-Berglund, who said the new law would pass Joseph\n"
        "Whitcombe and his staff said the same later that afternoon in the capital.\n"
    )
    got = names(cable(body))
    assert any(n.startswith("Joseph") and n.endswith("Whitcombe") for n in got), got
