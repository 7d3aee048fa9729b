"""Does an SQLite file hold a sound review store? The checks behind opening and ``store check``.

The audit log is the evidence of who decided what, so a store whose pages are damaged, whose
audit table or append-only triggers are gone or changed, or whose schema is not one this
version wrote, must stop the work rather than be read (and written) as if it were sound.

The expected schema is not written out a second time: it is what the migrations of
``sqlite_schema.py`` create, applied to an empty database in memory and compared object by
object (tables, indexes, triggers, with their SQL) with the file's ``sqlite_master``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from functools import cache
from pathlib import Path
from typing import Any

from workbench.review.sqlite_schema import MIGRATIONS, SCHEMA_VERSION

# What each object is for, so a problem says why it matters.
_WHY = {
    "audit": "the audit log of who decided what",
    "audit_no_update": "the trigger that keeps the audit log from being changed",
    "audit_no_delete": "the trigger that keeps the audit log from being erased",
    "reviews": "the table of reviews",
    "decisions": "the table of decisions",
    "field_redactions": "the table of withheld header fields",
    "audit_by_cable": "the index of the audit log by cable",
}


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip()).replace("( ", "(").replace(" )", ")")


def schema_of(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """``(type, name) -> SQL`` of every object the workbench may have made."""
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(t, n): _normal(sql) for t, n, sql in rows}


@cache
def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """The objects a store at schema ``version`` has: its migrations run on an empty database."""
    db = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            for statement in step:
                db.execute(statement)
        return schema_of(db)
    finally:
        db.close()


def _label(kind: str, name: str) -> str:
    why = _WHY.get(name)
    return f"the {kind} {name}" + (f" ({why})" if why else "")


def schema_problems(db: sqlite3.Connection, version: int) -> list[str]:
    """What differs from the schema ``version`` describes; empty when it is exactly that.

    Version 0 with no objects is a new, empty store (it is migrated on first use).
    """
    actual = schema_of(db)
    if version == 0:
        if not actual:
            return []
        names = ", ".join(sorted(n for t, n in actual if t == "table")[:5]) or "other objects"
        return [f"it is an SQLite database of some other program (it holds {names})"]
    if version > SCHEMA_VERSION:
        return [
            f"it was written by a newer version of the workbench (schema {version}; this "
            f"version knows up to {SCHEMA_VERSION})"
        ]
    expected = expected_schema(version)
    problems = []
    for key, sql in expected.items():
        if key not in actual:
            problems.append(f"{_label(*key)} is missing")
        elif actual[key] != sql:
            problems.append(f"{_label(*key)} is not as the workbench made it")
    for key in sorted(set(actual) - set(expected)):
        problems.append(f"it holds {key[0]} {key[1]}, which the workbench never made")
    return problems


def page_problems(db: sqlite3.Connection, full: bool = False, limit: int = 20) -> list[str]:
    """SQLite's own check of the file's pages (``quick_check``, or ``integrity_check``, which
    also compares every index with its table)."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [str(r[0]) for r in db.execute(f"PRAGMA {pragma}({int(limit)})")]
    if rows == ["ok"]:
        return []
    # A row may span lines, led by "*** in database main ***": one finding per line of it.
    lines = [line.strip() for r in rows for line in r.splitlines()]
    return [f"damaged: {line}" for line in lines if line and not line.startswith("***")]


# JSON columns of each table (a schema version may lack some tables or columns; those that
# exist are read), and the reader that must accept a decision row.
_JSON_COLUMNS = {
    "region_decisions": ("data",),
    "decisions": ("data",),
    "field_redactions": ("data",),
    "reviews": ("paragraph_spans", "regions", "rules_off"),
    "audit": ("before", "after"),
}
_DECISION_TABLES = {"region_decisions", "decisions"}
# How a row is named in a finding (some tables have no rowid).
_ROW_NAME = {
    "audit": "'audit entry ' || id",
    "region_decisions": "'region ' || region",
    "decisions": "'paragraph ' || paragraph",
    "field_redactions": "'field ' || field",
    "reviews": "'review'",
}


def row_problems(db: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Rows whose JSON payload cannot be read (``store check`` only: it reads every row)."""
    from workbench.review.jsonform import decision_from_json

    problems: list[str] = []
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, wanted in _JSON_COLUMNS.items():
        if table not in tables:
            continue
        present = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        for column in (c for c in wanted if c in present):
            key = _ROW_NAME.get(table, "cable_id")
            sql = f"SELECT cable_id, {key}, {column} FROM {table} WHERE {column} IS NOT NULL"
            for cid, where, data in db.execute(sql):
                try:
                    obj = json.loads(data)
                    if table in _DECISION_TABLES:
                        decision_from_json(obj)
                except Exception as exc:  # any failure to read the row is the finding
                    problems.append(
                        f"damaged row: {cid} {table}.{column} ({where}) cannot be read ({exc})"
                    )
                    if len(problems) >= limit:
                        return problems
    for row in db.execute("PRAGMA foreign_key_check"):
        problems.append(f"damaged row: {row[0]} row {row[1]} refers to a review that is not there")
        if len(problems) >= limit:
            break
    return problems


class Report:
    """What ``workbench store check`` found: facts worth showing, and problems."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.problems: list[str] = []


def check_store_file(path: Path) -> Report:
    """Every check on the SQLite store at ``path``, reading only (``query_only``: a check
    never changes the store it judges)."""
    from workbench.review.store_api import StoreError
    from workbench.safeio import file_kind

    report = Report()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise StoreError(
            f"there is no review store at {path}: check the path (a store is created only when "
            "decisions are saved into it)"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"the review store {path} cannot be used ({exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path} is {file_kind(st.st_mode)}, not a review store")
    with open(path, "rb") as f:
        head = f.read(16)
    if st.st_size and head != b"SQLite format 3\x00":
        report.problems.append("it is not an SQLite database (its first bytes are not SQLite's)")
        return report
    try:
        # Not mode=ro: a read-only connection to a WAL store leaves its -wal and -shm files
        # behind. query_only refuses every write instead, so the check changes nothing.
        db = sqlite3.connect(str(path))
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise StoreError(f"the review store {path} cannot be opened ({exc})") from None
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        report.lines.append(f"{path}: schema {version} (this workbench writes {SCHEMA_VERSION})")
        report.problems += page_problems(db, full=True)
        schema = schema_problems(db, version)
        report.problems += schema
        if version and not schema:
            report.problems += row_problems(db)
            counts = [
                (db.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table)
                for table in ("reviews", "audit")
            ]
            reviews, entries = (n for n, _ in counts)
            report.lines.append(
                f"{reviews} review{'s' if reviews != 1 else ''}, "
                f"{entries} audit entr{'ies' if entries != 1 else 'y'}"
            )
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"damaged: {exc}")
    finally:
        db.close()
    return report


# -- on opening (SqliteStore) ----------------------------------------------------------------
# Stores already found sound by this process (device, inode, size, modification time): the
# page check reads the whole file, and export opens the store once per cable.
_checked: set[tuple[int, int, int, int]] = set()


def _identity(path: Path) -> tuple[int, int, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0, 0, 0)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def damaged(path: Path, detail: str) -> str:
    """The sentence for a damaged store."""
    return (
        f"the review store {path} is damaged ({detail}): stop using it, run `workbench store "
        f"check --store {path}` for the details, and restore it from a backup"
    )


def read_json(data: Any, path: Path, cid: str, what: str) -> Any:
    """A row's JSON payload, or a sentence saying which row of which store is damaged."""
    from workbench.review.store_api import StoreError

    try:
        return json.loads(data)
    except (ValueError, TypeError) as exc:
        raise StoreError(damaged(path, f"the {what} of {cid} cannot be read: {exc}")) from None


def check_on_open(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse (:class:`StoreError`) a store that is damaged, lacks its audit log or is not a
    review store at all, before anything is read from it or written to it."""
    from workbench.review.store_api import StoreError

    problems = schema_problems(db, version)
    if problems and version == 0:
        raise StoreError(f"{path} is not a review store ({problems[0]}): give another --store path")
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise StoreError(
            f"the review store {path} is damaged: {problems[0]}{more}; stop using it and run "
            f"`workbench store check --store {path}`, then restore it from a backup"
        )
    key = _identity(path)
    if key in _checked:
        return
    pages = page_problems(db, limit=3)
    if pages:
        raise StoreError(damaged(path, pages[0].removeprefix("damaged: ")))
    _checked.add(key)
