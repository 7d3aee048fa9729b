"""Turning a suggestion the reviewer accepted into an ordinary redaction (Qt-free).

The window calls these through its controller, so that accepting is one undoable, audited
review command like any redaction made by hand: ``accept`` redacts one suggestion's span with
its codes; ``accept_all`` redacts every occurrence of the same text in the cable, in one step.
Nothing here runs unless a reviewer asked for it: suggestions never apply themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.cable.model import Cable
from workbench.review import commands as rc
from workbench.review.model import Action, Redaction, Review, ReviewError
from workbench.suggest.engine import fold
from workbench.suggest.model import Suggestion


def _codes(s: Suggestion, codes: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(codes) if codes else s.codes
    if not chosen:
        raise ReviewError(
            f"the suggestion '{' '.join(s.text.split())}' proposes no code: choose the codes to "
            "withhold it under"
        )
    return chosen


def accept(
    cable: Cable, review: Review, s: Suggestion, codes: Sequence[str] | None = None
) -> rc.Command:
    """The command that withholds ``s`` (with ``codes``, else the suggestion's own)."""
    return rc.redact(cable, review, s.start, s.end, _codes(s, codes), _comment(s))


def occurrences(cable: Cable, text: str, lo: int = 0) -> list[tuple[int, int]]:
    """Every place ``text`` occurs in the cable as a whole word, whatever its case and however
    it is wrapped across lines ("Kowalczyk", "KOWALCZYK", "Jan\\nKowalczyk")."""
    words = fold(text).split(" ")
    if not words or not words[0]:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    left = r"(?<!\w)" if words[0][:1].isalnum() else ""
    right = r"(?!\w)" if words[-1][-1:].isalnum() else ""
    found = re.finditer(left + pattern + right, cable.text[lo:], re.IGNORECASE)
    return [(lo + m.start(), lo + m.end()) for m in found]


def accept_all(
    cable: Cable,
    review: Review,
    s: Suggestion,
    codes: Sequence[str] | None = None,
    lo: int = 0,
) -> rc.Command:
    """One command that withholds every occurrence of ``s``'s text in the cable (from ``lo``,
    the start of the cable proper), skipping those already withheld."""
    chosen = _codes(s, codes)
    children: list[rc.Command] = []
    for a, b in occurrences(cable, s.text, lo):
        if is_withheld(review, a, b):
            continue
        try:
            children.append(rc.redact(cable, review, a, b, chosen, _comment(s)))
        except ReviewError:
            continue  # already withheld, or in a label: nothing to add there
    if not children:
        raise ReviewError(f"every occurrence of '{' '.join(s.text.split())}' is already withheld")
    return rc.Composite(children, f"Accept every '{' '.join(s.text.split())}' ({len(children)})")


def is_withheld(review: Review, a: int, b: int) -> bool:
    """Whether ``a``-``b`` is already withheld: by its region withheld in full, or by spans
    (a suggestion across two regions counts once each region's part is withheld)."""
    regions = [r for r in review.partition.overlapping(a, b) if r.decidable]
    if not regions:
        return False
    for r in regions:
        d = review.effective(r).decision  # a repeated header follows its original
        if d.action == Action.WITHHOLD:
            continue
        lo, hi = max(a, r.body_start), min(b, r.end)
        if lo >= hi:
            continue  # only the region's label (a portion mark) is touched
        if not _covered(d.spans, lo, hi):
            return False
    return True


def _covered(spans: Sequence[Redaction], lo: int, hi: int) -> bool:
    pos = lo
    for x in sorted(spans, key=lambda x: x.start):
        if x.start > pos:
            break
        pos = max(pos, x.end)
    return pos >= hi


def _comment(s: Suggestion) -> str:
    return f"accepted suggestion ({s.kind}): {s.reason}"
