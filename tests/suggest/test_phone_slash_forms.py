"""Phone numbers written with their other last digits after a slash ("243-2006/07": 2006 and
2007) or with the area code's opening parenthesis lost ("Tel: 506) 243-2372"): newcomer4
finding 7 saw both missed on private numbers. Fixtures written here."""

from __future__ import annotations

import pytest
from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import CONTACT, suggest


def contacts(line: str) -> list[str]:
    text = cable(f"1. (U) Text.\n\n2. (U) Contact. {line}\nMore text here.\n")
    return [s.text for s in suggest(parse_cable(text, path="t.txt"), [CONTACT])]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("CONTACT INFORMATION: Tel: 506) 243-2372/2373", "506) 243-2372/2373"),
        ("CONTACT INFORMATION: Tel: (506) 243-2006/07.", "(506) 243-2006/07"),
        ("Phone: (202) 647-4000/4001", "(202) 647-4000/4001"),
        ("Tel: 243-2006/07", "243-2006/07"),
    ],
)
def test_slashed_last_digits_and_a_lost_parenthesis(line: str, number: str) -> None:
    assert contacts(line) == [number]


@pytest.mark.parametrize(
    "line",
    ["on 12/05/2009 and 2) 2006 dollars", "see paras 2) and 3) of ref 06/07", "He paid 506) items"],
)
def test_dates_list_items_and_refs_are_no_numbers(line: str) -> None:
    assert contacts(line) == []
