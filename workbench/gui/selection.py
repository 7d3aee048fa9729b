"""Changing one withheld piece from the redactions list: other codes, or release it.

Qt-free. Selections (redact and un-redact over several regions) are the review package's own
commands (``workbench.review.commands.redact``/``unredact``); these two work on one
``Withholding`` as ``Review.withholdings`` lists it.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.cable.model import Cable
from workbench.review import commands as rc
from workbench.review.model import Action, Decision, Redaction, Review, ReviewError, Withholding
from workbench.review.regions import Region
from workbench.suggest.model import Suggestion


def _region_key(w: Withholding) -> str:
    if w.region is None:
        raise ReviewError("that withheld text belongs to no region of the cable")
    return w.region


def _not_a_rule_span(w: Withholding) -> None:
    if w.repeats:
        raise ReviewError(
            f"that text is withheld because it repeats text withheld in {w.repeats} (the rule "
            "'recurrences'): change or release it there, or switch the rule off for this cable"
        )


def recode(review: Review, w: Withholding, codes: Sequence[str]) -> rc.Command:
    """The same withheld text with other codes."""
    _not_a_rule_span(w)
    region = review.region(_region_key(w))
    d = review.decision(region.key)
    if w.kind != "span":
        return rc.withhold(region, codes, d.comment)
    use = rc.clean_codes(codes, region.name)
    spans = tuple(
        Redaction(s.start, s.end, use, s.comment) if (s.start, s.end) == (w.start, w.end) else s
        for s in d.spans
    )
    # A pending region keeps its spans pending; a partial one stays partial.
    action = Action.PARTIAL if d.action == Action.PARTIAL else Action.PENDING
    if action == Action.PENDING:
        return rc.Composite(
            [
                rc.RemoveSpans(region, w.start, w.end),
                rc.AddSpans(region, [Redaction(w.start, w.end, use)]),
            ],
            f"{region.name}: new codes",
        )
    return rc.SetDecision(region, Decision(action, (), d.comment, spans))


def release_withholding(review: Review, w: Withholding) -> rc.Command:
    """Release a span; a region withheld in full goes back to undecided (decide it again)."""
    _not_a_rule_span(w)
    region = review.region(_region_key(w))
    if w.kind == "span":
        return rc.RemoveSpans(region, w.start, w.end)
    return rc.set_pending(region)


def header_lines(review: Review) -> list[Region]:
    """Undecided regions outside the paragraphs and unparsed text (header fields, passing
    lines, signature): what Release Header Lines releases. A declassification instruction
    outside the closed forms (an event, which may name a source) is decided on its own."""
    keep = ("paragraph", "unparsed", "trailing", "decl")
    return [r for r in review.pending() if r.kind not in keep]


# A header line longer than this (folded) is not listed in the one-step question, so not
# released by it: Yes must release only what the reviewer was shown, and a question box
# cannot show a routing list of a thousand characters. Such lines are decided one by one.
SHOWN_WHOLE = 2000


def shown_whole(cable: Cable, regions: list[Region]) -> tuple[list[Region], list[Region]]:
    """``regions`` split into those short enough to be shown whole, and the rest."""
    short: list[Region] = []
    long: list[Region] = []
    for r in regions:
        words = " ".join(cable.text[r.body_start : r.end].split())
        (short if len(words) <= SHOWN_WHOLE else long).append(r)
    return short, long


def header_question(
    cable: Cable,
    regions: list[Region],
    flagged: Sequence[Suggestion] = (),
    left: Sequence[Region] = (),
) -> str:
    """The question that lists them, each whole, before releasing them; a line holding a
    suggested redaction (a name in a passing line, a signature) says so, since one Yes
    releases them all. ``left`` are the lines too long to show, named and not released."""
    lines, marked = [], 0
    for r in regions:
        words = " ".join(cable.text[r.body_start : r.end].split())
        inside = [f for f in flagged if r.start <= f.start < r.end]
        if inside:
            marked += 1
            words += "   \u26a0 suggested: " + ", ".join(f"{f.text} ({f.kind})" for f in inside)
        lines.append(f"{r.label}: {words}")
    warning = (
        f"\n\n\u26a0 {marked} of them hold text the suggester proposes to withhold: answer "
        "No and decide those lines one by one if it should be withheld."
        if marked
        else ""
    )
    if left:
        warning += (
            f"\n\n{len(left)} longer line(s) are not released by this and wait for your "
            f"decision one by one: {', '.join(r.label for r in left)}."
        )
    shown = "\n".join(lines)
    return f"Release these {len(regions)} header lines?{warning}\n\n{shown}"
