"""The second review (QC) as the CLI and the window use it: names, and the release rule.

A cable moves review -> first-pass-done -> qc-approved, or back with returned (a note for the
reviewer) and round again; a decision changed after approval sends it back to review. The rules
live in the stores (``sqlite_qc`` and the PostgreSQL triggers in ``pg_schema``); this module
says what they mean to a user and whether a release export may go ahead.
"""

from __future__ import annotations

from workbench.review.store_api import QcEvent, QcState, ReviewStore, qc_state

LABELS = {
    QcState.REVIEW: "in first review",
    QcState.FIRST_PASS_DONE: "first pass done, waiting for QC",
    QcState.APPROVED: "approved in QC",
    QcState.RETURNED: "returned to the reviewer",
}


def describe(history: list[QcEvent]) -> str:
    """One line: the state, who moved it there and when, and a return's note."""
    if not history:
        return LABELS[QcState.REVIEW]
    last = history[-1]
    text = f"{LABELS[last.state]} ({last.reviewer}, {last.at[:16].replace('T', ' ')} UTC)"
    if last.state == QcState.RETURNED and last.note:
        text += f": {last.note}"
    return text


def release_refusal(store: ReviewStore, cable_id: str, case_id: str = "") -> str | None:
    """Why a release of ``cable_id`` must wait for QC, in one sentence; None if it may go."""
    if not store.requires_qc(case_id):
        return None
    history = store.qc_history(cable_id)
    state = qc_state(history)
    if state == QcState.APPROVED:
        return None
    return (
        f"{cable_id} is {LABELS[state]}, and the release policy of {store.location} requires QC "
        "approval before a release is exported: ask a QC reviewer to approve it (`workbench "
        "review qc approve`)"
    )
