"""Where review decisions live: ``SqliteStore``, the SQLite implementation of ``ReviewStore``.

This module (with its schema, ``sqlite_schema.py``) is the only one that speaks SQL, so a
shared PostgreSQL store for review teams can be added beside ``SqliteStore`` (implementing
``store_api.ReviewStore``) without touching the model, the CLI or the GUI.

Durability: every change is committed in its own transaction before ``apply`` returns, in
WAL mode with ``synchronous=FULL`` (SQLite then syncs the log on each commit, so a process
crash or a power cut loses nothing already reported as saved). Writers take the write lock up
front (``BEGIN IMMEDIATE``) and wait for each other (``busy_timeout`` plus a retry loop), and
each change writes only the rows it touches, so two processes reviewing at once lose nothing.
"""

from __future__ import annotations

import functools
import json
import os
import random
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from workbench.cable.model import Cable
from workbench.review import sqlite_cases, sqlite_qc, store_dump
from workbench.review.case_records import CaseCable, CaseLogEntry, CaseRecord, StoredDecisions
from workbench.review.commands import Command
from workbench.review.jsonform import decision_from_json, decision_to_json
from workbench.review.model import (
    PENDING,
    Decision,
    Review,
    ReviewError,
    review_id,
    text_hash,
)
from workbench.review.remap import DROPPED, remap_decisions
from workbench.review.rules import RULES
from workbench.review.sqlite_schema import MIGRATIONS, SCHEMA_VERSION
from workbench.review.store_api import (
    AuditEntry,
    Author,
    ConflictError,
    QcEvent,
    QcState,
    ReviewStore,
    ReviewSummary,
    StoreError,
    TextChangedError,
    regions_differ,
    text_changed,
)
from workbench.review.store_check import check_on_open, damaged, read_json
from workbench.review.store_dump import Dump

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AuditEntry",
    "ReviewStore",
    "ReviewSummary",
    "SqliteStore",
    "StoreError",
    "TextChangedError",
    "open_store",
]


BUSY_TIMEOUT_MS = 5000  # for reads and set-up; writes poll for the lock themselves
WRITE_WAIT_S = 30.0  # how long a change waits for another program's writes before giving up


F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def _locked(method: F) -> F:
    """Serialise a public method, and report any SQLite failure as one sentence."""

    @functools.wraps(method)
    def wrapper(self: SqliteStore, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as exc:
                if "malformed" in str(exc) or "corrupt" in str(exc):
                    raise StoreError(damaged(self.path, str(exc))) from exc
                raise StoreError(
                    f"the review store {self.path} cannot be used ({exc}): check the disk, or "
                    "use another --store"
                ) from exc
            except sqlite3.Error as exc:
                raise StoreError(
                    f"the review store {self.path} cannot be used ({exc}): check the disk, or "
                    "use another --store"
                ) from exc

    return cast(F, wrapper)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


class SqliteStore:
    """A review store in one SQLite file (``settings.default_store_path()`` by default)."""

    team = False  # names are the ones reviewers give (``--reviewer``, settings)

    def __init__(self, path: str | Path, create: bool = True) -> None:
        """Open the store at ``path``, checking it first (``store_check.check_on_open``).

        With ``create=False`` (commands that only read) a path where no store exists is
        refused instead of becoming a new, empty store (a mistyped ``--store`` would read as
        "nothing decided"), and the file is left exactly as it is.
        """
        from workbench.safeio import file_kind, guard, os_reason

        self.path = Path(path)
        self.location = str(self.path)
        self._lock = threading.RLock()
        self._read_only = not create
        try:
            st: os.stat_result | None = os.stat(self.path)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            reason = os_reason(exc)
            raise StoreError(f"the review store {self.path} cannot be used: {reason}") from None
        except ValueError:
            raise StoreError(f"{self.path!r} is not a usable path for a review store") from None
        if st is None and not create:
            raise StoreError(
                f"there is no review store at {self.path}: check the path (a store is created "
                "only when decisions are saved into it)"
            )
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise StoreError(f"the review store {self.path} is a folder: give the path of a file")
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise StoreError(
                f"{self.path} is {file_kind(st.st_mode)}, not a review store: give the path "
                "of a file"
            )
        if st is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder for the review store {self.path}: {os_reason(exc)}"
                ) from exc
        for f in guard.store_files(self.path):
            guard.protect_path(f, "the review store")
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so each change is exactly
            # one transaction and nothing is left open between changes.
            # One connection shared by the threads of one process (the GUI saves from its main
            # thread, export reads from a worker); the lock serialises them.
            self._db = sqlite3.connect(
                str(self.path),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the review store {self.path} ({exc}): check that its folder "
                "exists and that you may write to it"
            ) from exc
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._retry(self._set_up)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if "malformed" in str(exc) or "corrupt" in str(exc):
                raise StoreError(damaged(self.path, str(exc))) from exc
            raise StoreError(
                f"{self.path} is not a review store ({exc}): give another --store path"
            ) from exc
        except BaseException:
            self._db.close()
            raise

    # -- opening ---------------------------------------------------------------------------
    def _set_up(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        self._refuse_newer(version)
        # Checked before anything is written (journal mode, migrations): a damaged store, or
        # one without its audit log, must not be used at all.
        check_on_open(self._db, self.path, version)
        if self._read_only and version == 0:
            raise StoreError(
                f"{self.path} is not a review store (it holds no reviews and no workbench "
                "schema): check the path"
            )
        # A command that only reads leaves the file as it is (a backup stays a single file).
        if not self._read_only:
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"the review store {self.path} cannot use write-ahead logging")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate()

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the review store {self.path} was written by a newer version of the workbench "
                f"(schema {version}; this version knows up to {SCHEMA_VERSION}): update the "
                "workbench, or use another --store"
            )

    def _migrate(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    @_locked
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @_locked
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    @_locked
    def load(self, cable: Cable) -> Review:
        """The saved review of ``cable`` (an empty one if it was never reviewed).

        Refuses, with :class:`TextChangedError`, a review whose cable text differs from
        ``cable``'s, or whose decisions cannot follow their regions in this reader's partition:
        its offsets would point at the wrong words.
        """
        cid = review_id(cable)
        row = self._db.execute(
            "SELECT cable_hash, regions, rules_off, updated_at FROM reviews WHERE cable_id = ?",
            (cid,),
        ).fetchone()
        if row is None:
            fresh = Review.for_cable(cable)
            fresh.versions = sqlite_qc.versions(self._db, cid)
            return fresh
        stored_hash, regions_json, rules_json, updated = row
        if stored_hash != text_hash(cable.text):
            raise text_changed(cid, updated)
        review = Review.for_cable(cable)
        renumbered = None
        if _signature(regions_json, self.path, cid) != review.partition.signature():
            if self._read_only:  # moved in memory only: a command that reads writes nothing
                renumbered = self._remapped(cable, review, [])
            else:
                self._retry(lambda: self._transaction(lambda: self._renumber(cable)))
        review.versions = sqlite_qc.versions(self._db, cid)
        rules = read_json(rules_json or "[]", self.path, cid, "rules")
        try:
            review.rules_off = set(rules)
            for key, data in self._db.execute(
                "SELECT region, data FROM region_decisions WHERE cable_id = ?", (cid,)
            ):
                obj = read_json(data, self.path, cid, f"decision on {key}")
                review.decisions[key] = decision_from_json(obj)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"a decision of {cid} cannot be read: {exc}"
            raise StoreError(damaged(self.path, detail)) from None
        if renumbered is not None:
            review.decisions = renumbered
        return review

    def _remapped(self, cable: Cable, fresh: Review, dropped: list[str]) -> dict[str, Decision]:
        """The saved decisions moved to the regions as this reader divides the same text
        (``remap_decisions``: the keys of those dropped are added to ``dropped``)."""
        cid = review_id(cable)
        old: dict[str, Decision] = {}
        extents: dict[str, tuple[int, int] | None] = {}
        try:
            for key, start, end, data in self._db.execute(
                "SELECT region, region_start, region_end, data FROM region_decisions "
                "WHERE cable_id = ?",
                (cid,),
            ):
                old[key] = decision_from_json(read_json(data, self.path, cid, f"decision {key}"))
                extents[key] = (int(start), int(end)) if start is not None else None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"a decision of {cid} cannot be read: {exc}"
            raise StoreError(damaged(self.path, detail)) from None
        try:
            return remap_decisions(old, extents, fresh.partition, dropped)
        except ReviewError as exc:
            raise regions_differ(cid, exc) from exc

    def _renumber(self, cable: Cable) -> None:
        """Move saved decisions to the regions as this reader divides the same text."""
        cid = review_id(cable)
        fresh = Review.for_cable(cable)
        row = self._db.execute("SELECT regions FROM reviews WHERE cable_id = ?", (cid,)).fetchone()
        if _signature(row[0], self.path, cid) == fresh.partition.signature():
            return  # another process did it meanwhile
        dropped: list[str] = []
        new = self._remapped(cable, fresh, dropped)
        fresh.decisions.update(new)
        before = self._current(cid, None)
        self._db.execute("DELETE FROM region_decisions WHERE cable_id = ?", (cid,))
        for key in new:
            self._write_decision(fresh, key)
        self._upsert_review(fresh, replace=True)
        after = self._current(cid, None)
        if before != after or dropped:
            what = "Renumber regions: this version of the workbench divides the cable differently"
            what += DROPPED.format(keys=", ".join(dropped)) if dropped else ""
            self._audit("workbench", cid, what, *_changes(before, after))

    @_locked
    def log(self, cable_id: str) -> list[AuditEntry]:
        """Every change to ``cable_id``'s review, oldest first."""
        return [
            AuditEntry(
                i,
                at,
                who,
                cid,
                what,
                read_json(before, self.path, cid, f"audit entry {i}"),
                read_json(after, self.path, cid, f"audit entry {i}"),
            )
            for i, at, who, cid, what, before, after in self._db.execute(
                "SELECT id, at, reviewer, cable_id, what, before, after FROM audit "
                "WHERE cable_id = ? ORDER BY id",
                (cable_id,),
            )
        ]

    @_locked
    def reviews(self) -> list[ReviewSummary]:
        """Every cable with a saved review, by ID (``total`` is None for a review saved before
        regions existed and not opened since: its header regions are not counted yet)."""
        rows = self._db.execute(
            "SELECT r.cable_id, r.region_count, r.decided_count, r.updated_at, "
            "(SELECT count(*) FROM region_decisions d WHERE d.cable_id = r.cable_id "
            " AND d.action != 'pending') FROM reviews r ORDER BY r.cable_id"
        )
        return [
            ReviewSummary(cid, decided if total is not None else n, total, at)
            for cid, total, decided, at, n in rows
        ]

    def identity(self, asked: str) -> str:
        return asked or "unknown"

    @_locked
    def authors(self, cable_id: str) -> dict[str, Author]:
        return sqlite_qc.authors(self._db, cable_id)

    @_locked
    def changes_since(self, cursor: int) -> tuple[int, list[str]]:
        newest = int(self._db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])
        rows = self._db.execute(
            "SELECT DISTINCT cable_id FROM audit WHERE id > ? AND id <= ?", (cursor, newest)
        )
        return newest, sorted(r[0] for r in rows)

    # -- the second review -----------------------------------------------------------------
    @_locked
    def qc_history(self, cable_id: str) -> list[QcEvent]:
        return sqlite_qc.history(self._db, cable_id)

    @_locked
    def qc_step(self, cable_id: str, state: QcState, note: str, reviewer: str) -> QcEvent:
        who = self.identity(reviewer)

        def write() -> None:
            sqlite_qc.check_step(self._db, cable_id, QcState(state), note, who)
            self._db.execute(
                "INSERT INTO qc_events (cable_id, state, note, reviewer, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (cable_id, QcState(state).value, note.strip(), who, _now()),
            )

        self._retry(lambda: self._transaction(write))
        return sqlite_qc.history(self._db, cable_id)[-1]

    @_locked
    def requires_qc(self, case_id: str = "") -> bool:
        row = self._db.execute(
            "SELECT require_qc FROM policy WHERE case_id = ?", (case_id,)
        ).fetchone()
        return bool(row and row[0])

    @_locked
    def set_requires_qc(self, required: bool, reviewer: str, case_id: str = "") -> None:
        def write() -> None:
            self._db.execute(
                "INSERT OR REPLACE INTO policy (case_id, require_qc, changed_by, changed_at) "
                "VALUES (?, ?, ?, ?)",
                (case_id, int(required), self.identity(reviewer), _now()),
            )

        self._retry(lambda: self._transaction(write))

    # -- rejected suggestions (issue 16; workbench.suggest.rejections reads and writes) ----
    @_locked
    def suggestion_rejections(self, case_id: str = "") -> list[tuple[str, str, str, str, str]]:
        """``(cable_id, kind, text, reviewer, at)`` of every rejection in the case ("" for
        rejections made outside a case, each for its own cable)."""
        rows = self._db.execute(
            "SELECT cable_id, kind, text, reviewer, at FROM suggestion_rejections "
            "WHERE case_id = ? ORDER BY at",
            (case_id,),
        ).fetchall()
        return [tuple(r) for r in rows]

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
        def write() -> None:
            if rejected:
                self._db.execute(
                    "INSERT OR REPLACE INTO suggestion_rejections "
                    "(case_id, cable_id, kind, folded, text, reviewer, at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (case_id, cable_id, kind, folded, text, self.identity(reviewer), _now()),
                )
            else:
                self._db.execute(
                    "DELETE FROM suggestion_rejections "
                    "WHERE case_id = ? AND cable_id = ? AND kind = ? AND folded = ?",
                    (case_id, cable_id, kind, folded),
                )

        self._retry(lambda: self._transaction(write))

    # -- cases (issue 15; the SQL is in sqlite_cases) ----------------------------------------
    @_locked
    def cases(self) -> list[CaseRecord]:
        return sqlite_cases.cases(self._db)

    @_locked
    def case(self, number: str) -> CaseRecord | None:
        return sqlite_cases.case(self._db, number)

    @_locked
    def case_cables(self, number: str) -> list[CaseCable]:
        return sqlite_cases.cables(self._db, number)

    @_locked
    def cases_of(self, cable_id: str) -> list[str]:
        return sqlite_cases.cases_of(self._db, cable_id)

    @_locked
    def case_log(self, number: str) -> list[CaseLogEntry]:
        return sqlite_cases.read_log(self._db, number)

    @_locked
    def case_decisions(self, cable_ids: Iterable[str]) -> dict[str, StoredDecisions]:
        return sqlite_cases.decisions(self._db, cable_ids)

    def create_case(self, record: CaseRecord, reviewer: str) -> CaseRecord:
        return self._case_write(
            lambda who, at: sqlite_cases.create(self._db, record, who, at), reviewer
        )

    def update_case(self, number: str, changes: dict[str, str], reviewer: str) -> None:
        self._case_write(
            lambda who, at: sqlite_cases.update(self._db, number, changes, who, at), reviewer
        )

    def add_case_cables(self, number: str, cables: list[CaseCable], reviewer: str) -> list[str]:
        return self._case_write(
            lambda who, at: sqlite_cases.add_cables(self._db, number, cables, who, at), reviewer
        )

    def remove_case_cables(self, number: str, cable_ids: list[str], reviewer: str) -> list[str]:
        return self._case_write(
            lambda who, at: sqlite_cases.remove_cables(self._db, number, cable_ids, who, at),
            reviewer,
        )

    def log_case(self, number: str, what: str, data: dict[str, Any], reviewer: str) -> CaseLogEntry:
        def write(who: str, at: str) -> CaseLogEntry:
            sqlite_cases.require(self._db, number)
            return sqlite_cases.log(self._db, number, what, data, who, at)

        return self._case_write(write, reviewer)

    @_locked
    def _case_write(self, work: Callable[[str, str], T], reviewer: str) -> T:
        """Run ``work(who, at)`` as one transaction, waiting out other writers."""
        result: list[T] = []
        who = self.identity(reviewer)
        self._retry(lambda: self._transaction(lambda: result.append(work(who, _now()))))
        return result[-1]

    # -- copying a whole store (workbench store copy) ---------------------------------------
    @_locked
    def dump(self) -> Dump:
        self._db.execute("BEGIN")  # one consistent snapshot
        try:
            return store_dump.read_sqlite(self._db)
        except ValueError as exc:  # a row's JSON that cannot be read: the store is damaged
            raise StoreError(damaged(self.path, f"a row cannot be read: {exc}")) from None
        finally:
            self._db.execute("COMMIT")

    @_locked
    def restore(self, dump: Dump) -> None:
        """Write ``dump`` into this empty store and check it reads back the same, as one
        transaction: a copy that does not match leaves the store as it was."""

        def write() -> None:
            if not store_dump.sqlite_is_empty(self._db):
                raise StoreError(
                    f"the review store {self.path} already holds reviews: copy into a new store"
                )
            store_dump.write_sqlite(self._db, dump)
            if store_dump.read_sqlite(self._db).comparable() != dump.comparable():
                raise StoreError(f"the copy in {self.path} does not read back the same")

        self._retry(lambda: self._transaction(write))

    @_locked
    def integrity_check(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    @_locked
    def backup_to(self, path: str | Path) -> None:
        """Copy the store, as one consistent snapshot even while others write to it, into the
        new file ``path`` (SQLite's online backup), as a single file (no write-ahead log)."""
        dst = sqlite3.connect(str(path), isolation_level=None)
        try:
            self._db.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            bad = [r[0] for r in dst.execute("PRAGMA quick_check(3)")]
            if bad != ["ok"]:
                raise StoreError(f"the backup of {self.path} did not check out ({bad[0]})")
        finally:
            dst.close()

    # -- writing ---------------------------------------------------------------------------
    @_locked
    def apply(self, review: Review, command: Command, reviewer: str) -> bool:
        """Apply ``command`` to ``review`` and commit it; False if it changed nothing.

        If the commit fails the command is reverted, so memory and store never disagree.
        """
        command.apply(review)
        try:
            return self._commit(review, command.keys, command.rules, command.label, reviewer)
        except BaseException:
            command.revert(review)
            raise

    @_locked
    def revert(self, review: Review, command: Command, reviewer: str) -> bool:
        """Undo ``command`` (the last one applied) and commit that."""
        command.revert(review)
        try:
            return self._commit(
                review, command.keys, command.rules, f"Undo: {command.label}", reviewer
            )
        except BaseException:
            command.apply(review)
            raise

    @_locked
    def start_over(self, cable: Cable, reviewer: str) -> Review:
        """Discard ``cable``'s saved decisions (kept in the audit log) and begin afresh."""
        fresh = Review.for_cable(cable)

        def write() -> None:
            cid = fresh.cable_id
            before = self._current(cid, None)
            self._db.execute("DELETE FROM region_decisions WHERE cable_id = ?", (cid,))
            self._upsert_review(fresh, replace=True)
            self._audit(reviewer, cid, "Start the review over", before, {})

        self._retry(lambda: self._transaction(write))
        fresh.versions = sqlite_qc.versions(self._db, fresh.cable_id)
        return fresh

    def _commit(
        self,
        review: Review,
        keys: Iterable[str],
        rules: Iterable[str],
        what: str,
        reviewer: str,
    ) -> bool:
        keys, rules = sorted(keys), sorted(rules)
        changed = False
        seen = review.versions

        def write() -> None:
            nonlocal changed
            changed = False
            cid = review.cable_id
            self._upsert_review(review, replace=False)
            self._refuse_conflicts(review, [*keys, *rules], seen, what)
            before = self._current(cid, keys, rules)
            after = _state(review, keys, rules)
            if before == after:
                return
            for key in keys:
                self._write_decision(review, key)
            self._db.execute(
                "UPDATE reviews SET rules_off = ?, region_count = ?, decided_count = ? "
                "WHERE cable_id = ?",
                (_dump(sorted(review.rules_off)), review.region_count, review.decided_count, cid),
            )
            self._audit(reviewer, cid, what, *_changes(before, after))
            seen.update(sqlite_qc.versions(self._db, cid))
            changed = True

        self._retry(lambda: self._transaction(write))
        return changed

    def _refuse_conflicts(
        self, review: Review, keys: list[str], seen: dict[str, int], what: str
    ) -> None:
        """Refuse a change to what another process changed since this object read it."""
        if not keys:
            return
        cid = review.cable_id
        marks = ",".join("?" * len(keys))
        for key, version, who, at in self._db.execute(
            f"SELECT key, version, changed_by, changed_at FROM versions "
            f"WHERE cable_id = ? AND key IN ({marks})",
            (cid, *keys),
        ):
            if version != seen.get(key, 0):
                raise ConflictError(conflict_message(review, key, who, at, what))

    def _write_decision(self, review: Review, key: str) -> None:
        cid = review.cable_id
        d = review.decision(key)
        if d == PENDING:
            self._db.execute(
                "DELETE FROM region_decisions WHERE cable_id = ? AND region = ?", (cid, key)
            )
            return
        region = review.partition.get(key)
        self._db.execute(
            "INSERT OR REPLACE INTO region_decisions "
            "(cable_id, region, region_start, region_end, action, data) VALUES (?, ?, ?, ?, ?, ?)",
            (
                cid,
                key,
                region.start if region else None,
                region.end if region else None,
                d.action.value,
                _dump(decision_to_json(d)),
            ),
        )

    def _upsert_review(self, review: Review, replace: bool) -> None:
        now = _now()
        row = self._db.execute(
            "SELECT cable_hash FROM reviews WHERE cable_id = ?", (review.cable_id,)
        ).fetchone()
        regions = _dump([list(t) for t in review.partition.signature()])
        spans = [[r.start, r.end] for r in review.partition.regions if r.kind == "paragraph"]
        values = (
            review.cable_hash,
            review.paragraph_count,
            _dump(spans),
            regions,
            _dump(sorted(review.rules_off)),
            review.region_count,
            review.decided_count,
        )
        if row is None:
            self._db.execute(
                "INSERT INTO reviews (cable_hash, paragraph_count, paragraph_spans, regions, "
                "rules_off, region_count, decided_count, cable_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, review.cable_id, now, now),
            )
        elif replace:
            self._db.execute(
                "UPDATE reviews SET cable_hash = ?, paragraph_count = ?, paragraph_spans = ?, "
                "regions = ?, rules_off = ?, region_count = ?, decided_count = ?, "
                "updated_at = ? WHERE cable_id = ?",
                (*values, now, review.cable_id),
            )
        elif row[0] != review.cable_hash:
            raise TextChangedError(
                f"the saved review of {review.cable_id} was made for a different text of the "
                "cable, so this change was not saved: reopen the cable"
            )
        else:
            self._db.execute(
                "UPDATE reviews SET updated_at = ? WHERE cable_id = ?", (now, review.cable_id)
            )

    def _current(
        self, cid: str, keys: list[str] | None, rules: list[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """The stored state of some (or, with None, all) regions and rules, as JSON."""
        decided = {
            key: json.loads(data)
            for key, data in self._db.execute(
                "SELECT region, data FROM region_decisions WHERE cable_id = ?", (cid,)
            )
        }
        row = self._db.execute(
            "SELECT rules_off FROM reviews WHERE cable_id = ?", (cid,)
        ).fetchone()
        off = set(json.loads(row[0] or "[]")) if row else set()
        pending = decision_to_json(PENDING)
        if keys is not None:
            decided = {k: decided.get(k, pending) for k in keys}
        names = sorted(off) if rules is None else rules
        return {"regions": decided, "rules": {n: n not in off for n in names}}

    def _audit(
        self, reviewer: str, cid: str, what: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        self._db.execute(
            "INSERT INTO audit (at, reviewer, cable_id, what, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_now(), reviewer or "unknown", cid, what, _dump(before), _dump(after)),
        )

    def _transaction(self, work: Any) -> None:
        # Ask for the write lock without SQLite's busy handler: it sleeps in steps of up to
        # 100 ms and so can starve behind a busy writer for seconds (measured: 3.6 s behind a
        # writer in a loop); ``_retry`` polls every millisecond or two instead.
        self._db.execute("PRAGMA busy_timeout = 0")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            work()
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _retry(self, work: Any) -> None:
        """Run ``work``, waiting out other processes that hold the store's write lock."""
        deadline = time.monotonic() + WRITE_WAIT_S
        delay = 0.001
        while True:
            try:
                work()
                return
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy:
                    raise StoreError(f"cannot write the review store {self.path}: {exc}") from exc
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"the review store {self.path} stayed locked by another program for "
                        f"{WRITE_WAIT_S:.0f} seconds; nothing was saved: try again"
                    ) from exc
                # Short, jittered waits so two waiting writers do not retry in lock step.
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 1.1, 0.005)


def conflict_message(review: Review, key: str, who: str, at: str, what: str) -> str:
    """One sentence: who changed what, when; the change was not saved; the cable reloads.
    A region is named as the window names it (``naming``)."""
    cid = review.cable_id
    region = review.partition.get(key)
    if region is None and key.isdigit():  # a key written before regions: a paragraph index
        region = review.partition.get(f"p{key}")
    if region is not None:
        part = region.name
    elif key in RULES:
        part = f"the rule '{key}'"
    else:
        part = f"the {key.replace('_', ' ')} region"
    when = f" at {at[11:19]} UTC on {at[:10]}" if at else ""
    return (
        f"{who} changed {part} of {cid}{when}, after you opened it, so '{what}' was not "
        "saved: the cable has been reloaded with their decision"
    )


def _signature(
    regions_json: str | None, path: Path | None = None, cid: str = ""
) -> tuple[tuple[str, int, int], ...] | None:
    if not regions_json:
        return None
    try:
        return tuple((str(k), int(a), int(b)) for k, a, b in json.loads(regions_json))
    except (ValueError, TypeError) as exc:
        where = f"the regions of {cid}" if cid else "a stored list of regions"
        raise StoreError(damaged(path or Path("?"), f"{where} cannot be read: {exc}")) from None


def _state(review: Review, keys: list[str], rules: list[str]) -> dict[str, dict[str, Any]]:
    return {
        "regions": {k: decision_to_json(review.decision(k)) for k in keys},
        "rules": {n: n not in review.rules_off for n in rules},
    }


def _changes(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only what differs, so the audit log shows the change and not the whole review."""
    b: dict[str, Any] = {}
    a: dict[str, Any] = {}
    for part in ("regions", "rules"):
        keys = [k for k in after.get(part, {}) if before.get(part, {}).get(k) != after[part][k]]
        if keys:
            b[part] = {k: before.get(part, {}).get(k) for k in keys}
            a[part] = {k: after[part][k] for k in keys}
    return b, a


def open_store(path: str | Path | None = None) -> ReviewStore:
    """The store at ``path`` (a file or a ``postgresql://`` URL), or the user's default store.

    Kept here for callers of old; ``workbench.review.stores.open_store`` is the factory."""
    from workbench.review.stores import open_store as open_any

    return open_any(path)
