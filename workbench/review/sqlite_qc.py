"""The second review (QC), versions and policy in the SQLite store: the same rules the
PostgreSQL store's triggers enforce (``pg_schema``), checked here in Python.

On one machine there are no database roles, so the names are the ones reviewers give; what is
still enforced is the workflow: a cable reaches QC only with every paragraph decided, only a
waiting cable is approved or returned, a return carries a note, and nobody approves a cable
they submitted or whose first-pass decisions are theirs. Called by ``SqliteStore`` inside its
own transactions.
"""

from __future__ import annotations

import sqlite3

from workbench.review.model import ReviewError
from workbench.review.store_api import Author, QcEvent, QcState


def history(db: sqlite3.Connection, cable_id: str) -> list[QcEvent]:
    return [
        QcEvent(i, cid, QcState(state), note, who, at)
        for i, cid, state, note, who, at in db.execute(
            "SELECT id, cable_id, state, note, reviewer, at FROM qc_events WHERE cable_id = ? "
            "ORDER BY id",
            (cable_id,),
        )
    ]


def current_state(db: sqlite3.Connection, cable_id: str) -> QcState:
    row = db.execute(
        "SELECT state FROM qc_events WHERE cable_id = ? ORDER BY id DESC LIMIT 1", (cable_id,)
    ).fetchone()
    return QcState(row[0]) if row else QcState.REVIEW


def check_step(db: sqlite3.Connection, cable_id: str, state: QcState, note: str, who: str) -> None:
    """Refuse, in one sentence, a QC step the workflow does not allow."""
    # Regions a rule decides have no row, so the counts the review saved say what is left; a
    # review saved before regions (no counts yet) is not finished.
    row = db.execute(
        "SELECT coalesce(region_count - decided_count, 1) FROM reviews WHERE cable_id = ?",
        (cable_id,),
    ).fetchone()
    if row is None:
        raise ReviewError(f"{cable_id} has no saved review")
    current = current_state(db, cable_id)
    undecided = row[0]
    if state in (QcState.FIRST_PASS_DONE, QcState.APPROVED) and undecided > 0:
        raise ReviewError(f"{cable_id} still has {undecided} undecided regions")
    if state == QcState.FIRST_PASS_DONE:
        if current not in (QcState.REVIEW, QcState.RETURNED):
            raise ReviewError(f"{cable_id} is already {current.value}")
    elif state in (QcState.APPROVED, QcState.RETURNED):
        if current != QcState.FIRST_PASS_DONE:
            raise ReviewError(f"{cable_id} is not waiting for QC (it is {current.value})")
        if state == QcState.RETURNED and not note.strip():
            raise ReviewError(f"returning {cable_id} needs a note for the reviewer")
        if state == QcState.APPROVED:
            submitter = db.execute(
                "SELECT reviewer FROM qc_events WHERE cable_id = ? AND state = 'first-pass-done' "
                "ORDER BY id DESC LIMIT 1",
                (cable_id,),
            ).fetchone()
            own = db.execute(
                "SELECT 1 FROM versions WHERE cable_id = ? AND changed_by = ? AND pass = 'first'",
                (cable_id, who),
            ).fetchone()
            if (submitter and submitter[0] == who) or own:
                raise ReviewError(f"a QC reviewer cannot approve their own work on {cable_id}")
    else:
        raise ReviewError(f"{cable_id} goes back to review only when its decisions change")


def authors(db: sqlite3.Connection, cable_id: str) -> dict[str, Author]:
    return {
        key: Author(who, at, version, qc_pass == "qc")
        for key, who, at, version, qc_pass in db.execute(
            "SELECT key, changed_by, changed_at, version, pass FROM versions WHERE cable_id = ?",
            (cable_id,),
        )
    }


def versions(db: sqlite3.Connection, cable_id: str) -> dict[str, int]:
    return {
        k: v
        for k, v in db.execute("SELECT key, version FROM versions WHERE cable_id = ?", (cable_id,))
    }
