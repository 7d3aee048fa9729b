"""A released word longer than a row is refused in one sentence that names it and its region
(newcomer 5, finding 8: a 90-letter token, a pasted key or base64, was cut at the row's end,
verify found two words the cable does not hold, and the export said "please report this as a
bug"). A long word that breaks at a mark (a URL) still prints."""

from __future__ import annotations

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.export.errors import ExportError
from workbench.review.model import Review


def _release(extra: str) -> bytes:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "This is an action request.", "This is an action request. " + extra
    )
    assert extra in text
    cable = parse_cable(text, "x.txt")
    return publish.make("release", cable, release_rest(Review.for_cable(cable)), OPTIONS)


def test_a_word_longer_than_a_row_is_refused_by_name() -> None:
    with pytest.raises(ExportError) as exc:
        _release("Q" * 90)
    said = str(exc.value)
    assert "cannot print the 90-character word 'QQQQQQQQQQQQQQQQ...' in paragraph" in said
    assert "withhold it" in said and "bug" not in said


def test_a_long_address_with_marks_prints() -> None:
    url = "https://www.example.org/" + "/".join(["segment"] * 14)
    assert _release(url)[:4] == b"%PDF"
