"""Carry saved decisions over when the reader divides an unchanged text differently.

The text hash guards offsets; it cannot guard region *keys*, which come from the reader and
the partition and may change when either improves. A decision follows its region when the new
partition has a region with the same key and extent, or another key with the same extent, or
(for one holding spans) exactly one region whose body holds all its spans. Anything else is
refused: a decision must never land on the wrong text silently.

A decision on a region this reader no longer lets anyone decide (a separator line such as
``----``, a region before newcomer 3's finding 38) is dropped, and the caller says so in the
audit log: a separator follows the region before it, printed or withheld with it, so a
decision of its own would be kept and never used.
"""

from __future__ import annotations

from collections.abc import Mapping

from workbench.review.model import Decision, ReviewError
from workbench.review.regions import Partition

# What the audit log says of decisions ``remap_decisions`` dropped.
DROPPED = (
    "; the decisions on separator lines ({keys}) were dropped: a separator follows the region "
    "before it, printed or withheld with it, and is not decided on its own"
)


def remap_decisions(
    decisions: Mapping[str, Decision],
    extents: Mapping[str, tuple[int, int] | None],
    new: Partition,
    dropped: list[str] | None = None,
) -> dict[str, Decision]:
    """``decisions`` keyed by the new partition's keys; :class:`ReviewError` if one cannot be.

    ``extents`` gives, for each key, the (start, end) its region had when decided (None when
    unknown: a header field decided before regions existed, which follows its key). The key
    of each decision dropped because its region is now a separator is added to ``dropped``.
    """
    by_extent = {(r.start, r.end): r for r in new.regions if r.decidable}
    out: dict[str, Decision] = {}
    for key, decision in sorted(decisions.items()):
        extent = extents.get(key)
        target = new.get(key)
        if target is not None and extent is not None and (target.start, target.end) != extent:
            target = None
        if target is not None and not target.decidable:
            if dropped is not None:
                dropped.append(key)
            continue
        if target is None and extent is not None:
            target = by_extent.get(extent)
        if target is None and decision.spans:
            holders = [
                r
                for r in new.regions
                if r.decidable
                and all(r.body_start <= s.start and s.end <= r.end for s in decision.spans)
            ]
            target = holders[0] if len(holders) == 1 else None
        if target is None:
            where = f"characters {extent[0]}-{extent[1]}" if extent else key
            raise ReviewError(
                f"the text at {where} ({decision.action.value}) is no longer read as one region"
            )
        if target.key in out:
            raise ReviewError(f"two decided regions are now read as one ({target.label})")
        for s in decision.spans:
            if not target.body_start <= s.start < s.end <= target.end:
                raise ReviewError(
                    f"the redaction at {s.start}-{s.end} now falls outside {target.label}"
                )
        out[target.key] = decision
    return out
