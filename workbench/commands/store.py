"""``workbench store``: set up a team's PostgreSQL store, copy a store, check it, set policy.

Issue 12 adds ``check`` and ``backup`` for SQLite stores beside these (one module per action
group would be next if this grows).
"""

from __future__ import annotations

import argparse
import sys

from workbench.commands.common import fail

HELP = "review stores: set up a team's PostgreSQL store, copy one into another, check, policy"
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
        help="check that a PostgreSQL store still guards its audit log",
        description="Check the schema version, the triggers that keep the audit log "
        "append-only and the names honest, the roles, and that nobody may change audit entries.",
    )
    q.add_argument("url", metavar="URL", help="postgresql://HOST/DATABASE")
    q.set_defaults(_store=_check)


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

    problems = check(_url(args.url))
    for problem in problems:
        print(f"workbench: {display(args.url)}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{display(args.url)}: ok")
    return 1 if problems else 0
