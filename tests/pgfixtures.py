"""PostgreSQL fixtures for every test folder (a pytest plugin, named in tests/conftest.py):
a throwaway server of the tests' own (``pg_cluster``), a fresh store database on it with the
test logins in its roles (``pg_db``), and ``make_store``, which runs a test on both stores.
Skipped only where PostgreSQL is not installed."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pgcluster
import pytest

from workbench.review.store_api import ReviewStore

# Login roles the PostgreSQL tests connect as; each test's database grants them its roles.
PEOPLE = {"alice": "reviewer", "bob": "reviewer", "quinn": "qc", "carol": "admin"}
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.Cluster]:
    """One PostgreSQL server for the whole run; skipped only where PostgreSQL is absent."""
    bindir = pgcluster.find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (initdb not found)")
    cluster = pgcluster.Cluster(bindir).start()
    try:
        cluster.psql(
            "postgres",
            "".join(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}';" for name in PEOPLE),
        )
        yield cluster
    finally:
        cluster.stop()


class PgDatabase:
    """A fresh database on the test server, set up by `store init`, with PEOPLE in its roles."""

    def __init__(self, cluster: pgcluster.Cluster) -> None:
        from workbench.review.pg_connect import initialise

        self.cluster = cluster
        self.name = f"store{next(_databases)}"
        cluster.psql("postgres", f"CREATE DATABASE {self.name}")
        initialise(cluster.url(self.name))
        cluster.psql(
            self.name,
            "".join(f"GRANT {self.name}_{role} TO {who};" for who, role in PEOPLE.items()),
        )

    def url(self, who: str = "alice") -> str:
        return self.cluster.url(self.name, who)


@pytest.fixture
def pg_db(pg_cluster: pgcluster.Cluster) -> PgDatabase:
    return PgDatabase(pg_cluster)


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[str], ReviewStore]]:
    """``make_store(who)``: a new connection to one store, as reviewer ``who``.

    The same test runs on both stores. In SQLite ``who`` is only the name passed with each
    change; in PostgreSQL it is the role that logs in, and the database records it.
    """
    from workbench.review.stores import open_store

    if request.param == "sqlite":
        path = tmp_path / "reviews.sqlite3"
        spec: Callable[[str], str] = lambda who: str(path)  # noqa: E731
    else:
        db = PgDatabase(request.getfixturevalue("pg_cluster"))
        spec = db.url
    opened: list[ReviewStore] = []

    def make(who: str = "alice") -> ReviewStore:
        store = open_store(spec(who))
        opened.append(store)
        return store

    make.kind = request.param  # type: ignore[attr-defined]
    make.spec = spec  # type: ignore[attr-defined]
    yield make
    for store in opened:
        store.close()
