"""The QC policy of a case's release package: the gate every release passes (issue 17).

``review.qc.release_refusal`` is the one rule (``export.source.ReviewSource.clear_release``
calls it for the CLI, the cluster and decisions files; the window's Export dialog too). For a
case it applies the store's policy, the case's own, and every other case the cable is in: a
case can add the requirement but never lift the store's. The package calls the rule with the
session's own store (``clear_release`` would open the store again from its name, which for a
team's PostgreSQL store need not carry the password) and with the review it is about to
release, so it must also be the review QC approved.
"""

from __future__ import annotations

from workbench.cable.model import Cable
from workbench.review.model import Review
from workbench.review.qc import release_refusal
from workbench.review.store_api import ReviewStore


def refusal(store: ReviewStore, number: str, cable: Cable, review: Review) -> str | None:
    """Why ``review`` may not be released in case ``number`` yet, or None."""
    return release_refusal(
        store, review.cable_id, number, (cable, review), f"the review in case {number}"
    )
