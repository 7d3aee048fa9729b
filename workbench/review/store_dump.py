"""A whole review store as plain rows, read from and written to either kind of store.

``workbench store copy`` moves a store between SQLite and PostgreSQL with this: every review,
every current region decision with its last author, the whole audit log, the QC history and
the release policy, the cases (issue 15: each case, its cables and its log) and the rejected
suggestions (issue 16), each kept as it was (names and times included). Only a case administrator
may write one into PostgreSQL, and each imported row records who imported it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Row = tuple[Any, ...]


@dataclass
class Dump:
    # (cable_id, cable_hash, paragraph_count, spans list, created_at, updated_at,
    #  regions list | None, rules_off list, region_count, decided_count)
    reviews: list[Row] = field(default_factory=list)
    # (cable_id, region, region_start, region_end, data dict, changed_by, changed_at)
    decisions: list[Row] = field(default_factory=list)
    # (at, reviewer, cable_id, what, before dict, after dict), oldest first
    audit: list[Row] = field(default_factory=list)
    # (cable_id, state, note, reviewer, at), oldest first
    qc: list[Row] = field(default_factory=list)
    # (case_id, require_qc bool, changed_by, changed_at)
    policy: list[Row] = field(default_factory=list)
    # (number, title, requester, received, due, created_by, created_at)
    cases: list[Row] = field(default_factory=list)
    # (case_number, cable_id, path, cable_hash, added_by, added_at)
    case_cables: list[Row] = field(default_factory=list)
    # (case_number, at, reviewer, what, data dict), oldest first
    case_log: list[Row] = field(default_factory=list)
    # (case_id, cable_id, kind, folded, text, reviewer, at): suggestions not to propose again
    rejections: list[Row] = field(default_factory=list)

    def counts(self) -> str:
        def n(rows: list[Row], one: str, many: str) -> str:
            return f"{len(rows)} {one if len(rows) == 1 else many}"

        return (
            f"{n(self.reviews, 'review', 'reviews')}, {n(self.decisions, 'decision', 'decisions')}, "
            f"{n(self.audit, 'audit entry', 'audit entries')}, {n(self.qc, 'QC step', 'QC steps')}, "
            f"{n(self.cases, 'case', 'cases')} ({n(self.case_cables, 'case cable', 'case cables')}, "
            f"{n(self.case_log, 'case log entry', 'case log entries')}), "
            f"{n(self.rejections, 'rejected suggestion', 'rejected suggestions')}"
        )

    def comparable(self) -> dict[str, list[Row]]:
        """What must survive a copy, in a form that does not depend on the database."""

        def norm(rows: list[Row]) -> list[Row]:
            return [
                tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in r)
                for r in rows
            ]

        return {
            "reviews": sorted(norm([(*r[:4], *r[6:]) for r in self.reviews])),
            "decisions": sorted(norm([r[:5] for r in self.decisions])),
            "audit": norm([(_ms(r[0]), *r[1:]) for r in self.audit]),
            "qc": norm([(*r[:4], _ms(r[4])) for r in self.qc]),
            "policy": sorted(norm([r[:2] for r in self.policy])),
            "cases": sorted(norm([(*r[:6], _ms(r[6])) for r in self.cases])),
            "case_cables": sorted(norm([(*r[:5], _ms(r[5])) for r in self.case_cables])),
            "case_log": norm([(r[0], _ms(r[1]), *r[2:]) for r in self.case_log]),
            "rejections": sorted(norm([(*r[:6], _ms(r[6])) for r in self.rejections])),
        }


def _ms(at: str) -> str:
    """Times to the microsecond, whichever store wrote them (both write ISO 8601 UTC)."""
    return at.rstrip("Z")[:26]


_PENDING = {"action": "pending"}
_CASES = "number, title, requester, received, due, created_by, created_at"
_CASE_CABLES = "case_number, cable_id, path, cable_hash, added_by, added_at"
_REJECTIONS = "case_id, cable_id, kind, folded, text, reviewer"


# -- SQLite --------------------------------------------------------------------------------
def read_sqlite(db: Any) -> Dump:
    d = Dump()
    d.reviews = [
        (
            cid,
            h,
            n,
            json.loads(spans),
            c,
            u,
            json.loads(reg) if reg else None,
            json.loads(off or "[]"),
            rc,
            dc,
        )
        for cid, h, n, spans, c, u, reg, off, rc, dc in db.execute(
            "SELECT cable_id, cable_hash, paragraph_count, paragraph_spans, created_at, "
            "updated_at, regions, rules_off, region_count, decided_count FROM reviews "
            "ORDER BY cable_id"
        )
    ]
    authors = {
        (cid, key): (who, at)
        for cid, key, who, at in db.execute(
            "SELECT cable_id, key, changed_by, changed_at FROM versions"
        )
    }
    for cid, key, start, end, data in db.execute(
        "SELECT cable_id, region, region_start, region_end, data FROM region_decisions"
    ):
        who, at = authors.get((cid, key), ("unknown", ""))
        d.decisions.append((cid, key, start, end, json.loads(data), who, at))
    d.audit = [
        (at, who, cid, what, json.loads(b), json.loads(a))
        for at, who, cid, what, b, a in db.execute(
            "SELECT at, reviewer, cable_id, what, before, after FROM audit ORDER BY id"
        )
    ]
    d.qc = list(db.execute("SELECT cable_id, state, note, reviewer, at FROM qc_events ORDER BY id"))
    d.policy = [
        (c, bool(r), who, at)
        for c, r, who, at in db.execute(
            "SELECT case_id, require_qc, changed_by, changed_at FROM policy"
        )
    ]
    d.cases = list(db.execute(f"SELECT {_CASES} FROM cases ORDER BY number"))
    d.case_cables = list(
        db.execute(f"SELECT {_CASE_CABLES} FROM case_cables ORDER BY case_number, cable_id")
    )
    d.case_log = [
        (n, at, who, what, json.loads(data))
        for n, at, who, what, data in db.execute(
            "SELECT case_number, at, reviewer, what, data FROM case_log ORDER BY id"
        )
    ]
    # A store older than its migration 5, opened only to be read, has no rejections.
    if db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'suggestion_rejections'"
    ).fetchone():
        d.rejections = list(
            db.execute(f"SELECT {_REJECTIONS}, at FROM suggestion_rejections ORDER BY at")
        )
    return d


def sqlite_is_empty(db: Any) -> bool:
    return not db.execute(
        "SELECT 1 FROM reviews UNION ALL SELECT 1 FROM audit UNION ALL SELECT 1 FROM cases "
        "UNION ALL SELECT 1 FROM suggestion_rejections LIMIT 1"
    ).fetchone()


def write_sqlite(db: Any, d: Dump) -> None:
    """Inside the caller's transaction. The audit log goes first so its trigger rebuilds the
    versions table; the QC history after it, so no entry "reopens" an approved cable."""

    def dumps(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, sort_keys=True)

    db.executemany(
        "INSERT INTO reviews (cable_id, cable_hash, paragraph_count, paragraph_spans, "
        "created_at, updated_at, regions, rules_off, region_count, decided_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (c, h, n, dumps(s), cr, up, dumps(reg) if reg is not None else None, dumps(off), rc, dc)
            for c, h, n, s, cr, up, reg, off, rc, dc in d.reviews
        ],
    )
    db.executemany(
        "INSERT INTO region_decisions (cable_id, region, region_start, region_end, action, data) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (c, k, a, b, data["action"], dumps(data))
            for c, k, a, b, data, _who, _at in d.decisions
            if data != _PENDING
        ],
    )
    db.executemany(
        "INSERT INTO audit (at, reviewer, cable_id, what, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        [(at, who, c, what, dumps(b), dumps(a)) for at, who, c, what, b, a in d.audit],
    )
    db.executemany(
        "INSERT INTO qc_events (cable_id, state, note, reviewer, at) VALUES (?, ?, ?, ?, ?)",
        d.qc,
    )
    db.executemany(
        "INSERT INTO policy (case_id, require_qc, changed_by, changed_at) VALUES (?, ?, ?, ?)",
        [(c, int(r), who, at) for c, r, who, at in d.policy],
    )
    db.executemany(f"INSERT INTO cases ({_CASES}) VALUES (?, ?, ?, ?, ?, ?, ?)", d.cases)
    db.executemany(
        f"INSERT INTO case_cables ({_CASE_CABLES}) VALUES (?, ?, ?, ?, ?, ?)", d.case_cables
    )
    db.executemany(
        "INSERT INTO case_log (case_number, at, reviewer, what, data) VALUES (?, ?, ?, ?, ?)",
        [(n, at, who, what, dumps(data)) for n, at, who, what, data in d.case_log],
    )
    db.executemany(
        f"INSERT INTO suggestion_rejections ({_REJECTIONS}, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        d.rejections,
    )


# -- PostgreSQL ----------------------------------------------------------------------------
ISO = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""


def read_pg(conn: Any) -> Dump:
    d = Dump()
    d.reviews = conn.execute(
        f"SELECT cable_id, cable_hash, paragraph_count, paragraph_spans, "
        f"{ISO.format('created_at')}, {ISO.format('updated_at')}, regions, rules_off, "
        "region_count, decided_count FROM reviews ORDER BY cable_id"
    ).fetchall()
    d.decisions = conn.execute(
        f"SELECT cable_id, region, region_start, region_end, data, changed_by, "
        f"{ISO.format('changed_at')} FROM region_decisions WHERE data <> %s",
        (_jsonb(_PENDING),),
    ).fetchall()
    d.audit = conn.execute(
        f"SELECT {ISO.format('at')}, reviewer, cable_id, what, before, after FROM audit ORDER BY id"
    ).fetchall()
    d.qc = conn.execute(
        f"SELECT cable_id, state, note, reviewer, {ISO.format('at')} FROM qc_events ORDER BY id"
    ).fetchall()
    d.policy = conn.execute(
        f"SELECT case_id, require_qc, changed_by, {ISO.format('changed_at')} FROM policy"
    ).fetchall()
    d.cases = conn.execute(
        "SELECT number, title, requester, received, due, created_by, "
        f"{ISO.format('created_at')} FROM cases ORDER BY number"
    ).fetchall()
    d.case_cables = conn.execute(
        "SELECT case_number, cable_id, path, cable_hash, added_by, "
        f"{ISO.format('added_at')} FROM case_cables ORDER BY case_number, cable_id"
    ).fetchall()
    d.case_log = conn.execute(
        f"SELECT case_number, {ISO.format('at')}, reviewer, what, data FROM case_log ORDER BY id"
    ).fetchall()
    d.rejections = conn.execute(
        f"SELECT {_REJECTIONS}, {ISO.format('at')} FROM suggestion_rejections ORDER BY at"
    ).fetchall()
    return d


def _jsonb(v: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(v)


def pg_is_empty(conn: Any) -> bool:
    return not conn.execute(
        "SELECT 1 FROM reviews UNION ALL SELECT 1 FROM audit UNION ALL SELECT 1 FROM cases "
        "UNION ALL SELECT 1 FROM suggestion_rejections LIMIT 1"
    ).fetchone()


def write_pg(conn: Any, d: Dump) -> None:
    """Inside the caller's transaction, as a case administrator (the triggers check)."""
    from psycopg.types.json import Jsonb

    # Opens the import for this transaction alone, into an empty store only (schema step 7:
    # setting the old `workbench.importing` flag by hand no longer imports anything).
    conn.execute("SELECT begin_import()")
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO reviews (cable_id, cable_hash, paragraph_count, paragraph_spans, "
            "created_at, updated_at, regions, rules_off, region_count, decided_count) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    c,
                    h,
                    n,
                    Jsonb(s),
                    cr,
                    up,
                    Jsonb(reg) if reg is not None else None,
                    Jsonb(off or []),
                    rc,
                    dc,
                )
                for c, h, n, s, cr, up, reg, off, rc, dc in d.reviews
            ],
        )
        cur.executemany(
            "INSERT INTO region_decisions (cable_id, region, region_start, region_end, action, "
            "data, changed_by, changed_at) VALUES (%s, %s, %s, %s, %s, %s, %s, "
            "coalesce(nullif(%s, '')::timestamptz, now()))",
            [
                (c, k, a, b, data["action"], Jsonb(data), who, at)
                for c, k, a, b, data, who, at in d.decisions
            ],
        )
        cur.executemany(
            "INSERT INTO audit (at, reviewer, cable_id, what, before, after) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [(at, who, c, what, Jsonb(b), Jsonb(a)) for at, who, c, what, b, a in d.audit],
        )
        cur.executemany(
            "INSERT INTO qc_events (cable_id, state, note, reviewer, at) "
            "VALUES (%s, %s, %s, %s, %s)",
            d.qc,
        )
        cur.executemany(
            "INSERT INTO policy (case_id, require_qc) VALUES (%s, %s)",
            [(c, r) for c, r, _who, _at in d.policy],
        )
        # Cases keep who made them and when (the triggers keep them while importing); each
        # case's log comes with it, which the commit-time check of a case's log requires.
        cur.executemany(
            f"INSERT INTO cases ({_CASES}) VALUES (%s, %s, %s, %s, %s, %s, %s)", d.cases
        )
        cur.executemany(
            f"INSERT INTO case_cables ({_CASE_CABLES}) VALUES (%s, %s, %s, %s, %s, %s)",
            d.case_cables,
        )
        cur.executemany(
            "INSERT INTO case_log (case_number, at, reviewer, what, data) "
            "VALUES (%s, %s, %s, %s, %s)",
            [(n, at, who, what, Jsonb(data)) for n, at, who, what, data in d.case_log],
        )
        # Who rejected each suggestion and when, as the source says (the trigger keeps them
        # while importing).
        cur.executemany(
            f"INSERT INTO suggestion_rejections ({_REJECTIONS}, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            d.rejections,
        )
