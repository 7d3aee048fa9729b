"""The second review (QC) as the CLI and the window use it: names, and the release rule.

A cable moves review -> first-pass-done -> qc-approved, or back with returned (a note for the
reviewer) and round again; a decision changed after approval sends it back to review. The rules
live in the stores (``sqlite_qc`` and the PostgreSQL triggers in ``pg_schema``); this module
says what they mean to a user and whether a release export may go ahead.
"""

from __future__ import annotations

from workbench.cable.model import Cable
from workbench.review.model import PENDING, Decision, Review
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


def policies(store: ReviewStore, cable_id: str, case_id: str = "") -> list[str]:
    """The policies that hold for a release of ``cable_id`` and require QC: the store's own
    (``""``), the case the release is made for, and every case the cable belongs to. A case
    can add the requirement, never lift the store's (agreed with issue 15)."""
    cases = [""]
    if case_id:
        cases.append(case_id)
    of = getattr(store, "cases_of", None)  # stores with cases (issue 15)
    if of is not None:
        cases.extend(n for n in of(cable_id) if n not in cases)
    return [c for c in cases if store.requires_qc(c)]


def release_refusal(
    store: ReviewStore,
    cable_id: str,
    case_id: str = "",
    held: tuple[Cable, Review] | None = None,
    source: str = "",
) -> str | None:
    """Why a release of ``cable_id`` must wait for QC, in one sentence; None if it may go.

    The one rule every release passes (``export.source.ReviewSource``: the CLI, the cluster,
    decisions files and the window). The review about to be released, when it did not come
    from ``store`` (a decisions file, the window's review with changes on their
    way) is ``held`` with its cable: it must also be the review QC approved, or the approval
    would cover something else than what is released.
    ``source`` names where it came from in the sentence.
    """
    required = policies(store, cable_id, case_id)
    if not required:
        return None
    whose = (
        f"the release policy of {store.location}"
        if required[0] == ""
        else f"the release policy of case {required[0]} in {store.location}"
    )
    history = store.qc_history(cable_id)
    state = qc_state(history)
    if state != QcState.APPROVED:
        return (
            f"{cable_id} is {LABELS[state]}, and {whose} requires QC approval before a release "
            "is exported: ask a QC reviewer to approve it (`workbench review qc approve`)"
        )
    if held is not None:
        cable, review = held
        differ = differing(review, store.load(cable))
        if differ:
            return (
                f"{source or 'the review given'} for {cable_id} differs from the review QC "
                f"approved in {store.location} ({differ}), and {whose} requires QC approval "
                "of what is released: export the approved review from the store, or have "
                "these decisions saved and approved there"
            )
    return None


def differing(review: Review, approved: Review) -> str:
    """How ``review`` differs from ``approved``, in a few words ("" when they are alike)."""
    if review.cable_hash != approved.cable_hash:
        return "it was made for another text of the cable"
    mine, theirs = _decided(review), _decided(approved)
    keys = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
    if keys:
        names = ", ".join(_name(review, k) for k in keys[:3])
        more = f" and {len(keys) - 3} more" if len(keys) > 3 else ""
        return f"{names}{more} decided otherwise"
    if review.rules_off != approved.rules_off:
        return "its rules are switched on or off otherwise"
    return ""


def _name(review: Review, key: str) -> str:
    region = review.partition.get(key)
    return region.name if region is not None else key


def _decided(review: Review) -> dict[str, Decision]:
    # An explicit "pending" row and no row at all mean the same.
    return {k: d for k, d in review.decisions.items() if d != PENDING}
