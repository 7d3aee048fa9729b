"""The SQLite review store's schema, as migrations from version 1 on.

Executed only by ``store.SqliteStore``; together they are the only SQL in the workbench.
"""

from __future__ import annotations

# Schema migrations, applied in order; the store's PRAGMA user_version counts those applied.
# Never edit a released step: add a new one.
MIGRATIONS: list[list[str]] = [
    # 1: reviews, their decisions and field redactions, and the append-only audit log.
    [
        """CREATE TABLE reviews (
            cable_id TEXT PRIMARY KEY,
            cable_hash TEXT NOT NULL,
            paragraph_count INTEGER NOT NULL,
            paragraph_spans TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE decisions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            paragraph INTEGER NOT NULL,
            action TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (cable_id, paragraph)
        ) WITHOUT ROWID""",
        """CREATE TABLE field_redactions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            field TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (cable_id, field)
        ) WITHOUT ROWID""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            cable_id TEXT NOT NULL,
            what TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL
        )""",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    ],
    # 2: `review log` reads one cable's entries; without this it scans the whole log.
    ["CREATE INDEX audit_by_cable ON audit (cable_id, id)"],
]
SCHEMA_VERSION = len(MIGRATIONS)
