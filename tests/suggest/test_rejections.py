"""Rejected suggestions are kept in the review store and not proposed again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cables import MIXED
from cli import run_workbench

from workbench.review.case_records import CaseRecord
from workbench.review.model import ReviewError
from workbench.review.store import SqliteStore
from workbench.suggest.rejections import load_rejections, reject, unreject


def _texts(r) -> list[str]:  # type: ignore[no-untyped-def]
    assert r.returncode == 0, r.stderr
    return [s["text"] for line in r.stdout.splitlines() for s in json.loads(line)["suggestions"]]


def test_a_rejection_holds_in_its_case_for_every_cable(tmp_path: Path) -> None:
    store_path = tmp_path / "reviews.sqlite3"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MIXED)
    with SqliteStore(store_path) as store:
        reject(store, "kowalczyk", "person", "alice", case_id="F-2026-00001")
        # `--case N` names a case of the store (issue 15): an unknown number is refused.
        for number in ("F-2026-00001", "F-2026-00002"):
            store.create_case(CaseRecord(number, "test"), "alice")
    args = ("suggest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(store_path))
    in_case = _texts(run_workbench(*args, "--case", "F-2026-00001"))
    assert "Kowalczyk" not in in_case and "Lindqvist" in in_case
    assert "Kowalczyk" in _texts(run_workbench(*args))  # outside the case it is proposed
    assert "Kowalczyk" in _texts(run_workbench(*args, "--case", "F-2026-00002"))


def test_without_a_case_a_rejection_holds_for_its_cable(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.sqlite3") as store:
        reject(store, "Jan Kowalczyk", "person", "alice", cable_id="RIVERTON 000001")
        got = load_rejections(store, "")
        assert got.for_cable("RIVERTON 000001") == {"jan kowalczyk"}
        assert got.for_cable("OTHER") == frozenset()
        unreject(store, "Jan Kowalczyk", "person", "alice", cable_id="RIVERTON 000001")
        assert load_rejections(store, "").for_cable("RIVERTON 000001") == frozenset()
        assert store.schema_version >= 5


def test_both_stores_keep_rejections_and_postgresql_names_the_login(make_store) -> None:  # type: ignore[no-untyped-def]
    """A team on PostgreSQL must not see a rejected suggestion come back either: the same
    calls on both stores (``make_store`` runs the test on each), read back by another
    reviewer's connection."""
    alice = make_store("alice")
    reject(alice, "Jan Kowalczyk", "person", "alice", case_id="F-2026-00001")
    reject(alice, "+48 22 555 0101", "contact", "alice", cable_id="RIVERTON 000001")
    bob = make_store("bob")
    in_case = load_rejections(bob, "F-2026-00001")
    assert in_case.for_cable("ANY CABLE") == {"jan kowalczyk"}
    outside = load_rejections(bob, "")
    assert outside.for_cable("RIVERTON 000001") == {"+48 22 555 0101"}
    assert outside.for_cable("OTHER") == frozenset()
    rows = bob.suggestion_rejections("F-2026-00001")
    assert [(r[1], r[2], r[3]) for r in rows] == [("person", "Jan Kowalczyk", "alice")]
    # The same text rejected again (by bob) is one rejection; undone, it is proposed again.
    reject(bob, "JAN  KOWALCZYK", "person", "bob", case_id="F-2026-00001")
    assert len(alice.suggestion_rejections("F-2026-00001")) == 1
    unreject(bob, "Jan Kowalczyk", "person", "bob", case_id="F-2026-00001")
    assert load_rejections(alice, "F-2026-00001").for_cable("ANY CABLE") == frozenset()


def test_on_postgresql_the_login_not_the_argument_is_recorded(pg_db) -> None:  # type: ignore[no-untyped-def]
    from workbench.review.pg_store import PgStore

    with PgStore(pg_db.url("bob")) as bob:
        reject(bob, "Lindqvist", "person", "mallory", cable_id="RIVERTON 000001")
        (row,) = bob.suggestion_rejections("")
    assert row[:4] == ("RIVERTON 000001", "person", "Lindqvist", "bob")
    assert row[4].endswith("Z")
    # The case administrator reads rejections but does not make them.
    with PgStore(pg_db.url("carol")) as carol:
        assert len(carol.suggestion_rejections("")) == 1
        with pytest.raises(ReviewError, match="may not do that"):
            reject(carol, "Kowalczyk", "person", "carol", cable_id="RIVERTON 000001")


def test_store_copy_carries_rejections_both_ways(pg_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`workbench store copy` moved reviews, audit and cases but left every rejection behind,
    so a team moving to the server saw rejected names proposed again. Who rejected each and
    when travel with it, SQLite -> PostgreSQL -> SQLite."""
    from workbench.review.pg_store import PgStore
    from workbench.review.store_copy import copy_store

    src = tmp_path / "office.sqlite3"
    with SqliteStore(src) as store:
        reject(store, "Jan Kowalczyk", "person", "alice", case_id="F-2026-00001")
        reject(store, "+48 22 555 0101", "contact", "dora", cable_id="RIVERTON 000001")
        before = sorted(store.suggestion_rejections("F-2026-00001")) + sorted(
            store.suggestion_rejections("")
        )
    line = copy_store(str(src), pg_db.url("carol"))
    assert ", 2 rejected suggestions from " in line and line.endswith("; the copy matches"), line
    with PgStore(pg_db.url("bob")) as bob:
        on_server = sorted(bob.suggestion_rejections("F-2026-00001")) + sorted(
            bob.suggestion_rejections("")
        )
        assert [r[:4] for r in on_server] == [r[:4] for r in before]  # "alice", "dora" kept
        assert [r[4][:19] for r in on_server] == [r[4][:19] for r in before]
        assert load_rejections(bob, "F-2026-00001").for_cable("ANY") == {"jan kowalczyk"}
        reject(bob, "Lindqvist", "person", "bob", case_id="F-2026-00001")  # the team goes on
    # Outside a copy the case administrator still rejects nothing.
    with PgStore(pg_db.url("carol")) as carol, pytest.raises(ReviewError, match="may not do that"):
        reject(carol, "Kowalczyk", "person", "carol", cable_id="RIVERTON 000001")
    back = tmp_path / "back.sqlite3"
    assert ", 3 rejected suggestions from " in copy_store(pg_db.url("carol"), str(back))
    with SqliteStore(back) as copy:
        got = {(r[1], r[2], r[3]) for r in copy.suggestion_rejections("F-2026-00001")}
        assert got == {("person", "Jan Kowalczyk", "alice"), ("person", "Lindqvist", "bob")}
        assert load_rejections(copy, "").for_cable("RIVERTON 000001") == {"+48 22 555 0101"}
