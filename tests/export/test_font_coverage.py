"""Released text the release font cannot draw is refused before drawing, in one sentence.

Newcomer 6, finding 24: a letter DejaVu Sans Mono has no glyph for (CJK, Hebrew, Arabic,
Devanagari, Thai) was drawn as an empty box, verify then found released text missing, and the
export said "please report this as a bug". Now the sentence names the character, its script and
its region, and what to do; withheld, the same letters are no obstacle."""

from __future__ import annotations

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.review.model import Action, Decision, Redaction, Review


def _cable(quoted: str):  # type: ignore[no-untyped-def]
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("This is an action request.", f"This is an action request (see {quoted}).")
    return parse_cable(text, "07SEOUL219.txt")


@pytest.mark.parametrize(
    ("quoted", "script"),
    [
        ("金惠珍", "CJK"),
        ("אבג", "HEBREW"),
        ("محمد", "ARABIC"),
        ("नमस्ते", "DEVANAGARI"),
        ("ไทย", "THAI"),
    ],
)
def test_a_letter_the_font_lacks_is_refused_naming_it(quoted: str, script: str) -> None:
    cable = _cable(quoted)
    review = release_rest(Review.for_cable(cable))
    with pytest.raises(ExportError) as caught:
        publish.make("release", cable, review, OPTIONS)
    message = str(caught.value)
    assert f"'{quoted[0]}'" in message and script in message, message
    assert "paragraph" in message.lower() or "¶" in message, message
    assert "withhold it" in message.lower() and "bug" not in message, message


def test_the_same_letters_withheld_export() -> None:
    cable = _cable("金惠珍")
    review = Review.for_cable(cable)
    i = cable.text.index("金惠珍")
    p = next(p for p in cable.paragraphs if p.start <= i < p.end)
    span = Redaction(i, i + 3, ("(b)(6)",))
    review.with_decision(p.index, Decision(Action.PARTIAL, spans=(span,)))
    release_rest(review)
    assert publish.make("release", cable, review, OPTIONS).startswith(b"%PDF")


def test_greek_cyrillic_and_symbols_the_font_has_still_export() -> None:
    cable = _cable("Αθήνα Москва ½ € → ✓")
    review = release_rest(Review.for_cable(cable))
    assert publish.make("release", cable, review, OPTIONS).startswith(b"%PDF")
