"""A line end kept before a list marker tells nothing of the withheld text's length (release 4
left this open: the older keep rules for an indented line, a list item or a table row needed
no known line start). A wrap puts "A." first on a line too ("... his aide John" / "A. Smith
..."), and whether it does depends on the length of a name withheld before it on the line;
two names of one box bucket must give the same release. The cable is written here: the seed
cable's header and prose wrapped at 60 columns, as the teletype did."""

from __future__ import annotations

import textwrap

from corpus import SAMPLE
from export_helpers import release_rest

from workbench.cable import parse_cable
from workbench.export.prepare import withholdings_for_export
from workbench.export.reflow import Box, joined_ranges, reflow, wrap_width
from workbench.review.model import Action, Decision, Redaction, Review

SENTENCE = (
    "2. (C) We met the deputy minister, {name}, and his aide John A. Smith of the ministry "
    "about the plan for the talks, which both sides now expect to open in the spring."
)
OTHER = (
    "3. (U) The Embassy will continue to follow the preparations for the talks closely and "
    "will report on the opening session, on the delegations and on the first results."
)


def rows(name: str) -> list[str]:
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    body = "\n\n".join("\n".join(textwrap.wrap(p, 60)) for p in (SENTENCE.format(name=name), OTHER))
    cable = parse_cable(head + "1. (U) Summary follows.\n\n" + body + "\n\nSTANTON\n", "x.txt")
    review = Review.for_cable(cable)
    p = cable.paragraphs[1]
    at = cable.text.index(name, p.body_start)
    review.with_decision(
        p.index, Decision(Action.PARTIAL, spans=(Redaction(at, at + len(name), ("(b)(6)",)),))
    )
    review = release_rest(review)
    withheld = withholdings_for_export(cable, review, False)
    regions = [(r.kind, r.body_start, r.end) for r in review.regions()]
    width = wrap_width(cable.text, regions, withheld)
    out = reflow(cable.text, withheld, joined_ranges(regions, withheld), width)
    shown = []
    for row in out:
        shown.append(
            "".join(
                f"[{i.width}]" if isinstance(i, Box) else str(getattr(i, "text", ""))
                for i in row.items
            )
        )
    return shown


def test_two_names_of_one_bucket_give_one_release() -> None:
    short, long = "Kaimov", "Kaimovski"  # both a 10-cell box
    a, b = rows(short), rows(long)
    # The teletype's wrap differs: "A. Smith" begins a line after the short name only.
    wrapped = [textwrap.wrap(SENTENCE.format(name=n), 60)[1] for n in (short, long)]
    assert wrapped[0].startswith("A. Smith") and not wrapped[1].startswith("A. Smith")
    assert a == b
