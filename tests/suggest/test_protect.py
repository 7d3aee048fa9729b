"""Protect markers: the cable's own wording, and the source it protects."""

from __future__ import annotations

from cables import PROTECT

from workbench.cable import parse_cable
from workbench.suggest import PERSON, suggest
from workbench.suggest import PROTECT as KIND


def test_markers_and_the_spans_they_protect() -> None:
    cable = parse_cable(PROTECT, path="t.txt")
    got = [(s.detail, " ".join(s.text.split())) for s in suggest(cable, [KIND])]
    assert ("marker", "(strictly protect)") in got
    assert ("protected", "Rogelio Vargas") in got
    assert ("marker", "(please protect)") in got
    assert ("protected", "banker close to the family") in got
    assert ("marker", "(protect source)") in got
    assert ("protected", "XXXXXXXXXXXX") in got


def test_handling_caption_and_ordinary_protect_are_not_markers() -> None:
    cable = parse_cable(PROTECT, path="t.txt")
    texts = [s.text.lower() for s in suggest(cable, [KIND])]
    assert not any("accordingly" in t for t in texts)
    assert not any("border" in t or "will protect" in t for t in texts)


def test_a_protected_source_gets_source_codes() -> None:
    cable = parse_cable(PROTECT, path="t.txt")
    for s in suggest(cable, [KIND]):
        assert s.codes == ("(b)(1)", "1.4(d)", "(b)(6)")
    # The name is a person suggestion as well.
    assert "Rogelio Vargas" in [s.text for s in suggest(cable, [PERSON])]
