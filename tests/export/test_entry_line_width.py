"""A participants list keeps its lines when every paragraph holds a withheld name (newcomer 5,
finding 26: 05BOGOTA7402 with every suggested person withheld printed "[box], President [box],
Minister of Defense Acting Foreign Minister [box]"; titles went to the wrong people). The
cable's wrap width was read from one line, "Participants:" (21), as every paragraph's first
line held a name; now also from the lines of a block after a blank line that hold nothing
withheld up to them (``reflow.wrap_width``). The cable is written for the test."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import parse_cable
from workbench.export.prepare import withholdings_for_export
from workbench.export.reflow import Box, Text, joined_ranges, reflow, wrap_width
from workbench.review.model import Action, Decision, Redaction, Review

# Prose as the teletype wrapped it, at 65 columns: no line holds a name.
WRAPPED = (
    "The delegation went on to discuss the schedule of the next round\n"
    "of talks and the venue, which both sides wanted to fix before the\n"
    "end of the month in Seoul, and agreed to meet again in the spring\n"
    "at the latest.\n"
)
BODY = (
    "1. (C) Participants, with Kim Hye-jin presiding:\n\n"
    "Acting Foreign Minister Park Jin\n"
    "Song Min-soon, Foreign Minister\n"
    "Presidential Spokesman Yoon Seung-yong\n\n"
    "2. (C) Park Jin said so, and\n" + WRAPPED + "\n"
    "3. (C) Song Min-soon opened the meeting.\n\n" + WRAPPED + "\n"
)
NAMES = ("Kim Hye-jin", "Park Jin", "Song Min-soon", "Yoon Seung-yong")


def printed(text: str, rows) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for row in rows:
        line = ""
        for item in row.items:
            if isinstance(item, Text):
                line = line.ljust(item.col) + item.text
            elif isinstance(item, Box):
                line = line.ljust(item.col) + "#" * item.width
        out.append(line.rstrip())
    return out


def test_a_participants_list_keeps_its_lines() -> None:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    cable = parse_cable(head + BODY + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    text = cable.text
    for p in cable.paragraphs:
        spans = []
        for name in NAMES:
            i = text.find(name, p.body_start, p.end)
            while i != -1:
                spans.append(Redaction(i, i + len(name), ("(b)(6)",)))
                i = text.find(name, i + len(name), p.end)
        if spans:
            review.with_decision(p.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    withheld = withholdings_for_export(cable, review, False)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    width = wrap_width(text, regions, withheld)
    assert width == 65  # the released block's lines (was 0: every first line holds a name)
    lines = printed(text, reflow(text, withheld, joined_ranges(regions, withheld), width))
    start = lines.index("Acting Foreign Minister " + "#" * 10)
    assert lines[start : start + 3] == [
        "Acting Foreign Minister " + "#" * 10,
        "#" * 20 + ", Foreign Minister",
        "Presidential Spokesman " + "#" * 20,
    ]
