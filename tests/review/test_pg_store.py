"""What only the PostgreSQL store does: identity and privileges from the database, an audit log
no role can edit, passwords from the usual places, and a session that survives a restart."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import psycopg
import pytest
from conftest import PgDatabase

from workbench.cable import Cable
from workbench.review import QcState, ReviewError, StoreError, commands
from workbench.review.pg_connect import initialise
from workbench.review.pg_schema import SCHEMA_VERSION
from workbench.review.pg_store import PgStore


def raw(db: PgDatabase, who: str) -> psycopg.Connection:
    """A plain connection, as someone with psql would have."""
    return psycopg.connect(db.url(who), autocommit=True, options="-c search_path=workbench")


def test_the_database_names_the_reviewer(sample: Cable, pg_db: PgDatabase) -> None:
    with PgStore(pg_db.url("alice")) as store:
        assert store.identity("mallory") == "alice"
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "mallory")
        (entry,) = store.log(sample.id or "")
        assert entry.reviewer == "alice"
        assert store.authors(sample.id or "")["p1"].reviewer == "alice"
    # Writing another's name by hand is overwritten by the triggers.
    with raw(pg_db, "alice") as conn:
        conn.execute(
            "INSERT INTO audit (cable_id, what, before, after, reviewer, at) "
            "VALUES ('X', 'forged', '{}', '{}', 'bob', '1999-01-01')"
        )
        who, year = conn.execute(
            "SELECT reviewer, extract(year FROM at) FROM audit WHERE what = 'forged'"
        ).fetchone()
    assert who == "alice" and int(year) > 2000


@pytest.mark.parametrize("who", ["alice", "quinn", "carol"])
def test_nobody_can_edit_the_audit_log(sample: Cable, pg_db: PgDatabase, who: str) -> None:
    with PgStore(pg_db.url("alice")) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "alice")
    with raw(pg_db, who) as conn:
        for statement in (
            "UPDATE audit SET reviewer = 'mallory'",
            "DELETE FROM audit",
            "TRUNCATE audit",
            "UPDATE qc_events SET reviewer = 'mallory'",
            "DELETE FROM region_decisions",
            "ALTER TABLE audit DISABLE TRIGGER USER",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    # Not even the owner: the triggers refuse what its privileges would allow.
    with raw(pg_db, "postgres") as conn:
        conn.execute(f"SET ROLE {pg_db.name}_owner")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE audit SET reviewer = 'mallory'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("TRUNCATE audit")


def test_a_decision_cannot_change_without_its_audit_entry(sample: Cable, pg_db: PgDatabase) -> None:
    with PgStore(pg_db.url("alice")) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "alice")
    with raw(pg_db, "alice") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="without an audit entry"):
            conn.execute(
                "UPDATE region_decisions SET action = 'withhold', data = '{\"action\": "
                '"withhold", "codes": ["(b)(1)"]}\''
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE region_decisions SET changed_by = 'bob'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE reviews SET qc_state = 'qc-approved'")


def _approved(sample: Cable, pg_db: PgDatabase) -> str:
    cid = sample.id or ""
    with PgStore(pg_db.url("alice")) as alice:
        review = alice.load(sample)
        alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "")
        alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    with PgStore(pg_db.url("quinn")) as quinn:
        quinn.qc_step(cid, QcState.APPROVED, "", "quinn")
    return cid


def test_a_rule_cannot_be_switched_without_its_audit_entry(
    sample: Cable, pg_db: PgDatabase
) -> None:
    """Newcomer 5, finding 9: plain SQL switched `recurrences` off after approval, with no audit
    entry, the cable still approved, and the release printed the withheld name's repeats."""
    cid = _approved(sample, pg_db)
    switch = "UPDATE reviews SET rules_off = '[\"recurrences\"]' WHERE cable_id = %s"
    with raw(pg_db, "alice") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="without an audit entry"):
            conn.execute(switch, (cid,))
        # With an audit entry of its own making it commits, but the approval is gone.
        with conn.transaction():
            conn.execute(
                "INSERT INTO audit (cable_id, what, before, after) VALUES (%s, 'x', '{}', '{}')",
                (cid,),
            )
            conn.execute(switch, (cid,))
    with PgStore(pg_db.url("alice")) as alice:
        last = alice.qc_history(cid)[-1]
        assert (last.state, last.note) == (QcState.REVIEW, "a rule was switched after QC approval")


def test_the_text_a_review_applies_to_cannot_change_quietly(
    sample: Cable, pg_db: PgDatabase
) -> None:
    """Newcomer 6, finding 20: one UPDATE of reviews.cable_hash re-pointed an approved review
    at an edited text, with no audit entry, and the release printed the withheld name."""
    cid = _approved(sample, pg_db)
    repoint = "UPDATE reviews SET cable_hash = %s WHERE cable_id = %s"
    with raw(pg_db, "alice") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="without an audit entry"):
            conn.execute(repoint, ("0" * 64, cid))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="without an audit entry"):
            conn.execute("UPDATE reviews SET paragraph_spans = '[]' WHERE cable_id = %s", (cid,))
        # With an audit entry of its own making it commits, in the open: the approval is gone.
        with conn.transaction():
            conn.execute(
                "INSERT INTO audit (cable_id, what, before, after) VALUES (%s, 'x', '{}', '{}')",
                (cid,),
            )
            conn.execute(repoint, ("0" * 64, cid))
    with PgStore(pg_db.url("alice")) as alice:
        last = alice.qc_history(cid)[-1]
        assert (last.state, last.note) == (
            QcState.REVIEW,
            "the text of the cable changed after QC approval",
        )


def test_an_administrator_cannot_import_into_a_live_store(sample: Cable, pg_db: PgDatabase) -> None:
    """Newcomer 6, finding 6: the case administrator set `workbench.importing` by hand and
    inserted a QC approval in a QC reviewer's name, with no trace of who did it."""
    cid = sample.id or ""
    with PgStore(pg_db.url("alice")) as alice:
        review = alice.load(sample)
        alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "")
        alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
    forge = (
        "INSERT INTO qc_events (cable_id, state, note, reviewer, at, imported_by) "
        "VALUES (%s, 'qc-approved', '', 'quinn', now(), NULL)"
    )
    with raw(pg_db, "carol") as conn:
        with conn.transaction():
            conn.execute("SET LOCAL workbench.importing = 'on'")
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a QC reviewer"):
                conn.execute(forge, (cid,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only into an empty one"):
            conn.execute("SELECT begin_import()")
    with (
        raw(pg_db, "alice") as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a case administrator"),
    ):
        conn.execute("SELECT begin_import()")
    with PgStore(pg_db.url("alice")) as alice:
        assert alice.qc_history(cid)[-1].state == QcState.FIRST_PASS_DONE


def test_each_role_may_do_what_it_needs_and_no_more(sample: Cable, pg_db: PgDatabase) -> None:
    cid = sample.id or ""
    with PgStore(pg_db.url("alice")) as alice:
        review = alice.load(sample)
        alice.apply(review, commands.release_all(review, [r.key for r in review.pending()]), "")
        alice.qc_step(cid, QcState.FIRST_PASS_DONE, "", "alice")
        with pytest.raises(ReviewError, match="only a QC reviewer"):
            alice.qc_step(cid, QcState.APPROVED, "", "alice")
        with pytest.raises(ReviewError, match="may not do that"):
            alice.set_requires_qc(False, "alice")
    with raw(pg_db, "bob") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO qc_events (cable_id, state) VALUES (%s, 'qc-approved')", (cid,))
    with PgStore(pg_db.url("carol")) as admin:
        admin.set_requires_qc(True, "carol")  # the case administrator sets the policy...
        with pytest.raises(ReviewError, match="may not do that"):  # ...but decides nothing
            admin.apply(admin.load(sample), commands.withhold(sample.paragraphs[0], ["(b)(1)"]), "")
        with pytest.raises(ReviewError, match="only a QC reviewer"):
            admin.qc_step(cid, QcState.APPROVED, "", "carol")
        assert admin.reviews()[0].complete  # reads everything
    with PgStore(pg_db.url("quinn")) as quinn:
        assert quinn.qc_step(cid, QcState.APPROVED, "", "quinn").reviewer == "quinn"


def test_a_role_without_a_grant_is_told_whom_to_ask(pg_db: PgDatabase) -> None:
    pg_db.cluster.psql(
        pg_db.name,
        "DO $$ BEGIN CREATE ROLE stranger LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    )
    with pytest.raises(
        StoreError, match=f"ask the database administrator to grant {pg_db.name}_reviewer"
    ):
        PgStore(pg_db.url("stranger"))


def test_an_empty_database_says_how_to_set_it_up(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    pg_cluster.psql("postgres", "CREATE DATABASE empty_one")
    with pytest.raises(StoreError, match="workbench store init"):
        PgStore(pg_cluster.url("empty_one"))
    steps = [f"applied schema step {n}" for n in range(1, SCHEMA_VERSION + 1)]
    assert initialise(pg_cluster.url("empty_one"))[-SCHEMA_VERSION:] == steps
    assert initialise(pg_cluster.url("empty_one")) == [
        f"the store is up to date (schema {SCHEMA_VERSION})"
    ]
    PgStore(pg_cluster.url("empty_one")).close()


def test_a_password_in_the_url_is_refused(pg_db: PgDatabase) -> None:
    url = pg_db.cluster.tcp_url(pg_db.name, "alice").replace("alice@", "alice:pw-alice@")
    with pytest.raises(StoreError, match=r"carries a password.*pgpass"):
        PgStore(url)
    with pytest.raises(StoreError, match="carries a password"):
        PgStore(pg_db.cluster.tcp_url(pg_db.name, "alice") + "?password=pw-alice")


def test_passwords_come_from_pgpass_or_the_environment(
    pg_db: PgDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_db.cluster.tcp_url(pg_db.name, "alice") + "?sslmode=prefer"
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(StoreError, match=r"cannot connect to the review store .*~/\.pgpass"):
        PgStore(url)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_db.cluster.port}:{pg_db.name}:alice:pw-alice\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with PgStore(url) as store:
        assert store.identity("") == "alice"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setenv("PGPASSWORD", "pw-alice")
    with PgStore(url) as store:
        assert store.location == f"postgresql://127.0.0.1:{pg_db.cluster.port}/{pg_db.name}"
    # A service file names host, port and database; the URL is then only the service.
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "services"))
    (tmp_path / "services").write_text(
        f"[office]\nhost=127.0.0.1\nport={pg_db.cluster.port}\ndbname={pg_db.name}\nuser=alice\n"
    )
    with PgStore("postgresql:///?service=office") as store:
        assert store.identity("") == "alice"


def test_server_restart_mid_session_reconnects_and_loses_nothing(
    sample: Cable, pg_db: PgDatabase
) -> None:
    cid = sample.id or ""
    with PgStore(pg_db.url("alice")) as store:
        review = store.load(sample)
        store.apply(review, commands.release(sample.paragraphs[0]), "alice")
        pg_db.cluster.restart()  # every client is disconnected
        assert store.apply(review, commands.release(sample.paragraphs[1]), "alice")
        # A restart while a change waits: it is retried once the server is back.
        stopper = threading.Thread(target=pg_db.cluster.restart)
        stopper.start()
        store.apply(review, commands.withhold(sample.paragraphs[2], ["(b)(1)"]), "alice")
        stopper.join()
        store.apply(review, commands.release(sample.paragraphs[3]), "alice")
        log = store.log(cid)
    assert [e.what for e in log] == [
        "Paragraph 1: release",
        "Paragraph 2: release",
        "Paragraph 3: withhold (b)(1)",
        "Paragraph 4: release",
    ]
    with PgStore(pg_db.url("bob")) as other:
        assert other.load(sample) == review


def test_the_window_and_commands_name_the_store_without_secrets(pg_db: PgDatabase) -> None:
    from workbench.review.stores import describe

    assert describe(pg_db.cluster.tcp_url(pg_db.name, "alice") + "?sslmode=require") == (
        f"postgresql://127.0.0.1:{pg_db.cluster.port}/{pg_db.name}"
    )
    assert os.environ.get("PGPASSWORD") is None


@pytest.mark.parametrize(
    "sql, words",
    [
        ("ALTER TABLE audit DISABLE TRIGGER audit_no_update", "audit_no_update"),
        ("DROP TRIGGER audit_no_truncate ON audit", "audit_no_truncate"),
        ("DROP TABLE audit CASCADE", "the table audit"),
    ],
    ids=["trigger-disabled", "trigger-dropped", "audit-dropped"],
)
def test_a_team_store_without_its_audit_guards_is_refused_on_opening(
    sample: Cable, pg_db: PgDatabase, sql: str, words: str
) -> None:
    """Issue 12: the PostgreSQL equivalent of SQLite's check on opening."""
    with PgStore(pg_db.url("alice")) as store:
        store.apply(store.load(sample), commands.release(sample.paragraphs[0]), "alice")
    with raw(pg_db, "postgres") as conn:
        conn.execute(sql)
    with pytest.raises(StoreError, match="damaged") as info:
        PgStore(pg_db.url("alice"))
    assert words in str(info.value) and "store check" in str(info.value)


def test_decisions_follow_their_regions_when_the_reader_changes(
    sample: Cable, pg_db: PgDatabase
) -> None:
    """The load's one statement notices regions an older reader stored, and only then moves
    the decisions in a transaction (as the SQLite store does: test_review_store.py)."""
    with PgStore(pg_db.url("alice")) as store:
        review = store.load(sample)
        store.apply(review, commands.release(sample.paragraphs[0]), "alice")
        store.apply(review, commands.withhold(sample.paragraphs[1], ["(b)(1)"]), "alice")
        cid = review.cable_id
    # An older reader keyed paragraphs 1 and 2 otherwise (triggers off: the superuser).
    pg_db.cluster.psql(
        pg_db.name,
        "SET session_replication_role = replica;"
        "UPDATE workbench.region_decisions SET region = 'old' || region "
        f"WHERE cable_id = '{cid}' AND region IN ('p1', 'p2');"
        "UPDATE workbench.reviews SET regions = (SELECT jsonb_agg(CASE WHEN e->>0 IN ('p1', 'p2') "
        "THEN jsonb_build_array('old' || (e->>0), e->1, e->2) ELSE e END ORDER BY n) "
        f"FROM jsonb_array_elements(regions) WITH ORDINALITY AS t(e, n)) WHERE cable_id = '{cid}';",
    )
    with PgStore(pg_db.url("bob")) as store:
        moved = store.load(sample)
        assert moved.decision(1).action.value == "release"
        assert moved.decision(2).codes == ("(b)(1)",)
        log = store.log(cid)
        assert log[-1].what.startswith("Renumber regions") and log[-1].reviewer == "bob"
        assert store.load(sample) == moved  # saved: the second load does not renumber again
        assert len(store.log(cid)) == len(log)
