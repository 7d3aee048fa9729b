"""Connecting to a PostgreSQL review store: URLs, passwords, errors in one sentence; set-up.

Passwords never come from the workbench: libpq reads them from ``~/.pgpass`` (or
``PGPASSFILE``), ``PGPASSWORD``, or a connection service file (``PGSERVICE`` /
``?service=NAME``), and honours ``sslmode`` in the URL or ``PGSSLMODE``. A URL that carries a
password is refused: it would stand in shell history, the process list and the settings file.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from workbench.review.pg_schema import MIGRATIONS, ROLE_SUFFIXES, SCHEMA, SCHEMA_VERSION
from workbench.review.store_api import StoreError

URL_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10
# Role names derive from the database name; keep it to what needs no quoting anywhere.
DBNAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def is_url(spec: str | None) -> bool:
    return bool(spec) and str(spec).startswith(URL_SCHEMES)


def check_url(url: str) -> None:
    """Refuse a URL with a password in it, in one sentence saying where passwords go."""
    parts = urlsplit(url)
    if parts.password is not None or re.search(r"(^|&)password=", parts.query):
        raise StoreError(
            "the store URL carries a password, which would be kept in shell history and "
            "settings: remove it and put the password in ~/.pgpass, PGPASSWORD or a "
            "PostgreSQL service file instead"
        )


def display(url: str) -> str:
    """The URL as shown to users: without user info or other query options, but with the
    server's host and port wherever the URL gives them (newcomer 5, finding 11: a socket
    directory and port in the query, ``?host=/tmp/pg&port=55435``, were shown as
    ``localhost``, so an administrator with two servers could not tell which was set up)."""
    from urllib.parse import parse_qs, urlencode

    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    given = parse_qs(parts.query)
    kept: dict[str, str] = {k: given[k][-1] for k in ("host", "port") if k in given}
    if not host and not kept:
        host = "localhost"
    query = f"?{urlencode(kept, safe='/')}" if kept else ""
    return f"{parts.scheme}://{host}{parts.path}{query}"


def role_names(dbname: str) -> dict[str, str]:
    return {suffix: f"{dbname}_{suffix}" for suffix in ROLE_SUFFIXES}


def connect(url: str, **options: Any) -> Any:
    """A psycopg connection to ``url`` (autocommit; callers open transactions themselves)."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise StoreError(
            "this workbench was installed without PostgreSQL support (psycopg): reinstall it "
            "with its dependencies to use a postgresql:// store"
        ) from exc
    check_url(url)
    try:
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="workbench",
            options=f"-c search_path={SCHEMA}",
            **options,
        )
    except psycopg.OperationalError as exc:
        raise StoreError(
            f"cannot connect to the review store {display(url)} ({_why(exc)}): {_advice(exc)}"
        ) from exc


def _why(exc: Exception) -> str:
    """libpq's reason on one line: its first line says what failed (the lines after it are a
    tab-indented hint that the advice below replaces)."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
    return lines[0].removeprefix("connection failed: ") if lines else type(exc).__name__


def _advice(exc: Exception) -> str:
    """What to do, for the kind of failure libpq reports (its English messages)."""
    text = str(exc)
    if "database" in text and "does not exist" in text:
        return (
            "ask the store's administrator for the database's name (a store is set up in an "
            "existing database with `workbench store init URL`)"
        )
    if "password" in text or "authentication" in text:
        return "give the password in ~/.pgpass, PGPASSWORD or a service file (never in the URL)"
    if "refused" in text or "timeout" in text or "resolve host" in text or "translate host" in text:
        return "check the server name and port, and that the server is running"
    return (
        "check the server name and that it is running, and give the password in ~/.pgpass, "
        "PGPASSWORD or a service file"
    )


def initialise(url: str) -> list[str]:
    """Create the store's roles and schema in an existing database, or migrate it; return what
    was done. Run by a database administrator (a role that may create roles)."""
    import psycopg
    from psycopg import sql

    done: list[str] = []
    with connect(url) as conn:
        dbname = conn.execute("SELECT current_database()").fetchone()[0]
        if not DBNAME.match(dbname):
            raise StoreError(
                f"the database is named {dbname!r}: give the store's database a name of "
                "lower-case letters, digits and underscores (its roles are named after it)"
            )
        roles = role_names(dbname)
        try:
            with conn.transaction():
                for suffix in ROLE_SUFFIXES:
                    name = roles[suffix]
                    exists = conn.execute(
                        "SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)
                    ).fetchone()
                    if not exists:
                        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
                        done.append(f"created the role {name}")
                # A QC reviewer is a reviewer who may also approve and return.
                conn.execute(
                    sql.SQL("GRANT {} TO {}").format(
                        sql.Identifier(roles["reviewer"]), sql.Identifier(roles["qc"])
                    )
                )
                me = conn.execute("SELECT current_user").fetchone()[0]
                conn.execute(
                    sql.SQL("GRANT {} TO {}").format(
                        sql.Identifier(roles["owner"]), sql.Identifier(me)
                    )
                )
                # No ADMIN OPTION for the case administrator: before PostgreSQL 16 it makes the
                # holder a member, and so a reviewer and QC reviewer too. Logins and grants are
                # the database administrator's (see the guide).
                has_schema = conn.execute(
                    "SELECT 1 FROM pg_namespace WHERE nspname = %s", (SCHEMA,)
                ).fetchone()
                if not has_schema:
                    conn.execute(
                        sql.SQL("CREATE SCHEMA {} AUTHORIZATION {}").format(
                            sql.Identifier(SCHEMA), sql.Identifier(roles["owner"])
                        )
                    )
                    done.append(f"created the schema {SCHEMA}")
                conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(roles["owner"])))
                conn.execute(f"SET LOCAL search_path = {SCHEMA}")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
                conn.execute("LOCK TABLE meta IN EXCLUSIVE MODE")  # two inits at once
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row else 0
                if version > SCHEMA_VERSION:
                    raise StoreError(newer_message(display(url), version))
                names = {k: sql.Identifier(v).as_string(conn) for k, v in roles.items()}
                names |= {f"{k}_name": v for k, v in roles.items()}
                for step in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step]:
                        conn.execute(statement.format(**names))
                    done.append(f"applied schema step {step + 1}")
                conn.execute(
                    "INSERT INTO meta VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (str(SCHEMA_VERSION),),
                )
                conn.execute("GRANT SELECT ON meta TO {reviewer}, {admin}".format(**names))
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StoreError(
                f"cannot set up the review store {display(url)}: {exc.diag.message_primary}; "
                "run `workbench store init` as a database administrator (a role with CREATEROLE "
                "that owns the database)"
            ) from exc
    return done or [f"the store is up to date (schema {SCHEMA_VERSION})"]


def newer_message(where: str, version: int) -> str:
    return (
        f"the review store {where} was written by a newer version of the workbench (schema "
        f"{version}; this version knows up to {SCHEMA_VERSION}): update the workbench, or use "
        "another --store"
    )


# Objects whose absence means the store no longer protects its audit log (checked by
# `workbench store check`).
GUARDS = {
    "trigger": [
        "audit_stamp",
        "audit_no_update",
        "audit_no_truncate",
        "qc_no_update",
        "qc_no_truncate",
        "regions_no_delete",
        "regions_no_truncate",
        "regions_stamp",
        "regions_audited",
        "qc_check",
        "rules_audited",
        "rules_after_approval",
    ],
}


def guard_problems(conn: Any) -> list[str]:
    """The audit log's own table and guarding triggers, missing or disabled (one sentence
    each): checked on every opening of a team store, as SQLite's are (issue 12)."""
    problems = []
    if conn.execute("SELECT to_regclass('workbench.audit')").fetchone()[0] is None:
        problems.append("the table audit (the audit log of who decided what) is missing")
    present = {
        name
        for (name,) in conn.execute(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'workbench' AND t.tgenabled <> 'D'"
        )
    }
    for name in GUARDS["trigger"]:
        if name not in present:
            problems.append(f"the trigger {name} is missing or disabled: the log is unguarded")
    return problems


def check(url: str) -> list[str]:
    """Problems with a PostgreSQL store, one sentence each (empty: all is well)."""
    problems: list[str] = []
    with connect(url) as conn:
        dbname = conn.execute("SELECT current_database()").fetchone()[0]
        roles = role_names(dbname)
        row = conn.execute(
            "SELECT value FROM workbench.meta WHERE key = 'schema_version'"
        ).fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            problems.append(
                f"the schema is at version {row[0] if row else 'none'}, not {SCHEMA_VERSION}: "
                "run `workbench store init URL` as the database administrator"
            )
        problems += guard_problems(conn)
        for suffix, name in roles.items():
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                problems.append(f"the {suffix} role {name} is missing")
        # Nobody but the owner may change or remove audit entries.
        writers = conn.execute(
            "SELECT DISTINCT grantee FROM information_schema.role_table_grants "
            "WHERE table_schema = 'workbench' AND table_name IN ('audit', 'qc_events') "
            "AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee <> %s",
            (roles["owner"],),
        ).fetchall()
        for (grantee,) in writers:
            problems.append(f"{grantee} may change or remove audit entries: revoke that")
    return problems
