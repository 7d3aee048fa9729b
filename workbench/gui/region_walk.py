"""Where the reviewer goes next in a cable's regions: a place in the list, a step, the first
place a review starts, the next region still undecided.

Qt-free and stateless: the controller keeps the current region and asks these functions where
a key leads, so the rules of moving (clamped steps, N wrapping round) are tested without a
window.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.review.model import Action, Review
from workbench.review.regions import Region


def index_of(regions: Sequence[Region], key: str | None) -> int:
    """The place of the region ``key`` in ``regions`` (-1: not there, or no key)."""
    if not key:
        return -1
    return next((i for i, r in enumerate(regions) if r.key == key), -1)


def stepped(regions: Sequence[Region], key: str | None, by: int) -> Region | None:
    """The region ``by`` places from ``key``, stopping at either end (None: no regions)."""
    if not regions:
        return None
    return regions[max(0, min(len(regions) - 1, index_of(regions, key) + by))]


def first_place(regions: Sequence[Region], review: Review | None = None) -> Region | None:
    """Where a review starts: a review already begun resumes at its first region still
    undecided, from the top (reopened at the first paragraph, A and J went over decided
    paragraphs while the header waited); a new or finished one at the first paragraph (the
    header lines are reached by N or Home), else the first region."""
    if review is not None and review.decisions:
        pending = next((r for r in regions if review.effective(r).action == Action.PENDING), None)
        if pending is not None:
            return pending
    return next((r for r in regions if r.kind == "paragraph"), None) or (
        regions[0] if regions else None
    )


def next_undecided(review: Review, regions: Sequence[Region], key: str | None) -> Region | None:
    """The next region after ``key`` that neither the reviewer nor a rule decided, wrapping
    round to the start (the current region last); None when every region is decided."""
    n, start = len(regions), index_of(regions, key)
    for k in range(1, n + 1):
        r = regions[(start + k) % n]
        if review.effective(r).action == Action.PENDING:
            return r
    return None
