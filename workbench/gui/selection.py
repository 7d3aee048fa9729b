"""Commands for a selection of text and for one withheld piece, over the paragraph+field model.

Qt-free, but kept here only until the review package offers them over regions (issue 11:
``redact(start, end, codes)`` and ``unredact(start, end)`` among its review commands); then this
module goes and the controller calls those. Until then these are the rules the window uses:

- a redaction clips the selection to each paragraph's body (never its number or marking) and
  to each header field it touches, all as one step; text already withheld in full is left;
- un-redacting the same selection undoes exactly that, in every paragraph and field it covers.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.cable.model import Cable
from workbench.review import commands as rc
from workbench.review.model import (
    FIELDS,
    Action,
    Decision,
    Redaction,
    Review,
    ReviewError,
    Withholding,
    field_spans,
)


class Redact(rc.Composite):
    """A selection redacted across paragraphs and fields, as one undoable step."""


class Unredact(rc.Composite):
    """A selection released again across paragraphs and fields, as one step."""


def fields_in(cable: Cable, start: int, end: int) -> list[str]:
    """Header fields whose text the span ``start``-``end`` touches."""
    return [
        name for name in FIELDS if any(s < end and start < e for s, e in field_spans(cable, name))
    ]


def redact(cable: Cable, review: Review, start: int, end: int, codes: Sequence[str]) -> Redact:
    use = tuple(codes)
    children: list[rc.Command] = []
    for p in cable.paragraphs:
        s, e = max(start, p.body_start), min(end, p.end)
        if s >= e or not cable.text[s:e].strip():
            continue
        if review.decision(p.index).action == Action.WITHHOLD:
            continue  # already withheld in full: a span would release the rest
        # Trim the selection's spaces and line ends: a bar covers words, not the gaps
        # around them that a released neighbour owns.
        while s < e and cable.text[s].isspace():
            s += 1
        while e > s and cable.text[e - 1].isspace():
            e -= 1
        children.append(rc.AddSpans(p, [Redaction(s, e, use)]))
    for name in fields_in(cable, start, end):
        children.append(rc.SetField(name, use, cable=cable))
    if not children:
        raise ReviewError(
            "the selection is neither in a paragraph's text nor in a header field that can be "
            "withheld (subject, classified by, from, to, info, references, signature), or it "
            "is already withheld: select words there, then press Ctrl+R"
        )
    return Redact(children, "Redact selection")


def unredact(cable: Cable, review: Review, start: int, end: int) -> Unredact:
    children: list[rc.Command] = []
    for p in cable.paragraphs:
        d = review.decision(p.index)
        s, e = max(start, p.body_start), min(end, p.end)
        if s >= e or d.action != Action.PARTIAL:
            continue
        if any(r.start < e and s < r.end for r in d.spans):
            children.append(rc.RemoveSpans(p, s, e))
    for name in fields_in(cable, start, end):
        if name in review.fields:
            children.append(rc.ClearField(name))
    if not children:
        raise ReviewError(
            "nothing redacted in the selection: select redacted text (a span or a withheld "
            "header field), then press Ctrl+Shift+R"
        )
    return Unredact(children, "Release selection")


def recode(cable: Cable, review: Review, w: Withholding, codes: Sequence[str]) -> rc.Command:
    """The same withheld text with other codes."""
    use = tuple(codes)
    if w.kind == "field" and w.field is not None:
        return rc.SetField(w.field, use, w.comment, cable=cable)
    if w.paragraph is None:
        raise ReviewError("that withheld text belongs to no paragraph")
    p = cable.paragraphs[w.paragraph - 1]
    d = review.decision(p.index)
    if w.kind == "paragraph":
        return rc.withhold(p, use, d.comment)
    spans = tuple(
        Redaction(s.start, s.end, use, s.comment) if (s.start, s.end) == (w.start, w.end) else s
        for s in d.spans
    )
    return rc.SetDecision(p, Decision(Action.PARTIAL, (), d.comment, spans))


def release_withholding(cable: Cable, review: Review, w: Withholding) -> rc.Command:
    if w.kind == "field" and w.field is not None:
        return rc.ClearField(w.field)
    if w.paragraph is None:
        raise ReviewError("that withheld text belongs to no paragraph")
    p = cable.paragraphs[w.paragraph - 1]
    if w.kind == "paragraph":
        return rc.set_pending(p)
    return rc.RemoveSpans(p, w.start, w.end)
