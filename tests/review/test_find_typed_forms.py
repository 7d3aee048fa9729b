"""``find`` sees through how a term is typed (newcomer 6): an apostrophe typed ``'`` finds the
cable's ``’`` (finding 19), an invisible format character inside a word is no character
(finding 22), and a negative number keeps its minus sign (finding 2)."""

from __future__ import annotations

import pytest

from workbench.review.find import find_text


def _found(text: str, term: str) -> list[str]:
    return [text[s:e] for s, e in find_text(text, term, whole_word=True)]


@pytest.mark.parametrize("typed", ["O'Brien", "O’Brien", "O‘Brien", "Oʼbrien"])
def test_every_apostrophe_is_one_character(typed: str) -> None:
    text = "HMT's Patrick O’Brien met O'BRIEN and Oʼbrien."
    assert _found(text, typed) == ["O’Brien", "O'BRIEN", "Oʼbrien"]
    assert _found(text, "Patrick O'Brien") == ["Patrick O’Brien"]


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e"])
def test_an_invisible_format_character_is_no_character(mark: str) -> None:
    text = f"The source, Hye{mark}jin Kim, said; Kim{mark} Hye-jin too."
    assert _found(text, "Hyejin") == [f"Hye{mark}jin", "Hye-jin"]
    assert _found(text, "Kim Hye-jin") == [f"Kim{mark} Hye-jin"]
    assert _found(text, f"Hye{mark}jin Kim") == [f"Hye{mark}jin Kim"]


@pytest.mark.parametrize("sign", ["-", "\u2212", "\u2013"])
def test_a_negative_number_keeps_its_sign(sign: str) -> None:
    text = f"Agriculture 50.6 66.1 {sign}10.4 426.5, and later 10.4 again."
    assert _found(text, "-10.4") == [f"{sign}10.4"]
    assert _found(text, "\u221210.4") == [f"{sign}10.4"]
    assert _found(text, "10.4") == ["10.4", "10.4"]  # the number alone: both, without signs
