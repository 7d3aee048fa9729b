"""``PgStore``: the review store on a PostgreSQL server, shared by a review team.

Implements ``store_api.ReviewStore`` like ``SqliteStore``, with these differences:

* Identity comes from the database: the name recorded with each decision, audit entry and QC
  step is the role that logged in (``session_user``), set by triggers; the ``reviewer``
  arguments are ignored. See ``pg_schema`` for roles, privileges and the append-only log.
* Optimistic concurrency: each region's decision has a version. A change to
  something another reviewer changed since this store object read it raises
  :class:`ConflictError` naming who and when; nothing is overwritten.
* A lost connection (the server restarted) is re-opened and the change retried; each change
  carries an ID of its own in the audit log, so a commit whose answer was lost is found there
  instead of being written twice.

Each change is one transaction: the cable's review row is locked first (``INSERT ... ON
CONFLICT DO UPDATE``), so writers to one cable queue behind each other while writers to other
cables go on in parallel.
"""

from __future__ import annotations

import functools
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import psycopg
from psycopg.types.json import Jsonb

from workbench.cable.model import Cable
from workbench.review import pg_cases, pg_rejections, store_dump
from workbench.review.case_records import CaseCable, CaseLogEntry, CaseRecord, StoredDecisions
from workbench.review.commands import Command
from workbench.review.jsonform import decision_from_json, decision_to_json
from workbench.review.model import PENDING, Review, ReviewError
from workbench.review.model import review_id as cable_key
from workbench.review.pg_connect import (
    connect,
    display,
    guard_problems,
    newer_message,
    role_names,
)
from workbench.review.pg_schema import SCHEMA_VERSION
from workbench.review.remap import DROPPED, remap_decisions
from workbench.review.store import conflict_message
from workbench.review.store_api import (
    AuditEntry,
    Author,
    ConflictError,
    QcEvent,
    QcState,
    ReviewSummary,
    StoreError,
    TextChangedError,
    regions_differ,
    text_changed,
)
from workbench.review.store_dump import Dump

RECONNECT_S = 60.0  # how long a change keeps trying to reach a restarted server
ISO = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
State = dict[str, dict[str, Any]]


def _locked(method: F) -> F:
    """Serialise a public method (one connection per store object) and turn the database's
    refusals into one sentence each."""

    @functools.wraps(method)
    def wrapper(self: PgStore, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except psycopg.errors.InsufficientPrivilege as exc:
                raise ReviewError(
                    f"{self.user} may not do that in {self.location}: {exc.diag.message_primary}"
                ) from exc
            except (psycopg.errors.CheckViolation, psycopg.errors.RaiseException) as exc:
                raise ReviewError(str(exc.diag.message_primary)) from exc
            except psycopg.Error as exc:
                raise StoreError(
                    f"the review store {self.location} cannot be used "
                    f"({str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}): "
                    "try again, or ask the store's administrator"
                ) from exc

    return cast(F, wrapper)


class PgStore:
    """A review store in a PostgreSQL database set up with ``workbench store init URL``."""

    team = True

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = display(url)
        self._lock = threading.RLock()
        self._conn = connect(url)
        try:
            self._set_up()
        except BaseException:
            self._conn.close()
            raise

    def _set_up(self) -> None:
        self.user, dbname, has_schema, may_use = self._conn.execute(
            "SELECT session_user, current_database(), n.oid IS NOT NULL, "
            "n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE') "
            "FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = 'workbench'"
        ).fetchone()
        self.roles = role_names(dbname)
        if not has_schema:
            raise StoreError(
                f"{self.location} holds no review store yet: a database administrator sets it "
                "up with `workbench store init URL` (see the guide)"
            )
        if not may_use:
            raise StoreError(
                f"{self.user} has no role in the review store {self.location}: ask the database "
                f"administrator to grant {self.roles['reviewer']} or {self.roles['qc']}"
            )
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(newer_message(self.location, version))
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"the review store {self.location} has schema {version} and this workbench needs "
                f"{SCHEMA_VERSION}: a database administrator upgrades it with `workbench store "
                "init URL`"
            )
        # The audit log is the evidence of who decided what: a store that no longer guards
        # it is refused before anything is read or written (issue 12).
        problems = guard_problems(self._conn)
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise StoreError(
                f"the review store {self.location} is damaged: {problems[0]}{more}; stop using "
                f"it and ask its administrator to run `workbench store check {self.location}`"
            )

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSION

    def identity(self, asked: str) -> str:
        return str(self.user)

    @_locked
    def team_roles(self) -> list[str]:
        """What the login may do here, in words ("QC reviewer", "reviewer", "case
        administrator"), as the database grants it: shown when a window joins the team."""
        qc, reviewer, admin = self._run(
            lambda conn: conn.execute(
                "SELECT pg_has_role(session_user, %s, 'MEMBER'), "
                "pg_has_role(session_user, %s, 'MEMBER'), pg_has_role(session_user, %s, 'MEMBER')",
                (self.roles["qc"], self.roles["reviewer"], self.roles["admin"]),
            ).fetchone(),
            single=True,
        )
        words = ["QC reviewer" if qc else "reviewer" if reviewer else ""]
        return [w for w in [*words, "case administrator" if admin else ""] if w]

    @_locked
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions, reconnecting ----------------------------------------------------------
    def _run(
        self, work: Callable[[Any], Any], change_id: str | None = None, single: bool = False
    ) -> Any:
        """Run ``work(conn)`` in one transaction; reconnect and retry if the server went away.

        With ``change_id``, a retry first looks for that change in the audit log: if the lost
        answer was to a commit that happened, the change is not made again. ``single``: the
        work is one statement, atomic on its own, so it runs without BEGIN and COMMIT (one
        round trip to the server instead of three).
        """
        deadline = time.monotonic() + RECONNECT_S
        delay = 0.05
        while True:
            if self._conn.closed or self._conn.broken:
                try:
                    self._conn = connect(self.url)
                except StoreError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                    continue
                if (
                    change_id
                    and self._conn.execute(
                        "SELECT 1 FROM audit WHERE change_id = %s", (change_id,)
                    ).fetchone()
                ):
                    return None  # it was committed before the connection was lost
            try:
                if single:
                    return work(self._conn)
                with self._conn.transaction():
                    return work(self._conn)
            except (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected):
                time.sleep(delay)
            except psycopg.OperationalError:
                # Only a lost connection is retried; anything else is the caller's to report.
                if not (self._conn.closed or self._conn.broken) or time.monotonic() > deadline:
                    raise

    # -- reading -----------------------------------------------------------------------------
    @_locked
    def load(self, cable: Cable) -> Review:
        """The cable's review, read in one statement (one round trip: the window and every
        export load each cable). Only when the stored regions are not this reader's is it a
        transaction, which moves the decisions to the new regions."""
        cid = cable_key(cable)
        review = Review.for_cable(cable)
        row = self._run(lambda conn: conn.execute(LOAD, (cid,)).fetchone(), single=True)
        if row is not None and _signature(row[1]) != review.partition.signature():
            row = self._run(lambda conn: self._renumbered(conn, review, cid))
        return review if row is None else _filled(review, cid, row)

    def _renumbered(self, conn: Any, review: Review, cid: str) -> Any:
        """The LOAD row after moving the decisions to ``review``'s regions (one transaction)."""
        row = conn.execute(LOAD, (cid,)).fetchone()
        if row is not None and _signature(row[1]) != review.partition.signature():
            _check_text(review, cid, row)
            self._renumber(conn, review, cid)  # leaves review.decisions empty
            row = conn.execute(LOAD, (cid,)).fetchone()
        return row

    def _renumber(self, conn: Any, fresh: Review, cid: str) -> None:
        """Move saved decisions to the regions as this reader divides the same text."""
        conn.execute("SELECT 1 FROM reviews WHERE cable_id = %s FOR UPDATE", (cid,))
        old: dict[str, Any] = {}
        extents: dict[str, tuple[int, int] | None] = {}
        for key, start, end, data in conn.execute(
            "SELECT region, region_start, region_end, data FROM region_decisions "
            "WHERE cable_id = %s AND data <> %s",
            (cid, Jsonb(decision_to_json(PENDING))),
        ):
            old[key] = decision_from_json(data)
            extents[key] = (int(start), int(end)) if start is not None else None
        dropped: list[str] = []
        try:
            new = remap_decisions(old, extents, fresh.partition, dropped)
        except ReviewError as exc:
            raise regions_differ(cid, exc) from exc
        before = self._state(conn, cid)
        moved = {k: PENDING for k in old if k not in new or new[k] != old[k]}
        fresh.decisions.update(new)
        self._write_decisions(conn, cid, fresh, {**moved, **new})
        conn.execute(
            "UPDATE reviews SET regions = %s, region_count = %s, decided_count = %s, "
            "updated_at = clock_timestamp() WHERE cable_id = %s",
            (_regions_json(fresh), fresh.region_count, fresh.decided_count, cid),
        )
        after = self._state(conn, cid)
        fresh.decisions.clear()
        if before != after or dropped:
            what = "Renumber regions: this version of the workbench divides the cable differently"
            what += DROPPED.format(keys=", ".join(dropped)) if dropped else ""
            self._audit(conn, cid, what, *_changes(before, after), None)

    @_locked
    def log(self, cable_id: str) -> list[AuditEntry]:
        rows = self._run(
            lambda conn: conn.execute(
                f"SELECT id, {ISO.format('at')}, reviewer, cable_id, what, before, after, "
                "imported_by FROM audit WHERE cable_id = %s ORDER BY id",
                (cable_id,),
            ).fetchall()
        )
        return [
            AuditEntry(i, at, who if not by else f"{who} (imported by {by})", cid, what, b, a)
            for i, at, who, cid, what, b, a, by in rows
        ]

    @_locked
    def reviews(self) -> list[ReviewSummary]:
        rows = self._run(
            lambda conn: conn.execute(
                f"SELECT r.cable_id, r.region_count, r.decided_count, "
                f"{ISO.format('r.updated_at')}, "
                "(SELECT count(*) FROM region_decisions d WHERE d.cable_id = r.cable_id "
                " AND d.action <> 'pending') FROM reviews r ORDER BY r.cable_id"
            ).fetchall()
        )
        return [
            ReviewSummary(cid, decided if total is not None else n, total, at)
            for cid, total, decided, at, n in rows
        ]

    @_locked
    def authors(self, cable_id: str) -> dict[str, Author]:
        rows = self._run(
            lambda conn: conn.execute(
                f"SELECT region, changed_by, {ISO.format('changed_at')}, version, pass "
                "FROM region_decisions WHERE cable_id = %s",
                (cable_id,),
            ).fetchall()
        )
        return {k: Author(who, at, v, p == "qc") for k, who, at, v, p in rows}

    @_locked
    def changes_since(self, cursor: int) -> tuple[int, list[str]]:
        def read(conn: Any) -> tuple[int, list[str]]:
            newest = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
            ids = conn.execute(
                "SELECT DISTINCT cable_id FROM audit WHERE id > %s AND id <= %s",
                (cursor, newest),
            ).fetchall()
            return int(newest), sorted(r[0] for r in ids)

        return cast(tuple[int, list[str]], self._run(read))

    # -- the second review -------------------------------------------------------------------
    @_locked
    def qc_history(self, cable_id: str) -> list[QcEvent]:
        rows = self._run(
            lambda conn: conn.execute(
                f"SELECT id, cable_id, state, note, reviewer, {ISO.format('at')} "
                "FROM qc_events WHERE cable_id = %s ORDER BY id",
                (cable_id,),
            ).fetchall()
        )
        return [QcEvent(i, c, QcState(s), n, who, at) for i, c, s, n, who, at in rows]

    @_locked
    def qc_step(self, cable_id: str, state: QcState, note: str, reviewer: str) -> QcEvent:
        def write(conn: Any) -> QcEvent:
            if not conn.execute(
                "SELECT 1 FROM reviews WHERE cable_id = %s", (cable_id,)
            ).fetchone():
                raise ReviewError(f"{cable_id} has no saved review in {self.location}")
            i, s, n, who, at = conn.execute(
                "INSERT INTO qc_events (cable_id, state, note) VALUES (%s, %s, %s) "
                f"RETURNING id, state, note, reviewer, {ISO.format('at')}",
                (cable_id, QcState(state).value, note.strip()),
            ).fetchone()
            return QcEvent(i, cable_id, QcState(s), n, who, at)

        return cast(QcEvent, self._run(write))

    @_locked
    def requires_qc(self, case_id: str = "") -> bool:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT require_qc FROM policy WHERE case_id = %s", (case_id,)
            ).fetchone()
        )
        return bool(row and row[0])

    @_locked
    def set_requires_qc(self, required: bool, reviewer: str, case_id: str = "") -> None:
        self._run(
            lambda conn: conn.execute(
                "INSERT INTO policy (case_id, require_qc) VALUES (%s, %s) "
                "ON CONFLICT (case_id) DO UPDATE SET require_qc = EXCLUDED.require_qc",
                (case_id, required),
            )
        )

    # -- rejected suggestions (issue 16; workbench.suggest.rejections reads and writes) ------
    # ``reviewer`` is ignored, as everywhere here: the database names the login.
    @_locked
    def suggestion_rejections(self, case_id: str = "") -> list[tuple[str, str, str, str, str]]:
        return cast(
            list[tuple[str, str, str, str, str]],
            self._run(lambda conn: pg_rejections.read(conn, case_id), single=True),
        )

    @_locked
    def set_suggestion_rejected(
        self,
        text: str,
        folded: str,
        kind: str,
        reviewer: str,
        rejected: bool,
        case_id: str = "",
        cable_id: str = "",
    ) -> None:
        self._run(
            lambda conn: pg_rejections.write(conn, text, folded, kind, rejected, case_id, cable_id),
            single=True,
        )

    # -- cases (issue 15; the SQL is in pg_cases) ---------------------------------------------
    # ``reviewer`` arguments are ignored, as everywhere here: the database names the login.
    @_locked
    def _case_call(self, work: Callable[[Any], T]) -> T:
        return cast(T, self._run(work))

    def cases(self) -> list[CaseRecord]:
        return self._case_call(pg_cases.cases)

    def case(self, number: str) -> CaseRecord | None:
        return self._case_call(lambda conn: pg_cases.case(conn, number))

    def case_cables(self, number: str) -> list[CaseCable]:
        return self._case_call(lambda conn: pg_cases.cables(conn, number))

    def cases_of(self, cable_id: str) -> list[str]:
        return self._case_call(lambda conn: pg_cases.cases_of(conn, cable_id))

    def case_log(self, number: str) -> list[CaseLogEntry]:
        return self._case_call(lambda conn: pg_cases.read_log(conn, number))

    def case_decisions(self, cable_ids: Iterable[str]) -> dict[str, StoredDecisions]:
        ids = list(cable_ids)
        return self._case_call(lambda conn: pg_cases.decisions(conn, ids))

    def create_case(self, record: CaseRecord, reviewer: str) -> CaseRecord:
        return self._case_call(lambda conn: pg_cases.create(conn, record))

    def update_case(self, number: str, changes: dict[str, str], reviewer: str) -> None:
        self._case_call(lambda conn: pg_cases.update(conn, number, changes))

    def add_case_cables(self, number: str, cables: list[CaseCable], reviewer: str) -> list[str]:
        return self._case_call(lambda conn: pg_cases.add_cables(conn, number, cables))

    def remove_case_cables(self, number: str, cable_ids: list[str], reviewer: str) -> list[str]:
        return self._case_call(lambda conn: pg_cases.remove_cables(conn, number, cable_ids))

    def log_case(self, number: str, what: str, data: dict[str, Any], reviewer: str) -> CaseLogEntry:
        def write(conn: Any) -> CaseLogEntry:
            pg_cases.require(conn, number)
            return pg_cases.log(conn, number, what, data)

        return self._case_call(write)

    # -- copying a whole store (workbench store copy) -----------------------------------------
    @_locked
    def dump(self) -> Dump:
        def read(conn: Any) -> Dump:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return store_dump.read_pg(conn)

        return cast(Dump, self._run(read))

    @_locked
    def restore(self, dump: Dump) -> None:
        """Write ``dump`` into this empty store and check it reads back the same, in one
        transaction (a copy that does not match is rolled back). Case administrators only."""

        def write(conn: Any) -> None:
            conn.execute("SELECT pg_advisory_xact_lock(17017)")  # two copies at once
            if not store_dump.pg_is_empty(conn):
                raise StoreError(
                    f"the review store {self.location} already holds reviews: copy into a new store"
                )
            store_dump.write_pg(conn, dump)
            conn.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the audit check, before comparing
            if store_dump.read_pg(conn).comparable() != dump.comparable():
                raise StoreError(f"the copy in {self.location} does not read back the same")

        self._run(write)

    # -- writing -----------------------------------------------------------------------------
    @_locked
    def apply(self, review: Review, command: Command, reviewer: str) -> bool:
        command.apply(review)
        try:
            return self._commit(review, command.keys, command.rules, command.label)
        except BaseException:
            command.revert(review)
            raise

    @_locked
    def revert(self, review: Review, command: Command, reviewer: str) -> bool:
        command.revert(review)
        try:
            return self._commit(review, command.keys, command.rules, f"Undo: {command.label}")
        except BaseException:
            command.apply(review)
            raise

    @_locked
    def start_over(self, cable: Cable, reviewer: str) -> Review:
        fresh = Review.for_cable(cable)
        cid = fresh.cable_id

        def write(conn: Any) -> None:
            self._lock_review(conn, fresh, replace=True)
            before = self._state(conn, cid)
            conn.execute(
                "UPDATE region_decisions SET action = 'pending', data = %s "
                "WHERE cable_id = %s AND data <> %s",
                (Jsonb(decision_to_json(PENDING)), cid, Jsonb(decision_to_json(PENDING))),
            )
            self._audit(conn, cid, "Start the review over", before, {}, change_id)

        change_id = str(uuid.uuid4())
        self._run(write, change_id)
        fresh.versions = self._versions(cid)
        return fresh

    def _commit(self, review: Review, keys: Iterable[str], rules: Iterable[str], what: str) -> bool:
        cid = review.cable_id
        keys_s, rules_s = sorted(keys), sorted(rules)
        change_id = str(uuid.uuid4())
        seen = review.versions

        def write(conn: Any) -> dict[str, int] | None:
            off = self._lock_review(conn, review, replace=False)
            stored = self._rows(conn, cid, keys_s)
            for key, (version, who, at, _data) in stored.items():
                if version != seen.get(key, 0):
                    raise ConflictError(conflict_message(review, key, who, at, what))
            before = _as_state(stored, keys_s, rules_s, off)
            after = _review_state(review, keys_s, rules_s)
            if before == after:
                return None
            versions = self._write_decisions(
                conn, cid, review, {k: review.decision(k) for k in keys_s}
            )
            # The review's counts and its audit entry in one statement (one round trip).
            b, a = _changes(before, after)
            conn.execute(
                "WITH counts AS (UPDATE reviews SET rules_off = %s, region_count = %s, "
                "decided_count = %s WHERE cable_id = %s) "
                "INSERT INTO audit (cable_id, what, before, after, change_id) "
                "VALUES (%s, %s, %s, %s, %s)",
                (
                    Jsonb(sorted(review.rules_off)),
                    review.region_count,
                    review.decided_count,
                    cid,
                    cid,
                    what,
                    Jsonb(b),
                    Jsonb(a),
                    change_id,
                ),
            )
            return versions

        versions = self._run(write, change_id)
        if versions is None:
            if not self._committed(change_id):
                return False
            # Committed, but the answer was lost with the connection: what it wrote is ours.
            stored = self._versions(cid)
            seen.update({k: v for k, v in stored.items() if k in set(keys_s)})
            return True
        seen.update(versions)
        return True

    def _committed(self, change_id: str) -> bool:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT 1 FROM audit WHERE change_id = %s", (change_id,)
            ).fetchone()
        )
        return row is not None

    def _versions(self, cid: str) -> dict[str, int]:
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT region, version FROM region_decisions WHERE cable_id = %s", (cid,)
            ).fetchall()
        )
        return {k: v for k, v in rows}

    def _lock_review(self, conn: Any, review: Review, replace: bool) -> set[str]:
        """Create or lock the cable's review row; refuse a review of another text. Returns the
        rules switched off for the cable as stored (one round trip for both)."""
        spans = Jsonb([[r.start, r.end] for r in review.partition.regions if r.kind == "paragraph"])
        values = (
            review.cable_hash,
            review.paragraph_count,
            spans,
            _regions_json(review),
            Jsonb(sorted(review.rules_off)),
            review.region_count,
            review.decided_count,
        )
        row = conn.execute(
            "INSERT INTO reviews (cable_hash, paragraph_count, paragraph_spans, regions, "
            "rules_off, region_count, decided_count, cable_id) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (cable_id) DO UPDATE "
            "SET updated_at = clock_timestamp() RETURNING cable_hash, rules_off",
            (*values, review.cable_id),
        ).fetchone()
        stored, off = row
        if replace:
            conn.execute(
                "UPDATE reviews SET cable_hash = %s, paragraph_count = %s, paragraph_spans = %s, "
                "regions = %s, rules_off = %s, region_count = %s, decided_count = %s "
                "WHERE cable_id = %s",
                (*values, review.cable_id),
            )
        elif stored != review.cable_hash:
            raise TextChangedError(
                f"the saved review of {review.cable_id} was made for a different text of the "
                "cable, so this change was not saved: reopen the cable"
            )
        return set(off or ())

    def _rows(self, conn: Any, cid: str, keys: list[str]) -> dict[str, tuple[int, str, str, Any]]:
        """key -> (version, changed_by, changed_at, data) of the rows a change touches."""
        out: dict[str, tuple[int, str, str, Any]] = {}
        if keys:
            for k, v, who, at, data in conn.execute(
                f"SELECT region, version, changed_by, {ISO.format('changed_at')}, data "
                "FROM region_decisions WHERE cable_id = %s AND region = ANY(%s)",
                (cid, keys),
            ):
                out[k] = (v, who, at, data)
        return out

    def _state(self, conn: Any, cid: str) -> State:
        """All current decisions (pending ones without spans left out), as the log shows them."""
        pending = decision_to_json(PENDING)
        decided = {
            k: data
            for k, data in conn.execute(
                "SELECT region, data FROM region_decisions WHERE cable_id = %s", (cid,)
            )
            if data != pending
        }
        return {"regions": decided, "rules": {}}

    def _write_decisions(
        self, conn: Any, cid: str, review: Review, decisions: dict[str, Any]
    ) -> dict[str, int]:
        if not decisions:
            return {}
        params: list[Any] = []
        for key, d in sorted(decisions.items()):
            region = review.partition.get(key)
            params += [
                cid,
                key,
                region.start if region else None,
                region.end if region else None,
                d.action.value,
                Jsonb(decision_to_json(d)),
            ]
        # Every row in one statement: one round trip however many regions a change touches.
        rows = ", ".join(["(%s, %s, %s::integer, %s::integer, %s, %s)"] * len(decisions))
        return dict(
            conn.execute(
                "INSERT INTO region_decisions "
                f"(cable_id, region, region_start, region_end, action, data) VALUES {rows} "
                "ON CONFLICT (cable_id, region) DO UPDATE "
                "SET action = EXCLUDED.action, data = EXCLUDED.data, "
                "region_start = EXCLUDED.region_start, region_end = EXCLUDED.region_end "
                "RETURNING region, version",
                params,
            ).fetchall()
        )

    def _audit(
        self,
        conn: Any,
        cid: str,
        what: str,
        before: dict[str, Any],
        after: dict[str, Any],
        change_id: str | None,
    ) -> None:
        conn.execute(
            "INSERT INTO audit (cable_id, what, before, after, change_id) "
            "VALUES (%s, %s, %s, %s, %s)",
            (cid, what, Jsonb(before), Jsonb(after), change_id),
        )


def _signature(regions: Any) -> tuple[tuple[str, int, int], ...] | None:
    if not regions:
        return None
    return tuple((str(k), int(a), int(b)) for k, a, b in regions)


def _regions_json(review: Review) -> Jsonb:
    return Jsonb([list(t) for t in review.partition.signature()])


def _as_state(
    rows: dict[str, tuple[int, str, str, Any]], keys: list[str], rules: list[str], off: set[str]
) -> State:
    pending = decision_to_json(PENDING)
    return {
        "regions": {k: (rows[k][3] if k in rows else pending) for k in keys},
        "rules": {n: n not in off for n in rules},
    }


def _review_state(review: Review, keys: list[str], rules: list[str]) -> State:
    return {
        "regions": {k: decision_to_json(review.decision(k)) for k in keys},
        "rules": {n: n not in review.rules_off for n in rules},
    }


def _changes(before: State, after: State) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only what differs, so the audit log shows the change and not the whole review."""
    b: dict[str, Any] = {}
    a: dict[str, Any] = {}
    for part in ("regions", "rules"):
        keys = [k for k in after.get(part, {}) if before.get(part, {}).get(k) != after[part][k]]
        if keys:
            b[part] = {k: before.get(part, {}).get(k) for k in keys}
            a[part] = {k: after[part][k] for k in keys}
    return b, a


# A review and its decisions in one row: hash, regions, rules_off, updated_at and the
# decisions as [[region, data, version], ...].
LOAD = (
    f"SELECT r.cable_hash, r.regions, r.rules_off, {ISO.format('r.updated_at')}, "
    "(SELECT coalesce(jsonb_agg(jsonb_build_array(d.region, d.data, d.version)), '[]') "
    " FROM region_decisions d WHERE d.cable_id = r.cable_id) "
    "FROM reviews r WHERE r.cable_id = %s"
)


def _check_text(review: Review, cid: str, row: Any) -> None:
    if row[0] != review.cable_hash:
        raise text_changed(cid, row[3])


def _filled(review: Review, cid: str, row: Any) -> Review:
    """``review`` (fresh for its cable) with the decisions of a :data:`LOAD` row."""
    _check_text(review, cid, row)
    review.rules_off = set(row[2] or ())
    seen: dict[str, int] = {}
    for key, data, version in row[4]:
        seen[key] = int(version)
        d = decision_from_json(data)
        if d != PENDING:
            review.decisions[key] = d
    review.versions = seen
    return review
