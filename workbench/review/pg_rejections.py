"""Rejected suggestions in the PostgreSQL store (schema step 4): the SQL of ``PgStore``'s
``suggestion_rejections`` and ``set_suggestion_rejected``.

The same behaviour as the SQLite store's (``store.py``, migration 5), which
``workbench.suggest.rejections`` reads and writes; here the database names who rejected
(a trigger sets ``reviewer`` to the login).
"""

from __future__ import annotations

from typing import Any

ISO = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""


def read(conn: Any, case_id: str) -> list[tuple[str, str, str, str, str]]:
    """``(cable_id, kind, text, reviewer, at)`` of every rejection in the case ("" for
    rejections made outside a case, each for its own cable), oldest first."""
    rows = conn.execute(
        f"SELECT cable_id, kind, text, reviewer, {ISO.format('at')} "
        "FROM suggestion_rejections WHERE case_id = %s ORDER BY at",
        (case_id,),
    ).fetchall()
    return [tuple(r) for r in rows]


def write(
    conn: Any, text: str, folded: str, kind: str, rejected: bool, case_id: str, cable_id: str
) -> None:
    if rejected:
        # A second rejection of the same text (another reviewer's) keeps one row: the latest.
        conn.execute(
            "INSERT INTO suggestion_rejections (case_id, cable_id, kind, folded, text) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (case_id, cable_id, kind, folded) "
            "DO UPDATE SET text = EXCLUDED.text",
            (case_id, cable_id, kind, folded, text),
        )
    else:
        conn.execute(
            "DELETE FROM suggestion_rejections "
            "WHERE case_id = %s AND cable_id = %s AND kind = %s AND folded = %s",
            (case_id, cable_id, kind, folded),
        )
