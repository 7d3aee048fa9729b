"""A pasted key, hash or base64 run in a cable (newcomer 5, finding 7): several sources'
patterns tried every position of such a run again, so `workbench suggest` (and the window,
which suggests on open) took minutes on 80,000 characters. Runs of 256+ characters without a
blank are blanked before any source reads the text; every offset stays the same."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench.cable import parse_bytes
from workbench.cable.model import Cable
from workbench.suggest import suggest
from workbench.suggest.engine import register_source, unregister_source
from workbench.suggest.model import SuggestContext, Suggestion

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "07SEOUL219.txt"
# Long enough to be blanked, short enough that the test is quick without the blanking too.
RUN = "A'" * 300


class _Probe:
    name = "probe-long-runs"
    kinds = ("person",)

    def __init__(self) -> None:
        self.seen: list[str] = []

    def suggest(self, cable: Cable, context: SuggestContext) -> Iterable[Suggestion]:
        self.seen.append(cable.text)
        return ()


def _with_run() -> Cable:
    text = SAMPLE.read_text(encoding="utf-8").replace("12. (C) ", "12. (C) " + RUN + " ", 1)
    return parse_bytes(text.encode(), "long.txt")


def test_no_source_reads_a_long_run_and_offsets_stay() -> None:
    probe = _Probe()
    register_source(probe)
    try:
        cable = _with_run()
        found = suggest(cable)
    finally:
        unregister_source(probe.name)
    assert probe.seen, "the probe source was never asked"
    (seen,) = probe.seen
    assert len(seen) == len(cable.text)
    assert re.search(r"\S{256,}", seen) is None
    start = cable.text.index(RUN)
    end = start + len(RUN)
    assert all(cable.text[s.start : s.end] == s.text for s in found)
    assert not [s for s in found if s.start < end and start < s.end]
    assert "Kim Hye-jin" in {s.text for s in found}  # the rest of the cable is still read


def test_the_same_suggestions_around_the_run() -> None:
    plain = parse_bytes(SAMPLE.read_bytes(), "plain.txt")
    cable = _with_run()
    shift = len(RUN) + 1
    at = cable.text.index(RUN)
    moved = {(s.start if s.start < at else s.start - shift, s.text) for s in suggest(cable)}
    assert moved == {(s.start, s.text) for s in suggest(plain)}
