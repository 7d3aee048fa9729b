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
    # 3: team work on one file (issue 17): who last changed each paragraph and field, and its
    # version, so two processes deciding the same paragraph conflict instead of overwriting;
    # the second-review (QC) history and the release policy, as in the PostgreSQL store.
    # `versions` is kept by a trigger on the audit log, so no write can skip it.
    [
        """CREATE TABLE versions (
            cable_id TEXT NOT NULL,
            key TEXT NOT NULL,
            version INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            pass TEXT NOT NULL,
            PRIMARY KEY (cable_id, key)
        ) WITHOUT ROWID""",
        """CREATE TABLE qc_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cable_id TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('review', 'first-pass-done', 'qc-approved', 'returned')),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX qc_by_cable ON qc_events (cable_id, id)",
        """CREATE TABLE policy (
            case_id TEXT PRIMARY KEY,
            require_qc INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        )""",
        """CREATE TRIGGER qc_no_update BEFORE UPDATE ON qc_events
           BEGIN SELECT RAISE(ABORT, 'the QC history is append-only'); END""",
        """CREATE TRIGGER qc_no_delete BEFORE DELETE ON qc_events
           BEGIN SELECT RAISE(ABORT, 'the QC history is append-only'); END""",
        # A decision changed after QC approval sends the cable back to review.
        """CREATE TRIGGER audit_reopens AFTER INSERT ON audit
           WHEN (SELECT state FROM qc_events WHERE cable_id = NEW.cable_id
                 ORDER BY id DESC LIMIT 1) = 'qc-approved'
           BEGIN
             INSERT INTO qc_events (cable_id, state, note, reviewer, at)
             VALUES (NEW.cable_id, 'review', 'a decision changed after QC approval',
                     NEW.reviewer, NEW.at);
           END""",
        """CREATE TRIGGER audit_versions AFTER INSERT ON audit
           BEGIN
             INSERT INTO versions (cable_id, key, version, changed_by, changed_at, pass)
             SELECT NEW.cable_id, item.key, 1, NEW.reviewer, NEW.at,
                    CASE WHEN (SELECT state FROM qc_events WHERE cable_id = NEW.cable_id
                               ORDER BY id DESC LIMIT 1) = 'first-pass-done'
                         THEN 'qc' ELSE 'first' END
             FROM json_each(NEW.after) AS part, json_each(part.value) AS item
             WHERE part.type = 'object'
             ON CONFLICT (cable_id, key) DO UPDATE SET
               version = version + 1, changed_by = excluded.changed_by,
               changed_at = excluded.changed_at, pass = excluded.pass;
           END""",
    ],
    # 4: decisions by region (review/regions.py): every character of a cable is in a region a
    # release prints only once it is decided. Paragraph decisions move to the paragraph's
    # region ("p" + index, with the span the paragraph had); a withheld header field becomes
    # a withhold decision on the field's region. Fields never withheld were released by
    # default before; now nothing is, so they are pending until a reviewer decides them.
    # ``regions`` is the partition the review was made against ([[key, start, end], ...]);
    # ``rules_off`` the rules switched off for the cable; the counts serve summaries.
    [
        """CREATE TABLE region_decisions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            region TEXT NOT NULL,
            region_start INTEGER,
            region_end INTEGER,
            action TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (cable_id, region)
        ) WITHOUT ROWID""",
        """INSERT INTO region_decisions
           SELECT d.cable_id, 'p' || d.paragraph,
                  json_extract(r.paragraph_spans, '$[' || (d.paragraph - 1) || '][0]'),
                  json_extract(r.paragraph_spans, '$[' || (d.paragraph - 1) || '][1]'),
                  d.action, d.data
           FROM decisions d JOIN reviews r ON r.cable_id = d.cable_id""",
        """INSERT INTO region_decisions
           SELECT cable_id, field, NULL, NULL, 'withhold',
                  json_remove(json_set(data, '$.action', 'withhold'), '$.field')
           FROM field_redactions""",
        "DROP TABLE decisions",
        "DROP TABLE field_redactions",
        "ALTER TABLE reviews ADD COLUMN regions TEXT",
        "ALTER TABLE reviews ADD COLUMN rules_off TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE reviews ADD COLUMN region_count INTEGER",
        "ALTER TABLE reviews ADD COLUMN decided_count INTEGER",
        # Versions (migration 3) named a paragraph by its index; regions name it "p" + index.
        "UPDATE versions SET key = 'p' || key WHERE key GLOB '[0-9]*'",
    ],
    # 5: suggestions a reviewer rejected (issue 16), so they are not proposed again: in a
    # case (case_id, for every cable of the case) or, without one, on one cable (cable_id).
    # `folded` is the text with case and spacing folded, as workbench.suggest.fold makes it.
    [
        """CREATE TABLE suggestion_rejections (
            case_id TEXT NOT NULL DEFAULT '',
            cable_id TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            folded TEXT NOT NULL,
            text TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (case_id, cable_id, kind, folded)
        ) WITHOUT ROWID""",
    ],
    # 6: cases (issue 15): a FOIA or mandatory-review request's cables worked together. A
    # cable may be in several cases; its decisions stay in region_decisions, one review per
    # cable. `case_cables.cable_hash` is the text the cable had when added, so a file changed
    # since is noticed. `case_log` is the case's own append-only audit log (made, cables
    # added or removed, conflicts accepted with their comments); the QC policy of a case is a
    # row of `policy` keyed by its number (migration 3).
    [
        """CREATE TABLE cases (
            number TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            requester TEXT NOT NULL DEFAULT '',
            received TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE case_cables (
            case_number TEXT NOT NULL REFERENCES cases(number),
            cable_id TEXT NOT NULL,
            path TEXT NOT NULL,
            cable_hash TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (case_number, cable_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX case_cables_by_cable ON case_cables (cable_id)",
        """CREATE TABLE case_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_number TEXT NOT NULL REFERENCES cases(number),
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            what TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX case_log_by_case ON case_log (case_number, id)",
        """CREATE TRIGGER case_log_no_update BEFORE UPDATE ON case_log
           BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END""",
        """CREATE TRIGGER case_log_no_delete BEFORE DELETE ON case_log
           BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)
