"""Cases in the SQLite store (migration 6): the SQL of ``SqliteStore``'s case methods.

Called by ``SqliteStore`` inside its own lock and transactions, as ``sqlite_qc`` is. Every
change to a case writes its entry in ``case_log`` in the same transaction, so the log is
complete; the log's triggers refuse any UPDATE or DELETE.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

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

_CASE_COLUMNS = "number, title, requester, received, due, created_by, created_at"


def _case(row: tuple[Any, ...]) -> CaseRecord:
    return CaseRecord(*row)


def cases(db: sqlite3.Connection) -> list[CaseRecord]:
    return [_case(r) for r in db.execute(f"SELECT {_CASE_COLUMNS} FROM cases ORDER BY number")]


def case(db: sqlite3.Connection, number: str) -> CaseRecord | None:
    row = db.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE number = ?", (number,)).fetchone()
    return _case(row) if row else None


def create(db: sqlite3.Connection, record: CaseRecord, who: str, at: str) -> CaseRecord:
    if case(db, record.number) is not None:
        raise case_exists(record.number)
    made = CaseRecord(
        record.number, record.title, record.requester, record.received, record.due, who, at
    )
    db.execute(
        f"INSERT INTO cases ({_CASE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (made.number, made.title, made.requester, made.received, made.due, who, at),
    )
    details = {"title": made.title, "requester": made.requester}
    details |= {"received": made.received, "due": made.due}
    log(db, made.number, "Case opened", details, who, at)
    return made


def update(db: sqlite3.Connection, number: str, changes: dict[str, str], who: str, at: str) -> None:
    old = require(db, number)
    changes = changed_details(old, changes)
    if not changes:
        return
    sets = ", ".join(f"{k} = ?" for k in changes)
    db.execute(f"UPDATE cases SET {sets} WHERE number = ?", (*changes.values(), number))
    before = {k: getattr(old, k) for k in changes}
    log(db, number, "Case details changed", {"before": before, "after": changes}, who, at)


def require(db: sqlite3.Connection, number: str) -> CaseRecord:
    found = case(db, number)
    if found is None:
        raise no_such_case(number)
    return found


def cables(db: sqlite3.Connection, number: str) -> list[CaseCable]:
    return [
        CaseCable(*r)
        for r in db.execute(
            "SELECT cable_id, path, cable_hash, added_by, added_at FROM case_cables "
            "WHERE case_number = ? ORDER BY cable_id",
            (number,),
        )
    ]


def cases_of(db: sqlite3.Connection, cable_id: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT case_number FROM case_cables WHERE cable_id = ? ORDER BY case_number",
            (cable_id,),
        )
    ]


def add_cables(
    db: sqlite3.Connection, number: str, items: Iterable[CaseCable], who: str, at: str
) -> list[str]:
    """Add cables (a cable already in the case with the same text is left as it is)."""
    require(db, number)
    new = cables_to_add(number, cables(db, number), items)
    db.executemany(
        "INSERT INTO case_cables (case_number, cable_id, path, cable_hash, added_by, "
        "added_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(number, c.cable_id, c.path, c.cable_hash, who, at) for c in new],
    )
    added = [c.cable_id for c in new]
    if added:
        log(db, number, f"Added {len(added)} cable(s)", {"cables": added}, who, at)
    return added


def remove_cables(
    db: sqlite3.Connection, number: str, cable_ids: Iterable[str], who: str, at: str
) -> list[str]:
    require(db, number)
    removed: list[str] = []
    for cid in dict.fromkeys(cable_ids):
        cur = db.execute(
            "DELETE FROM case_cables WHERE case_number = ? AND cable_id = ?", (number, cid)
        )
        if cur.rowcount:
            removed.append(cid)
    if removed:
        log(db, number, f"Removed {len(removed)} cable(s)", {"cables": removed}, who, at)
    return removed


def log(
    db: sqlite3.Connection, number: str, what: str, data: dict[str, Any], who: str, at: str
) -> CaseLogEntry:
    cur = db.execute(
        "INSERT INTO case_log (case_number, at, reviewer, what, data) VALUES (?, ?, ?, ?, ?)",
        (number, at, who, what, json.dumps(data, ensure_ascii=False, sort_keys=True)),
    )
    return CaseLogEntry(int(cur.lastrowid or 0), number, at, who, what, data)


def read_log(db: sqlite3.Connection, number: str) -> list[CaseLogEntry]:
    return [
        CaseLogEntry(i, n, at, who, what, json.loads(data))
        for i, n, at, who, what, data in db.execute(
            "SELECT id, case_number, at, reviewer, what, data FROM case_log "
            "WHERE case_number = ? ORDER BY id",
            (number,),
        )
    ]


def decisions(db: sqlite3.Connection, cable_ids: Iterable[str]) -> dict[str, StoredDecisions]:
    """The saved decisions of many cables in two queries (cables never reviewed are absent)."""
    ids = list(dict.fromkeys(cable_ids))
    out: dict[str, StoredDecisions] = {}
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    # Batches below SQLite's limit of host parameters (32,766 since 3.32; 999 before).
    for i in range(0, len(ids), 900):
        batch = ids[i : i + 900]
        marks = ",".join("?" * len(batch))
        for cid, h, reg, off in db.execute(
            f"SELECT cable_id, cable_hash, regions, rules_off FROM reviews "
            f"WHERE cable_id IN ({marks})",
            batch,
        ):
            sig = tuple((str(k), int(a), int(b)) for k, a, b in json.loads(reg)) if reg else None
            out[cid] = StoredDecisions(cid, h, sig, {}, frozenset(json.loads(off or "[]")))
            rows[cid] = out[cid].decisions
        for cid, key, data in db.execute(
            f"SELECT cable_id, region, data FROM region_decisions WHERE cable_id IN ({marks})",
            batch,
        ):
            if cid in rows:
                rows[cid][key] = json.loads(data)
    return out
