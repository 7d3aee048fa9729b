"""Cases in the PostgreSQL store (schema step 3): the SQL of ``PgStore``'s case methods.

The same behaviour as ``sqlite_cases``; here the database names who did what (triggers set
``created_by``, ``added_by`` and the log's ``reviewer`` to the login) and refuses a change to a
case's cables without its log entry in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from psycopg.types.json import Jsonb

from workbench.review.case_records import (
    CaseCable,
    CaseLogEntry,
    CaseRecord,
    StoredDecisions,
    cables_to_add,
    case_exists,
    changed_details,
    no_such_case,
)

ISO = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
_CASE_COLUMNS = f"number, title, requester, received, due, created_by, {ISO.format('created_at')}"


def cases(conn: Any) -> list[CaseRecord]:
    rows = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases ORDER BY number").fetchall()
    return [CaseRecord(*r) for r in rows]


def case(conn: Any, number: str) -> CaseRecord | None:
    row = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE number = %s", (number,)).fetchone()
    return CaseRecord(*row) if row else None


def require(conn: Any, number: str) -> CaseRecord:
    found = case(conn, number)
    if found is None:
        raise no_such_case(number)
    return found


def create(conn: Any, record: CaseRecord) -> CaseRecord:
    if case(conn, record.number) is not None:
        raise case_exists(record.number)
    conn.execute(
        "INSERT INTO cases (number, title, requester, received, due) VALUES (%s, %s, %s, %s, %s)",
        (record.number, record.title, record.requester, record.received, record.due),
    )
    details = {"title": record.title, "requester": record.requester}
    details |= {"received": record.received, "due": record.due}
    log(conn, record.number, "Case opened", details)
    return require(conn, record.number)


def update(conn: Any, number: str, changes: dict[str, str]) -> None:
    old = require(conn, number)
    changes = changed_details(old, changes)
    if not changes:
        return
    sets = ", ".join(f"{k} = %s" for k in changes)
    conn.execute(f"UPDATE cases SET {sets} WHERE number = %s", (*changes.values(), number))
    before = {k: getattr(old, k) for k in changes}
    log(conn, number, "Case details changed", {"before": before, "after": changes})


def cables(conn: Any, number: str) -> list[CaseCable]:
    rows = conn.execute(
        f"SELECT cable_id, path, cable_hash, added_by, {ISO.format('added_at')} "
        "FROM case_cables WHERE case_number = %s ORDER BY cable_id",
        (number,),
    ).fetchall()
    return [CaseCable(*r) for r in rows]


def cases_of(conn: Any, cable_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT case_number FROM case_cables WHERE cable_id = %s ORDER BY case_number",
        (cable_id,),
    ).fetchall()
    return [r[0] for r in rows]


def add_cables(conn: Any, number: str, items: Iterable[CaseCable]) -> list[str]:
    require(conn, number)
    conn.execute("SELECT 1 FROM cases WHERE number = %s FOR UPDATE", (number,))
    new = cables_to_add(number, cables(conn, number), items)
    added = [c.cable_id for c in new]
    if added:
        # The log entry first: the commit-time check finds it whatever the order, but a
        # reader of the log then sees the entry before the rows it explains.
        log(conn, number, f"Added {len(added)} cable(s)", {"cables": added})
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO case_cables (case_number, cable_id, path, cable_hash) "
                "VALUES (%s, %s, %s, %s)",
                [(number, c.cable_id, c.path, c.cable_hash) for c in new],
            )
    return added


def remove_cables(conn: Any, number: str, cable_ids: Iterable[str]) -> list[str]:
    require(conn, number)
    wanted = list(dict.fromkeys(cable_ids))
    present = {c.cable_id for c in cables(conn, number)}
    removed = [cid for cid in wanted if cid in present]
    if removed:
        log(conn, number, f"Removed {len(removed)} cable(s)", {"cables": removed})
        conn.execute(
            "DELETE FROM case_cables WHERE case_number = %s AND cable_id = ANY(%s)",
            (number, removed),
        )
    return removed


def log(conn: Any, number: str, what: str, data: dict[str, Any]) -> CaseLogEntry:
    i, at, who = conn.execute(
        "INSERT INTO case_log (case_number, what, data) VALUES (%s, %s, %s) "
        f"RETURNING id, {ISO.format('at')}, reviewer",
        (number, what, Jsonb(data)),
    ).fetchone()
    return CaseLogEntry(int(i), number, at, who, what, data)


def read_log(conn: Any, number: str) -> list[CaseLogEntry]:
    rows = conn.execute(
        f"SELECT id, case_number, {ISO.format('at')}, "
        "CASE WHEN imported_by IS NULL THEN reviewer "
        "ELSE reviewer || ' (imported by ' || imported_by || ')' END, what, data "
        "FROM case_log WHERE case_number = %s ORDER BY id",
        (number,),
    ).fetchall()
    return [CaseLogEntry(*r) for r in rows]


def decisions(conn: Any, cable_ids: Iterable[str]) -> dict[str, StoredDecisions]:
    ids = list(dict.fromkeys(cable_ids))
    out: dict[str, StoredDecisions] = {}
    for cid, h, reg, off in conn.execute(
        "SELECT cable_id, cable_hash, regions, rules_off FROM reviews WHERE cable_id = ANY(%s)",
        (ids,),
    ):
        sig = tuple((str(k), int(a), int(b)) for k, a, b in reg) if reg else None
        out[cid] = StoredDecisions(cid, h, sig, {}, frozenset(off or ()))
    for cid, key, data in conn.execute(
        "SELECT cable_id, region, data FROM region_decisions WHERE cable_id = ANY(%s)", (ids,)
    ):
        # Undecided regions keep a row (its version and author); only spans make one count.
        if cid in out and data != {"action": "pending"}:
            out[cid].decisions[key] = data
    return out
