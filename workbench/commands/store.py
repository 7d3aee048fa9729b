"""``workbench store``: set up a team's PostgreSQL store, copy a store, check it, back it up,
set policy.

``check`` takes a SQLite path or a PostgreSQL URL: a file gets SQLite's page check, the schema
compared with what the migrations make, the audit log and its triggers, and every row read
(``review.store_check``, issue 12); a URL gets the PostgreSQL checks (``pg_connect.check``,
issue 17). ``backup`` copies a SQLite store in use into a new single file.
"""

from __future__ import annotations

import argparse
import errno
import sqlite3
import sys
from pathlib import Path

from workbench.commands.common import fail

HELP = (
    "review stores: check one for damage, back it up, set up a team's PostgreSQL store, copy "
    "one into another, policy"
)
DESCRIPTION = (
    "A store is an SQLite file or a PostgreSQL URL such as postgresql://server/workbench "
    "(passwords come from ~/.pgpass, PGPASSWORD or a service file, never the URL). "
    "See 'A review team on PostgreSQL' in docs/guide.md."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)

    q = sub.add_parser(
        "init",
        help="set up (or upgrade) a review store in a PostgreSQL database",
        description="Create the store's roles (DB_reviewer, DB_qc, DB_admin, DB_owner) and its "
        "schema in the existing database of URL, or bring its schema up to date. Run it as the "
        "database administrator.",
    )
    q.add_argument("url", metavar="URL", help="postgresql://HOST/DATABASE")
    q.set_defaults(_store=_init)

    q = sub.add_parser(
        "copy",
        help="copy a whole store, audit log included, into a new one, and check the copy",
        description="Copy every review, decision, audit entry, QC step and the release policy "
        "of SRC into DST, which must be empty (a new SQLite file, or a PostgreSQL store just set "
        "up with `store init`; copying into PostgreSQL needs the case administrator's role). "
        "Names and times are kept; the copy is compared with SRC before it is committed.",
    )
    q.add_argument("src", metavar="SRC", help="the store to copy (path or URL)")
    q.add_argument("dst", metavar="DST", help="the new store (path or URL)")
    q.set_defaults(_store=_copy)

    q = sub.add_parser(
        "policy",
        help="show or set whether release export needs QC approval",
        description="Without options, print the store's release policy. --require-qc makes "
        "release export (workbench export) refuse cables a QC reviewer has not approved; "
        "--no-require-qc lifts that. In a PostgreSQL store only the case administrator may set it.",
    )
    add = q.add_mutually_exclusive_group()
    add.add_argument("--require-qc", dest="require", action="store_true", default=None)
    add.add_argument("--no-require-qc", dest="require", action="store_false")
    q.add_argument("--store", metavar="PATH|URL", help="the store (default: your default store)")
    q.add_argument(
        "--reviewer", metavar="NAME", help="name for a SQLite store (PostgreSQL: your role)"
    )
    q.set_defaults(_store=_policy)

    q = sub.add_parser(
        "check",
        help="say whether a review store is damaged or no longer guards its audit log",
        description="A SQLite store: check its pages (SQLite's integrity_check), that its "
        "schema is one the workbench wrote, that the audit log and the triggers that keep it "
        "append-only are there as made, and that every stored decision and audit entry can be "
        "read; nothing is written. A PostgreSQL URL: check the schema version, the triggers "
        "that keep the audit log append-only and the names honest, the roles, and that nobody "
        "may change audit entries. Exit 0 when nothing is wrong, 1 otherwise.",
    )
    q.add_argument(
        "url", nargs="?", metavar="STORE", help="path or postgresql://HOST/DATABASE (or --store)"
    )
    q.add_argument("--store", metavar="PATH|URL", help="the store (default: your default store)")
    q.set_defaults(_store=_check)

    q = sub.add_parser(
        "backup",
        help="copy a SQLite review store into a new file, safely while it is in use",
        description="Copy the store (it is checked first) as one consistent snapshot into OUT, "
        "a single file written whole or not at all, and check the copy. OUT may replace an "
        "earlier backup of the same store, never another store's backup, the store itself or "
        "another kind of file. SRC OUT in that order, as `store copy SRC DST` takes them; "
        "with OUT alone the store is --store, or your default store. (For PostgreSQL use "
        "`workbench store copy URL FILE`, or pg_dump.)",
        usage="%(prog)s [-h] [--store PATH] [SRC] OUT",
    )
    # Two positionals, the first optional: `backup OUT` (the older form, with --store) and
    # `backup SRC OUT` (the order of `store copy SRC DST`, which people typed and got an
    # argparse error for).
    q.add_argument("first", metavar="SRC", help="the store to back up (or --store)")
    q.add_argument("out", metavar="OUT", nargs="?", help="the backup file to write")
    q.add_argument("--store", metavar="PATH", help="the store (default: your default store)")
    q.set_defaults(_store=_backup)


def run(args: argparse.Namespace) -> int:
    from workbench.review import ReviewError

    try:
        return int(args._store(args))
    except ReviewError as exc:
        return fail(str(exc), 1)


def _url(value: str) -> str:
    from workbench.review import ReviewError
    from workbench.review.stores import is_url

    if not is_url(value):
        raise ReviewError(f"{value} is not a PostgreSQL URL: give postgresql://HOST/DATABASE")
    return value


def _init(args: argparse.Namespace) -> int:
    from workbench.review.pg_connect import display, initialise

    for line in initialise(_url(args.url)):
        print(f"{display(args.url)}: {line}")
    return 0


def _copy(args: argparse.Namespace) -> int:
    from workbench.review.store_copy import copy_store

    print(copy_store(args.src, args.dst))
    return 0


def _policy(args: argparse.Namespace) -> int:
    from workbench.review.stores import open_existing, open_store
    from workbench.settings import reviewer_name

    if args.require is None:
        with open_existing(args.store) as store:
            needed = store.requires_qc()
            where = store.location
        print(f"{where}: release export {'requires' if needed else 'does not require'} QC approval")
        return 0
    with open_store(args.store) as store:
        store.set_requires_qc(args.require, store.identity(reviewer_name(args.reviewer)))
        print(
            f"{store.location}: release export now "
            f"{'requires' if args.require else 'does not require'} QC approval"
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from workbench.review.pg_connect import check, display
    from workbench.review.stores import is_url, resolve

    spec = resolve(args.url or args.store)
    if not is_url(spec):
        return _check_sqlite(Path(spec))
    problems = check(_url(spec))
    for problem in problems:
        print(f"workbench: {display(spec)}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{display(spec)}: ok")
    return 1 if problems else 0


def _check_sqlite(path: Path) -> int:
    from workbench.review.store_check import check_store_file

    report = check_store_file(path)
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            print(f"PROBLEM: {problem}")
        n = len(report.problems)
        if report.problems[0].startswith("it is not an SQLite database"):
            # A PNG given by mistake and a store whose first page was overwritten look alike.
            return fail(
                f"{path} is not an SQLite database: give the path of a review store; if it was "
                "your review store, it is damaged beyond repair: restore it from a backup",
                1,
            )
        return fail(
            f"the review store {path} has {n} problem{'s' if n != 1 else ''}: stop using it "
            "and restore it from a backup (`workbench store backup` makes them)",
            1,
        )
    print(f"{path}: no problems found")
    return 0


def _write_failure(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) or (
        "full" in str(exc) or "I/O" in str(exc)
    )


def _backup_failed(target: Path, exc: sqlite3.OperationalError) -> str:
    from workbench.safeio.writing import cannot_write

    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "full" in str(exc):
        return cannot_write(str(target), OSError(errno.ENOSPC, "disk full"))
    if code == sqlite3.SQLITE_IOERR or "I/O" in str(exc):
        return cannot_write(str(target), OSError(errno.EIO, "I/O error"))
    return f"cannot write {target}: {exc}; choose another file name or folder."


# The append-only logs that say which store a file is a state of, and their columns.
_LOGS = {
    "audit": "id, at, reviewer, cable_id, what, before, after",
    "case_log": "id, case_number, at, reviewer, what, data",
}


def _same_history(store: str, backup: Path) -> bool:
    """Whether ``backup`` holds an earlier state of ``store``: the first and last entries of its
    audit log and of its case log are the store's entries with those numbers. The logs are
    append-only, so an earlier backup of the same store (or of a `store copy` of it) agrees and
    another store's does not. A file whose logs cannot be read is not taken for a backup."""
    import sqlite3

    def ends(db: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
        return db.execute(
            f"SELECT {_LOGS[table]} FROM {table} WHERE id IN (SELECT min(id) FROM {table} "
            f"UNION SELECT max(id) FROM {table}) ORDER BY id"
        ).fetchall()

    def these(db: sqlite3.Connection, table: str, ids: list[int]) -> list[tuple[object, ...]]:
        marks = ", ".join("?" * len(ids))
        return db.execute(
            f"SELECT {_LOGS[table]} FROM {table} WHERE id IN ({marks}) ORDER BY id", ids
        ).fetchall()

    try:
        old = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        now = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            for table in _LOGS:
                want = ends(old, table)
                if these(now, table, [int(str(r[0])) for r in want]) != want:
                    return False
            return True
        finally:
            old.close()
            now.close()
    except sqlite3.Error:
        return False


def _backup(args: argparse.Namespace) -> int:
    from workbench.review.store import SqliteStore
    from workbench.review.store_api import StoreError
    from workbench.review.stores import is_url, resolve
    from workbench.safeio import OutputError, atomic_path, check_target
    from workbench.safeio.writing import SQLITE_MAGIC

    if args.out is None:  # `backup OUT`
        args.out = args.first
    elif args.store is not None:
        return fail(
            f"give the store once: as SRC ({args.first}) or as --store ({args.store}), not both",
            2,
        )
    else:
        args.store = args.first
    spec = resolve(args.store)
    if is_url(spec):
        return fail(
            "store backup copies a SQLite store; for PostgreSQL use `workbench store copy URL "
            "FILE` (or pg_dump)",
            2,
        )
    with SqliteStore(spec, create=False) as store:
        target = check_target(args.out, allow_store=True)
        if target.exists():
            with open(target, "rb") as f:
                if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    raise OutputError(
                        f"cannot write {target}: it exists and is not an earlier backup (not an "
                        "SQLite file); choose another file name."
                    )
            if not _same_history(spec, target):
                raise OutputError(
                    f"cannot write {target}: it is a backup of another review store (its audit "
                    f"log is not {spec}'s), which this would replace; choose another file name, "
                    "or delete it first if it is no longer wanted."
                )
        with atomic_path(target, allow_store=True) as tmp:
            try:
                store.backup_to(tmp)
            except StoreError as exc:
                # SQLite reports a full or failing disk under the backup as the store's error
                # (the store was checked on opening): it is the backup that cannot be written.
                cause = exc.__cause__
                if isinstance(cause, sqlite3.OperationalError) and _write_failure(cause):
                    raise OutputError(_backup_failed(target, cause)) from None
                raise
        n = len(store.reviews())
    print(f"backed up {spec} to {target} ({n} review{'s' if n != 1 else ''}, checked)")
    return 0
