"""The PostgreSQL review store's schema, roles and privileges, as migrations from version 1 on.

Executed only by ``pg_store``. The tables mirror the SQLite store's (``sqlite_schema.py``), so
``workbench store copy`` moves a store between the two, and add what a team needs: who made
each decision and when (``changed_by``, ``changed_at``, ``version`` for optimistic
concurrency), the second-review (QC) states and their history, and a release policy.

The database, not the application, guards who-did-what:

* Every name recorded (an audit entry's reviewer, a decision's author, a QC step's reviewer) is
  set by a trigger to ``session_user``, the role that logged in. ``current_user`` would follow a
  ``SET ROLE`` to a group role (``<db>_reviewer``) and so record no person at all;
  ``session_user`` cannot be changed without superuser rights.
* The audit log and the QC history are append-only: UPDATE, DELETE and TRUNCATE raise in
  triggers, and no role but the owner holds those privileges anyway. Decisions are never deleted
  either (a decision set back to pending is kept as a row with ``action = 'pending'``, so its
  version and author survive for the next conflict message).
* A transaction that changes a decision without writing an audit entry for that cable is refused
  at commit (a deferred constraint trigger), so a reviewer with psql cannot change a decision
  quietly.
* QC transitions are checked by a trigger: only a member of ``<db>_qc`` approves or returns a
  cable, never one whose first pass (or whose submission) is their own.

Four roles, named after the database (``workbench`` -> ``workbench_reviewer`` ...), so two
stores on one server keep separate teams: ``<db>_owner`` (NOLOGIN, owns the objects; migrations
run as it), ``<db>_reviewer``, ``<db>_qc`` (a reviewer who may also approve and return) and
``<db>_admin`` (reads everything, sets the release policy, imports stores; decides nothing).
Logins and their grants are the database administrator's.
"""

from __future__ import annotations

SCHEMA = "workbench"

# Statements use {owner}, {reviewer}, {qc} and {admin}: the roles' quoted names.
# Never edit a released step: add a new one.
MIGRATIONS: list[list[str]] = [
    # 1: reviews, decisions, field redactions, the audit log, QC, policy; roles and privileges.
    [
        """CREATE TABLE reviews (
            cable_id TEXT PRIMARY KEY,
            cable_hash TEXT NOT NULL,
            paragraph_count INTEGER NOT NULL,
            paragraph_spans JSONB NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            qc_state TEXT NOT NULL DEFAULT 'review'
        )""",
        """CREATE TABLE decisions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            paragraph INTEGER NOT NULL,
            action TEXT NOT NULL,
            data JSONB NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            changed_by TEXT NOT NULL DEFAULT session_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            pass TEXT NOT NULL DEFAULT 'first',
            PRIMARY KEY (cable_id, paragraph)
        )""",
        # data IS NULL: the field is released (a tombstone that keeps version and author).
        """CREATE TABLE field_redactions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            field TEXT NOT NULL,
            data JSONB,
            version INTEGER NOT NULL DEFAULT 1,
            changed_by TEXT NOT NULL DEFAULT session_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            pass TEXT NOT NULL DEFAULT 'first',
            PRIMARY KEY (cable_id, field)
        )""",
        """CREATE TABLE audit (
            id BIGSERIAL PRIMARY KEY,
            at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            reviewer TEXT NOT NULL DEFAULT session_user,
            cable_id TEXT NOT NULL,
            what TEXT NOT NULL,
            before JSONB NOT NULL,
            after JSONB NOT NULL,
            txid BIGINT NOT NULL DEFAULT txid_current(),
            imported_by TEXT,
            -- The client's own ID for the change, so a commit whose answer was lost (the
            -- server restarted) is found, not written twice, when the client retries.
            change_id UUID UNIQUE
        )""",
        "CREATE INDEX audit_by_cable ON audit (cable_id, id)",
        "CREATE INDEX audit_by_txid ON audit (txid, cable_id)",
        """CREATE TABLE qc_events (
            id BIGSERIAL PRIMARY KEY,
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            state TEXT NOT NULL
                CHECK (state IN ('review', 'first-pass-done', 'qc-approved', 'returned')),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT session_user,
            at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            imported_by TEXT
        )""",
        "CREATE INDEX qc_by_cable ON qc_events (cable_id, id)",
        # case_id '' is the whole store's policy; issue 15's cases add rows keyed by case.
        """CREATE TABLE policy (
            case_id TEXT PRIMARY KEY,
            require_qc BOOLEAN NOT NULL DEFAULT false,
            changed_by TEXT NOT NULL DEFAULT session_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
        )""",
        # -- who and when: set by the database, whatever the client sent -------------------
        """CREATE FUNCTION importing() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
        BEGIN
            -- `workbench store copy` keeps the names and times of the store it copies, and
            -- only a case administrator may do that; each such row records who imported it.
            IF coalesce(current_setting('workbench.importing', true), '') <> 'on' THEN
                RETURN false;
            END IF;
            IF NOT pg_has_role(session_user, '{admin_name}', 'MEMBER') THEN
                RAISE EXCEPTION 'only a case administrator ({admin_name}) may import a store'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN true;
        END $$""",
        """CREATE FUNCTION stamp_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.txid := txid_current();
            IF importing() THEN
                NEW.imported_by := session_user;
            ELSE
                NEW.reviewer := session_user;
                NEW.at := clock_timestamp();
                NEW.imported_by := NULL;
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER audit_stamp BEFORE INSERT ON audit
           FOR EACH ROW EXECUTE FUNCTION stamp_audit()""",
        # Windows open on the same store LISTEN for this and reload what others changed.
        """CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('workbench_changes', NEW.cable_id);
            RETURN NULL;
        END $$""",
        """CREATE TRIGGER audit_notify AFTER INSERT ON audit
           FOR EACH ROW EXECUTE FUNCTION notify_change()""",
        """CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the % table is append-only: entries cannot be changed or removed',
                TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$""",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER qc_no_update BEFORE UPDATE OR DELETE ON qc_events
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER qc_no_truncate BEFORE TRUNCATE ON qc_events
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER fields_no_delete BEFORE DELETE ON field_redactions
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER fields_no_truncate BEFORE TRUNCATE ON field_redactions
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        # A decision's author, time and version; which pass made it; an approved cable whose
        # decisions change goes back to review (the approval was of other decisions).
        # SECURITY DEFINER: it writes reviews.qc_state and qc_events, which reviewers cannot.
        """CREATE FUNCTION stamp_decision() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        DECLARE
            state TEXT;
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                NEW.version := OLD.version + 1;
            ELSE
                NEW.version := 1;
            END IF;
            IF importing() THEN
                RETURN NEW;
            END IF;
            -- The case administrator may insert decisions only to import a store.
            IF NOT pg_has_role(session_user, '{reviewer_name}', 'MEMBER') THEN
                RAISE EXCEPTION 'only a reviewer ({reviewer_name}) may decide'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            NEW.changed_by := session_user;
            NEW.changed_at := clock_timestamp();
            SELECT qc_state INTO state FROM reviews WHERE cable_id = NEW.cable_id FOR UPDATE;
            IF state = 'first-pass-done' AND pg_has_role(session_user, '{qc_name}', 'MEMBER') THEN
                NEW.pass := 'qc';
            ELSE
                NEW.pass := 'first';
            END IF;
            IF state = 'qc-approved' THEN
                INSERT INTO qc_events (cable_id, state, note)
                VALUES (NEW.cable_id, 'review', 'a decision changed after QC approval');
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER decisions_stamp BEFORE INSERT OR UPDATE ON decisions
           FOR EACH ROW EXECUTE FUNCTION stamp_decision()""",
        """CREATE TRIGGER fields_stamp BEFORE INSERT OR UPDATE ON field_redactions
           FOR EACH ROW EXECUTE FUNCTION stamp_decision()""",
        # No decision changes without its audit entry in the same transaction.
        """CREATE FUNCTION require_audit() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM audit
                           WHERE txid = txid_current() AND cable_id = NEW.cable_id) THEN
                RAISE EXCEPTION 'a decision on % was changed without an audit entry',
                    NEW.cable_id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE CONSTRAINT TRIGGER decisions_audited AFTER INSERT OR UPDATE ON decisions
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_audit()""",
        """CREATE CONSTRAINT TRIGGER fields_audited AFTER INSERT OR UPDATE ON field_redactions
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_audit()""",
        # -- the second review ---------------------------------------------------------------
        """CREATE FUNCTION check_qc_step() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        DECLARE
            current TEXT;
            submitter TEXT;
            undecided INTEGER;
        BEGIN
            IF importing() THEN
                NEW.imported_by := session_user;
                UPDATE reviews SET qc_state = NEW.state WHERE cable_id = NEW.cable_id;
                RETURN NEW;
            END IF;
            NEW.reviewer := session_user;
            NEW.at := clock_timestamp();
            NEW.imported_by := NULL;
            SELECT qc_state INTO current FROM reviews WHERE cable_id = NEW.cable_id FOR UPDATE;
            SELECT r.paragraph_count - count(d.paragraph) INTO undecided
            FROM reviews r LEFT JOIN decisions d
              ON d.cable_id = r.cable_id AND d.action <> 'pending'
                 AND d.paragraph BETWEEN 1 AND r.paragraph_count
            WHERE r.cable_id = NEW.cable_id GROUP BY r.paragraph_count;
            IF NEW.state IN ('first-pass-done', 'qc-approved') AND undecided > 0 THEN
                RAISE EXCEPTION '% still has % undecided paragraphs', NEW.cable_id, undecided
                    USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.state = 'first-pass-done' THEN
                IF current NOT IN ('review', 'returned') THEN
                    RAISE EXCEPTION '% is already %', NEW.cable_id, current
                        USING ERRCODE = 'check_violation';
                END IF;
            ELSIF NEW.state IN ('qc-approved', 'returned') THEN
                IF NOT pg_has_role(session_user, '{qc_name}', 'MEMBER') THEN
                    RAISE EXCEPTION 'only a QC reviewer ({qc_name}) may approve or return a cable'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF current <> 'first-pass-done' THEN
                    RAISE EXCEPTION '% is not waiting for QC (it is %)', NEW.cable_id, current
                        USING ERRCODE = 'check_violation';
                END IF;
                IF NEW.state = 'returned' AND btrim(NEW.note) = '' THEN
                    RAISE EXCEPTION 'returning % needs a note for the reviewer', NEW.cable_id
                        USING ERRCODE = 'check_violation';
                END IF;
                IF NEW.state = 'qc-approved' THEN
                    SELECT q.reviewer INTO submitter FROM qc_events q
                    WHERE q.cable_id = NEW.cable_id AND q.state = 'first-pass-done'
                    ORDER BY q.id DESC LIMIT 1;
                    IF submitter = session_user OR EXISTS (
                        SELECT 1 FROM decisions WHERE cable_id = NEW.cable_id
                          AND changed_by = session_user AND pass = 'first'
                        UNION ALL
                        SELECT 1 FROM field_redactions WHERE cable_id = NEW.cable_id
                          AND changed_by = session_user AND pass = 'first') THEN
                        RAISE EXCEPTION 'a QC reviewer cannot approve their own work on %',
                            NEW.cable_id USING ERRCODE = 'insufficient_privilege';
                    END IF;
                END IF;
            ELSIF pg_trigger_depth() < 2 THEN
                -- 'review' again only when a decision changes after approval (stamp_decision).
                RAISE EXCEPTION '% goes back to review only when its decisions change',
                    NEW.cable_id USING ERRCODE = 'check_violation';
            END IF;
            UPDATE reviews SET qc_state = NEW.state WHERE cable_id = NEW.cable_id;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER qc_check BEFORE INSERT ON qc_events
           FOR EACH ROW EXECUTE FUNCTION check_qc_step()""",
        """CREATE FUNCTION stamp_policy() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.changed_by := session_user;
            NEW.changed_at := clock_timestamp();
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER policy_stamp BEFORE INSERT OR UPDATE ON policy
           FOR EACH ROW EXECUTE FUNCTION stamp_policy()""",
        # -- privileges: each role what it needs and no more ---------------------------------
        "REVOKE ALL ON ALL TABLES IN SCHEMA workbench FROM PUBLIC",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA workbench FROM PUBLIC",
        "GRANT USAGE ON SCHEMA workbench TO {reviewer}, {admin}",
        "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA workbench TO {reviewer}, {admin}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO {reviewer}, {admin}",
        # Nobody may write qc_state: only the QC trigger does, as the owner.
        "GRANT INSERT (cable_id, cable_hash, paragraph_count, paragraph_spans, created_at, "
        "updated_at) ON reviews TO {reviewer}, {admin}",
        "GRANT UPDATE (cable_hash, paragraph_count, paragraph_spans, updated_at) "
        "ON reviews TO {reviewer}",
        "GRANT INSERT ON decisions, field_redactions, audit, qc_events TO {reviewer}",
        "GRANT UPDATE (action, data) ON decisions TO {reviewer}",
        "GRANT UPDATE (data) ON field_redactions TO {reviewer}",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA workbench TO {reviewer}, {admin}",
        "GRANT INSERT, UPDATE (require_qc) ON policy TO {admin}",
        # A case administrator copies a whole store in (store copy) and so inserts everywhere;
        # the triggers record who imported each row.
        "GRANT INSERT ON decisions, field_redactions, audit, qc_events TO {admin}",
    ],
    # 2: decisions by region (review/regions.py), as the SQLite store's step 4: every character
    # of a cable is in a region that a release prints only once it is decided. Paragraph
    # decisions move to the paragraph's region ('p' || index, with the extent it had), withheld
    # fields to the field's region; a field released by its tombstone (data NULL) was merely
    # never withheld, and is now pending. Versions, authors and passes are kept.
    [
        """CREATE TABLE region_decisions (
            cable_id TEXT NOT NULL REFERENCES reviews(cable_id),
            region TEXT NOT NULL,
            region_start INTEGER,
            region_end INTEGER,
            action TEXT NOT NULL,
            data JSONB NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            changed_by TEXT NOT NULL DEFAULT session_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            pass TEXT NOT NULL DEFAULT 'first',
            PRIMARY KEY (cable_id, region)
        )""",
        """INSERT INTO region_decisions
           SELECT d.cable_id, 'p' || d.paragraph,
                  (r.paragraph_spans -> (d.paragraph - 1) ->> 0)::int,
                  (r.paragraph_spans -> (d.paragraph - 1) ->> 1)::int,
                  d.action, d.data, d.version, d.changed_by, d.changed_at, d.pass
           FROM decisions d JOIN reviews r ON r.cable_id = d.cable_id""",
        """INSERT INTO region_decisions
           SELECT cable_id, field, NULL, NULL,
                  CASE WHEN data IS NULL THEN 'pending' ELSE 'withhold' END,
                  CASE WHEN data IS NULL THEN jsonb_build_object('action', 'pending')
                       ELSE (data - 'field') || jsonb_build_object('action', 'withhold') END,
                  version, changed_by, changed_at, pass
           FROM field_redactions""",
        "DROP TABLE decisions",
        "DROP TABLE field_redactions",
        """CREATE TRIGGER regions_no_delete BEFORE DELETE ON region_decisions
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER regions_no_truncate BEFORE TRUNCATE ON region_decisions
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER regions_stamp BEFORE INSERT OR UPDATE ON region_decisions
           FOR EACH ROW EXECUTE FUNCTION stamp_decision()""",
        """CREATE CONSTRAINT TRIGGER regions_audited AFTER INSERT OR UPDATE ON region_decisions
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_audit()""",
        "ALTER TABLE reviews ADD COLUMN regions JSONB",
        "ALTER TABLE reviews ADD COLUMN rules_off JSONB NOT NULL DEFAULT '[]'",
        "ALTER TABLE reviews ADD COLUMN region_count INTEGER",
        "ALTER TABLE reviews ADD COLUMN decided_count INTEGER",
        """CREATE OR REPLACE FUNCTION check_qc_step() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        DECLARE
            current TEXT;
            submitter TEXT;
            undecided INTEGER;
        BEGIN
            IF importing() THEN
                UPDATE reviews SET qc_state = NEW.state WHERE cable_id = NEW.cable_id;
                RETURN NEW;
            END IF;
            NEW.reviewer := session_user;
            NEW.at := clock_timestamp();
            NEW.imported_by := NULL;
            SELECT qc_state INTO current FROM reviews WHERE cable_id = NEW.cable_id FOR UPDATE;
            -- Regions a rule decides have no row, so the client's counts say what is left;
            -- a review saved before regions (no counts yet) is not finished.
            SELECT coalesce(r.region_count - r.decided_count, 1) INTO undecided
            FROM reviews r WHERE r.cable_id = NEW.cable_id;
            IF NEW.state IN ('first-pass-done', 'qc-approved') AND undecided > 0 THEN
                RAISE EXCEPTION '% still has % undecided regions', NEW.cable_id, undecided
                    USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.state = 'first-pass-done' THEN
                IF current NOT IN ('review', 'returned') THEN
                    RAISE EXCEPTION '% is already %', NEW.cable_id, current
                        USING ERRCODE = 'check_violation';
                END IF;
            ELSIF NEW.state IN ('qc-approved', 'returned') THEN
                IF NOT pg_has_role(session_user, '{qc_name}', 'MEMBER') THEN
                    RAISE EXCEPTION 'only a QC reviewer ({qc_name}) may approve or return a cable'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF current <> 'first-pass-done' THEN
                    RAISE EXCEPTION '% is not waiting for QC (it is %)', NEW.cable_id, current
                        USING ERRCODE = 'check_violation';
                END IF;
                IF NEW.state = 'returned' AND btrim(NEW.note) = '' THEN
                    RAISE EXCEPTION 'returning % needs a note for the reviewer', NEW.cable_id
                        USING ERRCODE = 'check_violation';
                END IF;
                IF NEW.state = 'qc-approved' THEN
                    SELECT q.reviewer INTO submitter FROM qc_events q
                    WHERE q.cable_id = NEW.cable_id AND q.state = 'first-pass-done'
                    ORDER BY q.id DESC LIMIT 1;
                    IF submitter = session_user OR EXISTS (
                        SELECT 1 FROM region_decisions WHERE cable_id = NEW.cable_id
                          AND changed_by = session_user AND pass = 'first') THEN
                        RAISE EXCEPTION 'a QC reviewer cannot approve their own work on %',
                            NEW.cable_id USING ERRCODE = 'insufficient_privilege';
                    END IF;
                END IF;
            ELSIF pg_trigger_depth() < 2 THEN
                -- 'review' again only when a decision changes after approval (stamp_decision).
                RAISE EXCEPTION '% goes back to review only when its decisions change',
                    NEW.cable_id USING ERRCODE = 'check_violation';
            END IF;
            UPDATE reviews SET qc_state = NEW.state WHERE cable_id = NEW.cable_id;
            RETURN NEW;
        END $$""",
        "REVOKE ALL ON region_decisions FROM PUBLIC",
        "GRANT SELECT ON region_decisions TO {reviewer}, {admin}",
        "GRANT INSERT ON region_decisions TO {reviewer}, {admin}",
        "GRANT UPDATE (action, data, region_start, region_end) ON region_decisions TO {reviewer}",
        "GRANT INSERT (regions, rules_off, region_count, decided_count) ON reviews "
        "TO {reviewer}, {admin}",
        "GRANT UPDATE (regions, rules_off, region_count, decided_count) ON reviews TO {reviewer}",
    ],
    # 3: cases (issue 15), as the SQLite store's step 6: a request's cables worked together,
    # a cable in any number of cases, and the case's own append-only log. Who made a case,
    # added a cable or wrote a log entry is the login (session_user), set by triggers; a
    # change to a case's cables without its log entry in the same transaction is refused at
    # commit, as a decision without its audit entry is.
    [
        """CREATE TABLE cases (
            number TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            requester TEXT NOT NULL DEFAULT '',
            received TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT session_user,
            created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
        )""",
        """CREATE TABLE case_cables (
            case_number TEXT NOT NULL REFERENCES cases(number),
            cable_id TEXT NOT NULL,
            path TEXT NOT NULL,
            cable_hash TEXT NOT NULL,
            added_by TEXT NOT NULL DEFAULT session_user,
            added_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (case_number, cable_id)
        )""",
        "CREATE INDEX case_cables_by_cable ON case_cables (cable_id)",
        """CREATE TABLE case_log (
            id BIGSERIAL PRIMARY KEY,
            case_number TEXT NOT NULL REFERENCES cases(number),
            at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            reviewer TEXT NOT NULL DEFAULT session_user,
            what TEXT NOT NULL,
            data JSONB NOT NULL DEFAULT '{{}}',
            txid BIGINT NOT NULL DEFAULT txid_current(),
            imported_by TEXT
        )""",
        "CREATE INDEX case_log_by_case ON case_log (case_number, id)",
        """CREATE FUNCTION stamp_case_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.txid := txid_current();
            IF importing() THEN
                NEW.imported_by := session_user;
            ELSE
                NEW.reviewer := session_user;
                NEW.at := clock_timestamp();
                NEW.imported_by := NULL;
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER case_log_stamp BEFORE INSERT ON case_log
           FOR EACH ROW EXECUTE FUNCTION stamp_case_log()""",
        """CREATE TRIGGER case_log_no_update BEFORE UPDATE OR DELETE ON case_log
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        """CREATE TRIGGER case_log_no_truncate BEFORE TRUNCATE ON case_log
           FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        """CREATE FUNCTION stamp_case_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT importing() THEN
                IF TG_TABLE_NAME = 'cases' THEN
                    NEW.created_by := session_user;
                    NEW.created_at := clock_timestamp();
                ELSE
                    NEW.added_by := session_user;
                    NEW.added_at := clock_timestamp();
                END IF;
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER cases_stamp BEFORE INSERT ON cases
           FOR EACH ROW EXECUTE FUNCTION stamp_case_row()""",
        """CREATE TRIGGER case_cables_stamp BEFORE INSERT ON case_cables
           FOR EACH ROW EXECUTE FUNCTION stamp_case_row()""",
        """CREATE FUNCTION require_case_log() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        DECLARE
            number TEXT;
        BEGIN
            IF TG_TABLE_NAME = 'cases' THEN
                number := CASE WHEN TG_OP = 'DELETE' THEN OLD.number ELSE NEW.number END;
            ELSE
                number := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_number ELSE NEW.case_number END;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM case_log
                           WHERE txid = txid_current() AND case_number = number) THEN
                RAISE EXCEPTION 'case % was changed without an entry in its log', number
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE CONSTRAINT TRIGGER cases_logged AFTER INSERT OR UPDATE ON cases
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_case_log()""",
        """CREATE CONSTRAINT TRIGGER case_cables_logged AFTER INSERT OR DELETE ON case_cables
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION require_case_log()""",
        """CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
           FOR EACH ROW EXECUTE FUNCTION append_only()""",
        "REVOKE ALL ON cases, case_cables, case_log FROM PUBLIC",
        "GRANT SELECT ON cases, case_cables, case_log TO {reviewer}, {admin}",
        # Reviewers open cases and add their cables; the case administrator does too.
        "GRANT INSERT ON cases, case_cables, case_log TO {reviewer}, {admin}",
        "GRANT UPDATE (title, requester, received, due) ON cases TO {reviewer}, {admin}",
        "GRANT DELETE ON case_cables TO {reviewer}, {admin}",
        "GRANT USAGE ON SEQUENCE case_log_id_seq TO {reviewer}, {admin}",
        "GRANT EXECUTE ON FUNCTION stamp_case_log(), stamp_case_row(), require_case_log() "
        "TO {reviewer}, {admin}",
    ],
    # 4: suggestions a reviewer rejected (issue 16), as the SQLite store's step 5, so a team
    # does not see them proposed again: in a case (case_id, for every cable of the case) or,
    # without one, on one cable (cable_id). `folded` is the text with case and spacing folded
    # (workbench.suggest.fold). Who rejected is the login, set by a trigger. A rejection is
    # a reviewer's preference about proposals, not a decision: it is not audited, and a
    # reviewer may take one back (the window's undo), so reviewers may delete rows.
    [
        """CREATE TABLE suggestion_rejections (
            case_id TEXT NOT NULL DEFAULT '',
            cable_id TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            folded TEXT NOT NULL,
            text TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT session_user,
            at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (case_id, cable_id, kind, folded)
        )""",
        """CREATE FUNCTION stamp_rejection() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT importing() THEN
                NEW.reviewer := session_user;
                NEW.at := clock_timestamp();
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER suggestion_rejections_stamp
           BEFORE INSERT OR UPDATE ON suggestion_rejections
           FOR EACH ROW EXECUTE FUNCTION stamp_rejection()""",
        "REVOKE ALL ON suggestion_rejections FROM PUBLIC",
        "GRANT SELECT ON suggestion_rejections TO {reviewer}, {admin}",
        "GRANT INSERT, UPDATE, DELETE ON suggestion_rejections TO {reviewer}",
        "GRANT EXECUTE ON FUNCTION stamp_rejection() TO {reviewer}",
    ],
    # 5: `workbench store copy` carries rejected suggestions too (issue 16), with who
    # rejected each and when. The case administrator copies a store in, so may insert them,
    # but only while importing: outside an import only a reviewer rejects a suggestion.
    [
        """CREATE OR REPLACE FUNCTION stamp_rejection() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF importing() THEN
                RETURN NEW;
            END IF;
            IF NOT pg_has_role(session_user, '{reviewer_name}', 'MEMBER') THEN
                RAISE EXCEPTION 'only a reviewer ({reviewer_name}) may reject a suggestion'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            NEW.reviewer := session_user;
            NEW.at := clock_timestamp();
            RETURN NEW;
        END $$""",
        "GRANT INSERT ON suggestion_rejections TO {admin}",
        "GRANT EXECUTE ON FUNCTION stamp_rejection() TO {admin}",
    ],
    # 6: a rule switched on or off (reviews.rules_off) is a decision like any other: it
    # changes what prints. Changed without an audit entry in the same transaction, it is
    # refused at commit; changed after QC approval, the cable goes back to review. A
    # reviewer's login could switch `recurrences` off with plain SQL after approval, and the
    # release printed the withheld name's repeats (newcomer 5, finding 9).
    [
        """CREATE FUNCTION require_rules_audit() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF importing() THEN
                RETURN NULL;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM audit
                           WHERE txid = txid_current() AND cable_id = NEW.cable_id) THEN
                RAISE EXCEPTION 'a rule on % was switched without an audit entry',
                    NEW.cable_id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE CONSTRAINT TRIGGER rules_audited AFTER UPDATE ON reviews
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
           WHEN (NEW.rules_off IS DISTINCT FROM OLD.rules_off)
           EXECUTE FUNCTION require_rules_audit()""",
        # AFTER, not BEFORE: the QC step it writes updates this same row's qc_state.
        """CREATE FUNCTION rules_back_to_review() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF NOT importing() THEN
                INSERT INTO qc_events (cable_id, state, note)
                VALUES (NEW.cable_id, 'review', 'a rule was switched after QC approval');
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE TRIGGER rules_after_approval AFTER UPDATE ON reviews FOR EACH ROW
           WHEN (NEW.rules_off IS DISTINCT FROM OLD.rules_off AND NEW.qc_state = 'qc-approved')
           EXECUTE FUNCTION rules_back_to_review()""",
    ],
    # 7: importing is a one-time act on an empty store, and the text a review applies to is
    # part of its decisions (newcomer 6, findings 6 and 20).
    # * Any case administrator's session could set `workbench.importing` and so write a QC
    #   approval in another person's name into a live store, with no trace of who did it.
    #   Now only `begin_import()` opens an import: an administrator, into a store that holds
    #   nothing yet (the destination of `store copy` must be empty), for this transaction
    #   alone; and every imported row records the login that imported it.
    # * A reviewer's login could re-point an approved review at an edited text (one UPDATE of
    #   `reviews.cable_hash`): no audit entry, the approval kept, and the withheld name moved
    #   into released text printed. Such a change now needs an audit entry in the same
    #   transaction (as decisions and rules do) and sends an approved cable back to review.
    [
        """CREATE TABLE imports (
            txid BIGINT PRIMARY KEY,
            imported_by TEXT NOT NULL DEFAULT session_user,
            at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
        )""",
        """CREATE FUNCTION begin_import() RETURNS void LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF NOT pg_has_role(session_user, '{admin_name}', 'MEMBER') THEN
                RAISE EXCEPTION 'only a case administrator ({admin_name}) may import a store'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF EXISTS (SELECT 1 FROM imports WHERE txid = txid_current()) THEN
                RETURN;
            END IF;
            IF EXISTS (SELECT 1 FROM reviews UNION ALL SELECT 1 FROM region_decisions
                       UNION ALL SELECT 1 FROM audit UNION ALL SELECT 1 FROM qc_events
                       UNION ALL SELECT 1 FROM cases UNION ALL SELECT 1 FROM case_log
                       UNION ALL SELECT 1 FROM suggestion_rejections LIMIT 1) THEN
                RAISE EXCEPTION 'a store is imported only into an empty one, and this one '
                    'holds reviews' USING ERRCODE = 'insufficient_privilege';
            END IF;
            INSERT INTO imports (txid) VALUES (txid_current());
        END $$""",
        """CREATE OR REPLACE FUNCTION importing() RETURNS boolean LANGUAGE plpgsql STABLE
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            RETURN EXISTS (SELECT 1 FROM imports WHERE txid = txid_current());
        END $$""",
        # Step 2's QC check returns early while importing without naming the importer.
        """CREATE FUNCTION stamp_qc_import() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF importing() THEN
                NEW.imported_by := session_user;
            END IF;
            RETURN NEW;
        END $$""",
        # Named to fire after qc_check (triggers fire in the order of their names).
        """CREATE TRIGGER qc_stamp_import BEFORE INSERT ON qc_events
           FOR EACH ROW EXECUTE FUNCTION stamp_qc_import()""",
        """CREATE FUNCTION require_text_audit() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF importing() THEN
                RETURN NULL;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM audit
                           WHERE txid = txid_current() AND cable_id = NEW.cable_id) THEN
                RAISE EXCEPTION 'the text the review of % applies to was changed without an '
                    'audit entry', NEW.cable_id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE CONSTRAINT TRIGGER text_audited AFTER UPDATE ON reviews
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
           WHEN (NEW.cable_hash IS DISTINCT FROM OLD.cable_hash
                 OR NEW.paragraph_spans IS DISTINCT FROM OLD.paragraph_spans
                 OR NEW.paragraph_count IS DISTINCT FROM OLD.paragraph_count)
           EXECUTE FUNCTION require_text_audit()""",
        """CREATE FUNCTION text_back_to_review() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = workbench, pg_temp AS $$
        BEGIN
            IF NOT importing() THEN
                INSERT INTO qc_events (cable_id, state, note)
                VALUES (NEW.cable_id, 'review', 'the text of the cable changed after QC approval');
            END IF;
            RETURN NULL;
        END $$""",
        """CREATE TRIGGER text_after_approval AFTER UPDATE ON reviews FOR EACH ROW
           WHEN ((NEW.cable_hash IS DISTINCT FROM OLD.cable_hash
                  OR NEW.paragraph_spans IS DISTINCT FROM OLD.paragraph_spans
                  OR NEW.paragraph_count IS DISTINCT FROM OLD.paragraph_count)
                 AND NEW.qc_state = 'qc-approved')
           EXECUTE FUNCTION text_back_to_review()""",
        "REVOKE ALL ON imports FROM PUBLIC",
        "GRANT SELECT ON imports TO {reviewer}, {admin}",
        "REVOKE ALL ON FUNCTION begin_import() FROM PUBLIC",
        # Reviewers too, so that the function itself tells them who may import.
        "GRANT EXECUTE ON FUNCTION begin_import() TO {reviewer}, {admin}",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

# Set up once per database by `workbench store init`, as a role that may create roles.
ROLE_SUFFIXES = ("owner", "reviewer", "qc", "admin")
