"""A withheld name is found however its repeat is typed (newcomer 6): with another apostrophe,
none or a space for it ("O’Brien", "OBRIEN", "O BRIEN" after "Patrick O'Brien", finding 19),
or with an invisible format character inside it ("Hye<U+FEFF>jin", finding 22); and released
text holding such characters is released and verified (the export refused it as a bug)."""

from __future__ import annotations

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS

from workbench.cable import Cable, parse_cable
from workbench.export.pdf_read import extract
from workbench.export.release import render_release
from workbench.export.verify import verify, words
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import needles, repeats_in


def _reviewed(body: str, name: str = "") -> tuple[Cable, Review]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + body + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    if name:
        p1 = cable.paragraphs[0]
        i = cable.text.index(name, p1.body_start)
        span = Redaction(i, i + len(name), ("(b)(6)",))
        review.with_decision(p1.index, Decision(Action.PARTIAL, spans=(span,)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def _withheld_in(cable: Cable, review: Review, n: int) -> list[str]:
    spans = review.effective(cable.paragraphs[n].index).decision.spans
    return [cable.text[s.start : s.end] for s in spans]


def test_a_name_with_an_apostrophe_is_found_in_each_form() -> None:
    body = (
        "1. (C) The source was Patrick O'Brien of HMT.\n\n"
        "2. (C) O’Brien (OBRIEN, O BRIEN, Oʼbrien) said; his staff's view differed.\n\n"
    )
    cable, review = _reviewed(body, "Patrick O'Brien")
    assert _withheld_in(cable, review, 1) == ["O’Brien", "OBRIEN", "O BRIEN", "Oʼbrien"]
    # verify looks for the same forms in what a release prints
    wanted = needles(review)
    for printed in ("O’BRIEN said", "Obrien said", "O Brien said"):
        assert repeats_in(printed, wanted), printed
    assert not repeats_in("his staff's view", wanted)


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u2060"])
def test_a_format_character_inside_a_repeat_hides_nothing(mark: str) -> None:
    body = (
        "1. (C) The source was Kim Hye-jin of the Disarmament Division.\n\n"
        f"2. (C) The source, Hye{mark}jin, said more.\n\n"
    )
    cable, review = _reviewed(body, "Kim Hye-jin")
    assert _withheld_in(cable, review, 1) == [f"Hye{mark}jin"]
    found = extract(render_release(cable, review, OPTIONS))
    report = verify(cable, review, found, OPTIONS)
    assert report.ok, report
    printed = " ".join(c.text for c in found.chunks) + " ".join(found.other_pages)
    assert "hyejin" not in words(printed) and "jin" not in words(printed)


def test_released_text_with_format_characters_is_released_and_verified() -> None:
    marks = "an action\u202erequest, a zero\u200bwidth space, a word\u2060joiner, a bom\ufeffhere"
    cable, review = _reviewed(f"1. (C) This is {marks}.\n\n")
    found = extract(render_release(cable, review, OPTIONS))
    report = verify(cable, review, found, OPTIONS)
    assert report.ok, report
    for page in found.other_pages:  # both readers read the words whole
        assert "zerowidth" in words(page) or "zero" not in words(page)
    assert any("zerowidth" in words(c.text) for c in found.chunks)


def test_each_half_of_a_double_surname_is_a_part() -> None:
    """Finding 4: "Luis Moreno-Ocampo" withheld, the cable's "Ocampo’s allegations" and
    "awaits Ocampo." printed; a Korean given name's halves ("Hye-jin") are no parts."""
    body = (
        "1. (C) Luis Moreno-Ocampo met Kim Hye-jin, KIM HYE-JIN and MESBAH-YAZDI.\n\n"
        "2. (C) Ocampo’s allegations, the Ocampo-led team, Moreno alone, and veto awaits "
        "Ocampo. Then Yazdi and Hye spoke of jin.\n\n"
    )
    cable, review = _reviewed(body, "Luis Moreno-Ocampo")
    assert _withheld_in(cable, review, 1) == ["Ocampo", "Ocampo", "Moreno", "Ocampo"]
    for korean in ("Kim Hye-jin", "KIM HYE-JIN"):
        cable, review = _reviewed(body, korean)
        assert _withheld_in(cable, review, 1) == [], korean
    cable, review = _reviewed(body, "MESBAH-YAZDI")
    assert _withheld_in(cable, review, 1) == ["Yazdi"]
