"""The QC policy of a case: whether its release package needs every cable approved in QC.

The policy table (issue 17) holds a row per case beside the store's own (``""``). A case can add
the requirement but never lift the store's: a release is held back when either says so.
"""

from __future__ import annotations

from workbench.review.qc import release_refusal
from workbench.review.store_api import ReviewStore


def required(store: ReviewStore, number: str) -> bool:
    return store.requires_qc("") or store.requires_qc(number)


def refusal(store: ReviewStore, number: str, cable_id: str) -> str | None:
    """Why ``cable_id`` may not be released in case ``number`` yet, or None."""
    if store.requires_qc(number):
        return release_refusal(store, cable_id, number)
    return release_refusal(store, cable_id, "")
