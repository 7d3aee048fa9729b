"""Carry saved decisions over when the reader divides an unchanged text differently.

The text hash guards offsets; it cannot guard paragraph *indexes*, which come from the parser
and may change when the parser improves. A decision follows its paragraph when the new division
has a paragraph with the same start and end, or (for a partial release) exactly one paragraph
whose text holds all its spans. Anything else is refused: a decision must never land on the
wrong paragraph silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.cable.model import Cable
from workbench.review.model import Action, Decision, ReviewError


def remap_decisions(
    decisions: dict[int, Decision], old_spans: Sequence[tuple[int, int]], cable: Cable
) -> dict[int, Decision]:
    """``decisions`` keyed by the new paragraph indexes; :class:`ReviewError` if one cannot be."""
    by_span = {(p.start, p.end): p for p in cable.paragraphs}
    out: dict[int, Decision] = {}
    for old_index, decision in sorted(decisions.items()):
        if not 1 <= old_index <= len(old_spans):
            raise ReviewError(f"a saved decision names paragraph {old_index}, which never existed")
        start, end = old_spans[old_index - 1]
        target = by_span.get((start, end))
        if target is None and decision.action == Action.PARTIAL:
            holders = [
                p
                for p in cable.paragraphs
                if all(p.body_start <= s.start and s.end <= p.end for s in decision.spans)
            ]
            target = holders[0] if len(holders) == 1 else None
        if target is None:
            raise ReviewError(
                f"the paragraph at characters {start}-{end} ({decision.action.value}) is no "
                "longer read as one paragraph"
            )
        if target.index in out:
            raise ReviewError(
                f"two decided paragraphs are now read as one (paragraph {target.key})"
            )
        for s in decision.spans:
            if not target.body_start <= s.start < s.end <= target.end:
                raise ReviewError(
                    f"the redaction at {s.start}-{s.end} now falls outside the text of "
                    f"paragraph {target.key}"
                )
        out[target.index] = decision
    return out
